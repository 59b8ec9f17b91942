"""Cards of zelf aanmelden, for Web Chat: Action.Submit only (no Teams-only features)."""

from dialogs.cards import adaptive_card, heading, labelled, paragraph, required, submit
from dialogs.cards.intake import field_input
from dialogs.texts import Language, text
from domain.intake import LINE_MAX, Section
from domain.self_apply import SECTIONS

SELF_APPLY_KEY = "zelf"  # card submits: {"zelf": "section" | "consent" | ...}
SECTION_DONE = "section"
CONSENT = "consent"
CONTACT = "contact"
CODE = "code"
CODE_AGAIN = "code_again"
CODE_OTHER = "code_other"
COMPLAINT_CONTINUE = "complaint_continue"
COMPLAINT_STOP = "complaint_stop"
CONSENT_PREFIX = "toestemming_"
EMAIL_INPUT = "email"
PHONE_INPUT = "telefoon"
CODE_INPUT = "code"
STEPS = len(SECTIONS) + 3  # the sections, consent, contact, code


def _step(step: int, language: Language) -> dict:
    return paragraph(text("zelf.step", language, step=step, total=STEPS), subtle=True)


def _problems(lines: list[str], language: Language) -> list[dict]:
    if not lines:
        return []
    items = [paragraph(text("zelf.problems", language))] + [paragraph(f"- {x}") for x in lines]
    return [{"type": "Container", "style": "attention", "items": items}]


def section_card(section: Section, values: dict, problems: list[str], language: Language) -> dict:
    """One section's questions; `problems` says in plain words what to look at again."""
    body = [
        _step(SECTIONS.index(section) + 1, language),
        heading(section.title(language)),
        *_problems(problems, language),
        *[_plain(field_input(f, values.get(f.key), None, language)) for f in section.fields],
    ]
    data = {SELF_APPLY_KEY: SECTION_DONE, "section": section.key}
    return adaptive_card(body, actions=[submit(text("zelf.next", language), data)])


def _plain(element: dict) -> dict:
    """Choices as a list to tick, not a drop-down: easier to read, on a phone too."""
    if element["type"] == "Input.ChoiceSet":
        return {**element, "style": "expanded"}
    return element


def consent_card(questions: tuple[str, ...], missing: bool, language: Language) -> dict:
    body = [
        _step(len(SECTIONS) + 1, language),
        heading(text("zelf.consent_title", language)),
        paragraph(text("zelf.consent_explain", language)),
        *_problems([text("zelf.consent_missing", language)] if missing else [], language),
        *[
            {
                "type": "Input.Toggle",
                "id": CONSENT_PREFIX + question,
                "title": text(f"zelf.consent.{question}", language),
                "valueOn": "ja",
                "valueOff": "nee",
                "value": "nee",
            }
            for question in questions
        ],
    ]
    return adaptive_card(
        body, actions=[submit(text("zelf.next", language), {SELF_APPLY_KEY: CONSENT})]
    )


def contact_card(values: dict, wrong: list[str], language: Language) -> dict:
    email = {
        "type": "Input.Text",
        "id": EMAIL_INPUT,
        "style": "Email",
        "label": text("zelf.contact_email", language),
        "maxLength": LINE_MAX,
    }
    phone = {
        "type": "Input.Text",
        "id": PHONE_INPUT,
        "style": "Tel",
        "label": text("zelf.contact_phone", language),
        "maxLength": LINE_MAX,
    }
    for element in (email, phone):
        if values.get(element["id"]):
            element["value"] = values[element["id"]]
    body = [
        _step(len(SECTIONS) + 2, language),
        heading(text("zelf.contact_title", language)),
        *_problems([text(f"zelf.contact.{key}", language) for key in wrong], language),
        required(email, text("zelf.required", language)),
        phone,
    ]
    return adaptive_card(
        body, actions=[submit(text("zelf.send_code", language), {SELF_APPLY_KEY: CONTACT})]
    )


def code_card(email: str, problem: str, language: Language) -> dict:
    code = {
        "type": "Input.Text",
        "id": CODE_INPUT,
        "label": text("zelf.code_label", language),
        "maxLength": 12,
    }
    body = [
        _step(len(SECTIONS) + 3, language),
        heading(text("zelf.code_title", language)),
        paragraph(text("zelf.code_sent", language, email=email)),
        *_problems([problem] if problem else [], language),
        required(code, text("zelf.required", language)),
    ]
    return adaptive_card(
        body,
        actions=[
            {
                **submit(text("zelf.code_check", language), {SELF_APPLY_KEY: CODE}),
                "style": "positive",
            },
            submit(text("zelf.code_again", language), {SELF_APPLY_KEY: CODE_AGAIN}),
            submit(text("zelf.code_other", language), {SELF_APPLY_KEY: CODE_OTHER}),
        ],
    )


def complaint_card(routes: list[tuple[str, str]], language: Language) -> dict:
    body = [
        heading(text("zelf.complaint_title", language)),
        paragraph(text("zelf.complaint", language)),
        *[labelled(name, description) for name, description in routes],
        paragraph(text("zelf.complaint_question", language)),
    ]
    return adaptive_card(
        body,
        actions=[
            submit(text("zelf.complaint_go_on", language), {SELF_APPLY_KEY: COMPLAINT_CONTINUE}),
            submit(text("zelf.complaint_stop", language), {SELF_APPLY_KEY: COMPLAINT_STOP}),
        ],
    )
