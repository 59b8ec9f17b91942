"""Adaptive Cards (schema 1.5), built as plain dicts from small helpers."""

from typing import Any

CARD_VERSION = "1.5"


class BadCardData(ValueError):
    """An invoke or submit whose data no card of ours sends (answered with 400)."""


def adaptive_card(body: list[dict], actions: list[dict] | None = None) -> dict[str, Any]:
    """A card; one with inputs (a form) takes the chat's full width in Teams, as forms
    there do, instead of a narrow bubble."""
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": body,
    }
    if actions:
        card["actions"] = actions
    if _has_inputs(card):
        card["msteams"] = {"width": "Full"}
    return card


def _has_inputs(node: object) -> bool:
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith("Input."):
            return True
        return any(_has_inputs(value) for value in node.values())
    if isinstance(node, list):
        return any(_has_inputs(item) for item in node)
    return False


def heading(value: str) -> dict:
    """A title; `style: heading` lets a screen reader announce it as one."""
    return {
        "type": "TextBlock",
        "text": value,
        "style": "heading",
        "weight": "Bolder",
        "size": "Medium",
        "wrap": True,
    }


def paragraph(value: str, *, subtle: bool = False) -> dict:
    block = {"type": "TextBlock", "text": value, "wrap": True}
    if subtle:
        block["isSubtle"] = True
    return block


def submit(title: str, data: dict) -> dict:
    """Action.Submit: the first key of `data` names the flow's route, and goes with it as
    its `verb` (dialogs.routes)."""
    return {"type": "Action.Submit", "title": title, "data": {"verb": next(iter(data)), **data}}


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
