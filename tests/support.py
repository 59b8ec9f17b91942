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
    return jsonschema.Draft6Validator(schema)


def assert_valid_card(card: dict) -> None:
    errors = sorted(_card_validator().iter_errors(card), key=lambda e: list(e.path))
    assert not errors, "card does not validate: " + "; ".join(
        f"{list(e.path)}: {e.message}" for e in errors[:5]
    )


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
