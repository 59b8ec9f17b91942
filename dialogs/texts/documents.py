"""The Word documents: where they are sent, and the download link."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "document.advies_ready_referrer": {
        "nl": (
            "Het zwaarwegend advies over je aanmelding {number} staat klaar als Word-document: "
            "[advies downloaden]({url}) (de link is {days} dagen geldig). Geef het door aan de "
            "jeugdige en de ouders en bespreek het met hen."
        ),
        "en": (
            "The binding advice (zwaarwegend advies) on your request {number} is ready as a Word "
            "document: "
            "[download the advice]({url}) (the link works for {days} days). Pass it on to the "
            "young person and the parents and go through it with them."
        ),
    },
    "document.advies_ready_chair": {
        "nl": (
            "Het adviesdocument voor {number} ({initials}), versie {version}, staat klaar: "
            "[advies downloaden]({url}) (de link is {days} dagen geldig)."
        ),
        "en": (
            "The advice document for {number} ({initials}), version {version}, is ready: "
            "[download the advice]({url}) (the link works for {days} days)."
        ),
    },
    "document.advies_ready_member": {
        "nl": (
            "Het zwaarwegend advies voor {number} ({initials}), met de afspraken voor jouw "
            "organisatie, staat klaar: [advies downloaden]({url}) ({days} dagen geldig)."
        ),
        "en": (
            "The binding advice (zwaarwegend advies) for {number} ({initials}), with your "
            "organisation's agreements, "
            "is ready: [download the advice]({url}) (works for {days} days)."
        ),
    },
    "document.confirm_mandate": {
        "nl": (
            "De voorzitter vraagt je het mandaat van {org} te bevestigen op de mandaatkaart in "
            "het teamkanaal."
        ),
        "en": (
            "The chair asks you to confirm {org}'s mandate on the mandate card in the team channel."
        ),
    },
    "document.advies_consent_referrer": {
        "nl": (
            "Het zwaarwegend advies voor {number} ({initials}), versie {version}. Geef het door "
            "aan de jeugdige en de ouders en bespreek het met hen."
        ),
        "en": (
            "The binding advice for {number} ({initials}), version {version}. Pass it on to "
            "the young person and the parents and go through it with them."
        ),
    },
    "document.family_mail.subject": {
        "nl": "Het advies van het RET over je aanmelding {number}",
        "en": "The RET's advice on your request {number}",
    },
    "document.family_mail.body": {
        "nl": (
            "Hallo,\n\nHet {ret} heeft een advies gegeven over je aanmelding {number}. Je "
            "kunt het advies lezen via deze link: {url}\n\n"
            "De link werkt {days} dagen. Heb je vragen over het advies? Antwoord dan op deze "
            "e-mail of bel het RET."
        ),
        "en": (
            "Hello,\n\nThe {ret} has given its advice on your request {number}. You can read "
            "the advice through this link: {url}\n\n"
            "The link works for {days} days. Questions about the advice? Reply to this e-mail "
            "or call the RET."
        ),
    },
    "document.advies_consent": {
        "nl": "Het zwaarwegend advies voor {number} ({initials}), versie {version}.",
        "en": "The binding advice for {number} ({initials}), version {version}.",
    },
    "document.consent_declined": {
        "nl": (
            "Goed, ik zet {file} niet in je OneDrive. Je kunt het document ook downloaden: "
            "[document downloaden]({url}) (de link is {days} dagen geldig)."
        ),
        "en": (
            "All right, I will not put {file} in your OneDrive. You can also download it: "
            "[download the document]({url}) (the link works for {days} days)."
        ),
    },
    "document.upload_failed": {
        "nl": (
            "Het lukte niet om {file} in je OneDrive te zetten. Download het document via "
            "[deze link]({url}) ({days} dagen geldig)."
        ),
        "en": (
            "I could not put {file} in your OneDrive. Download the document through "
            "[this link]({url}) (works for {days} days)."
        ),
    },
    "document.consent_unknown": {
        "nl": "Dit document kan ik je niet (meer) geven. Vraag de voorzitter ernaar.",
        "en": "I cannot give you this document. Ask the chair about it.",
    },
    "document.link_invalid": {
        "nl": "Deze link naar een document klopt niet (meer). Vraag de voorzitter om een nieuwe.",
        "en": "This link to a document is not valid. Ask the chair for a new one.",
    },
    "document.link_expired": {
        "nl": "Deze link naar een document is verlopen. Vraag de voorzitter om een nieuwe.",
        "en": "This link to a document has expired. Ask the chair for a new one.",
    },
    "email.advies.subject": {
        "nl": "Zwaarwegend advies {number} ({initials})",
        "en": "Binding advice {number} ({initials})",
    },
    "email.advies.body_attendee": {
        "nl": (
            "Beste {name},\n\nHet zwaarwegend advies van het RET voor casus {number} "
            "({initials}), waarbij je aanwezig was, staat klaar als Word-document."
        ),
        "en": (
            "Dear {name},\n\nThe RET's weighty advice for case {number} ({initials}), at "
            "whose meeting you were present, is ready as a Word document."
        ),
    },
    "email.advies.body": {
        "nl": (
            "Beste {name},\n\nHet zwaarwegend advies van het RET voor casus {number} "
            "({initials}), met de afspraken voor {org}, staat klaar als Word-document."
        ),
        "en": (
            "Dear {name},\n\nThe RET's binding advice (zwaarwegend advies) for case {number} "
            "({initials}), with "
            "the agreements for {org}, is ready as a Word document."
        ),
    },
    "email.document.link": {
        "nl": (
            "Je downloadt het via deze link: {url}\n\n"
            "De link werkt {days} dagen en geeft steeds de nieuwste versie. Elke download wordt "
            "vastgelegd. Het document bevat vertrouwelijke gegevens: bewaar het zorgvuldig en "
            "stuur de link en het document niet door. Je krijgt de link per e-mail omdat ik je "
            "niet in Teams kan bereiken."
        ),
        "en": (
            "You download it through this link: {url}\n\n"
            "The link works for {days} days and always gives the newest version. Every download "
            "is logged. The document holds confidential data: keep it safe and do not forward "
            "the link or the document. You get the link by email because I cannot reach you in "
            "Teams."
        ),
    },
    "email.document.attached": {
        "nl": (
            "Het document zit als bijlage bij deze e-mail. Het bevat vertrouwelijke gegevens: "
            "bewaar het zorgvuldig en stuur het niet door. Je krijgt het per e-mail omdat ik je "
            "niet in Teams kan bereiken."
        ),
        "en": (
            "The document is attached to this email. It holds confidential data: keep it safe "
            "and do not forward it. You get it by email because I cannot reach you in Teams."
        ),
    },
}
