"""A local stand-in for Microsoft's sign-in service and the Graph endpoints retbot uses to
install itself for a member (bot.graph): token, app catalogue, installedApps, their chat,
and users. It records what was asked, to check the calls and how often they came."""

from aiohttp import web

TENANT = "7d1f0c2a-0000-4000-8000-00000000ten1"


class GraphServer:
    def __init__(self, catalogue: dict[str, str], users: dict[str, str]) -> None:
        """`catalogue`: manifest id → catalogue id; `users`: e-mail or id → user id."""
        self.catalogue = catalogue
        self.users = users
        self.installed: dict[str, str] = {}  # user id → installation id
        self.requests: list[tuple[str, str]] = []
        self.tokens = 0
        self.fail_with: int | None = None  # every Graph call answers this status
        self._runner: web.AppRunner | None = None
        self.url = ""

    def chat_of(self, user_id: str) -> str:
        return f"19:{user_id}_retbot@unq.gbl.spaces"

    async def start(self) -> "GraphServer":
        app = web.Application()
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_get("/v1.0/appCatalogs/teamsApps", self._apps)
        app.router.add_post("/v1.0/users/{user}/teamwork/installedApps", self._install)
        app.router.add_get("/v1.0/users/{user}/teamwork/installedApps", self._installations)
        app.router.add_get(
            "/v1.0/users/{user}/teamwork/installedApps/{installation}/chat", self._chat
        )
        app.router.add_get("/v1.0/users/{user}", self._user)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _token(self, request: web.Request) -> web.Response:
        form = await request.post()
        if request.match_info["tenant"] != TENANT or form.get("grant_type") != "client_credentials":
            return web.json_response({"error": "invalid_request"}, status=400)
        self.tokens += 1
        return web.json_response({"access_token": "graph-token", "expires_in": 3600})

    def _refused(self, request: web.Request) -> web.Response | None:
        self.requests.append((request.method, request.path))
        if request.headers.get("Authorization") != "Bearer graph-token":
            return web.json_response({"error": {"code": "InvalidAuthenticationToken"}}, status=401)
        if self.fail_with:
            return web.json_response({"error": {"code": "Forbidden"}}, status=self.fail_with)
        return None

    def _user_id(self, request: web.Request) -> str | None:
        user = request.match_info["user"]
        return self.users.get(user) or (user if user in self.users.values() else None)

    async def _apps(self, request: web.Request) -> web.Response:
        if refused := self._refused(request):
            return refused
        wanted = request.query.get("$filter", "").split("'")[1]
        found = [{"id": self.catalogue[wanted]}] if wanted in self.catalogue else []
        return web.json_response({"value": found})

    async def _install(self, request: web.Request) -> web.Response:
        if refused := self._refused(request):
            return refused
        user = self._user_id(request)
        if user is None:
            return web.json_response({"error": {"code": "NotFound"}}, status=404)
        if user in self.installed:
            return web.json_response({"error": {"code": "Conflict"}}, status=409)
        self.installed[user] = f"installation-{user}"
        return web.Response(status=201)

    async def _installations(self, request: web.Request) -> web.Response:
        if refused := self._refused(request):
            return refused
        user = self._user_id(request)
        found = [{"id": self.installed[user]}] if user in self.installed else []
        return web.json_response({"value": found})

    async def _chat(self, request: web.Request) -> web.Response:
        if refused := self._refused(request):
            return refused
        return web.json_response({"id": self.chat_of(self._user_id(request))})

    async def _user(self, request: web.Request) -> web.Response:
        if refused := self._refused(request):
            return refused
        user = self._user_id(request)
        if user is None:
            return web.json_response({"error": {"code": "NotFound"}}, status=404)
        return web.json_response({"id": user})
