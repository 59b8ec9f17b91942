"""The team's overview in pages: a status filter on top, previous/next below."""

from dialogs.cards import paragraph, submit
from dialogs.texts import Language, plural_text, text
from domain.cases import CasePage, CaseStatus
from domain.vocabularies import CASE_STATUS

PAGE_KEY = "cases_page"  # {"cases_page": 2, "cases_status": "monitoren"}
STATUS_INPUT = "cases_status"


def paging_top(page: CasePage, language: Language) -> list[dict]:
    position = plural_text(
        "case_pages.position", page.total, language, page=page.page + 1, pages=page.pages
    )
    choices = [{"title": text("case_pages.all", language), "value": ""}] + [
        {"title": t.label(language), "value": t.code} for t in CASE_STATUS
    ]
    return [
        paragraph(position, subtle=True),
        {
            "type": "Input.ChoiceSet",
            "id": STATUS_INPUT,
            "label": text("case_pages.status", language),
            "choices": choices,
            "value": page.status.value if page.status else "",
        },
        {
            "type": "ActionSet",
            "actions": [submit(text("case_pages.show", language), {PAGE_KEY: 0})],
        },
    ]


def paging_bottom(page: CasePage, language: Language) -> list[dict]:
    """The status input goes along with each submit: the next page keeps the filter."""
    actions = []
    if page.page > 0:
        actions.append(submit(text("case_pages.previous", language), {PAGE_KEY: page.page - 1}))
    if page.has_next:
        actions.append(submit(text("case_pages.next", language), {PAGE_KEY: page.page + 1}))
    return [{"type": "ActionSet", "actions": actions, "separator": True}] if actions else []


def page_request(value: dict) -> tuple[CaseStatus | None, int]:
    """The status and page a submit asks for; ValueError for anything else."""
    page, status = value.get(PAGE_KEY), value.get(STATUS_INPUT) or ""
    if isinstance(page, str) and page.isdigit():
        page = int(page)
    if not isinstance(page, int) or isinstance(page, bool) or not 0 <= page < 100_000:
        raise ValueError(page)
    if not isinstance(status, str):
        raise ValueError(status)
    return (CaseStatus(status) if status else None), page
