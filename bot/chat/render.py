"""Shows what a bot sent as terminal text: cards become text, inputs and buttons."""

from dataclasses import dataclass, field
from typing import Any

ADAPTIVE = "application/vnd.microsoft.card.adaptive"
HERO = "application/vnd.microsoft.card.hero"
INPUT_TYPES = {
    "Input.Text",
    "Input.Number",
    "Input.Date",
    "Input.Time",
    "Input.Toggle",
    "Input.ChoiceSet",
}


@dataclass
class CardInput:
    id: str
    label: str
    kind: str
    choices: list[tuple[str, str]] = field(default_factory=list)
    multi: bool = False
    required: bool = False
    default: str = ""
    value_on: str = "true"
    value_off: str = "false"


@dataclass
class ChatAction:
    """A button the user can pick by number."""

    title: str
    kind: str  # "message", "submit", "execute", "open_url", "show_card"
    data: Any = None
    text: str | None = None
    verb: str | None = None
    inputs: list[CardInput] = field(default_factory=list)
    card: dict | None = None


@dataclass
class Rendered:
    lines: list[str] = field(default_factory=list)
    actions: list[ChatAction] = field(default_factory=list)


def render_activity(activity: dict) -> Rendered:
    out = Rendered()
    if activity.get("text"):
        out.lines.append(activity["text"])
    for attachment in activity.get("attachments") or []:
        content = attachment.get("content") or {}
        if attachment.get("contentType") == ADAPTIVE:
            _render_adaptive(content, out, inherited_inputs=[])
        elif attachment.get("contentType") == HERO:
            _render_hero(content, out)
        else:
            out.lines.append(
                f"[bijlage: {attachment.get('name') or attachment.get('contentType')}]"
            )
    for action in (activity.get("suggestedActions") or {}).get("actions") or []:
        out.actions.append(_card_action(action))
    return out


def render_card(card: dict, inherited_inputs: list[CardInput] | None = None) -> Rendered:
    out = Rendered()
    _render_adaptive(card, out, inherited_inputs or [])
    return out


def outcome_message(body: object) -> str | None:
    """The message an adaptiveCard/action response shows instead of a new card: a message,
    or the message of an error. None when there is none."""
    value = body.get("value") if isinstance(body, dict) else None
    if isinstance(value, dict) and isinstance(value.get("message"), str):
        return value["message"]
    return value if isinstance(value, str) else None


def _render_hero(card: dict, out: Rendered) -> None:
    for key in ("title", "subtitle", "text"):
        if card.get(key):
            out.lines.append(card[key])
    out.actions.extend(_card_action(button) for button in card.get("buttons") or [])


def _card_action(action: dict) -> ChatAction:
    """A Bot Framework CardAction (suggested actions, hero card buttons)."""
    kind = action.get("type")
    title = action.get("title") or str(action.get("value"))
    if kind == "openUrl":
        return ChatAction(title, "open_url", data=action.get("value"))
    if kind == "messageBack":
        return ChatAction(title, "message", data=action.get("value"), text=action.get("text"))
    value = action.get("value")
    return ChatAction(
        title,
        "message",
        text=value if isinstance(value, str) else None,
        data=None if isinstance(value, str) else value,
    )


def _render_adaptive(card: dict, out: Rendered, inherited_inputs: list[CardInput]) -> None:
    inputs = list(inherited_inputs)
    _render_elements(card.get("body") or [], out, inputs)
    for action in card.get("actions") or []:
        _adaptive_action(action, out, inputs)
    for card_input in inputs[len(inherited_inputs) :]:
        out.lines.append(f"  (invoerveld: {card_input.label})")


def _render_elements(elements: list[dict], out: Rendered, inputs: list[CardInput]) -> None:
    for element in elements:
        if element.get("isVisible") is False:
            continue
        kind = element.get("type")
        if kind == "TextBlock" and element.get("text"):
            out.lines.append(element["text"])
        elif kind == "RichTextBlock":
            out.lines.append("".join(run.get("text", "") for run in element.get("inlines") or []))
        elif kind == "FactSet":
            out.lines.extend(
                f"  {f.get('title')}: {f.get('value')}" for f in element.get("facts") or []
            )
        elif kind == "Image" and element.get("altText"):
            out.lines.append(f"[afbeelding: {element['altText']}]")
        elif kind in ("Container", "Column"):
            _render_elements(element.get("items") or [], out, inputs)
        elif kind == "ColumnSet":
            for column in element.get("columns") or []:
                _render_elements(column.get("items") or [], out, inputs)
        elif kind == "ActionSet":
            for action in element.get("actions") or []:
                _adaptive_action(action, out, inputs)
        elif kind in INPUT_TYPES:
            inputs.append(_card_input(element))


def _card_input(element: dict) -> CardInput:
    kind = element["type"].removeprefix("Input.").lower()
    label = (
        element.get("label") or element.get("placeholder") or element.get("title") or element["id"]
    )
    return CardInput(
        id=element["id"],
        label=label,
        kind=kind,
        choices=[(c.get("title", ""), c.get("value", "")) for c in element.get("choices") or []],
        multi=bool(element.get("isMultiSelect")),
        required=bool(element.get("isRequired")),
        default=str(element.get("value", "")),
        value_on=str(element.get("valueOn", "true")),
        value_off=str(element.get("valueOff", "false")),
    )


def _adaptive_action(action: dict, out: Rendered, inputs: list[CardInput]) -> None:
    kind = action.get("type")
    title = action.get("title") or kind
    if kind == "Action.Submit":
        out.actions.append(ChatAction(title, "submit", data=action.get("data"), inputs=inputs))
    elif kind == "Action.Execute":
        out.actions.append(
            ChatAction(
                title, "execute", data=action.get("data"), verb=action.get("verb"), inputs=inputs
            )
        )
    elif kind == "Action.OpenUrl":
        out.actions.append(ChatAction(title, "open_url", data=action.get("url")))
    elif kind == "Action.ShowCard":
        out.actions.append(ChatAction(title, "show_card", card=action.get("card"), inputs=inputs))
