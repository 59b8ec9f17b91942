"""Leren, after the leerpunten: the advies aan de moederorganisatie (a letter to an
organisation's contact) and the goed voorbeeld (an anonymised casusbeschrijving the
voorzitter reviews before it leaves)."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    # Advies aan de moederorganisatie, on the overview's leerpunten.
    "learning.advice.open": {"nl": "Advies aan organisatie", "en": "Advice to organisation"},
    "learning.advice.organisation": {
        "nl": "Aan welke organisatie?",
        "en": "To which organisation?",
    },
    "learning.advice.organisation_missing": {
        "nl": "Kies een organisatie uit het RET-bestand.",
        "en": "Please choose an organisation from the RET file.",
    },
    "learning.advice.choice": {"nl": "{name} ({kind})", "en": "{name} ({kind})"},
    "learning.advice.text": {
        "nl": "Het advies (komt in de brief, met het casusnummer en de initialen)",
        "en": "The advice (goes into the letter, with the case number and initials)",
    },
    "learning.advice.text_missing": {
        "nl": "Schrijf het advies.",
        "en": "Please write the advice.",
    },
    "learning.advice.send": {"nl": "Brief versturen", "en": "Send letter"},
    "learning.advice.none": {
        "nl": "Het RET-bestand noemt geen organisaties om advies aan te sturen.",
        "en": "The RET file lists no organisations to send advice to.",
    },
    "learning.advice.sent_line": {
        "nl": "Advies aan {organisation} verstuurd op {when} door {by}",
        "en": "Advice to {organisation} sent on {when} by {by}",
    },
    "learning.advice.sent": {
        "nl": (
            "De brief met je advies is per e-mail verstuurd aan {contact} ({function}) van "
            "{organisation}, en staat bij {number}."
        ),
        "en": (
            "The letter with your advice was sent by e-mail to {contact} ({function}) of "
            "{organisation}, and is recorded on {number}."
        ),
    },
    "learning.advice.queued": {
        "nl": (
            "De brief met je advies staat bij {number} en gaat per e-mail naar {contact} "
            "({function}) van {organisation} zodra de e-mail kan worden verstuurd; retbot blijft "
            "het vanzelf proberen."
        ),
        "en": (
            "The letter with your advice is recorded on {number} and goes by e-mail to "
            "{contact} ({function}) of {organisation} as soon as the e-mail can be sent; retbot "
            "keeps trying by itself."
        ),
    },
    "learning.advice.no_function": {"nl": "contactpersoon", "en": "contact"},
    "learning.advice.already": {
        "nl": "Deze brief is al verstuurd; er is niets dubbel verstuurd.",
        "en": "This letter was already sent; nothing was sent twice.",
    },
    "learning.advice.leerpunt": {
        "nl": "Dat leerpunt hoort niet bij deze casus.",
        "en": "That lesson does not belong to this case.",
    },
    "learning.advice.empty": {
        "nl": "Schrijf het advies; er is niets verstuurd.",
        "en": "Please write the advice; nothing was sent.",
    },
    "learning.advice.too_long": {
        "nl": "Houd het advies korter dan {max} tekens; er is niets verstuurd.",
        "en": "Please keep the advice under {max} characters; nothing was sent.",
    },
    # The e-mail to the organisation's contact (always Dutch: a Dutch organisation).
    "learning.advice.email.subject": {
        "nl": "Advies van {ret} naar aanleiding van casus {number} ({initials})",
        "en": "Advice from {ret} following case {number} ({initials})",
    },
    "learning.advice.email.intro": {
        "nl": (
            "Beste {name},\n\n"
            "{ret} evalueert de vastgelopen zorgvragen die het oppakt en stuurt wat dat leert "
            "als advies terug naar de betrokken organisaties. Naar aanleiding van casus "
            "{number} ({initials}) heeft de voorzitter een advies voor {organisation}. Het "
            "staat in de brief."
        ),
        "en": (
            "Dear {name},\n\n"
            "{ret} evaluates the stuck care questions it takes up and sends what it learns "
            "back to the organisations involved as advice. Following case {number} "
            "({initials}) the chair has advice for {organisation}. It is in the letter."
        ),
    },
    # Goed voorbeeld.
    "learning.practice.mark": {"nl": "Goed voorbeeld", "en": "Good practice"},
    "learning.practice.draft_title": {
        "nl": "Goed voorbeeld {number}: concept (versie {version})",
        "en": "Good practice {number}: draft (version {version})",
    },
    "learning.practice.draft_text": {
        "nl": (
            "retbot heeft een geanonimiseerde casusbeschrijving opgesteld: wat er vastzat, wat "
            "de tafel deed en wat werkte, met alleen de leeftijdsgroep van de jeugdige. Namen "
            "en gegevens die retbot van de casus kent, zijn vervangen door […]. Lees het "
            "concept na: pas na je goedkeuring kan de beschrijving gedeeld worden."
        ),
        "en": (
            "retbot has drafted an anonymised case description: what was stuck, what the table "
            "did and what worked, with the young person's age group only. Names and details "
            "retbot knows of the case are replaced by […]. Please read the draft: only after "
            "your approval can the description be shared."
        ),
    },
    "learning.practice.download": {
        "nl": "Concept openen (.docx)",
        "en": "Open draft (.docx)",
    },
    "learning.practice.approve": {"nl": "Goedkeuren", "en": "Approve"},
    "learning.practice.approved_title": {
        "nl": "Goed voorbeeld {number} (versie {version})",
        "en": "Good practice {number} (version {version})",
    },
    "learning.practice.approved_card": {
        "nl": "Versie {version} goedgekeurd door {by} op {when}.",
        "en": "Version {version} approved by {by} on {when}.",
    },
    "learning.practice.approved": {
        "nl": (
            "De casusbeschrijving van {number} (versie {version}) is goedgekeurd en kan "
            "gedeeld worden: [casusbeschrijving downloaden]({url}) (de link werkt {days} "
            "dagen; de beheerder kan hem ook van de server halen)."
        ),
        "en": (
            "The case description of {number} (version {version}) is approved and can be "
            "shared: [download the case description]({url}) (the link works for {days} "
            "days; the administrator can also take it from the server)."
        ),
    },
    "learning.practice.already": {
        "nl": "Versie {version} van {number} was al goedgekeurd op {date}.",
        "en": "Version {version} of {number} was already approved on {date}.",
    },
    "learning.practice.newer": {
        "nl": (
            "Er is een nieuwer concept van {number} (versie {version}); lees en keur dat "
            "goed. Er is niets goedgekeurd."
        ),
        "en": (
            "There is a newer draft of {number} (version {version}); please read and approve "
            "that one. Nothing was approved."
        ),
    },
    "learning.practice.unknown": {
        "nl": "Die casus is niet als goed voorbeeld gemarkeerd.",
        "en": "That case is not marked as a good practice.",
    },
    "learning.practice.shown": {
        "nl": "Goed voorbeeld: versie {version} goedgekeurd.",
        "en": "Good practice: version {version} approved.",
    },
    "learning.practice.shown_draft": {
        "nl": "Goed voorbeeld: concept versie {version} wacht op je goedkeuring.",
        "en": "Good practice: draft version {version} awaits your approval.",
    },
}
