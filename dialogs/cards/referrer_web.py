"""The card a referrer on retbot's own page submits with: the code sent to their address."""

from dialogs.cards import adaptive_card, heading, paragraph, required, submit
from dialogs.texts import Language, text

REFERRER_KEY = "verwijzer"  # card submits: {"verwijzer": "code" | "code_again"}
CODE = "code"
CODE_AGAIN = "code_again"
CODE_INPUT = "verwijzer_code"


def code_card(email: str, problem: str, language: Language) -> dict:
    code = {
        "type": "Input.Text",
        "id": CODE_INPUT,
        "label": text("verwijzer.code_label", language),
        "maxLength": 12,
    }
    body = [
        heading(text("verwijzer.code_title", language)),
        paragraph(text("verwijzer.code_sent", language, email=email)),
    ]
    if problem:
        body.append({"type": "Container", "style": "attention", "items": [paragraph(problem)]})
    body.append(required(code, text("verwijzer.code_required", language)))
    return adaptive_card(
        body,
        actions=[
            {
                **submit(text("verwijzer.code_check", language), {REFERRER_KEY: CODE}),
                "style": "positive",
            },
            submit(text("verwijzer.code_again", language), {REFERRER_KEY: CODE_AGAIN}),
        ],
    )
