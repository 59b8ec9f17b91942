"""Follow-up after the advice, in Teams and on the answer page, and escalation."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "follow_up.title": {
        "nl": "Follow-up {number} ({initials})",
        "en": "Follow-up {number} ({initials})",
    },
    "follow_up.reminder": {"nl": "Herinnering: ", "en": "Reminder: "},
    "follow_up.intro": {
        "nl": (
            "Het RET vraagt na het advies geregeld hoe het gaat, zodat we op tijd kunnen "
            "bijsturen als iets vastloopt. Antwoorden kost een minuut."
        ),
        "en": (
            "After its advice the RET asks regularly how things are going, so it can step "
            "in early when something stalls. Answering takes a minute."
        ),
    },
    "follow_up.afspraak": {"nl": "Afspraak", "en": "Agreement"},
    "follow_up.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "follow_up.question.org": {
        "nl": "Hoe staat de afspraak van {org} ervoor?",
        "en": "How is the agreement of {org} going?",
    },
    "follow_up.question.referrer": {
        "nl": "Hoe gaat het nu met de jeugdige, en helpen de afspraken uit het advies?",
        "en": "How is the young person doing now, and do the agreements of the advice help?",
    },
    "follow_up.choice.org.op_schema": {"nl": "Loopt volgens plan", "en": "On track"},
    "follow_up.choice.org.vertraagd": {"nl": "Vertraagd", "en": "Delayed"},
    "follow_up.choice.org.gestopt": {
        "nl": "Gestopt / lukt niet",
        "en": "Stopped / not working",
    },
    "follow_up.choice.referrer.op_schema": {
        "nl": "Het gaat volgens plan",
        "en": "Going according to plan",
    },
    "follow_up.choice.referrer.vertraagd": {
        "nl": "Het gaat moeizaam of loopt vertraging op",
        "en": "Difficult, or delayed",
    },
    "follow_up.choice.referrer.gestopt": {
        "nl": "De hulp is gestopt of het lukt niet",
        "en": "The help has stopped, or it is not working",
    },
    "follow_up.note_label.org": {
        "nl": "Toelichting (nodig bij vertraagd of gestopt)",
        "en": "Explanation (needed when delayed or stopped)",
    },
    "follow_up.note_label.referrer": {
        "nl": "Toelichting (nodig als het moeizaam gaat of niet lukt)",
        "en": "Explanation (needed when it is difficult or not working)",
    },
    "follow_up.note": {"nl": "Toelichting", "en": "Explanation"},  # on the answered card
    "follow_up.send": {"nl": "Antwoord versturen", "en": "Send answer"},
    "follow_up.link": {
        "nl": (
            "Kan een collega zonder Teams dit beter beantwoorden? De knop 'Link voor een "
            "collega zonder Teams' opent de pagina; stuur het adres daarvan door. De link werkt "
            "{days} dagen en voor één antwoord."
        ),
        "en": (
            "Could a colleague without Teams answer this better? The button 'Link for a "
            "colleague without Teams' opens the page; forward its address. The link works for "
            "{days} days and for one answer."
        ),
    },
    "follow_up.link_button": {
        "nl": "Link voor een collega zonder Teams",
        "en": "Link for a colleague without Teams",
    },
    "follow_up.problem.choice": {
        "nl": "Kies eerst hoe het ervoor staat.",
        "en": "First choose how it is going.",
    },
    "follow_up.problem.toelichting_missing": {
        "nl": "Schrijf bij vertraagd of gestopt kort wat er aan de hand is.",
        "en": "When it is delayed or stopped, briefly write what is going on.",
    },
    "follow_up.problem.toelichting_long": {
        "nl": "De toelichting is te lang: houd het bij {max} tekens.",
        "en": "The explanation is too long: keep it within {max} characters.",
    },
    "follow_up.thanks": {
        "nl": "Dank je wel, je antwoord over {number} is vastgelegd.",
        "en": "Thank you, your answer about {number} has been recorded.",
    },
    "follow_up.thanks_escalated": {
        "nl": (
            "Dank je wel, je antwoord over {number} is vastgelegd. De voorzitter heeft bericht "
            "en neemt contact op."
        ),
        "en": (
            "Thank you, your answer about {number} has been recorded. The chair has been "
            "told and will get in touch."
        ),
    },
    "follow_up.already": {
        "nl": (
            "Op deze vraag over {number} is al geantwoord, op {when} door {by}. Er is niets "
            "veranderd."
        ),
        "en": (
            "This question about {number} was answered already, on {when} by {by}. Nothing changed."
        ),
    },
    "follow_up.answered": {
        "nl": "Beantwoord door {by} op {when}: {progress}.",
        "en": "Answered by {by} on {when}: {progress}.",
    },
    "follow_up.closed": {
        "nl": "De casus {number} is afgesloten; de follow-up is gestopt.",
        "en": "Case {number} is closed; the follow-up has ended.",
    },
    "follow_up.not_allowed": {
        "nl": (
            "Deze vraag is voor een kernteamlid van de organisatie van de afspraak, of voor "
            "de verwijzer. Jouw antwoord is niet vastgelegd."
        ),
        "en": (
            "This question is for a core team member of the agreement's organisation, or for "
            "the referrer. Your answer has not been recorded."
        ),
    },
    "follow_up.unknown": {
        "nl": "Deze follow-upvraag ken ik niet (meer).",
        "en": "I do not know this follow-up question (any more).",
    },
    "follow_up.unreachable": {
        "nl": (
            "Follow-up {number} ({initials}): ik kan {who} niet in Teams bereiken. Stuur deze "
            "link door, dan kan er zonder Teams geantwoord worden: {url}"
        ),
        "en": (
            "Follow-up {number} ({initials}): I cannot reach {who} in Teams. Forward this "
            "link so they can answer without Teams: {url}"
        ),
    },
    "follow_up.the_referrer": {"nl": "de verwijzer", "en": "the referrer"},
    "follow_up.escalate_no_answer": {
        "nl": (
            "Follow-up {number} ({initials}): {who} heeft na {reminders} herinneringen niet "
            "geantwoord. Voorgestelde eerste stap van de escalatieladder: {step}{contact}."
        ),
        "en": (
            "Follow-up {number} ({initials}): {who} did not answer after {reminders} "
            "reminders. Suggested first step of the escalation ladder: {step}{contact}."
        ),
    },
    "follow_up.escalate_stopped": {
        "nl": (
            "Follow-up {number} ({initials}): {who} meldt dat het gestopt is of niet lukt. "
            "Voorgestelde eerste stap van de escalatieladder: {step}{contact}. De toelichting "
            "staat in de chat van de voorzitter met retbot en in het verloop van de casus."
        ),
        "en": (
            "Follow-up {number} ({initials}): {who} reports that it stopped or is not "
            "working. Suggested first step of the escalation ladder: {step}{contact}. The "
            "explanation is in the chair's chat with retbot and in the case's timeline."
        ),
    },
    "follow_up.contact": {"nl": " (contact: {name})", "en": " (contact: {name})"},
    "follow_up.stopped_note": {
        "nl": "Toelichting van {who} bij {number} ({initials}): {note}",
        "en": "Explanation from {who} about {number} ({initials}): {note}",
    },
    "follow_up.ladder_title": {
        "nl": "Escalatieladder {number} ({initials})",
        "en": "Escalation ladder {number} ({initials})",
    },
    "follow_up.ladder_intro": {
        "nl": "Alleen de voorzitter zet een volgende stap; elke stap komt in het verloop.",
        "en": "Only the chair takes a next step; each step goes into the case's timeline.",
    },
    "follow_up.ladder_taken": {"nl": "✔ {step}", "en": "✔ {step}"},
    "follow_up.ladder_open": {"nl": "○ {step}", "en": "○ {step}"},
    "follow_up.ladder_next": {"nl": "Volgende stap: {step}", "en": "Next step: {step}"},
    "follow_up.ladder_done": {
        "nl": "Vastgelegd voor {number}: {step}.{contact}",
        "en": "Recorded for {number}: {step}.{contact}",
    },
    "follow_up.ladder_refused": {
        "nl": "Die stap kan nu niet: de ladder gaat één stap tegelijk, bij een lopende casus.",
        "en": "Not possible now: the ladder goes one step at a time, in an open case.",
    },
    "follow_up.ladder_chair_only": {
        "nl": "Alleen de voorzitter zet een stap op de escalatieladder.",
        "en": "Only the chair takes a step on the escalation ladder.",
    },
    "follow_up.ladder_already": {
        "nl": "Die stap is al gezet voor {number}: {step}, door {by} op {when}.",
        "en": "That step has already been taken for {number}: {step}, by {by} on {when}.",
    },
    "page.title": {"nl": "Follow-up van het RET", "en": "RET follow-up"},
    "page.case": {"nl": "Casus", "en": "Case"},
    "page.initials": {"nl": "Initialen", "en": "Initials"},
    "page.thanks": {
        "nl": "Dank u wel. Uw antwoord is vastgelegd en gaat naar het RET.",
        "en": "Thank you. Your answer has been recorded and goes to the RET.",
    },
    "page.invalid": {
        "nl": (
            "Deze link klopt niet. Controleer of u de hele link hebt gekopieerd, of vraag het "
            "RET om een nieuwe."
        ),
        "en": (
            "This link is not valid. Check that you copied all of it, or ask the RET for a new one."
        ),
    },
    "page.expired": {
        "nl": "Deze link is verlopen. Vraag het RET om een nieuwe link.",
        "en": "This link has expired. Ask the RET for a new link.",
    },
    "page.used": {
        "nl": "Op deze vraag is al geantwoord. Een link werkt voor één antwoord.",
        "en": "This question has been answered already. A link works for one answer.",
    },
    "page.closed": {
        "nl": "Deze casus is afgesloten; er hoeft niets meer ingevuld te worden.",
        "en": "This case is closed; nothing needs to be filled in any more.",
    },
    "page.bad_form": {
        "nl": "Dit formulier kon ik niet lezen. Vul het opnieuw in en verstuur het nog eens.",
        "en": "I could not read this form. Fill it in again and send it once more.",
    },
}
