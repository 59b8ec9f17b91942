"""Cards of the aanmelding: one form per section, the summary, and the discard question."""

from dialogs.cards import adaptive_card, heading, labelled, paragraph, required, submit
from dialogs.texts import Language, text
from domain.intake import MAX_AGE, SECTIONS, UNKNOWN, Field, Kind, Problem, Section
from domain.vocabularies import term

INTAKE_KEY = "intake"  # card submits: {"intake": "section" | "edit" | "submit" | ...}
SECTION_DONE = "section"
EDIT = "edit"
SUBMIT = "submit"
DRAFT_KEY = "draft"  # the summary's submit: which draft it files
PAUSE = "pause"
DISCARD = "discard"
DISCARD_CONFIRMED = "discard_confirmed"
KEEP = "keep"
COMPLAINT_CONTINUE = "complaint_continue"
COMPLAINT_STOP = "complaint_stop"


def problem_text(problem: Problem, section: Section, region: str, language: Language) -> str:
    field = next(f for f in section.fields if f.key == problem.field)
    joiner = " or " if language == "en" else " of "
    return text(
        f"problem.{problem.kind.value}",
        language,
        label=field.label(language),
        given=problem.given,
        max_age=MAX_AGE,
        options=joiner.join(problem.suggestions),
        region=region,
    )


def section_card(
    section: Section,
    values: dict,
    problems: list[Problem],
    region: str,
    language: Language,
) -> dict:
    step = SECTIONS.index(section) + 1
    body = [
        paragraph(text("intake.step", language, step=step, total=len(SECTIONS)), subtle=True),
        heading(section.title(language)),
    ]
    if problems:
        body.append(
            {
                "type": "Container",
                "style": "attention",
                "items": [paragraph(text("intake.problems", language))]
                + [paragraph(f"- {problem_text(p, section, region, language)}") for p in problems],
            }
        )
    suggested = {p.field: p.suggestions[0] for p in problems if p.suggestions}
    body += [
        field_input(f, values.get(f.key), suggested.get(f.key), language) for f in section.fields
    ]
    return adaptive_card(
        body,
        actions=[
            submit(
                text("intake.next", language), {INTAKE_KEY: SECTION_DONE, "section": section.key}
            ),
            {
                **submit(text("intake.later", language), {INTAKE_KEY: PAUSE}),
                "associatedInputs": "none",
            },
        ],
    )


def field_input(field: Field, value: object, suggestion: str | None, language: Language) -> dict:
    element: dict = {"id": field.key, "label": field.label(language)}
    if field.required:
        element = required(element, text("intake.required", language))
    if field.kind in (Kind.CHOICE, Kind.CHOICES):
        element |= {
            "type": "Input.ChoiceSet",
            "choices": [{"title": t.label(language), "value": t.code} for t in field.vocabulary],
        }
        if field.kind is Kind.CHOICES:
            element |= {"isMultiSelect": True, "style": "expanded"}
        if value:
            element["value"] = ",".join(value) if isinstance(value, list) else str(value)
        return element
    element |= {"type": "Input.Text", "maxLength": field.max_length}
    if field.kind is Kind.STORY:
        element["isMultiline"] = True
    if field.unknown_allowed:
        element["placeholder"] = text("intake.unknown_hint", language)
    prefill = suggestion or value
    if prefill not in (None, ""):
        element["value"] = str(prefill)
    return element


def display(field: Field, value: object, language: Language) -> str:
    if value in (None, "", []):
        return "-"
    if value == UNKNOWN:
        return UNKNOWN
    if field.kind is Kind.CHOICE:
        return term(field.vocabulary, str(value)).label(language)
    if field.kind is Kind.CHOICES:
        return ", ".join(term(field.vocabulary, code).label(language) for code in value)
    return str(value)


def summary_card(answers: dict, draft_id: str, language: Language) -> dict:
    """The whole request with *Wijzig* per part; its submit names the draft, so a click
    that comes again after the draft was filed finds the case it became."""
    body = [heading(text("intake.summary", language))]
    for section in SECTIONS:
        lines = [
            labelled(f.label(language), display(f, answers.get(f.key), language))
            for f in section.fields
        ]
        body += [
            {
                "type": "TextBlock",
                "text": section.title(language),
                "weight": "Bolder",
                "wrap": True,
            },
            *lines,
            {
                "type": "ActionSet",
                "actions": [
                    submit(
                        text("intake.edit", language, section=section.title(language)),
                        {INTAKE_KEY: EDIT, "section": section.key},
                    )
                ],
            },
        ]
    return adaptive_card(
        body,
        actions=[
            {
                **submit(
                    text("intake.submit", language), {INTAKE_KEY: SUBMIT, DRAFT_KEY: draft_id}
                ),
                "style": "positive",
            },
            submit(text("intake.later", language), {INTAKE_KEY: PAUSE}),
            submit(text("intake.cancel", language), {INTAKE_KEY: DISCARD}),
        ],
    )


def discard_card(language: Language) -> dict:
    return adaptive_card(
        [paragraph(text("intake.discard_confirm", language))],
        actions=[
            submit(text("intake.discard_yes", language), {INTAKE_KEY: DISCARD_CONFIRMED}),
            submit(text("intake.discard_no", language), {INTAKE_KEY: KEEP}),
        ],
    )


def complaint_card(routes: list[tuple[str, str]], language: Language) -> dict:
    """The RET is not a complaints body: the routes, and whether to go on with the request."""
    body = [
        heading(text("intake.complaint_title", language)),
        paragraph(text("intake.complaint", language)),
        *[labelled(name, description) for name, description in routes],
        paragraph(text("intake.complaint_continue", language)),
    ]
    return adaptive_card(
        body,
        actions=[
            submit(text("intake.complaint_go_on", language), {INTAKE_KEY: COMPLAINT_CONTINUE}),
            submit(text("intake.complaint_stop", language), {INTAKE_KEY: COMPLAINT_STOP}),
        ],
    )
