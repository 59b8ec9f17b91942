"""Test helpers: running retbot's real aiohttp app on a loopback port, checking cards."""

import json
from functools import cache
from pathlib import Path

import jsonschema
from aiohttp import web
from microsoft_agents.hosting.core import Connections

from bot.app import create_app
from bot.settings import Settings
from domain.ret import ReachSettings, RetConfig

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "tests" / "schemas"
EXAMPLE_RET = REPO / "examples" / "ret.example.yaml"
CARD_SCHEMA = SCHEMAS / "adaptive-card-1.5.schema.json"
MANIFEST_SCHEMA = SCHEMAS / "teams-manifest-1.29.schema.json"


class RunningBot:
    """retbot's aiohttp app served on 127.0.0.1 with a free port, as `retbot serve` does."""

    def __init__(
        self,
        settings: Settings,
        ret: RetConfig,
        connections: Connections | None = None,
    ) -> None:
        self.settings = settings
        self.ret = ret
        self.connections = connections
        self.app: web.Application | None = None
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> "RunningBot":
        self.app = create_app(self.settings, self.ret, self.connections)
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    @property
    def messages_url(self) -> str:
        return f"{self.url}/api/messages"

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    async def restart(self) -> "RunningBot":
        """A new process would build everything anew: so does this, on the same database."""
        await self.stop()
        return await self.start()


def emails_at_once(ret: RetConfig) -> RetConfig:
    """The RET with no delay before a message for someone outside Teams goes by e-mail."""
    return ret.model_copy(update={"reach": ReachSettings(email_after_minutes=0)})


@cache
def _card_validator() -> jsonschema.Draft6Validator:
    schema = json.loads(CARD_SCHEMA.read_text(encoding="utf-8"))
    # Teams' own extension of the card, which the Adaptive Cards schema does not know:
    # https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format
    schema["definitions"]["AdaptiveCard"]["properties"]["msteams"] = {
        "type": "object",
        "properties": {"width": {"enum": ["Full"]}},
        "additionalProperties": False,
    }
    return jsonschema.Draft6Validator(schema)


TEAMS_MESSAGE_LIMIT = 28 * 1024  # bytes: Teams refuses a larger message


def assert_valid_card(card: dict) -> None:
    """Valid against the Adaptive Cards 1.5 schema, and as Teams users expect: small enough
    to be sent, every text input with a maximum length, forms over the chat's full width,
    headings marked as headings for screen readers."""
    errors = sorted(_card_validator().iter_errors(card), key=lambda e: list(e.path))
    assert not errors, "card does not validate: " + "; ".join(
        f"{list(e.path)}: {e.message}" for e in errors[:5]
    )
    size = len(json.dumps(card, ensure_ascii=False).encode())
    assert size <= TEAMS_MESSAGE_LIMIT, f"card of {size} bytes, over Teams' limit"
    elements = list(_elements(card))
    unbounded = [
        e.get("id") for e in elements if e.get("type") == "Input.Text" and not e.get("maxLength")
    ]
    assert unbounded == [], f"text inputs without maxLength: {unbounded}"
    if any(str(e.get("type", "")).startswith("Input.") for e in elements):
        assert card.get("msteams", {}).get("width") == "Full", "a form not over the full width"
    bold_titles = [
        e["text"]
        for e in elements
        if e.get("type") == "TextBlock"
        and e.get("size") == "Medium"
        and e.get("style") != "heading"
    ]
    assert bold_titles == [], f"headings not marked as headings: {bold_titles}"


def _elements(node: object):
    """Every element of a card, nested ones too (containers, columns, show-cards)."""
    if isinstance(node, dict):
        if "type" in node:
            yield node
        for value in node.values():
            yield from _elements(value)
    elif isinstance(node, list):
        for item in node:
            yield from _elements(item)


def adaptive_cards_in(activities: list[dict]) -> list[dict]:
    return [
        attachment["content"]
        for activity in activities
        for attachment in activity.get("attachments") or []
        if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive"
    ]


def labelled_values(card: dict) -> dict[str, str]:
    """The 'Label: value' lines of a card (summary and full-request cards)."""
    found = {}
    for block in card.get("body", []):
        line = block.get("text", "") if block.get("type") == "TextBlock" else ""
        if line.startswith("**") and "**: " in line:
            label, _, value = line[2:].partition("**: ")
            found[label] = value
    return found


def replaced_card(connector, who, message_id: str) -> dict:
    """The one card a submit put in place of the message `message_id` in `who`'s chat
    (Turn.replace_card, a PUT to the connector's activity): valid, and read-only: no
    inputs, and no action but a link to open."""
    [replaced] = connector.updated[who.id]
    assert replaced["id"] == message_id
    card = replaced["attachments"][0]["content"]
    assert_valid_card(card)
    assert "Input." not in str(card)
    assert {a["type"] for a in card.get("actions", [])} <= {"Action.OpenUrl"}
    assert "Action." not in str(card["body"])
    return card
