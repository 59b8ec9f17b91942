"""The read-only card that takes a sent form's place (Turn.replace_card): what was
recorded, by whom and when, with no inputs or buttons left to send it twice."""

from collections.abc import Sequence
from datetime import datetime

from dialogs.cards import adaptive_card, facts, heading, paragraph
from dialogs.moments import when
from dialogs.texts import Language, text


def recorded_card(
    title: str,
    pairs: list[tuple[str, str]],
    by: str,
    at: datetime,
    language: Language,
    *,
    line: str | None = None,
    after: str | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> dict:
    """`pairs`: what was recorded, as label and value; `line`: the recording said in a
    sentence of the flow's own instead of 'Vastgelegd door … op …'; `after`: what comes
    next, below it; `links`: title and address of pages to open (nothing to send)."""
    body = [heading(title)]
    if pairs:
        body.append(facts(pairs))
    body.append(paragraph(line or text("recorded.by", language, by=by, when=when(at, language))))
    if after:
        body.append(paragraph(after, subtle=True))
    actions = [{"type": "Action.OpenUrl", "title": t, "url": url} for t, url in links]
    return adaptive_card(body, actions)
