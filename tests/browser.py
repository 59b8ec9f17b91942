"""Headless Chromium driven over the DevTools protocol (no extra packages): open a page,
wait until its text shows something, read the text, run a script, take a screenshot."""

import asyncio
import base64
import contextlib
import itertools
import json
import re
import shutil
import tempfile

from aiohttp import ClientSession

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--remote-debugging-port=0",
    "--window-size=900,1300",
    "about:blank",
)


class Browser:
    def __init__(self) -> None:
        self._process: asyncio.subprocess.Process | None = None
        self._session: ClientSession | None = None
        self._socket = None
        self._ids = itertools.count(1)
        self._page_session = ""
        self._profile = ""

    async def __aenter__(self) -> "Browser":
        self._profile = tempfile.mkdtemp(prefix="retbot-chromium-")
        self._process = await asyncio.create_subprocess_exec(
            CHROMIUM,
            f"--user-data-dir={self._profile}",
            *FLAGS,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        url = await self._devtools_url()
        self._session = ClientSession()
        self._socket = await self._session.ws_connect(url, max_msg_size=64 * 1024 * 1024)
        target = await self._call("Target.createTarget", url="about:blank")
        attached = await self._call(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True
        )
        self._page_session = attached["sessionId"]
        await self._call("Page.enable", session=True)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._session is not None:
            await self._session.close()
        if self._process is not None and self._process.returncode is None:
            self._process.terminate()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._process.wait(), 10)
        shutil.rmtree(self._profile, ignore_errors=True)

    async def _devtools_url(self) -> str:
        async with asyncio.timeout(30):
            while line := await self._process.stderr.readline():
                found = re.search(rb"DevTools listening on (ws://\S+)", line)
                if found:
                    return found.group(1).decode()
        raise RuntimeError("chromium did not start its DevTools endpoint")

    async def _call(self, method: str, session: bool = False, **params: object) -> dict:
        call_id = next(self._ids)
        message: dict = {"id": call_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._page_session
        await self._socket.send_str(json.dumps(message))
        async for answer in self._socket:
            data = json.loads(answer.data)
            if data.get("id") == call_id:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data.get("result", {})
        raise RuntimeError("DevTools connection closed")

    async def open(self, url: str) -> None:
        await self._call("Page.navigate", session=True, url=url)

    async def run(self, script: str) -> object:
        answer = await self._call(
            "Runtime.evaluate",
            session=True,
            expression=script,
            returnByValue=True,
            awaitPromise=True,
        )
        return answer.get("result", {}).get("value")

    async def text(self) -> str:
        return str(await self.run("document.body ? document.body.innerText : ''"))

    async def wait_for_text(self, wanted: str, seconds: float = 30) -> str:
        for _ in range(int(seconds * 4)):  # the page renders on its own, in its own time
            shown = await self.text()
            if wanted in shown:
                return shown
            await asyncio.sleep(0.25)
        raise AssertionError(f"{wanted!r} did not show; the page says: {shown[-500:]!r}")

    async def screenshot(self) -> bytes:
        """The page as PNG."""
        shot = await self._call("Page.captureScreenshot", session=True, format="png")
        return base64.b64decode(shot["data"])
