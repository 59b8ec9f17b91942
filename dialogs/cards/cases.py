"""The overview of cases: number, initials, gemeente and status; no names, no details."""

from dialogs.cards import adaptive_card, facts, heading, paragraph, required, submit
from dialogs.cards.advice import ADVICE_OPEN_KEY
from dialogs.cards.case_pages import paging_bottom, paging_top
from dialogs.cards.intake import display
from dialogs.cards.signals import advies_action, signal_action
from dialogs.moments import day
from dialogs.texts import Language, status_label, text
from domain.advice import ADVISABLE
from domain.cases import Case, CasePage
from domain.intake import SECTIONS
from domain.vocabularies import AFSLUITREDEN

_FIELDS = {f.key: f for s in SECTIONS for f in s.fields}
_SOORT_VRAAG = _FIELDS["soort_vraag"]
_CONSENT_BY = _FIELDS["toestemming_door"]


def cases_card(
    cases: list[Case],
    team_view: bool,
    language: Language,
    *,
    can_advise: bool = False,
    closable: frozenset[str] = frozenset(),
    paging: CasePage | None = None,
    notes: dict[str, str] | None = None,
) -> dict:
    """`closable`: the numbers of the cases the viewer may close (the voorzitter's view);
    `paging`: the team's page, with its filter and navigation; `notes`: per case number a
    line about open work (the family contact)."""
    title = text("cases.title_team" if team_view else "cases.title_mine", language)
    body = [heading(title)]
    paged = paging is not None and paging.paged
    if paged:
        body += paging_top(paging, language)
    if not cases:
        empty = "cases.none"
        if paged:
            empty = "case_pages.none" if paging.status else "case_pages.empty"
        body.append(paragraph(text(empty, language)))
    for case in cases:
        submitted = day(case.submitted_at, language) if case.submitted_at else "-"
        gemeente = case.answers.get("gemeente", "-")
        body += [
            {
                "type": "TextBlock",
                "text": f"{case.number} · {case.initials or '-'} · {gemeente}",
                "weight": "Bolder",
                "wrap": True,
                "separator": True,
            },
            facts(
                [
                    (text("cases.status", language), status_label(case.status, language)),
                    (text("cases.submitted", language), submitted),
                    (
                        _SOORT_VRAAG.label(language),
                        display(_SOORT_VRAAG, case.answers.get("soort_vraag"), language),
                    ),
                ]
            ),
        ]
        if notes and case.number in notes:
            body.append(paragraph(notes[case.number], subtle=True))
        if not team_view and not case.consent_given:
            body += _consent_form(case, language)
        actions = []
        if can_advise and case.status in ADVISABLE:
            actions.append(_advice_action(case, language))
        if case.number in closable:
            actions.append(_close_action(case, language))
        if actions:
            body.append({"type": "ActionSet", "actions": actions})
    if paged:
        body += paging_bottom(paging, language)
    # The voorzitter's 'Signaal vastleggen' and advies sit under the card, apart from the cases.
    chair_actions = [signal_action(language), advies_action(language)]
    return adaptive_card(body, chair_actions if paged and can_advise else None)


CONSENT_KEY = "consent_for"  # {"consent_for": "RET-2026-0001", "consent_by_RET-2026-0001": ..}


def consent_input_id(number: str) -> str:
    return f"consent_by_{number}"


def _consent_form(case: Case, language: Language) -> list[dict]:
    """For a case whose consent was to follow: record it here, once it is given."""
    return [
        paragraph(text("cases.consent_pending", language), subtle=True),
        {
            "type": "Input.ChoiceSet",
            "id": consent_input_id(case.number),
            "label": _CONSENT_BY.label(language),
            "choices": [
                {"title": t.label(language), "value": t.code} for t in _CONSENT_BY.vocabulary
            ],
        },
        {
            "type": "ActionSet",
            "actions": [submit(text("cases.consent_given", language), {CONSENT_KEY: case.number})],
        },
    ]


def _advice_action(case: Case, language: Language) -> dict:
    """For the voorzitter: record the advice of a case that was at a table."""
    return submit(text("advice.action_open", language), {ADVICE_OPEN_KEY: case.number})


CLOSE_KEY = "close_case"  # {"close_case": "RET-2026-0001", "close_reason_RET-..": .., ..}


def close_reason_id(number: str) -> str:
    return f"close_reason_{number}"


def close_note_id(number: str) -> str:
    return f"close_note_{number}"


def _close_action(case: Case, language: Language) -> dict:
    """'Casus afsluiten' opens a reason (required) and an optional note, per case: input ids
    carry the case number because a submit sends every input of the whole card."""
    form = adaptive_card(
        [
            required(
                {
                    "type": "Input.ChoiceSet",
                    "id": close_reason_id(case.number),
                    "label": text("cases.close_reason", language),
                    "style": "expanded",
                    "choices": [
                        {"title": t.label(language), "value": t.code} for t in AFSLUITREDEN
                    ],
                },
                text("cases.close_reason_missing", language),
            ),
            {
                "type": "Input.Text",
                "id": close_note_id(case.number),
                "label": text("cases.close_note", language),
                "isMultiline": True,
                "maxLength": 2000,
            },
        ],
        [submit(text("cases.close_confirm", language), {CLOSE_KEY: case.number})],
    )
    return {"type": "Action.ShowCard", "title": text("cases.close", language), "card": form}
