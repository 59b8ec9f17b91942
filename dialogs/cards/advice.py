"""Advice cards: the voorzitter's form in four steps (1:1, Action.Submit; each step a card of
its own, one afspraak open at a time, so no card nears Teams' 28 KB however many
organisations the RET file lists) and the shared mandate card (where the team works,
Action.Execute), which carries case number, initials and afspraken only: no summary, no
advice text, no names of the family."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from babel.dates import format_date

from dialogs.cards import adaptive_card, execute, facts, heading, paragraph, submit
from dialogs.moments import when
from dialogs.texts import Language, text
from domain.advice import MandateAnswer, MandateState, Problem, ProblemKind, paying_gemeente
from domain.cases import Case
from domain.intake import LINE_MAX, STORY_MAX
from domain.vocabularies import DEELNEMER_ROL

ADVICE_OPEN_KEY = "advice_for"  # "Advies vastleggen" on Mijn casussen: {"advice_for": number}
ADVICE_KEY = "advice"  # the last step's submit: {"advice": number}, records the advice
STEP_KEY = "advice_step"  # a step's submit: {"advice_step": number, "go": "2"} or "later"
GO = "go"
ROW = "row"  # on the afspraken step: which afspraak to open ("Wijzigen")
LATER = "later"
SAMENVATTING = "samenvatting"
ADVIES = "advies"
GEMEENTE = "gemeente"  # the paying gemeente, pre-filled with the intake's
ROWS = 5  # afspraak rows on the form; empty rows are ignored
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


class Step(IntEnum):
    """The advice form's steps, each its own card (one card of all would near Teams' limit)."""

    ADVICE = 1  # samenvatting, advies, paying gemeente
    AFSPRAKEN = 2
    ATTENDANCE = 3
    CHECK = 4  # everything at a glance, and 'Advies vastleggen'


INPUT_IDS = frozenset(
    {SAMENVATTING, ADVIES, GEMEENTE}
    | {f"{f}_{r}" for f in ROW_FIELDS for r in range(1, ROWS + 1)}
    | {f"{f}_{r}" for f in ATTENDEE_FIELDS for r in range(1, ATTENDEE_ROWS + 1)}
)

VERB_CONFIRM = "advice.confirm"
VERB_DECLINE = "advice.decline"
REASON_INPUT = "reden"


def row_input(field: str, row: int) -> str:
    return f"{field}_{row}"


def step_of(problem: Problem) -> Step:
    """The step whose card shows (and fixes) a problem."""
    if problem.attendee is not None or problem.kind is ProblemKind.NO_ATTENDEE:
        return Step.ATTENDANCE
    if problem.row is not None or problem.kind is ProblemKind.NO_AFSPRAAK:
        return Step.AFSPRAKEN
    return Step.ADVICE


def sent_form(case: Case, by: str, at: datetime, language: Language) -> dict:
    """What replaces the advice form once it is sent: its title and who sent it when,
    without inputs or buttons, so it cannot be sent twice."""
    title = text("advice.form_title", language, number=case.number, initials=case.initials)
    sent = text("advice.form_sent", language, by=by, when=when(at, language))
    return adaptive_card([heading(title), paragraph(sent)])


def paused_form(case: Case, language: Language) -> dict:
    """What replaces a step card on 'Later verder': what is kept and how to go on."""
    title = text("advice.form_title", language, number=case.number, initials=case.initials)
    return adaptive_card([heading(title), paragraph(text("advice.paused", language))])


@dataclass(frozen=True)
class FormContext:
    """What every step needs besides the values: the case and the RET's lists."""

    case: Case
    organisations: list[str]
    gemeenten: list[str]
    language: Language


def advice_step(
    step: Step,
    context: FormContext,
    values: dict,
    problems: list[Problem] = (),
    row: int | None = None,
) -> dict:
    """One step of the advice form; `values` as entered so far (kept between steps),
    `problems` when the advice could not be recorded (each row's at its row)."""
    case, language = context.case, context.language
    title = text("advice.form_title", language, number=case.number, initials=case.initials)
    body = [
        heading(title),
        paragraph(text(f"advice.step.{step.value}", language, step=step.value, steps=len(Step))),
    ]
    if problems:  # all of them, so nothing waits unseen on another step
        body.append(
            {
                "type": "Container",
                "style": "attention",
                "items": [paragraph(text("intake.problems", language))]
                + [paragraph("- " + problem_text(p, language)) for p in problems],
            }
        )
    mine = [p for p in problems if step_of(p) is step]
    if step is Step.ADVICE:
        body += _advice_part(context, values)
    elif step is Step.AFSPRAKEN:
        body += _afspraken(context, values, mine, row)
    elif step is Step.ATTENDANCE:
        body += _attendance(values, mine, language)
    else:
        body += _check(context, values)
    actions = _step_actions(step, case.number, language)
    if step is Step.AFSPRAKEN and _room_for_another(values, problems, row):
        another = submit(text("advice.add_row", language), {STEP_KEY: case.number, GO: "2"})
        actions.insert(1, another)
    return adaptive_card(body, actions=actions)


def _room_for_another(values: dict, problems: list[Problem], row: int | None) -> bool:
    """'Nog een afspraak' (the open one kept, an empty one opened) while rows are left."""
    editing = editing_row(values, problems, row)
    others = [r for r in range(1, ROWS + 1) if r != editing and _row_filled(values, r)]
    return editing is not None and len(others) + 1 < ROWS


def _step_actions(step: Step, number: str, language: Language) -> list[dict]:
    """Back, on (or record, at the last step), and 'Later verder' (what is typed is kept)."""
    go = {STEP_KEY: number}
    actions = []
    if step is Step.CHECK:
        record = submit(text("advice.issue", language), {ADVICE_KEY: number})
        actions.append({**record, "style": "positive"})
    else:
        actions.append(submit(text("advice.next", language), {**go, GO: str(step + 1)}))
    if step > Step.ADVICE:
        actions.append(submit(text("advice.back", language), {**go, GO: str(step - 1)}))
    actions.append(submit(text("intake.later", language), {**go, GO: LATER}))
    return actions


def _advice_part(context: FormContext, values: dict) -> list[dict]:
    language = context.language
    intake = paying_gemeente(context.case)
    gemeenten = list(dict.fromkeys([*([intake] if intake else []), *context.gemeenten]))
    chosen = values.get(GEMEENTE) or intake
    gemeente = {
        "type": "Input.ChoiceSet",
        "id": GEMEENTE,
        "label": text("advice.gemeente", language),
        "choices": [{"title": g, "value": g} for g in gemeenten],
        **({"value": chosen} if chosen else {}),
    }
    hint = text("advice.gemeente_hint", language, gemeente=intake or "-")
    return [
        _text(SAMENVATTING, text("advice.samenvatting", language), values),
        _text(ADVIES, text("advice.advies", language), values),
        gemeente,
        paragraph(hint, subtle=True),
    ]


def _afspraken(
    context: FormContext, values: dict, problems: list[Problem], row: int | None
) -> list[dict]:
    """One afspraak open to fill in (`row`, else the first with a problem, else the first
    empty one), the others as a line with 'Wijzigen': every open row lists each
    organisation, so a card with all rows open would outgrow Teams' limit in a RET with
    many organisations."""
    language = context.language
    body = [
        heading(text("advice.afspraken", language)),
        paragraph(text("advice.afspraken_hint", language), subtle=True),
    ]
    body += [
        {"type": "TextBlock", "text": problem_text(p, language), "color": "Attention", "wrap": True}
        for p in problems
        if p.kind is ProblemKind.NO_AFSPRAAK
    ]
    editing = editing_row(values, problems, row)
    choices = [{"title": name, "value": name} for name in context.organisations]
    for r in range(1, ROWS + 1):
        row_problems = [p for p in problems if p.row == r]
        if r == editing:
            body.append(_row(r, choices, values, row_problems, language))
        elif _row_filled(values, r):
            body.append(_row_line(context.case.number, r, values, row_problems, language))
    return body


def editing_row(values: dict, problems: list[Problem], row: int | None) -> int | None:
    """The afspraak open on the card: the one asked for, else the first with a problem,
    else the first empty one (None when all are filled)."""
    if row is not None and 1 <= row <= ROWS:
        return row
    wrong = [p.row for p in problems if p.row is not None]
    if wrong:
        return min(wrong)
    return next((r for r in range(1, ROWS + 1) if not _row_filled(values, r)), None)


def _row_line(
    number: str, row: int, values: dict, problems: list[Problem], language: Language
) -> dict:
    """A filled afspraak that is not open: what it says, and 'Wijzigen' to open it."""
    line = text(
        "advice.check_afspraak",
        language,
        org=values.get(row_input("organisatie", row)) or "-",
        action=values.get(row_input("actie", row)) or "-",
        deadline=values.get(row_input("deadline", row)) or "-",
    )
    items: list[dict] = [
        {
            "type": "TextBlock",
            "text": text("advice.row", language, row=row),
            "weight": "Bolder",
            "wrap": True,
        },
        paragraph(line),
    ]
    items += [
        {"type": "TextBlock", "text": problem_text(p, language), "color": "Attention", "wrap": True}
        for p in problems
    ]
    change = submit(text("advice.change_row", language), {STEP_KEY: number, GO: "2", ROW: str(row)})
    items.append({"type": "ActionSet", "actions": [change]})
    return {"type": "Container", "id": _row_id(row), "separator": True, "items": items}


def _check(context: FormContext, values: dict) -> list[dict]:
    """Everything entered, to read over before it is recorded."""
    language = context.language
    afspraken = [
        "- "
        + text(
            "advice.check_afspraak",
            language,
            org=values.get(row_input("organisatie", r)) or "-",
            action=values.get(row_input("actie", r)) or "-",
            deadline=values.get(row_input("deadline", r)) or "-",
        )
        for r in range(1, ROWS + 1)
        if _row_filled(values, r)
    ]
    people = [
        "- "
        + ", ".join(
            v
            for v in (
                values.get(row_input("deelnemer", r)),
                values.get(row_input("deelnemer_organisatie", r)),
                text("advice.absent", language)
                if values.get(row_input("aanwezig", r)) == "nee"
                else None,
            )
            if isinstance(v, str) and v.strip()
        )
        for r in range(1, ATTENDEE_ROWS + 1)
        if _attendee_filled(values, r)
    ]
    gemeente = values.get(GEMEENTE) or paying_gemeente(context.case) or "-"
    none = text("advice.check_none", language)
    return [
        facts([(text("advice.gemeente", language), gemeente)]),
        heading(text("advice.samenvatting", language)),
        paragraph(values.get(SAMENVATTING) or none),
        heading(text("advice.advies", language)),
        paragraph(values.get(ADVIES) or none),
        heading(text("advice.afspraken", language)),
        paragraph("\n".join(afspraken) or none),
        heading(text("advice.attendance", language)),
        paragraph("\n".join(people) or none),
        paragraph(text("advice.check_hint", language), subtle=True),
    ]


def _row(
    row: int,
    choices: list[dict],
    values: dict,
    problems: list[Problem],
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
    return container


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


def mandate_card(
    state: MandateState, language: Language, by_email: Mapping[str, str] | None = None
) -> dict:
    """Per organisation its afspraken and its answer, with the buttons for what is open.
    `by_email`: organisations whose contact (named) answers by the link in an e-mail, not
    on this card."""
    by_email = by_email or {}
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
        if organisation in by_email:  # they answer on the page behind their e-mail's link
            if mandate is None:
                asked = text("advice.asked_by_email", language, name=by_email[organisation])
                items.append(paragraph(asked, subtle=True))
        elif mandate is None or mandate.answer is MandateAnswer.DECLINED:
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
