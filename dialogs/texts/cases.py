"""Mijn casussen and closing a case."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "cases.title_mine": {"nl": "Mijn casussen", "en": "My cases"},
    "cases.title_team": {"nl": "Casussen van het RET", "en": "The RET's cases"},
    "cases.none": {
        "nl": "Je hebt nog geen aanmeldingen gedaan. Kies 'Nieuwe aanmelding' om te beginnen.",
        "en": "You have not submitted any requests yet. Choose 'New request' to start.",
    },
    "cases.status": {"nl": "Status", "en": "Status"},
    "cases.submitted": {"nl": "Aangemeld op", "en": "Submitted on"},
    "cases.consent_pending": {
        "nl": "De toestemming volgt nog. Is die inmiddels gegeven? Leg het hier vast.",
        "en": "Consent is still to follow. Has it been given? Record it here.",
    },
    "cases.consent_given": {"nl": "Toestemming is gegeven", "en": "Consent has been given"},
    "cases.consent_title": {
        "nl": "Toestemming voor {number} ({initials})",
        "en": "Consent for {number} ({initials})",
    },
    "cases.consent_by": {"nl": "Gegeven door", "en": "Given by"},
    "cases.consent_already": {
        "nl": (
            "De toestemming voor {number} is al vastgelegd op {when} door {by}. Er is niets "
            "veranderd."
        ),
        "en": "Consent for {number} was already recorded on {when} by {by}. Nothing changed.",
    },
    "cases.consent_recorded": {
        "nl": (
            "Dank je, de toestemming voor {number} is vastgelegd. Het RET-team kan de "
            "aanmelding nu inzien."
        ),
        "en": "Thank you, consent for {number} is recorded. The RET team can now see the request.",
    },
    "cases.consent_who": {
        "nl": "Kies eerst wie de toestemming gaf.",
        "en": "Please choose who gave consent first.",
    },
    "cases.consent_chair": {
        "nl": (
            "De toestemming voor {number} ({initials}) is vastgelegd; de aanmelding is nu in "
            "te zien."
        ),
        "en": "Consent for {number} ({initials}) is recorded; the request can now be viewed.",
    },
    "cases.close": {"nl": "Casus afsluiten", "en": "Close case"},
    "cases.close_reason": {
        "nl": "Waarom sluit je de casus af?",
        "en": "Why are you closing the case?",
    },
    "cases.close_reason_missing": {"nl": "Kies een reden.", "en": "Choose a reason."},
    "cases.close_note": {
        "nl": "Toelichting (mag leeg blijven; alleen in het verloop van de casus)",
        "en": "Note (optional; only shown in the case's timeline)",
    },
    "cases.close_confirm": {"nl": "Afsluiten", "en": "Close"},
    "closing.done": {
        "nl": "{number} is afgesloten ({reason}). De verwijzer heeft bericht gekregen.",
        "en": "{number} is closed ({reason}). The referrer has been told.",
    },
    "closing.evaluation_asked": {
        "nl": {
            "one": "{n} betrokkene krijgt een korte evaluatie; typ `evaluatie {number}` om de "
            "antwoorden te zien.",
            "other": "{n} betrokkenen krijgen een korte evaluatie; typ `evaluatie {number}` om "
            "de antwoorden te zien.",
        },
        "en": {
            "one": "{n} person involved gets a short evaluation; type `evaluation {number}` to "
            "see the answers.",
            "other": "{n} people involved get a short evaluation; type `evaluation {number}` "
            "to see the answers.",
        },
    },
    "closing.done_not_told": {
        "nl": (
            "{number} is afgesloten ({reason}). Ik kon de verwijzer nu niet bereiken; retbot "
            "blijft het proberen. Laat het hem of haar zelf weten als het haast heeft."
        ),
        "en": (
            "{number} is closed ({reason}). I could not reach the referrer right now; retbot "
            "keeps trying. Tell them yourself if it cannot wait."
        ),
    },
    "closing.not_allowed": {
        "nl": "Alleen de voorzitter van het RET kan een casus afsluiten.",
        "en": "Only the RET's chair can close a case.",
    },
    "closing.already": {
        "nl": "{number} is al afgesloten op {when} door {by}. Er is niets veranderd.",
        "en": "{number} was already closed on {when} by {by}. Nothing changed.",
    },
    "closing.recorded": {
        "nl": "{number} ({initials}) afgesloten",
        "en": "{number} ({initials}) closed",
    },
    "closing.reason": {"nl": "Reden", "en": "Reason"},
    "closing.not_yet": {
        "nl": (
            "{number} kan nog niet worden afgesloten: de status is '{status}'. Afsluiten kan "
            "na een consultatie, een samenwerkingstafel of een doorverwijzing, of als het "
            "advies gegeven is."
        ),
        "en": (
            "{number} cannot be closed yet: its status is '{status}'. A case can be closed "
            "after a consultation, a collaboration table or a referral, or once the advice "
            "has been given."
        ),
    },
    "closing.reason_missing": {
        "nl": "Kies eerst een reden om {number} af te sluiten.",
        "en": "Please choose a reason for closing {number} first.",
    },
    "cases.only_personal": {
        "nl": "Het overzicht van casussen laat ik alleen zien in je eigen chat met mij.",
        "en": "I only show the overview of cases in your own chat with me.",
    },
}
