"""Adaptive Cards (schema 1.5), built as plain dicts from small helpers."""

from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Activity, ActivityTypes, Attachment

CARD_VERSION = "1.5"


class BadCardData(ValueError):
    """An invoke or submit whose data no card of ours sends (answered with 400)."""


def adaptive_card(body: list[dict], actions: list[dict] | None = None) -> dict[str, Any]:
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def heading(value: str) -> dict:
    return {"type": "TextBlock", "text": value, "weight": "Bolder", "size": "Medium", "wrap": True}


def paragraph(value: str, *, subtle: bool = False) -> dict:
    block = {"type": "TextBlock", "text": value, "wrap": True}
    if subtle:
        block["isSubtle"] = True
    return block


def submit(title: str, data: dict) -> dict:
    return {"type": "Action.Submit", "title": title, "data": data}


def execute(title: str, verb: str, data: dict, *, style: str | None = None) -> dict:
    """Action.Execute: arrives as an adaptiveCard/action invoke; the answer replaces the card."""
    action = {"type": "Action.Execute", "title": title, "verb": verb, "data": data}
    if style:
        action["style"] = style
    return action


def facts(pairs: list[tuple[str, str]]) -> dict:
    return {"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in pairs]}


def labelled(label: str, value: str) -> dict:
    """'Label: value' as one wrapping line; unlike a FactSet's narrow label column, long
    Dutch labels do not break mid-word."""
    value = value.replace("\n", "\n\n")  # keep the referrer's own line breaks
    return {"type": "TextBlock", "text": f"**{label}**: {value}", "wrap": True, "spacing": "Small"}


def required(element: dict, message: str) -> dict:
    """A required input with the message clients show when it is left empty."""
    return {**element, "isRequired": True, "errorMessage": message}


def as_attachment(card: dict) -> Attachment:
    return CardFactory.adaptive_card(card)


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
        attachment = as_attachment(card)
    return Activity(type=ActivityTypes.message, attachments=[attachment])
