"""Advice cards: the voorzitter's form (1:1, Action.Submit) and the shared mandate card
(where the team works, Action.Execute), which carries case number, initials and afspraken
only: no summary, no advice text, no names of the family."""

from collections.abc import Callable
from datetime import datetime

from babel.dates import format_date

from dialogs.cards import adaptive_card, execute, heading, paragraph, required, submit
from dialogs.moments import when
from dialogs.texts import Language, text
from domain.advice import MandateAnswer, MandateState, Problem
from domain.cases import Case
from domain.intake import LINE_MAX, STORY_MAX
from domain.vocabularies import DEELNEMER_ROL

ADVICE_OPEN_KEY = "advice_for"  # "Advies vastleggen" on Mijn casussen: {"advice_for": number}
ADVICE_KEY = "advice"  # the form's submit: {"advice": number, "samenvatting": .., ...}
SAMENVATTING = "samenvatting"
ADVIES = "advies"
ROWS = 5  # afspraak rows on the form; empty rows are ignored
SHOWN_ROWS = 2  # rows open when the form is new; "Nog een afspraak" opens the next
ROW_FIELDS = ("organisatie", "actie", "deadline", "persoon")
ATTENDEE_ROWS = 8  # people at the table; empty rows are ignored
SHOWN_ATTENDEES = 3
ATTENDEE_FIELDS = (
    "deelnemer",
    "deelnemer_organisatie",
    "deelnemer_rol",
    "aanwezig",
    "afwezig_reden",
)

VERB_CONFIRM = "advice.confirm"
VERB_DECLINE = "advice.decline"
REASON_INPUT = "reden"


def row_input(field: str, row: int) -> str:
    return f"{field}_{row}"


def sent_form(case: Case, by: str, at: datetime, language: Language) -> dict:
    """What replaces the advice form once it is sent: its title and who sent it when,
    without inputs or buttons, so it cannot be sent twice."""
    title = text("advice.form_title", language, number=case.number, initials=case.initials)
    sent = text("advice.form_sent", language, by=by, when=when(at, language))
    return adaptive_card([heading(title), paragraph(sent)])


def advice_form(
    case: Case,
    organisations: list[str],
    values: dict,
    problems: list[Problem],
    language: Language,
) -> dict:
    """The advice in three parts; `values` and `problems` when it is asked again.

    Two afspraak rows show at first (and every row that holds something); the others open
    one at a time with "Nog een afspraak", so the form does not start as a long wall of
    empty fields. Hidden rows are still sent, empty, and left out."""
    body = [
        heading(text("advice.form_title", language, number=case.number, initials=case.initials))
    ]
    if problems:
        body.append(
            {
                "type": "Container",
                "style": "attention",
                "items": [paragraph(text("intake.problems", language))]
                + [paragraph("- " + problem_text(p, language)) for p in problems],
            }
        )
    must_fill = text("intake.required", language)
    body += [
        required(_text(SAMENVATTING, text("advice.samenvatting", language), values), must_fill),
        required(_text(ADVIES, text("advice.advies", language), values), must_fill),
        heading(text("advice.afspraken", language)),
        paragraph(text("advice.afspraken_hint", language), subtle=True),
    ]
    choices = [{"title": name, "value": name} for name in organisations]
    shown = max([SHOWN_ROWS, *(r for r in range(1, ROWS + 1) if _row_filled(values, r))])
    for row in range(1, ROWS + 1):
        row_problems = [p for p in problems if p.row == row]
        body.append(_row(row, choices, values, row_problems, row <= shown, language))
        if row < ROWS:
            body.append(_add_row(row + 1, row == shown, language))
    body += _attendance(values, problems, language)
    action = submit(text("advice.issue", language), {ADVICE_KEY: case.number})
    return adaptive_card(body, actions=[{**action, "style": "positive"}])


def _row(
    row: int,
    choices: list[dict],
    values: dict,
    problems: list[Problem],
    visible: bool,
    language: Language,
) -> dict:
    """One afspraak: organisation, what it does, and (side by side) by when and who."""
    items: list[dict] = [
        {
            "type": "TextBlock",
            "text": text("advice.row", language, row=row),
            "weight": "Bolder",
            "wrap": True,
        }
    ]
    items += [
        {"type": "TextBlock", "text": problem_text(p, language), "color": "Attention", "wrap": True}
        for p in problems
    ]
    items += [
        {
            "type": "Input.ChoiceSet",
            "id": row_input("organisatie", row),
            "label": text("advice.organisation", language),
            "placeholder": text("advice.organisation_placeholder", language),
            "choices": choices,
            **_value(values, row_input("organisatie", row)),
        },
        _text(row_input("actie", row), text("advice.action", language), values),
        {
            "type": "ColumnSet",
            "columns": [
                _column(
                    {
                        "type": "Input.Date",
                        "id": row_input("deadline", row),
                        "label": text("advice.deadline", language),
                        "placeholder": text("advice.deadline_placeholder", language),
                        **_value(values, row_input("deadline", row)),
                    }
                ),
                _column(
                    _text(
                        row_input("persoon", row),
                        text("advice.person", language),
                        values,
                        short=True,
                    )
                ),
            ],
        },
    ]
    container = {"type": "Container", "id": _row_id(row), "separator": True, "items": items}
    if not visible:
        container["isVisible"] = False
    return container


def _add_row(row: int, visible: bool, language: Language) -> dict:
    """'Nog een afspraak': shows afspraak row `row`."""
    return _reveal_row(row, ROWS, _row_id, _add_id, text("advice.add_row", language), visible)


def _attendance(values: dict, problems: list[Problem], language: Language) -> list[dict]:
    """Who took part: name, organisation, role, and whether present (or why not)."""
    blocks = [
        heading(text("advice.attendance", language)),
        paragraph(text("advice.attendance_hint", language), subtle=True),
    ]
    general = [p for p in problems if p.kind.value == "no_attendee"]
    blocks += [
        {"type": "TextBlock", "text": problem_text(p, language), "color": "Attention", "wrap": True}
        for p in general
    ]
    roles = [{"title": t.label(language), "value": t.code} for t in DEELNEMER_ROL]
    presence = [
        {"title": text("advice.present", language), "value": "ja"},
        {"title": text("advice.absent", language), "value": "nee"},
    ]
    filled = [r for r in range(1, ATTENDEE_ROWS + 1) if _attendee_filled(values, r)]
    shown = max([SHOWN_ATTENDEES, *filled])
    for row in range(1, ATTENDEE_ROWS + 1):
        row_problems = [p for p in problems if p.attendee == row]
        items = [
            {
                "type": "TextBlock",
                "text": problem_text(p, language),
                "color": "Attention",
                "wrap": True,
            }
            for p in row_problems
        ]
        field = {f: row_input(f, row) for f in ATTENDEE_FIELDS}
        items += [
            {
                "type": "ColumnSet",
                "columns": [
                    _column(
                        _text(
                            field["deelnemer"],
                            text("advice.attendee_name", language),
                            values,
                            short=True,
                        )
                    ),
                    _column(
                        _text(
                            field["deelnemer_organisatie"],
                            text("advice.attendee_organisation", language),
                            values,
                            short=True,
                        )
                    ),
                ],
            },
            {
                "type": "ColumnSet",
                "columns": [
                    _column(
                        {
                            "type": "Input.ChoiceSet",
                            "id": field["deelnemer_rol"],
                            "label": text("advice.attendee_role", language),
                            "choices": roles,
                            **_value(values, field["deelnemer_rol"]),
                        }
                    ),
                    _column(
                        {
                            "type": "Input.ChoiceSet",
                            "id": field["aanwezig"],
                            "label": text("advice.attendee_present", language),
                            "choices": presence,
                            "value": values.get(field["aanwezig"]) or "ja",
                        }
                    ),
                ],
            },
            _text(
                field["afwezig_reden"], text("advice.absence_reason", language), values, short=True
            ),
        ]
        container = {
            "type": "Container",
            "id": _attendee_id(row),
            "separator": True,
            "items": items,
        }
        if row > shown:
            container["isVisible"] = False
        blocks.append(container)
        if row < ATTENDEE_ROWS:
            blocks.append(_add_attendee(row + 1, row == shown, language))
    return blocks


def _add_attendee(row: int, visible: bool, language: Language) -> dict:
    """'Nog iemand': shows attendance row `row`."""
    return _reveal_row(
        row,
        ATTENDEE_ROWS,
        _attendee_id,
        _add_attendee_id,
        text("advice.add_attendee", language),
        visible,
    )


def _reveal_row(
    row: int,
    last: int,
    row_id: Callable[[int], str],
    button_id: Callable[[int], str],
    title: str,
    visible: bool,
) -> dict:
    """A button that shows row `row`, hides itself and offers the button for the row after."""
    targets = [row_id(row), button_id(row)]
    if row < last:
        targets.append(button_id(row + 1))
    action_set = {
        "type": "ActionSet",
        "id": button_id(row),
        "actions": [{"type": "Action.ToggleVisibility", "title": title, "targetElements": targets}],
    }
    if not visible:
        action_set["isVisible"] = False
    return action_set


def _attendee_id(row: int) -> str:
    return f"deelnemer_{row}_rij"


def _add_attendee_id(row: int) -> str:
    return f"deelnemer_{row}_toevoegen"


def _attendee_filled(values: dict, row: int) -> bool:
    return any(
        isinstance(v, str) and v.strip()
        for v in (values.get(row_input(f, row)) for f in ATTENDEE_FIELDS if f != "aanwezig")
    )


def _column(element: dict) -> dict:
    return {"type": "Column", "width": "stretch", "items": [element]}


def _row_id(row: int) -> str:
    return f"afspraak_{row}"


def _add_id(row: int) -> str:
    return f"afspraak_{row}_toevoegen"


def _row_filled(values: dict, row: int) -> bool:
    return any(
        isinstance(v, str) and v.strip()
        for v in (values.get(row_input(field, row)) for field in ROW_FIELDS)
    )


def _text(input_id: str, label: str, values: dict, *, short: bool = False) -> dict:
    element = {"type": "Input.Text", "id": input_id, "label": label, "maxLength": LINE_MAX}
    if not short:
        element |= {"isMultiline": True, "maxLength": STORY_MAX}
    return element | _value(values, input_id)


def _value(values: dict, input_id: str) -> dict:
    value = values.get(input_id)
    return {"value": value} if isinstance(value, str) and value else {}


def problem_text(problem: Problem, language: Language) -> str:
    return text(f"advice.problem.{problem.kind.value}", language, row=problem.row)


def mandate_card(state: MandateState, language: Language) -> dict:
    """Per organisation its afspraken and its answer, with the buttons for what is open."""
    case, advice = state.case, state.advice
    body = [
        heading(text("advice.card_title", language, number=case.number, initials=case.initials)),
        paragraph(text("advice.card_intro", language), subtle=True),
    ]
    data = {"case": case.number}
    for organisation in advice.organisations:
        lines = [
            "- "
            + text(
                "advice.afspraak_line",
                language,
                action=a.action,
                deadline=format_date(a.deadline, "d MMMM y", locale=language),
            )
            for a in advice.afspraken
            if a.organisation == organisation
        ]
        mandate = state.mandates.get(organisation)
        items = [
            {"type": "TextBlock", "text": organisation, "weight": "Bolder", "wrap": True},
            paragraph("\n".join(lines)),
        ]
        if mandate is None:
            items.append(paragraph(text("advice.open", language), subtle=True))
        else:
            confirmed = mandate.answer is MandateAnswer.CONFIRMED
            key = f"advice.{'confirmed' if confirmed else 'declined'}"
            answer = text(key, language, name=mandate.by, when=when(mandate.at, language))
            items.append(
                {
                    **paragraph(answer),
                    "color": "Good" if confirmed else "Attention",
                }
            )
        buttons = []
        if mandate is None or mandate.answer is MandateAnswer.DECLINED:
            org_data = {**data, "organisation": organisation}
            buttons.append(
                execute(text("advice.confirm", language), VERB_CONFIRM, org_data, style="positive")
            )
            if mandate is None:
                buttons.append(_decline_with_reason(org_data, organisation, language))
        if buttons:
            items.append({"type": "ActionSet", "actions": buttons})
        body.append({"type": "Container", "separator": True, "items": items})
    if state.all_confirmed:
        body.append(paragraph(text("advice.all_confirmed_card", language)))
    return adaptive_card(body)


def reason_input(organisation: str) -> str:
    """The reason box of one organisation's 'Kan niet bevestigen' (one per organisation:
    a card's inputs need ids of their own)."""
    return f"{REASON_INPUT}:{organisation}"


def _decline_with_reason(org_data: dict, organisation: str, language: Language) -> dict:
    """'Kan niet bevestigen' opens the reason box right under it, with its own send button."""
    reason = {
        "type": "Input.Text",
        "id": reason_input(organisation),
        "label": text("advice.reason_label", language),
        "isMultiline": True,
        "maxLength": STORY_MAX,
    }
    send = execute(text("advice.decline_send", language), VERB_DECLINE, org_data)
    return {
        "type": "Action.ShowCard",
        "title": text("advice.decline", language),
        "card": adaptive_card([reason], [send]),
    }
