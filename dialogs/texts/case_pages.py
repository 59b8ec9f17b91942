"""Paging and filtering the team's overview of cases (Mijn casussen for the voorzitter)."""

from dialogs.texts.catalog import Catalog

CATALOG: Catalog = {
    "case_pages.position": {
        "nl": {
            "one": "Pagina {page} van {pages} · {n} casus",
            "other": "Pagina {page} van {pages} · {n} casussen, nieuwste eerst",
        },
        "en": {
            "one": "Page {page} of {pages} · {n} case",
            "other": "Page {page} of {pages} · {n} cases, newest first",
        },
    },
    "case_pages.status": {"nl": "Welke status?", "en": "Which status?"},
    "case_pages.all": {"nl": "Alle statussen", "en": "All statuses"},
    "case_pages.show": {"nl": "Toon", "en": "Show"},
    "case_pages.previous": {"nl": "Vorige 20", "en": "Previous 20"},
    "case_pages.next": {"nl": "Volgende 20", "en": "Next 20"},
    "case_pages.none": {
        "nl": "Er zijn geen casussen met deze status.",
        "en": "There are no cases with this status.",
    },
    "case_pages.empty": {
        "nl": "Het RET heeft nog geen casussen.",
        "en": "The RET has no cases yet.",
    },
    "case_pages.invalid": {
        "nl": "Die pagina of status ken ik niet. Kies opnieuw in het overzicht.",
        "en": "I don't know that page or status. Please choose again in the overview.",
    },
}
