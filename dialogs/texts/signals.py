"""Signaal vastleggen: the voorzitter notes a rode draad."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "signals.open": {"nl": "Signaal vastleggen", "en": "Note a signal"},
    "signals.intro": {
        "nl": (
            "Een rode draad: iets wat vaker vastloopt. Het komt, gegroepeerd per thema, in de "
            "rapportage. Schrijf geen namen of andere herleidbare gegevens op."
        ),
        "en": (
            "A recurring bottleneck. It goes into the report, grouped by theme. Do not write "
            "names or other identifying details."
        ),
    },
    "signals.theme": {"nl": "Thema", "en": "Theme"},
    "signals.advies_open": {"nl": "Advies bij rode draad", "en": "Advice on a theme"},
    "signals.advies_intro": {
        "nl": (
            "Je advies bij een rode draad: wat moet er gebeuren? Het laatste advies per thema "
            "staat onder die rode draad in de rapportage. Schrijf geen namen of andere "
            "herleidbare gegevens op."
        ),
        "en": (
            "Your advice on a recurring bottleneck: what should happen? The latest advice per "
            "theme is printed under it in the report. Do not write names or other identifying "
            "details."
        ),
    },
    "signals.advies": {"nl": "Advies", "en": "Advice"},
    "signals.advies_empty": {
        "nl": "Schrijf je advies op; er is niets vastgelegd.",
        "en": "Please write your advice; nothing was saved.",
    },
    "signals.advies_already": {
        "nl": "Dit advies is al vastgelegd; er is niets dubbel bewaard.",
        "en": "This advice is already saved; nothing was stored twice.",
    },
    "signals.advies_saved": {
        "nl": "Je advies bij '{theme}' is vastgelegd. Het staat in de volgende rapportage.",
        "en": "Your advice on '{theme}' is saved. It will be in the next report.",
    },
    "signals.note": {"nl": "Wat zie je?", "en": "What do you see?"},
    "signals.case": {
        "nl": "Bij casus (niet verplicht), bijvoorbeeld RET-2026-0003",
        "en": "On case (optional), e.g. RET-2026-0003",
    },
    "signals.save": {"nl": "Vastleggen", "en": "Save"},
    "signals.saved": {
        "nl": "Het signaal is vastgelegd onder '{theme}'. Het staat in de volgende rapportage.",
        "en": "The signal is saved under '{theme}'. It will be in the next report.",
    },
    "signals.already_by": {
        "nl": "Dit signaal is al vastgelegd op {when} door {by}; er is niets dubbel bewaard.",
        "en": "This signal was already saved on {when} by {by}; nothing was stored twice.",
    },
    "signals.recorded": {"nl": "Signaal vastgelegd", "en": "Signal saved"},
    "signals.recorded_case": {"nl": "Bij casus", "en": "On case"},
    "signals.already": {
        "nl": "Dit signaal is al vastgelegd; er is niets dubbel bewaard.",
        "en": "This signal is already saved; nothing was stored twice.",
    },
    "signals.not_allowed": {
        "nl": "Alleen de voorzitter legt signalen vast.",
        "en": "Only the voorzitter notes signals.",
    },
    "signals.theme_missing": {"nl": "Kies een thema.", "en": "Choose a theme."},
    "signals.note_empty": {
        "nl": "Schrijf kort op wat je ziet; er is niets vastgelegd.",
        "en": "Please describe what you see; nothing was saved.",
    },
    "signals.note_long": {
        "nl": "Dat is te lang (hoogstens {max} tekens); er is niets vastgelegd.",
        "en": "That is too long (at most {max} characters); nothing was saved.",
    },
    "signals.unknown_case": {
        "nl": (
            "Casus {number} ken ik niet; er is niets vastgelegd. Laat het veld leeg voor een "
            "algemeen signaal."
        ),
        "en": "I don't know case {number}; nothing was saved. Leave it empty for a general signal.",
    },
}
