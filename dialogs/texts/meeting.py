"""Around the RET meeting: the flexibele schil, contact with the family, who comes, the
readiness card and the agenda."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "prep.title": {
        "nl": "Voorbereiding RET-overleg {number} ({initials})",
        "en": "Preparing RET meeting {number} ({initials})",
    },
    "prep.intro": {
        "nl": "Het overleg is ingepland op {day} om {start} uur. Regel hier wie het gezin "
        "vooraf belt en wie uit de flexibele schil aanschuift.",
        "en": "The meeting is booked for {day} at {start}. Choose here who calls the family "
        "beforehand and who from the flexible shell joins.",
    },
    "prep.contact_label": {
        "nl": "Wie neemt vóór {due} contact op met ouders en jeugdige?",
        "en": "Who contacts the parents and young person before {due}?",
    },
    "prep.schil_label": {
        "nl": "Wie uit de flexibele schil nodig je uit? Vink aan wie je erbij wilt hebben.",
        "en": "Whom from the flexible shell do you invite? Tick who you want there.",
    },
    "prep.schil_choice": {
        "nl": "{name} ({organisation}), vanwege: {reasons}",
        "en": "{name} ({organisation}), because of: {reasons}",
    },
    "prep.no_schil": {
        "nl": "Geen expert uit de flexibele schil past bij de problematiek van deze casus.",
        "en": "No flexible-shell expert matches the problems of this case.",
    },
    "prep.save": {"nl": "Vastleggen", "en": "Save"},
    "prep.not_allowed": {
        "nl": "Alleen de voorzitter van het RET regelt de voorbereiding van het overleg.",
        "en": "Only the chair of the RET arranges the preparation of the meeting.",
    },
    "prep.unknown_member": {
        "nl": "Die persoon staat niet (meer) in de ledenlijst van het RET; er is niets "
        "veranderd. Kies iemand uit de lijst.",
        "en": "That person is not (or no longer) on the RET's roster; nothing changed. "
        "Choose someone from the list.",
    },
    "prep.no_booking": {
        "nl": "Casus {number} heeft geen ingepland RET-overleg (meer); er is niets veranderd.",
        "en": "Case {number} has no booked RET meeting (any more); nothing changed.",
    },
    "prep.saved": {
        "nl": "Vastgelegd voor casus {number}: {contact} neemt contact op met het gezin.",
        "en": "Saved for case {number}: {contact} contacts the family.",
    },
    "prep.saved_schil": {
        "nl": " Uitgenodigd uit de flexibele schil: {names}.",
        "en": " Invited from the flexible shell: {names}.",
    },
    "prep.contact_done": {
        "nl": " Het contact met het gezin is al geweest; dat blijft zo.",
        "en": " The family has already been contacted; that stays as it is.",
    },
    "schil.intro": {
        "nl": "Je bent vanuit de flexibele schil uitgenodigd voor het RET-overleg over casus "
        "{number} ({initials}): de casus vraagt om jouw expertise. De verwijzer, de jeugdige "
        "en de ouders zijn erbij; de voorzitter vertelt je vooraf wat er van je gevraagd wordt.",
        "en": "You are invited from the flexible shell to the RET meeting about case {number} "
        "({initials}): the case calls for your expertise. The referrer, the young person and "
        "the parents attend; the chair tells you beforehand what is asked of you.",
    },
    "email.schil.body": {
        "nl": (
            "Beste {name},\n\n"
            "Je bent vanuit de flexibele schil uitgenodigd voor het RET-overleg over casus "
            "{number} ({initials}): {day}, van {start} tot {end} uur, {location}. De "
            "verwijzer, de jeugdige en de ouders zijn erbij.\n\n"
            "De uitnodiging voor je agenda zit als bijlage bij deze e-mail. Je krijgt hem per "
            "e-mail omdat ik je niet in Teams kan bereiken."
        ),
        "en": (
            "Dear {name},\n\n"
            "You are invited from the flexible shell to the RET meeting about case {number} "
            "({initials}): {day}, from {start} to {end}, {location}. The referrer, the young "
            "person and the parents attend.\n\n"
            "The calendar invitation is attached to this email. You get it by email because I "
            "cannot reach you in Teams."
        ),
    },
    "family.title": {
        "nl": "Contact met ouders/jeugdige vóór het overleg: {number} ({initials})",
        "en": "Contact with parents/young person before the meeting: {number} ({initials})",
    },
    "family.intro": {
        "nl": "Wil je vóór {due} contact opnemen met de ouders en de jeugdige? Het RET-overleg "
        "is op {day} om {start} uur. Vraag hoe zij willen deelnemen en hoe zij ondersteund "
        "willen worden: hun wens is het vertrekpunt.",
        "en": "Will you contact the parents and the young person before {due}? The RET "
        "meeting is on {day} at {start}. Ask how they want to take part and how they want to "
        "be supported: their wish is the starting point.",
    },
    "family.reach": {
        "nl": "Zo bereik je het gezin (uit de aanmelding): {how}",
        "en": "How to reach the family (from the request): {how}",
    },
    "family.reach_details": {
        "nl": "Hoe je het gezin bereikt, staat in de volledige aanmelding (triagekaart of "
        "Mijn casussen); is er nog geen toestemming, vraag het dan de verwijzer.",
        "en": "How to reach the family is in the full request (triage card or My cases); "
        "without consent yet, ask the referrer.",
    },
    "family.participation": {
        "nl": "Hoe willen zij deelnemen?",
        "en": "How do they want to take part?",
    },
    "family.participation.aanwezig": {
        "nl": "Ze komen naar het overleg",
        "en": "They come to the meeting",
    },
    "family.participation.online": {
        "nl": "Ze doen mee via Teams of telefoon",
        "en": "They join by Teams or phone",
    },
    "family.participation.deels": {
        "nl": "Ze zijn een deel van het overleg erbij, of iemand spreekt namens hen",
        "en": "They attend part of the meeting, or someone speaks for them",
    },
    "family.participation.niet": {
        "nl": "Ze doen niet mee",
        "en": "They do not take part",
    },
    "family.wishes": {
        "nl": "Hoe willen zij ondersteund worden, en wat vinden zij belangrijk? (in hun eigen "
        "woorden)",
        "en": "How do they want to be supported, and what matters to them? (in their own words)",
    },
    "family.missing": {
        "nl": "Vul in hoe het gezin wil deelnemen en wat zij zelf zeggen.",
        "en": "Please fill in how the family takes part and what they say themselves.",
    },
    "family.save": {"nl": "Uitkomst vastleggen", "en": "Record the outcome"},
    "family.saved": {
        "nl": "Dank je. De uitkomst van het contact met het gezin van casus {number} is "
        "vastgelegd.",
        "en": "Thank you. The outcome of the contact with the family of case {number} is recorded.",
    },
    "family.already": {
        "nl": (
            "De uitkomst voor casus {number} is al vastgelegd op {when} door {by}. Er is "
            "niets veranderd."
        ),
        "en": (
            "The outcome for case {number} was already recorded on {when} by {by}. Nothing changed."
        ),
    },
    "family.not_yours": {
        "nl": "Deze taak staat niet (meer) op jouw naam; er is niets vastgelegd.",
        "en": "This task is not (or no longer) yours; nothing was recorded.",
    },
    "family.reminder": {
        "nl": "Herinnering: het contact met ouders/jeugdige van casus {number} ({initials}) "
        "had vóór {due} moeten plaatsvinden. Wil je het alsnog doen en de uitkomst vastleggen "
        "op de kaart van de taak?",
        "en": "Reminder: the contact with the parents/young person of case {number} "
        "({initials}) was due before {due}. Will you still make it and record the outcome on "
        "the task's card?",
    },
    "family.reminder_chair": {
        "nl": "Het contact met het gezin van casus {number} ({initials}) is nog niet "
        "vastgelegd (uiterlijk {due}, bij {name}).",
        "en": "The contact with the family of case {number} ({initials}) is not recorded yet "
        "(due {due}, with {name}).",
    },
    "family.open_line": {
        "nl": "Contact met het gezin: nog open, bij {name}, uiterlijk {due}",
        "en": "Contact with the family: open, with {name}, due {due}",
    },
    "family.overdue_line": {
        "nl": "Contact met het gezin: te laat, bij {name}, was uiterlijk {due}",
        "en": "Contact with the family: overdue, with {name}, was due {due}",
    },
    "attend.yes": {"nl": "Ik kom", "en": "I will come"},
    "attend.no": {"nl": "Ik kan niet", "en": "I cannot come"},
    "attend.stand_in": {
        "nl": "Wie komt in je plaats? (leeg laten als niemand kan)",
        "en": "Who comes in your place? (leave empty if nobody can)",
    },
    "attend.answer": {"nl": "Je antwoord", "en": "Your answer"},
    "attend.own_stand_in": {
        "nl": "Ik kan niet, {name} komt in mijn plaats",
        "en": "I cannot come, {name} comes instead",
    },
    "attend.already": {
        "nl": (
            "Je antwoord voor het RET-overleg over casus {number} ({answer}) is al vastgelegd "
            "op {when} door {by}. Er is niets veranderd."
        ),
        "en": (
            "Your answer for the RET meeting about case {number} ({answer}) was already "
            "recorded on {when} by {by}. Nothing changed."
        ),
    },
    "attend.send": {"nl": "Doorgeven", "en": "Send"},
    "attend.thanks_yes": {
        "nl": "Dank je, genoteerd: je komt naar het RET-overleg over casus {number}.",
        "en": "Thank you, noted: you will come to the RET meeting about case {number}.",
    },
    "attend.thanks_stand_in": {
        "nl": "Dank je, genoteerd: {stand_in} komt in je plaats naar het RET-overleg over "
        "casus {number}.",
        "en": "Thank you, noted: {stand_in} will come in your place to the RET meeting about "
        "case {number}.",
    },
    "attend.thanks_no": {
        "nl": "Dank je, genoteerd: je kunt niet bij het RET-overleg over casus {number} zijn. "
        "De voorzitter ziet dit bij de voorbereiding.",
        "en": "Thank you, noted: you cannot attend the RET meeting about case {number}. The "
        "chair sees this when preparing.",
    },
    "attend.not_invited": {
        "nl": "Je staat niet op de uitnodigingslijst van dit overleg; er is niets vastgelegd.",
        "en": "You are not on the invitation list of this meeting; nothing was recorded.",
    },
    "ready.title": {
        "nl": "Klaar voor het overleg? {number} ({initials})",
        "en": "Ready for the meeting? {number} ({initials})",
    },
    "ready.when": {
        "nl": "RET-overleg op {day} om {start} uur.",
        "en": "RET meeting on {day} at {start}.",
    },
    "ready.referrer": {"nl": "Verwijzer", "en": "Referrer"},
    "ready.family": {"nl": "Gezin", "en": "Family"},
    "ready.onderwijs": {"nl": "Onderwijs", "en": "Education"},
    "ready.kernteam": {"nl": "Kernteam", "en": "Core team"},
    "ready.schil": {"nl": "Flexibele schil", "en": "Flexible shell"},
    "ready.komt": {"nl": "komt", "en": "comes"},
    "ready.kan_niet": {"nl": "kan niet", "en": "cannot come"},
    "ready.stand_in": {
        "nl": "kan niet, {name} komt in de plaats",
        "en": "cannot come, {name} stands in",
    },
    "ready.no_answer": {"nl": "nog geen antwoord", "en": "no answer yet"},
    "ready.family_open": {
        "nl": "nog geen contact vastgelegd ({name})",
        "en": "no contact recorded yet ({name})",
    },
    "ready.school": {"nl": "school betrokken: {value}", "en": "school involved: {value}"},
    "ready.none_invited": {"nl": "niemand uitgenodigd", "en": "nobody invited"},
    "ready.flag": {
        "nl": "Let op: zonder verwijzer en jeugdige/ouders geen overleg. {missing} nog niet "
        "bevestigd. Schuif de casus zo nodig door naar het volgende vrije moment.",
        "en": "Note: no meeting without the referrer and the young person/parents. {missing} "
        "not confirmed yet. Move the case to the next free slot if needed.",
    },
    "ready.ok": {
        "nl": "Verwijzer en gezin hebben bevestigd.",
        "en": "Referrer and family have confirmed.",
    },
    "ready.missing_referrer": {"nl": "De verwijzer heeft", "en": "The referrer has"},
    "ready.missing_family": {"nl": "Het gezin heeft", "en": "The family has"},
    "ready.missing_both": {
        "nl": "De verwijzer en het gezin hebben",
        "en": "The referrer and the family have",
    },
    "agenda.title": {
        "nl": "Agenda RET-overleg {day}",
        "en": "Agenda RET meeting {day}",
    },
    "agenda.intro": {
        "nl": "Het RET-overleg is op {day}, {location}. Deze casussen komen aan bod tussen "
        "{start} en {end} uur. Per casus staan hier alleen het nummer en de initialen; de "
        "volledige aanmelding ligt bij de voorzitter.",
        "en": "The RET meeting is on {day}, {location}. These cases are discussed between "
        "{start} and {end}. Per case only the number and initials are here; the full request "
        "is with the chair.",
    },
    "agenda.case": {
        "nl": "{start} uur · {number} ({initials})",
        "en": "{start} · {number} ({initials})",
    },
    "agenda.age": {"nl": "Leeftijd", "en": "Age group"},
    "agenda.age_value": {"nl": "{group} jaar", "en": "{group} years"},
    "agenda.kind": {"nl": "Soort vraag", "en": "Kind of question"},
    "agenda.ask": {"nl": "Wat vragen we van de tafel", "en": "What we ask of the table"},
    "agenda.mail_greeting": {"nl": "Beste {name},", "en": "Dear {name},"},
    "agenda.mail_line": {
        "nl": "- {start} uur · {number} ({initials}) · {group} jaar · {ask}",
        "en": "- {start} · {number} ({initials}) · {group} years · {ask}",
    },
    "agenda.subject": {
        "nl": "Agenda RET-overleg {day}",
        "en": "Agenda RET meeting {day}",
    },
    "table_ask.passende_plek": {
        "nl": "Samen een passende plek vinden en afspreken wie die biedt en betaalt",
        "en": "Find a suitable place together and agree who provides and pays for it",
    },
    "table_ask.samenwerking": {
        "nl": "De vastgelopen samenwerking weer op gang brengen, met heldere afspraken",
        "en": "Get the stuck collaboration going again, with clear agreements",
    },
    "table_ask.visieverschil": {
        "nl": "Tot één gedeelde visie komen op wat deze jeugdige nodig heeft",
        "en": "Reach one shared view of what this young person needs",
    },
    "table_ask.toekomst": {
        "nl": "Een toekomstperspectief schetsen en de eerste stappen afspreken",
        "en": "Sketch a future perspective and agree the first steps",
    },
    "table_ask.expertise": {
        "nl": "Expertise inbrengen die nu ontbreekt",
        "en": "Bring in expertise that is missing now",
    },
    "table_ask.procesregie": {
        "nl": "Afspreken wie de regie neemt en hoe",
        "en": "Agree who coordinates, and how",
    },
    "table_ask.analyse": {
        "nl": "Samen een verklarende analyse maken: wat speelt er en waarom",
        "en": "Make an explanatory analysis together: what is going on and why",
    },
    "table_ask.18min_plus": {
        "nl": "De overgang naar 18+ zonder breuk in de hulp regelen",
        "en": "Arrange the transition to 18+ without a break in care",
    },
    "table_ask.unknown": {
        "nl": "Meedenken over een vastgelopen zorgvraag",
        "en": "Think along about a care question that has got stuck",
    },
}
