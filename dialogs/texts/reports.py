"""Rapportage: the periodic report on request, as a download link."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "menu.rapportage": {"nl": "Rapportage", "en": "Report"},
    "reports.title": {"nl": "Rapportage", "en": "Report"},
    "reports.intro": {
        "nl": (
            "Kies de periode. Je krijgt een link naar de rapportage (Word, Excel of csv), een "
            "week geldig; er staan alleen aantallen in, geen casusgegevens."
        ),
        "en": (
            "Choose the period. You get a link to the report (Word, Excel or csv), valid for a "
            "week; it holds counts only, no case details."
        ),
    },
    "reports.from": {"nl": "Van", "en": "From"},
    "reports.to": {"nl": "Tot en met", "en": "Up to and including"},
    "reports.date_missing": {"nl": "Kies een datum.", "en": "Choose a date."},
    "reports.make": {"nl": "Maak de rapportage", "en": "Make the report"},
    "reports.ready": {
        "nl": (
            "De rapportage over {period}: [Word]({docx}) · [Excel]({xlsx}) · [csv]({csv}). "
            "De links werken een week."
        ),
        "en": (
            "The report on {period}: [Word]({docx}) · [Excel]({xlsx}) · [csv]({csv}). "
            "The links work for a week."
        ),
    },
    "reports.quarterly": {
        "nl": (
            "Het kwartaal zit erop. De rapportage over {period}: [Word]({docx}) · "
            "[Excel]({xlsx}) · [csv]({csv}). De links werken een week; een andere periode "
            "kies je in het menu onder Rapportage."
        ),
        "en": (
            "The quarter is over. The report on {period}: [Word]({docx}) · [Excel]({xlsx}) · "
            "[csv]({csv}). The links work for a week; choose another period in the menu under "
            "Report."
        ),
    },
    "reports.not_allowed": {
        "nl": "Rapportages zijn er voor de voorzitter, de procesondersteuner en de beheerder.",
        "en": "Reports are for the voorzitter, the process assistant and the administrator.",
    },
    "reports.bad_period": {
        "nl": (
            "Kies twee geldige datums tussen {first} en {last}, de eerste niet na de tweede; "
            "er is niets gemaakt."
        ),
        "en": (
            "Choose two valid dates between {first} and {last}, the first not after the "
            "second; nothing was made."
        ),
    },
    "reports.link_invalid": {
        "nl": "Deze link naar een rapportage klopt niet.",
        "en": "This report link is not valid.",
    },
    "reports.link_expired": {
        "nl": "Deze link is verlopen. Vraag in Teams via Rapportage een nieuwe aan.",
        "en": "This link has expired. Ask for a new one in Teams via Report.",
    },
}
