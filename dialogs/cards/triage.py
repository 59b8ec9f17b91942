"""Triage cards: minimal data for where the team works, full data only in a personal chat."""

import re
from datetime import datetime

from dialogs.cards import (
    adaptive_card,
    execute,
    facts,
    heading,
    paragraph,
    required,
    submit,
)
from dialogs.cards.booking import booking_action, booking_blocks
from dialogs.cards.intake import display
from dialogs.moments import when
from dialogs.texts import Language, status_label, text
from domain.booking import Booking
from domain.case_facts import TRIAGE_PREFIX
from domain.cases import Case, CaseStatus
from domain.intake import SECTIONS, STORY_MAX, Field, age_in
from domain.self_apply import SECTIONS as SELF_APPLY_SECTIONS
from domain.triage import TARGET, CaseEvent, Decision

VERB_PREFIX = "triage."
VERB_DETAILS = "triage.details"
VERB_OVERRIDE = "triage.override_consent"
NOTE_INPUT = "note"
CASE_INFO_KEY = "case_info"  # the referrer's answer: {"case_info": "RET-2026-0001", "antwoord": ..}
ANSWER_INPUT = "antwoord"

_FIELDS: dict[str, Field] = {f.key: f for s in SECTIONS for f in s.fields}


def _label(key: str, case: Case, language: Language) -> str:
    return display(_FIELDS[key], case.answers.get(key), language)


def triage_card(
    case: Case,
    language: Language,
    decided: CaseEvent | None = None,
    booking: Booking | None = None,
) -> dict:
    """Case number, initials, age, gemeente, kind of question, urgency, consent: no more.
    At the RET-tafel also the meeting's moment and place (`booking`), with 'Volgend vrij moment'."""
    year = case.answers.get("geboortejaar")
    age = (
        text("triage.age_value", language, age=age_in(year, case.submitted_at.date()))
        if isinstance(year, int) and case.submitted_at
        else "-"
    )
    body = [
        heading(text("triage.title", language, number=case.number)),
        *([paragraph(text("zelf.triage_mark", language))] if case.self_applied else []),
        facts(
            [
                (text("triage.initials", language), case.initials or "-"),
                (text("triage.age", language), age),
                (_FIELDS["gemeente"].label(language), str(case.answers.get("gemeente", "-"))),
                (_FIELDS["soort_vraag"].label(language), _label("soort_vraag", case, language)),
                (_FIELDS["urgentie"].label(language), _label("urgentie", case, language)),
                (text("triage.consent", language), _label("toestemming", case, language)),
            ]
        ),
    ]
    data = {"case": case.number}
    undecided = case.status is CaseStatus.AANGEMELD
    if not undecided and decided is not None:
        status = status_label(case.status, language)
        moment = when(decided.at, language)
        decision = text("triage.decided", language, status=status, name=decided.actor, when=moment)
        body.append(paragraph(decision, subtle=True))
    if case.status is CaseStatus.MEER_INFORMATIE and not case.details_open_to_team:
        body.append(paragraph(text("triage.asked_consent_pending", language)))
    at_the_table = case.status is CaseStatus.RET_TAFEL
    if at_the_table:
        body.extend(booking_blocks(booking, language))
    if undecided or not case.details_open_to_team:
        # Note field: a reason or question for a decision, or the reason for an override.
        note = {"type": "Input.Text", "id": NOTE_INPUT, "isMultiline": True, "maxLength": STORY_MAX}
        body.append({**note, "label": text("triage.note_label", language)})
    if case.details_open_to_team:
        details = execute(text("triage.action.details", language), VERB_DETAILS, data)
    else:
        details = execute(text("triage.action.override", language), VERB_OVERRIDE, data)
    decisions = [
        execute(text(f"triage.action.{d.value}", language), VERB_PREFIX + d.value, data)
        for d in Decision
    ]
    planning = [booking_action(case, booking, language)] if at_the_table else []
    return adaptive_card(body, actions=[*(decisions if undecided else []), *planning, details])


def question_card(case: Case, chair_name: str, question: str, language: Language) -> dict:
    """The voorzitter's question to the referrer, with a field for the answer."""
    return adaptive_card(
        [
            paragraph(text("referrer.question", language, name=chair_name, number=case.number)),
            paragraph(question),
            required(
                {
                    "type": "Input.Text",
                    "id": ANSWER_INPUT,
                    "label": text("referrer.answer_label", language),
                    "isMultiline": True,
                    "maxLength": STORY_MAX,
                },
                text("intake.required", language),
            ),
        ],
        actions=[submit(text("referrer.send", language), {CASE_INFO_KEY: case.number})],
    )


def full_request_card(case: Case, events: list[CaseEvent], language: Language) -> dict:
    body = [heading(text("triage.full_title", language, number=case.number))]
    if case.self_applied:
        body.append(paragraph(text("zelf.triage_mark", language)))
        own = [
            f
            for s in SELF_APPLY_SECTIONS
            for f in s.fields
            if f.key not in _FIELDS and f.key in case.answers
        ]
        body.append(
            facts([(f.label(language), display(f, case.answers.get(f.key), language)) for f in own])
        )
    for section in SECTIONS:
        body.append(
            {"type": "TextBlock", "text": section.title(language), "weight": "Bolder", "wrap": True}
        )
        body.append(
            facts(
                [
                    (f.label(language), display(f, case.answers.get(f.key), language))
                    for f in section.fields
                ]
            )
        )
    if events:
        body.append(heading(text("triage.timeline", language)))
        for event in events:
            body.append(paragraph(timeline_line(event, language)))
    return adaptive_card(body)


_LEADING_MOMENT = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?[+-]\d\d:\d\d)(.*)$", re.S)


def timeline_line(event: CaseEvent, language: Language) -> str:
    """One event as a person reads it: a triage decision by its status, a moment as a date
    (the timeline keeps codes and ISO times, which read the same in any language)."""
    kind = event.kind
    if kind.startswith(TRIAGE_PREFIX) and kind[len(TRIAGE_PREFIX) :] in set(Decision):
        decision = Decision(kind[len(TRIAGE_PREFIX) :])
        kind = TRIAGE_PREFIX + status_label(TARGET[decision], language)
    line = f"{when(event.at, language)} · {event.actor} · {kind}"
    if not event.text:
        return line
    detail = event.text
    if moment := _LEADING_MOMENT.match(detail):
        detail = when(datetime.fromisoformat(moment.group(1)), language) + moment.group(2)
    return f"{line}: {detail}"
