"""One user's conversation with a bot, sent over HTTP as the Emulator sends it."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import ClientSession

from bot.chat.connector import ConnectorEndpoint

BOT_ID = "retbot"


@dataclass
class TurnResult:
    """What one activity sent to the bot produced: the HTTP answer and the bot's replies."""

    status: int
    body: Any
    replies: list[dict] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [reply.get("text") or "" for reply in self.replies]

    def cards(self) -> list[dict]:
        return [
            attachment["content"]
            for reply in self.replies
            for attachment in reply.get("attachments") or []
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]


class Conversation:
    def __init__(
        self,
        bot_url: str,
        connector: ConnectorEndpoint,
        session: ClientSession,
        *,
        user_id: str | None = None,
        user_name: str = "Casus-inbrenger",
        locale: str = "nl-NL",
        channel_id: str = "emulator",
        conversation_id: str | None = None,
        extra: dict | None = None,
        headers: dict | None = None,
    ) -> None:
        self.bot_url = bot_url
        self.connector = connector
        self.session = session
        self.user = {"id": user_id or f"user-{uuid.uuid4().hex[:8]}", "name": user_name}
        self.locale = locale
        self.channel_id = channel_id
        self.id = conversation_id or f"conv-{uuid.uuid4().hex}"
        self.extra = extra or {}
        self.headers = headers or {}

    def activity(self, type_: str, **fields: Any) -> dict:
        activity = {
            "type": type_,
            "id": uuid.uuid4().hex,
            "timestamp": datetime.now(UTC).isoformat(),
            "channelId": self.channel_id,
            "serviceUrl": self.connector.service_url,
            "from": dict(self.user),
            "recipient": {"id": BOT_ID, "name": "retbot"},
            "conversation": {"id": self.id},
            "locale": self.locale,
            **self.extra,
        }
        activity.update(fields)
        return activity

    async def send(self, activity: dict) -> TurnResult:
        already = len(self.connector.received[self.id])
        async with self.session.post(self.bot_url, json=activity, headers=self.headers) as response:
            body = await response.json() if response.content_type == "application/json" else None
            status = response.status
        # The bot's HTTP answer comes after the turn ended, so every reply has arrived.
        return TurnResult(status, body, self.connector.received[self.id][already:])

    async def join(self) -> TurnResult:
        """Opens the conversation: bot and user are added, as the Emulator announces it."""
        return await self.send(
            self.activity(
                "conversationUpdate",
                membersAdded=[dict(self.user), {"id": BOT_ID, "name": "retbot"}],
            )
        )

    async def say(self, text: str) -> TurnResult:
        return await self.send(self.activity("message", text=text))

    async def submit(
        self, value: dict, text: str | None = None, reply_to: str | None = None
    ) -> TurnResult:
        """A card's Action.Submit: a message whose `value` holds the data and inputs, and
        (as Teams sends it) `replyToId`, the id of the message that holds the card."""
        fields: dict[str, Any] = {"value": value}
        if text:
            fields["text"] = text
        if reply_to:
            fields["replyToId"] = reply_to
        return await self.send(self.activity("message", **fields))

    async def execute(self, verb: str | None, data: dict) -> TurnResult:
        """A card's Action.Execute: the `adaptiveCard/action` invoke that Teams sends."""
        action = {"type": "Action.Execute", "data": data}
        if verb:
            action["verb"] = verb
        return await self.send(
            self.activity("invoke", name="adaptiveCard/action", value={"action": action})
        )
