"""Cards of a consultation: the quick answer with its way out, and the voorzitter's card."""

from dialogs.cards import adaptive_card, execute, facts, heading, paragraph, submit
from dialogs.moments import when
from dialogs.texts import Language, text
from domain.consultations import Consultation, ConsultationStatus
from domain.intake import STORY_MAX

CONSULT_KEY = "consult"  # card submits of the asker: {"consult": "ask_chair", "id": 12}
ASK_CHAIR = "ask_chair"

VERB_ANSWER = "consult.answer"
VERB_CONTACT = "consult.contact"
VERB_TO_REQUEST = "consult.to_request"
ANSWER_INPUT = "answer"


def quick_answer_card(
    answer_lines: list[str], source: str, consultation_id: int, language: Language
) -> dict:
    return adaptive_card(
        body=[*(paragraph(line) for line in answer_lines), paragraph(source, subtle=True)],
        actions=[
            submit(
                text("answer.not_helpful", language),
                {CONSULT_KEY: ASK_CHAIR, "id": consultation_id},
            )
        ],
    )


def chair_card(consultation: Consultation, language: Language = "nl") -> dict:
    """What the voorzitter sees: the question, who asks, and the three ways to handle it.

    Once handled, the same card shows who handled it, when, and the answer.
    """
    asker = consultation.asker
    who = f"{asker.name} ({asker.organisation})" if asker.organisation else asker.name
    body = [
        heading(text("consult.title", language, number=f"#{consultation.id}")),
        facts(
            [
                (text("consult.from", language), who),
                (text("consult.asked_at", language), when(consultation.asked_at, language)),
            ]
        ),
        paragraph(consultation.question),
    ]
    if consultation.status is not ConsultationStatus.WITH_CHAIR:
        status = text(
            f"consult.status.{consultation.status.name}",
            language,
            name=consultation.handled_by or "",
            when=when(consultation.handled_at, language) if consultation.handled_at else "",
        )
        body.append(paragraph(status, subtle=True))
        if consultation.answer:
            body.append(paragraph(consultation.answer))
        return adaptive_card(body)
    body.append(
        {
            "type": "Input.Text",
            "id": ANSWER_INPUT,
            "label": text("consult.answer_label", language),
            "isMultiline": True,
            "maxLength": STORY_MAX,
        }
    )
    data = {"id": consultation.id}
    return adaptive_card(
        body,
        actions=[
            execute(text("consult.action.answer", language), VERB_ANSWER, data, style="positive"),
            execute(text("consult.action.contact", language), VERB_CONTACT, data),
            execute(text("consult.action.request", language), VERB_TO_REQUEST, data),
        ],
    )
