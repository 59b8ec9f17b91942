"""What the flows say (a text, an Adaptive Card as a dict, buttons to tap) as the SDK's
activities."""

from collections.abc import Sequence

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    SuggestedActions,
)

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


def card_activity(card: dict) -> Activity:
    """An Adaptive Card; or, for a dict with a `contentType`, that attachment as it is (the
    Teams file consent card, dialogs/cards/documents.py)."""
    if "contentType" in card:
        attachment = Attachment(
            content_type=card["contentType"],
            name=card.get("name"),
            content=card.get("content"),
            content_url=card.get("contentUrl"),
        )
    else:
        attachment = Attachment(content_type=ADAPTIVE_CARD, content=card)
    return Activity(type=ActivityTypes.message, attachments=[attachment])


def message_activity(
    message: str | dict, choices: Sequence[str] = (), card: dict | None = None
) -> Activity:
    """A text (with `choices` as buttons that send their title, or a `card` under it) or
    a card."""
    if isinstance(message, dict):
        return card_activity(message)
    activity = card_activity(card) if card is not None else Activity(type=ActivityTypes.message)
    activity.text = message
    if choices:
        activity.suggested_actions = SuggestedActions(
            actions=[CardAction(type="imBack", title=c, value=c) for c in choices]
        )
    return activity
