"""A local stand-in for Azure's Direct Line service, speaking its protocol (3.0):

- POST /v3/directline/tokens/generate with `Authorization: Bearer <secret>`: a token;
- POST /v3/directline/conversations with `Bearer <token>`: a conversation and its streamUrl;
- the stream (WebSocket) pushes `{"activities": [...], "watermark": "n"}`;
- POST /v3/directline/conversations/{id}/activities: the user's activity, echoed on the
  stream and forwarded to the bot, as Direct Line does (channelId `directline`);
- /v3/conversations/{id}/activities[/{reply}]: where the bot answers (the serviceUrl).
"""

import itertools
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

from aiohttp import ClientSession, WSMsgType, web

SECRET = "directline-test-secret"


@dataclass
class _Conversation:
    user_id: str
    activities: list[dict] = field(default_factory=list)
    sockets: list[web.WebSocketResponse] = field(default_factory=list)


class DirectLineServer:
    def __init__(self, secret: str = SECRET, bot_url: str = "") -> None:
        self.secret = secret
        self.bot_url = bot_url  # the bot's /api/messages, for the conversation part
        self.requests: list[dict] = []  # the JSON bodies of token requests
        self.fail_with: int | None = None  # answer every token request with this status
        self._tokens: dict[str, str] = {}  # token -> user id
        self._conversations: dict[str, _Conversation] = {}
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._session: ClientSession | None = None
        self.url = ""

    async def start(self) -> "DirectLineServer":
        app = web.Application(middlewares=[_cors])
        base = "/v3/directline"
        app.router.add_post(f"{base}/tokens/generate", self._generate)
        app.router.add_post(f"{base}/conversations", self._start_conversation)
        app.router.add_get(f"{base}/conversations/{{id}}/stream", self._stream)
        app.router.add_post(f"{base}/conversations/{{id}}/activities", self._from_user)
        app.router.add_post("/v3/conversations/{id}/activities", self._from_bot)
        app.router.add_post("/v3/conversations/{id}/activities/{reply}", self._from_bot)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        self._session = ClientSession()
        return self

    async def stop(self) -> None:
        if self._session:
            await self._session.close()
        if self._runner:
            await self._runner.cleanup()

    def activities(self, conversation_id: str | None = None) -> list[dict]:
        if conversation_id is None:
            return [a for c in self._conversations.values() for a in c.activities]
        return list(self._conversations[conversation_id].activities)

    async def _generate(self, request: web.Request) -> web.Response:
        if self.fail_with:
            return web.Response(status=self.fail_with)
        if request.headers.get("Authorization") != f"Bearer {self.secret}":
            return web.json_response({"error": {"code": "BadArgument"}}, status=403)
        body = await request.json()
        self.requests.append(body)
        token = f"token-{secrets.token_hex(12)}"
        self._tokens[token] = body.get("user", {}).get("id", "dl_anonymous")
        return web.json_response(
            {"conversationId": f"conv-{secrets.token_hex(6)}", "token": token, "expires_in": 3600}
        )

    def _user_of(self, request: web.Request) -> str | None:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        return self._tokens.get(token) or self._tokens.get(request.query.get("t", ""))

    async def _start_conversation(self, request: web.Request) -> web.Response:
        user = self._user_of(request)
        if user is None:
            return web.json_response({"error": {"code": "TokenExpired"}}, status=403)
        conversation_id = f"dl-{secrets.token_hex(8)}"
        self._conversations[conversation_id] = _Conversation(user)
        token = request.headers["Authorization"].removeprefix("Bearer ")
        stream = self.url.replace("http://", "ws://", 1)
        stream += f"/v3/directline/conversations/{conversation_id}/stream?t={token}"
        return web.json_response(
            {
                "conversationId": conversation_id,
                "token": token,
                "expires_in": 3600,
                "streamUrl": stream,
            },
            status=201,
        )

    async def _stream(self, request: web.Request) -> web.StreamResponse:
        conversation = self._conversations.get(request.match_info["id"])
        if conversation is None or self._user_of(request) is None:
            return web.Response(status=403)
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        conversation.sockets.append(socket)
        if conversation.activities:
            await socket.send_json(_batch(conversation.activities, len(conversation.activities)))
        async for message in socket:
            if message.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                break
        conversation.sockets.remove(socket)
        return socket

    async def _push(self, conversation: _Conversation, activity: dict) -> None:
        conversation.activities.append(activity)
        for socket in list(conversation.sockets):
            await socket.send_json(_batch([activity], len(conversation.activities)))

    async def _from_user(self, request: web.Request) -> web.Response:
        conversation_id = request.match_info["id"]
        conversation = self._conversations.get(conversation_id)
        if conversation is None or self._user_of(request) is None:
            return web.Response(status=403)
        activity = await request.json()
        activity |= {
            "id": f"{conversation_id}|{next(self._ids):07d}",
            "channelId": "directline",
            "serviceUrl": self.url,
            "timestamp": datetime.now(UTC).isoformat(),
            "conversation": {"id": conversation_id},
            "from": {**activity.get("from", {}), "id": conversation.user_id},
            "recipient": {"id": "retbot", "name": "retbot"},
        }
        await self._push(conversation, activity)
        async with self._session.post(self.bot_url, json=activity) as answer:
            if answer.status >= 400:
                return web.Response(status=502)
        return web.json_response({"id": activity["id"]})

    async def _from_bot(self, request: web.Request) -> web.Response:
        conversation_id = request.match_info["id"]
        conversation = self._conversations.get(conversation_id)
        if conversation is None:
            return web.Response(status=404)
        activity = await request.json()
        activity |= {
            "id": f"{conversation_id}|{next(self._ids):07d}",
            "timestamp": datetime.now(UTC).isoformat(),
            "from": {"id": "retbot", "name": "retbot", "role": "bot"},
        }
        await self._push(conversation, activity)
        return web.json_response({"id": activity["id"]})


def _batch(activities: list[dict], watermark: int) -> dict:
    return {"activities": activities, "watermark": str(watermark)}


@web.middleware
async def _cors(request: web.Request, handler) -> web.StreamResponse:
    """Direct Line answers browsers from any origin, preflight included."""
    if request.method == "OPTIONS":
        response: web.StreamResponse = web.Response(status=200)
    else:
        response = await handler(request)
    if not response.prepared:  # a WebSocket is under way already
        response.headers["Access-Control-Allow-Origin"] = "*"
        asked = request.headers.get("Access-Control-Request-Headers", "")
        response.headers["Access-Control-Allow-Headers"] = asked or "Authorization, Content-Type"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    return response
