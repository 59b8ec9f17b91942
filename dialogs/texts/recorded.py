"""The words of the read-only card that replaces a sent form (each flow words its own
answer to the same form sent again), and how a moment reads (dialogs.moments)."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "moment.when": {"nl": "d MMMM y 'om' HH:mm", "en": "d MMMM y 'at' HH:mm"},
    "recorded.by": {
        "nl": "Vastgelegd door {by} op {when}.",
        "en": "Recorded by {by} on {when}.",
    },
    "recorded.cases_after": {
        "nl": "Het overzicht van de casussen zie je weer onder 'Mijn casussen'.",
        "en": "The overview of the cases is under 'My cases' again.",
    },
}
