"""The aanmelding: its steps and how bad input is asked again."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "intake.complaint_title": {
        "nl": "Gaat het (ook) om een klacht?",
        "en": "Is this (also) a complaint?",
    },
    "intake.complaint": {
        "nl": (
            "Wat je beschrijft klinkt (ook) als een klacht. Vervelend dat je dit meemaakt. "
            "Het RET behandelt zelf geen klachten; een klacht wordt het zorgvuldigst "
            "behandeld via een van deze routes:"
        ),
        "en": (
            "What you describe sounds (also) like a complaint. Sorry you ran into this. The "
            "RET does not handle complaints itself; a complaint is handled best through:"
        ),
    },
    "intake.complaint_continue": {
        "nl": (
            "Is er daarnaast een vastgelopen zorgvraag waarbij het RET kan helpen? Dan gaan "
            "we verder met de aanmelding. Wil je liever eerst de klachtroute volgen, dan "
            "stoppen we hier."
        ),
        "en": (
            "Is there also a care question that has got stuck, which the RET can help with? Then "
            "we continue "
            "with the request. If you would rather take the complaint route first, we stop "
            "here."
        ),
    },
    "intake.complaint_go_on": {
        "nl": "Ja, ga verder met de aanmelding",
        "en": "Yes, continue with the request",
    },
    "intake.complaint_stop": {
        "nl": "Nee, ik kies een klachtroute",
        "en": "No, I will take a complaint route",
    },
    "intake.complaint_stopped": {
        "nl": (
            "Goed, dan stoppen we hier; je concept is weggegooid. Loopt de zorgvraag later "
            "toch vast, dan kun je altijd opnieuw aanmelden via 'Nieuwe aanmelding'."
        ),
        "en": (
            "All right, we stop here; your draft has been discarded. If the care question "
            "gets stuck later, you can always apply again through 'New request'."
        ),
    },
    "intake.complaint_event": {
        "nl": "De aanmelding las als een klacht ('{cue}'); de aanmelder koos ervoor door te gaan.",
        "en": "The request read as a complaint ('{cue}'); the referrer chose to continue.",
    },
    "intake.step": {
        "nl": "Aanmelding, stap {step} van {total}",
        "en": "Request, step {step} of {total}",
    },
    "intake.unknown_hint": {
        "nl": "Typ 'weet ik niet' als je het niet weet.",
        "en": "Type 'weet ik niet' if you do not know.",
    },
    "problem.empty": {"nl": "'{label}' is nog leeg.", "en": "'{label}' is still empty."},
    "problem.not_a_choice": {
        "nl": "Kies bij '{label}' een van de mogelijkheden.",
        "en": "Choose one of the options for '{label}'.",
    },
    "problem.not_in_list": {
        "nl": "Kies bij '{label}' uit de lijst.",
        "en": "Choose from the list for '{label}'.",
    },
    "problem.too_long": {
        "nl": "'{label}' is te lang: houd het bij {given} tekens.",
        "en": "'{label}' is too long: keep it to {given} characters.",
    },
    "problem.year_format": {
        "nl": "Vul het geboortejaar in als vier cijfers, bijvoorbeeld 2011.",
        "en": "Fill in the year of birth as four digits, for example 2011.",
    },
    "problem.year_future": {
        "nl": "{given} ligt in de toekomst. Wat is het geboortejaar?",
        "en": "{given} is in the future. What is the year of birth?",
    },
    "problem.year_too_old": {
        "nl": (
            "Met geboortejaar {given} is de jeugdige ouder dan {max_age}; het RET is er voor "
            "jeugdigen tot en met {max_age} jaar. Klopt het jaartal?"
        ),
        "en": (
            "With year of birth {given} the young person is older than {max_age}; the RET is "
            "for young people up to {max_age}. Is the year right?"
        ),
    },
    "problem.gemeente_typo": {
        "nl": "'{given}' ken ik niet in deze regio. Bedoel je {options}?",
        "en": "I do not know '{given}' in this region. Do you mean {options}?",
    },
    "problem.gemeente_outside": {
        "nl": (
            "'{given}' hoort niet bij de gemeenten van {region}. Woont de jeugdige buiten de "
            "regio, schrijf dan 'buiten de regio'; weet je de gemeente niet, dan 'weet ik niet'."
        ),
        "en": (
            "'{given}' is not one of the municipalities of {region}. If the young person lives "
            "outside the region, write 'buiten de regio'; if you do not know, 'weet ik niet'."
        ),
    },
    "intake.required": {"nl": "Dit veld is nog leeg.", "en": "This field is still empty."},
    "intake.already_submitted": {
        "nl": "Deze aanmelding is al ingediend. Onder 'Mijn casussen' zie je hoe het ervoor staat.",
        "en": "This request has already been submitted. 'My cases' shows how it is going.",
    },
    "intake.next": {"nl": "Volgende", "en": "Next"},
    "intake.later": {"nl": "Later verder", "en": "Continue later"},
    "intake.cancel": {"nl": "Aanmelding weggooien", "en": "Discard request"},
    "intake.problems": {
        "nl": "Nog niet alles klopt:",
        "en": "Not everything is right yet:",
    },
    "intake.use_card": {
        "nl": (
            "Vul de velden op de kaart in en kies 'Volgende'. Typ 'stop' om later verder te gaan."
        ),
        "en": "Fill in the fields on the card and choose 'Next'. Type 'stop' to continue later.",
    },
    "intake.intro": {
        "nl": (
            "Fijn dat je het RET inschakelt. Ik vraag je in {total} korte stappen wat het RET "
            "nodig heeft. Gebruik geen volledige namen: initialen zijn genoeg. Je kunt altijd "
            "stoppen en later verdergaan; ik bewaar wat je hebt ingevuld."
        ),
        "en": (
            "Thank you for turning to the RET. I will ask in {total} short steps what the RET "
            "needs. Do not use full names: initials are enough. You can stop at any time and "
            "continue later; I keep what you filled in."
        ),
    },
    "intake.resumed": {
        "nl": "Welkom terug! Je aanmelding staat nog klaar; hier ging je verder.",
        "en": "Welcome back! Your request is still here; this is where you left off.",
    },
    "intake.paused": {
        "nl": (
            "Je aanmelding is bewaard als concept. Kies 'Nieuwe aanmelding' in het menu om "
            "verder te gaan."
        ),
        "en": "Your request is saved as a draft. Choose 'New request' in the menu to continue.",
    },
    "intake.draft_waiting": {
        "nl": "Je hebt nog een aanmelding in concept. Kies 'Nieuwe aanmelding' om verder te gaan.",
        "en": "You still have a draft request. Choose 'New request' to continue.",
    },
    "intake.school_matters": {
        "nl": (
            "Goed om te weten. Onderwijs is bij het RET altijd betrokken: school hoort bij de "
            "oplossing, ook als een jeugdige nu thuiszit. Het RET neemt de reden die je gaf "
            "mee en kijkt wie vanuit onderwijs of leerplicht kan aanschuiven."
        ),
        "en": (
            "Good to know. Education is always involved at the RET: school is part of the "
            "solution, also when a young person is out of school now. The RET takes the reason "
            "you gave along and looks for someone from education to join."
        ),
    },
    "intake.summary": {"nl": "Controleer je aanmelding", "en": "Check your request"},
    "intake.edit": {"nl": "Wijzig: {section}", "en": "Change: {section}"},
    "intake.submit": {"nl": "Aanmelding indienen", "en": "Submit request"},
    "intake.consent_follows": {
        "nl": (
            "Toestemming volgt: het RET-team ziet de inhoud pas als de toestemming is "
            "vastgelegd. Laat het de voorzitter weten zodra je die hebt."
        ),
        "en": (
            "Consent will follow: the RET team sees the details only once consent is "
            "recorded. Let the chair know as soon as you have it."
        ),
    },
    "intake.discard_confirm": {
        "nl": "Weet je zeker dat je je concept-aanmelding wilt weggooien?",
        "en": "Are you sure you want to discard your draft request?",
    },
    "intake.discard_yes": {"nl": "Ja, weggooien", "en": "Yes, discard"},
    "intake.discard_no": {"nl": "Nee, bewaren", "en": "No, keep it"},
    "intake.discarded": {
        "nl": "Je concept-aanmelding is weggegooid.",
        "en": "Your draft request has been discarded.",
    },
    "intake.kept": {
        "nl": "Je concept-aanmelding blijft bewaard. Kies 'Nieuwe aanmelding' om verder te gaan.",
        "en": "Your draft request is kept. Choose 'New request' to continue.",
    },
    "intake.urgent_referrer": {
        "nl": (
            "Je geeft aan dat de zorg binnenkort stopt en er niets geregeld is. Zodra je de "
            "aanmelding indient, waarschuw ik de voorzitter meteen."
        ),
        "en": (
            "You indicate that care stops soon with nothing arranged. As soon as you submit "
            "the request, I will alert the chair."
        ),
    },
    "intake.received": {
        "nl": (
            "Dank je wel. Je aanmelding is ingediend onder nummer **{number}** en ligt bij de "
            "voorzitter. Die neemt contact met je op over wat het RET kan doen: een overleg "
            "aan de RET-tafel, een consultatie of een andere route. Onder 'Mijn casussen' zie "
            "je hoe het ervoor staat."
        ),
        "en": (
            "Thank you. Your request has been submitted as **{number}** and is with the chair, "
            "who will contact you about what the RET can do: a RET meeting, a consultation or "
            "another route. 'My cases' shows how it is going."
        ),
    },
    "intake.received_waiting": {
        "nl": (
            "Dank je wel. Je aanmelding is ingediend onder nummer **{number}**. De voorzitter "
            "is op dit moment niet via retbot te bereiken; retbot bewaart je aanmelding en "
            "geeft hem door zodra dat kan. Je hoeft niets opnieuw te doen. Onder 'Mijn "
            "casussen' zie je hoe het ervoor staat."
        ),
        "en": (
            "Thank you. Your request has been submitted as **{number}**. The chair cannot be "
            "reached through retbot right now; retbot keeps your request and passes it on as "
            "soon as it can. You do not need to do anything again. 'My cases' shows how it is "
            "going."
        ),
    },
    "intake.urgent_sent": {
        "nl": (
            "Omdat je spoed aangeeft, heb ik de voorzitter meteen gewaarschuwd: verwacht vandaag "
            "nog contact."
        ),
        "en": "Because you indicate urgency, I alerted the chair right away: expect contact today.",
    },
    "intake.urgent_not_sent_phone": {
        "nl": (
            "Je geeft spoed aan, maar ik kon de voorzitter nu niet meteen bereiken. retbot "
            "blijft het proberen. Wacht daar niet op: bel het RET op {phone}."
        ),
        "en": (
            "You indicate urgency, but I could not reach the chair right away. retbot keeps "
            "trying. Do not wait for it: call the RET on {phone}."
        ),
    },
    "intake.urgent_not_sent": {
        "nl": (
            "Je geeft spoed aan, maar ik kon de voorzitter nu niet meteen bereiken. retbot "
            "blijft het proberen. Wacht daar niet op: neem zelf contact op met het RET."
        ),
        "en": (
            "You indicate urgency, but I could not reach the chair right away. retbot keeps "
            "trying. Do not wait for it: contact the RET yourself."
        ),
    },
    "intake.already_submitted_as": {
        "nl": (
            "Je hebt deze aanmelding al ingediend, op {when} door {by}: hij staat onder "
            "nummer **{number}**. Er is niets veranderd. Onder 'Mijn casussen' zie je hoe het "
            "ervoor staat."
        ),
        "en": (
            "You have already submitted this request, on {when} by {by}: it is **{number}**. "
            "Nothing changed. 'My cases' shows how it is going."
        ),
    },
    "intake.recorded": {
        "nl": "Aanmelding {number} ({initials}) ingediend",
        "en": "Request {number} ({initials}) submitted",
    },
}
