"""The card with the draft notulen, for the procesondersteuner's personal chat (1:1:
Action.Submit)."""

from dialogs.cards import adaptive_card, heading, paragraph, submit
from dialogs.texts import Language, text

NOTULEN_KEY = "notulen"
APPROVE, CORRECT = "goedkeuren", "corrigeren"


def draft_card(
    day_text: str, meeting: str, version: int, cases: str, url: str, language: Language
) -> dict:
    """`meeting` is the ISO date the buttons carry; `cases` the numbers with initials."""
    body = [
        heading(text("notulen.card.title", language, day=day_text)),
        paragraph(text("notulen.card.intro", language, version=version, cases=cases)),
        paragraph(text("notulen.card.transcript_hint", language), subtle=True),
    ]
    data = {"meeting": meeting, "version": version}
    actions = [
        {"type": "Action.OpenUrl", "title": text("notulen.download", language), "url": url},
        submit(text("notulen.approve", language), {NOTULEN_KEY: APPROVE, **data}),
        submit(text("notulen.correct", language), {NOTULEN_KEY: CORRECT, **data}),
    ]
    return adaptive_card(body, actions)


def approved_card(message: str, url: str, language: Language) -> dict:
    """For the attendees in Teams: the approved notulen behind a link."""
    action = {"type": "Action.OpenUrl", "title": text("notulen.download", language), "url": url}
    return adaptive_card([paragraph(message)], [action])
