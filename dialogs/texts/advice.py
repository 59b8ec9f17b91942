"""The zwaarwegend advies and the mandate of the organisations."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "advice.action_open": {"nl": "Advies vastleggen", "en": "Record advice"},
    "advice.only_personal": {
        "nl": "Een advies leg je vast in je eigen chat met mij: daar blijven de details privé.",
        "en": "Advice is recorded in your own chat with me, where the details stay private.",
    },
    "advice.not_allowed": {
        "nl": "Alleen de voorzitter van het RET kan een advies vastleggen.",
        "en": "Only the chair of the RET can record advice.",
    },
    "advice.already": {
        "nl": "Het advies voor {number} is al vastgelegd op {when}, door {by}.",
        "en": "The advice for {number} was already recorded on {when}, by {by}.",
    },
    "advice.meeting_ahead": {
        "nl": (
            "Het RET-overleg over {number} is op {when}. Leg het advies vast als het overleg "
            "geweest is: het advies geeft weer wat aan tafel is afgesproken."
        ),
        "en": (
            "The RET meeting about {number} is on {when}. Record the advice once the meeting "
            "has taken place: the advice records what was agreed at the table."
        ),
    },
    "advice.wrong_status": {
        "nl": (
            "Voor {number} kan ik nu geen advies vastleggen: de casus staat op '{status}'. "
            "Een advies volgt op een RET-tafel, consultatie of samenwerkingstafel."
        ),
        "en": (
            "I cannot record advice for {number} now: the case is '{status}'. Advice follows "
            "an RET meeting, a consultation or a collaboration table."
        ),
    },
    "advice.form_sent": {
        "nl": (
            "Vastgelegd door {by} op {when}. Dit formulier is verstuurd; het adviesdocument "
            "volgt hier in de chat."
        ),
        "en": (
            "Recorded by {by} on {when}. This form has been sent; the advice document follows "
            "here in the chat."
        ),
    },
    "advice.form_title": {
        "nl": "Zwaarwegend advies voor {number} ({initials})",
        "en": "Binding advice (zwaarwegend advies) for {number} ({initials})",
    },
    "advice.samenvatting": {"nl": "Samenvatting van de casus", "en": "Summary of the case"},
    "advice.advies": {"nl": "Het advies", "en": "The advice"},
    "advice.afspraken": {"nl": "Afspraken", "en": "Agreements"},
    "advice.afspraken_hint": {
        "nl": (
            "Vul per afspraak in welke organisatie wat doet en wanneer dat uiterlijk klaar is. "
            "Lege afspraken laat ik weg. De afspraken komen op de mandaatkaart in het "
            "teamkanaal: schrijf ze zonder namen of diagnoses van het gezin."
        ),
        "en": (
            "For each agreement, fill in which organisation does what and by when it is done. "
            "I leave out empty ones. The agreements appear on the mandate card in the team "
            "channel: write them without names or diagnoses of the family."
        ),
    },
    "advice.row": {"nl": "Afspraak {row}", "en": "Agreement {row}"},
    "advice.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "advice.organisation_placeholder": {"nl": "Kies een organisatie", "en": "Choose one"},
    "advice.action": {"nl": "Wat gaat de organisatie doen?", "en": "What will it do?"},
    "advice.deadline": {"nl": "Uiterlijk klaar op", "en": "Done by"},
    "advice.deadline_placeholder": {"nl": "Kies een datum", "en": "Pick a date"},
    "advice.person": {"nl": "Wie pakt het op? (niet verplicht)", "en": "Who? (optional)"},
    "advice.add_row": {"nl": "Nog een afspraak", "en": "Another agreement"},
    "advice.attendance": {"nl": "Wie waren erbij?", "en": "Who took part?"},
    "advice.attendance_hint": {
        "nl": (
            "Vul in wie aan tafel zat, en wie er niet bij kon zijn en waarom. De namen komen "
            "alleen in het adviesdocument, niet in het teamkanaal."
        ),
        "en": (
            "Fill in who was at the table, and who could not be there and why. The names go "
            "into the advice document only, not into the team channel."
        ),
    },
    "advice.attendee_name": {"nl": "Naam", "en": "Name"},
    "advice.attendee_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "advice.attendee_role": {"nl": "Rol", "en": "Role"},
    "advice.attendee_present": {"nl": "Aanwezig?", "en": "Present?"},
    "advice.present": {"nl": "Aanwezig", "en": "Present"},
    "advice.absent": {"nl": "Afwezig", "en": "Absent"},
    "advice.absence_reason": {
        "nl": "Reden van afwezigheid (als afwezig)",
        "en": "Reason for absence (if absent)",
    },
    "advice.add_attendee": {"nl": "Nog iemand", "en": "Someone else"},
    "advice.problem.no_attendee": {
        "nl": "Vul bij 'Wie waren erbij?' minstens één aanwezige in.",
        "en": "Under 'Who took part?', fill in at least one person who was present.",
    },
    "advice.problem.attendee_name_missing": {
        "nl": "Bij een deelnemer ontbreekt de naam.",
        "en": "A participant has no name.",
    },
    "advice.problem.attendee_role_unknown": {
        "nl": "Kies bij elke deelnemer een rol uit de lijst.",
        "en": "Choose a role from the list for every participant.",
    },
    "advice.problem.absence_reason_missing": {
        "nl": "Bij iemand die afwezig was ontbreekt de reden.",
        "en": "Someone who was absent has no reason.",
    },
    "advice.issue": {"nl": "Advies vastleggen", "en": "Record advice"},
    "advice.next": {"nl": "Volgende", "en": "Next"},
    "advice.change_row": {"nl": "Wijzigen", "en": "Change"},
    "advice.back": {"nl": "Terug", "en": "Back"},
    "advice.step.1": {
        "nl": "Stap {step} van {steps}: samenvatting, advies en de betalende gemeente.",
        "en": "Step {step} of {steps}: summary, advice and the paying municipality.",
    },
    "advice.step.2": {
        "nl": "Stap {step} van {steps}: de afspraken.",
        "en": "Step {step} of {steps}: the agreements.",
    },
    "advice.step.3": {
        "nl": "Stap {step} van {steps}: wie waren erbij.",
        "en": "Step {step} of {steps}: who took part.",
    },
    "advice.step.4": {
        "nl": "Stap {step} van {steps}: controleer alles en leg het advies vast.",
        "en": "Step {step} of {steps}: check everything and record the advice.",
    },
    "advice.check_afspraak": {
        "nl": "{org}: {action} (uiterlijk {deadline})",
        "en": "{org}: {action} (by {deadline})",
    },
    "advice.check_none": {"nl": "(nog niets ingevuld)", "en": "(nothing filled in yet)"},
    "advice.check_hint": {
        "nl": (
            "Klopt alles? Kies 'Advies vastleggen'. Met 'Terug' pas je nog iets aan; wat je "
            "invulde blijft bewaard."
        ),
        "en": (
            "Is everything right? Choose 'Record advice'. 'Back' lets you change something; "
            "what you entered is kept."
        ),
    },
    "advice.paused": {
        "nl": (
            "Bewaard. Kies later 'Advies vastleggen' bij de casus in 'Mijn casussen': je gaat "
            "verder met wat je al had ingevuld."
        ),
        "en": (
            "Saved. Later, choose 'Record advice' at the case in 'My cases': you carry on with "
            "what you had entered."
        ),
    },
    "advice.gemeente": {
        "nl": "Betalende gemeente (woonplaatsbeginsel)",
        "en": "Paying municipality (woonplaatsbeginsel: where the child lives)",
    },
    "advice.gemeente_hint": {
        "nl": (
            "Bij de aanmelding opgegeven: {gemeente}. Wijkt de gemeente volgens het "
            "woonplaatsbeginsel daarvan af, kies dan de juiste: het advies en de rapportage "
            "volgen je keuze."
        ),
        "en": (
            "Given at the request: {gemeente}. If the municipality responsible under the "
            "woonplaatsbeginsel differs, choose the right one: the advice and the report "
            "follow your choice."
        ),
    },
    "advice.problem.gemeente_unknown": {
        "nl": "Kies de betalende gemeente uit de lijst.",
        "en": "Choose the paying municipality from the list.",
    },
    "advice.asked_by_email": {
        "nl": "Gevraagd aan {name} per e-mail; het antwoord verschijnt hier.",
        "en": "Asked of {name} by e-mail; the answer appears here.",
    },
    "advice.mail.subject": {
        "nl": "Mandaat gevraagd: advies {number} ({initials}) van het {ret}",
        "en": "Mandate needed: advice {number} ({initials}) of the {ret}",
    },
    "advice.mail.body": {
        "nl": (
            "Beste {name},\n\n"
            "Het {ret} heeft een zwaarwegend advies gegeven over casus {number} ({initials}). "
            "Daarin staat een afspraak voor {org}. Het {ret} noemt u als degene die namens "
            "{org} het mandaat bevestigt.\n\n"
            "Bevestig via deze link dat {org} haar deel uitvoert, of geef aan dat dat niet "
            "kan, met de reden:\n{url}\n\n"
            "De link is {days} dagen geldig en alleen voor u bedoeld: stuur hem niet door."
        ),
        "en": (
            "Dear {name},\n\n"
            "The {ret} has given binding advice (zwaarwegend advies) on case {number} "
            "({initials}). It holds an agreement for {org}. The {ret} names you as the person "
            "who confirms it with the mandate of {org}.\n\n"
            "Through this link, confirm that {org} will carry out its part, or say that it "
            "cannot, with the reason:\n{url}\n\n"
            "The link is valid for {days} days and meant for you only: do not forward it."
        ),
    },
    "mandate.page.title": {
        "nl": "Mandaat voor een advies van het RET",
        "en": "Mandate for an advice of the RET",
    },
    "mandate.page.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "mandate.page.afspraken": {"nl": "De afspraken voor {org}", "en": "The agreements for {org}"},
    "mandate.page.intro": {
        "nl": (
            "Bevestigt u met het mandaat van {org} dat deze afspraken worden uitgevoerd? Kan "
            "dat niet, geef dan de reden. Alleen de voorzitter van het RET leest de reden."
        ),
        "en": (
            "Do you confirm, with the mandate of {org}, that these agreements will be carried "
            "out? If that cannot be done, give the reason. Only the chair of the RET reads it."
        ),
    },
    "mandate.page.confirm": {"nl": "Mandaat bevestigen", "en": "Confirm mandate"},
    "mandate.page.decline": {"nl": "Kan niet bevestigen", "en": "Cannot confirm"},
    "mandate.page.reason": {
        "nl": "Waarom kan {org} dit niet bevestigen?",
        "en": "Why can {org} not confirm this?",
    },
    "mandate.page.reason_missing": {
        "nl": "Schrijf eerst waarom uw organisatie dit niet kan bevestigen.",
        "en": "First write why your organisation cannot confirm this.",
    },
    "mandate.page.confirmed": {
        "nl": "Bevestigd door {name} op {day}.",
        "en": "Confirmed by {name} on {day}.",
    },
    "mandate.page.declined": {
        "nl": (
            "Niet bevestigd door {name} op {day}. De voorzitter is ingelicht. Kan het toch, "
            "bevestig dan alsnog."
        ),
        "en": (
            "Not confirmed by {name} on {day}. The chair has been told. If it can be done "
            "after all, confirm it now."
        ),
    },
    "mandate.page.thanks": {
        "nl": "Dank u wel. Uw antwoord is vastgelegd en gaat naar het RET.",
        "en": "Thank you. Your answer has been recorded and goes to the RET.",
    },
    "advice.problem.samenvatting_empty": {
        "nl": "De samenvatting van de casus is nog leeg.",
        "en": "The case summary is still empty.",
    },
    "advice.problem.advies_empty": {
        "nl": "Het advies zelf is nog leeg.",
        "en": "The advice itself is still empty.",
    },
    "advice.problem.no_afspraak": {
        "nl": "Er staat nog geen afspraak in. Vul minstens één afspraak in.",
        "en": "There is no agreement yet. Fill in at least one.",
    },
    "advice.problem.organisation_missing": {
        "nl": "Bij afspraak {row} ontbreekt de organisatie.",
        "en": "Agreement {row} has no organisation.",
    },
    "advice.problem.organisation_unknown": {
        "nl": "Afspraak {row}: kies een organisatie uit de lijst.",
        "en": "Agreement {row}: choose an organisation from the list.",
    },
    "advice.problem.action_missing": {
        "nl": "Bij afspraak {row} staat nog niet wat de organisatie gaat doen.",
        "en": "Agreement {row} does not say yet what the organisation will do.",
    },
    "advice.problem.deadline_missing": {
        "nl": "Bij afspraak {row} ontbreekt de datum waarop het klaar moet zijn.",
        "en": "Agreement {row} has no date by which it must be done.",
    },
    "advice.problem.deadline_format": {
        "nl": "Afspraak {row}: de datum herken ik niet. Kies een datum in de kalender.",
        "en": "Agreement {row}: I do not recognise the date. Pick one in the calendar.",
    },
    "advice.problem.deadline_past": {
        "nl": "Afspraak {row}: de datum ligt in het verleden. Kies vandaag of later.",
        "en": "Agreement {row}: the date is in the past. Choose today or later.",
    },
    "advice.issued": {
        "nl": (
            "Het advies voor {number} is vastgelegd. De mandaatkaart staat klaar voor het "
            "kernteam en de verwijzer heeft bericht."
        ),
        "en": (
            "The advice for {number} is recorded. The mandate card is out for the core team "
            "and the referrer has been told."
        ),
    },
    "advice.issued_waiting": {
        "nl": (
            "Het advies voor {number} is vastgelegd. Nog niet iedereen kon bericht krijgen: "
            "de mandaatkaart en het bericht aan de verwijzer gaan uit zodra retbot het "
            "teamkanaal en de verwijzer kan bereiken. Staat retbot nog niet in het teamkanaal "
            "van het RET, voeg mij daar dan toe."
        ),
        "en": (
            "The advice for {number} is recorded. Not everyone could be told yet: the mandate "
            "card and the message to the referrer go out as soon as retbot can reach the team "
            "channel and the referrer. If retbot is not in the RET's team channel yet, add me "
            "there."
        ),
    },
    "advice.referrer": {
        "nl": (
            "Het RET heeft een zwaarwegend advies gegeven over je aanmelding {number}. De "
            "voorzitter bespreekt het advies met je."
        ),
        "en": (
            "The RET has given its binding advice (zwaarwegend advies) on your request {number}. "
            "The chair will go "
            "through it with you."
        ),
    },
    "advice.card_title": {
        "nl": "Mandaat gevraagd: advies {number} ({initials})",
        "en": "Mandate needed: advice {number} ({initials})",
    },
    "advice.card_intro": {
        "nl": (
            "Kernteamleden: bevestig met het mandaat van je organisatie dat jullie de "
            "afspraken hieronder uitvoeren."
        ),
        "en": (
            "Core team members: confirm with your organisation's mandate that it will carry "
            "out the agreements below."
        ),
    },
    "advice.afspraak_line": {
        "nl": "{action} (uiterlijk {deadline})",
        "en": "{action} (by {deadline})",
    },
    "advice.open": {"nl": "Nog niet bevestigd", "en": "Not confirmed yet"},
    "advice.confirmed": {
        "nl": "Bevestigd door {name}, {when}",
        "en": "Confirmed by {name}, {when}",
    },
    "advice.declined": {
        "nl": "Niet bevestigd door {name}, {when}. De voorzitter is ingelicht.",
        "en": "Not confirmed by {name}, {when}. The chair has been told.",
    },
    "advice.confirm": {"nl": "Mandaat bevestigen", "en": "Confirm mandate"},
    "advice.decline": {"nl": "Kan niet bevestigen", "en": "Cannot confirm"},
    "advice.reason_label": {
        "nl": (
            "Waarom kan je organisatie dit niet bevestigen? Alleen de voorzitter leest de reden."
        ),
        "en": "Why can your organisation not confirm this? Only the chair reads the reason.",
    },
    "advice.decline_send": {"nl": "Reden versturen", "en": "Send reason"},
    "advice.all_confirmed_card": {
        "nl": "Alle organisaties hebben hun deel van het advies bevestigd.",
        "en": "Every organisation has confirmed its part of the advice.",
    },
    "advice.mandate_not_allowed": {
        "nl": (
            "Alleen een kernteamlid van deze organisatie, of de contactpersoon die het RET "
            "ervoor noemt, kan haar deel van het advies bevestigen."
        ),
        "en": (
            "Only a core team member of this organisation, or the contact the RET names for "
            "it, can confirm its part of the advice."
        ),
    },
    "advice.reason_missing": {
        "nl": (
            "Schrijf eerst onder 'Kan niet bevestigen' waarom je organisatie dit niet kan "
            "bevestigen, en kies dan 'Reden versturen'."
        ),
        "en": (
            "First write under 'Cannot confirm' why your organisation cannot confirm, then "
            "choose 'Send reason'."
        ),
    },
    "advice.all_confirmed": {
        "nl": (
            "Alle organisaties hebben hun deel van het advies voor {number} ({initials}) bevestigd."
        ),
        "en": "Every organisation has confirmed its part of the advice for {number} ({initials}).",
    },
    "advice.declined_chair": {
        "nl": (
            "{who} kan het deel van {org} in het advies voor {number} ({initials}) "
            "niet bevestigen. Voorzitter: de reden staat in je eigen chat met mij en in het "
            "verloop van de casus."
        ),
        "en": (
            "{who} cannot confirm {org}'s part of the advice for {number} "
            "({initials}). Chair: the reason is in your own chat with me and in the case's "
            "timeline."
        ),
    },
    "advice.declined_reason": {
        "nl": (
            "{who} kan het deel van {org} in het advies voor {number} ({initials}) "
            "niet bevestigen. Reden: {reason}"
        ),
        "en": (
            "{who} cannot confirm {org}'s part of the advice for {number} "
            "({initials}). Reason: {reason}"
        ),
    },
}
