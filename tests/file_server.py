"""A local stand-in for the place Teams keeps files sent to a bot: each file gets a
download URL, as `content.downloadUrl` of a file.download.info attachment gives one."""

import uuid

from aiohttp import web


class FileServer:
    def __init__(self) -> None:
        self._files: dict[str, bytes] = {}
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.downloads: list[str] = []

    async def start(self) -> "FileServer":
        app = web.Application()
        app.router.add_get("/files/{key}", self._get)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.base_url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    def serve(self, data: bytes) -> str:
        key = uuid.uuid4().hex
        self._files[key] = data
        return f"{self.base_url}/files/{key}"

    def gone(self) -> str:
        """A download URL that answers 404, like an expired one."""
        return f"{self.base_url}/files/{uuid.uuid4().hex}"

    async def _get(self, request: web.Request) -> web.Response:
        key = request.match_info["key"]
        self.downloads.append(key)
        if key not in self._files:
            return web.Response(status=404)
        return web.Response(body=self._files[key], content_type="application/octet-stream")
