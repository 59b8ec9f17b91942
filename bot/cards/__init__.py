"""Adaptive Cards (schema 1.5), built as plain dicts from small helpers."""

from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Activity, ActivityTypes, Attachment

CARD_VERSION = "1.5"


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


def as_attachment(card: dict) -> Attachment:
    return CardFactory.adaptive_card(card)


def card_activity(card: dict) -> Activity:
    return Activity(type=ActivityTypes.message, attachments=[as_attachment(card)])
