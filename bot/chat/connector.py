"""A local stand-in for the Bot Connector service: it receives what the bot sends.

The bot replies by POSTing to `{serviceUrl}/v3/conversations/{id}/activities`; this server
is that serviceUrl. It keeps every activity per conversation, in arrival order.
"""

import asyncio
import uuid
from collections import defaultdict
from collections.abc import Callable

from aiohttp import web


class ConnectorEndpoint:
    def __init__(self, on_activity: Callable[[dict], None] | None = None) -> None:
        self.received: dict[str, list[dict]] = defaultdict(list)
        self.updated: dict[str, list[dict]] = defaultdict(list)
        self.authorizations: list[str | None] = []  # the Authorization header of each call
        # GET .../members/{id}: the email per user id (None: an account without one; a dict:
        # the account's fields as they are, e.g. a guest's `#EXT#` userPrincipalName), the ids
        # asked for, and the status to answer with (another than 200 plays a failing service).
        self.directory: dict[str, str | dict | None] = {}
        self.member_lookups: list[str] = []
        self.members_status = 200
        self._on_activity = on_activity
        self.failures_left = 0  # so many sends are answered with `failure_status` first
        self.failure_status = 500
        self.answer_after = 0.0  # seconds before a received activity is answered (tests)
        self._runner: web.AppRunner | None = None
        self._arrived = asyncio.Condition()
        self.service_url = ""

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        app = web.Application(client_max_size=16 * 1024 * 1024)
        # Ids are any text but "/" (aiohttp's default also stops at braces, which ids may hold).
        conversation = "/v3/conversations/{conversation_id:[^/]+}"
        activity = conversation + "/activities/{activity_id:[^/]+}"
        app.router.add_post(conversation + "/activities", self._send)
        app.router.add_post(activity, self._send)
        app.router.add_put(activity, self._update)
        app.router.add_delete(activity, self._delete)
        app.router.add_get(conversation + "/members/{member_id:[^/]+}", self._member)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_port = site._server.sockets[0].getsockname()[1]  # port 0 picks a free one
        self.service_url = f"http://{host}:{bound_port}/"
        return self.service_url

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def wait_for(self, conversation_id: str, count: int) -> list[dict]:
        """Waits until `count` activities arrived in a conversation (for proactive messages).

        Callers bound the wait with `asyncio.timeout`.
        """
        async with self._arrived:
            await self._arrived.wait_for(lambda: len(self.received[conversation_id]) >= count)
        return self.received[conversation_id]

    async def _send(self, request: web.Request) -> web.Response:
        self.authorizations.append(request.headers.get("Authorization"))
        if self.failures_left > 0:  # the Bot Connector has bad moments too (tests)
            self.failures_left -= 1
            return web.json_response(
                {"error": {"code": "ServiceError"}}, status=self.failure_status
            )
        activity = await request.json()
        activity["id"] = activity.get("id") or uuid.uuid4().hex
        await self._record(self.received, request.match_info["conversation_id"], activity)
        if self.answer_after:  # delivered, but the sender does not know it yet
            await asyncio.sleep(self.answer_after)
        return web.json_response({"id": activity["id"]})

    async def _update(self, request: web.Request) -> web.Response:
        activity = await request.json()
        await self._record(self.updated, request.match_info["conversation_id"], activity)
        return web.json_response({"id": request.match_info["activity_id"]})

    async def _delete(self, _request: web.Request) -> web.Response:
        return web.Response(status=200)

    async def _member(self, request: web.Request) -> web.Response:
        """A TeamsChannelAccount, as Teams answers it, for users in `directory`."""
        member_id = request.match_info["member_id"]
        self.member_lookups.append(member_id)
        if self.members_status != 200 or member_id not in self.directory:
            status = self.members_status if self.members_status != 200 else 404
            error = {"code": "MemberNotFound" if status == 404 else "ServiceError", "message": ""}
            return web.json_response({"error": error}, status=status)
        account = {"id": member_id}
        known = self.directory[member_id]
        if isinstance(known, dict):
            account |= known
        elif known:
            account |= {"email": known, "userPrincipalName": known}
        return web.json_response(account)

    async def _record(self, store: dict, conversation_id: str, activity: dict) -> None:
        store[conversation_id].append(activity)
        if self._on_activity:
            self._on_activity(activity)
        async with self._arrived:
            self._arrived.notify_all()
