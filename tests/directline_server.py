"""A local stand-in for Azure's Direct Line service, speaking its token protocol:
POST /v3/directline/tokens/generate with `Authorization: Bearer <secret>`."""

import secrets

from aiohttp import web

SECRET = "directline-test-secret"


class DirectLineServer:
    def __init__(self, secret: str = SECRET) -> None:
        self.secret = secret
        self.requests: list[dict] = []  # the JSON bodies of token requests
        self.fail_with: int | None = None  # answer every request with this status
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> "DirectLineServer":
        app = web.Application()
        app.router.add_post("/v3/directline/tokens/generate", self._generate)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _generate(self, request: web.Request) -> web.Response:
        if self.fail_with:
            return web.Response(status=self.fail_with)
        if request.headers.get("Authorization") != f"Bearer {self.secret}":
            return web.json_response({"error": {"code": "BadArgument"}}, status=403)
        body = await request.json()
        self.requests.append(body)
        return web.json_response(
            {
                "conversationId": f"conv-{secrets.token_hex(6)}",
                "token": f"token-{secrets.token_hex(12)}",
                "expires_in": 3600,
            }
        )
