"""What the bot says, in Dutch (default) and English (on request).

Each flow keeps its wording in a module of its own here, so a flow's texts can be read and
reviewed together; a new flow adds its module to `_FLOWS`. Keys are unique across flows.
"""

from babel import Locale

from dialogs.texts import (
    advice,
    booking,
    case_pages,
    cases,
    consult,
    documents,
    email,
    evaluation,
    family,
    follow_up,
    general,
    intake,
    learning,
    meeting,
    notulen,
    outbox,
    recorded,
    referrer_web,
    reports,
    self_apply,
    signals,
    submission,
    triage,
)
from dialogs.texts.catalog import DEFAULT_LANGUAGE, Catalog, Language
from domain.cases import CaseStatus
from domain.vocabularies import CASE_STATUS, term

__all__ = ["DEFAULT_LANGUAGE", "Language", "plural_text", "status_label", "text"]

_FLOWS = (
    general,
    consult,
    intake,
    cases,
    triage,
    booking,
    advice,
    documents,
    follow_up,
    email,
    notulen,
    case_pages,
    signals,
    reports,
    self_apply,
    meeting,
    outbox,
    submission,
    referrer_web,
    evaluation,
    family,
    learning,
    recorded,
)


def _merged(flows: tuple) -> Catalog:
    catalog: Catalog = {}
    for flow in flows:
        doubled = catalog.keys() & flow.CATALOG.keys()
        if doubled:
            raise ValueError(f"{flow.__name__} repeats text keys: {sorted(doubled)}")
        catalog.update(flow.CATALOG)
    return catalog


_CATALOG = _merged(_FLOWS)


def text(key: str, language: Language = DEFAULT_LANGUAGE, **values: object) -> str:
    template = _CATALOG[key].get(language) or _CATALOG[key][DEFAULT_LANGUAGE]
    if not isinstance(template, str):
        raise TypeError(f"{key} depends on a count: use plural_text")
    return template.format(**values) if values else template


def plural_text(
    key: str, count: int, language: Language = DEFAULT_LANGUAGE, **values: object
) -> str:
    """The form of the text that the language's plural rules choose for `count` ("1
    bericht", "3 berichten"); the count is there as {n}."""
    forms = _CATALOG[key].get(language) or _CATALOG[key][DEFAULT_LANGUAGE]
    if isinstance(forms, str):
        raise TypeError(f"{key} does not depend on a count: use text")
    form = Locale.parse(language).plural_form(count)
    return (forms.get(form) or forms["other"]).format(n=count, **values)


def status_label(status: CaseStatus, language: Language = DEFAULT_LANGUAGE) -> str:
    """'RET-tafel ingepland', not the stored 'ret-tafel ingepland'."""
    return term(CASE_STATUS, status.value).label(language)
