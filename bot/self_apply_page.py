"""GET /aanmelden: the page where parents and young people apply themselves, with Microsoft's
Web Chat (served from the package, never a CDN) talking to retbot over Direct Line.

GET /aanmelden/token exchanges the Direct Line secret, which never leaves the server, for a
short-lived token for one conversation, within limits per client address and in total
(bot/token_limits.py): beyond them a 429 with Retry-After and a Dutch message that the page
shows. Without a secret the page says that online applying is not set up, and the token
endpoint answers 503.
"""

import logging
import math
import secrets
from pathlib import Path

from aiohttp import ClientError, ClientSession, ClientTimeout, web

from bot.html_pages import TEMPLATES
from bot.settings import Settings
from bot.token_limits import Refusal, TokenLimits, client_address
from dialogs.texts import DEFAULT_LANGUAGE, text

log = logging.getLogger("retbot.aanmelden")

PATH = "/aanmelden"
TOKEN_PATH = "/aanmelden/token"
WEBCHAT_PATH = "/aanmelden/webchat.js"
SCRIPT_PATH = "/aanmelden/aanmelden.js"
_STATIC = Path(__file__).parent / "static"
TOKEN_TIMEOUT = ClientTimeout(total=10)
_SCRIPT_HEADERS = {"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"}


class SelfApplyPage:
    def __init__(self, settings: Settings, ret_name: str) -> None:
        self._secret = settings.directline_secret
        self._directline = settings.directline_url.rstrip("/")
        self._ret_name = ret_name
        self._headers = _page_headers(self._directline, settings.embed_origins)
        self._limits = TokenLimits(settings.token_limit_per_address, settings.token_limit_total)
        self._trusted_proxies = settings.trusted_proxies

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.page)
        app.router.add_get(TOKEN_PATH, self.token)
        app.router.add_get(WEBCHAT_PATH, _file(_STATIC / "webchat" / "webchat.js"))
        app.router.add_get(SCRIPT_PATH, _file(_STATIC / "aanmelden.js"))

    async def page(self, request: web.Request) -> web.Response:
        t = {
            key: text(f"aanmelden.page.{key}", DEFAULT_LANGUAGE, ret=self._ret_name)
            for key in ("title", "intro", "not_set_up", "noscript", "failed", "privacy")
        }
        body = TEMPLATES.get_template("aanmelden.html").render(
            t=t,
            set_up=bool(self._secret),
            token_url=TOKEN_PATH,
            webchat_url=WEBCHAT_PATH,
            script_url=SCRIPT_PATH,
        )
        return web.Response(
            text=body, content_type="text/html", charset="utf-8", headers=self._headers
        )

    async def token(self, request: web.Request) -> web.Response:
        if not self._secret:
            return json_error(text("aanmelden.page.not_set_up", ret=self._ret_name), 503)
        user_id = f"dl_{secrets.token_urlsafe(16)}"  # Direct Line binds the token to it
        return await self.directline_token(request, user_id)

    async def directline_token(self, request: web.Request, user_id: str) -> web.Response:
        """A Direct Line token for one conversation of `user_id`, within the limits per
        client address and in total (also for bot.referrer_page)."""
        refusal = self.refusal(request)
        if refusal:
            return _too_many(refusal)
        try:
            async with (
                ClientSession(timeout=TOKEN_TIMEOUT) as session,
                session.post(
                    f"{self._directline}/v3/directline/tokens/generate",
                    headers={"Authorization": f"Bearer {self._secret}"},
                    json={"user": {"id": user_id}},
                ) as response,
            ):
                answer = await response.json(content_type=None) if response.ok else None
                status = response.status
        except (ClientError, TimeoutError, ValueError) as error:
            log.warning("Direct Line token: %s", type(error).__name__)
            return json_error(text("aanmelden.page.failed"), 502)
        if not isinstance(answer, dict) or not isinstance(answer.get("token"), str):
            log.warning("Direct Line token: status %s without a token", status)
            return json_error(text("aanmelden.page.failed"), 502)
        return web.json_response(
            {
                "token": answer["token"],
                "conversationId": answer.get("conversationId"),
                "expires_in": answer.get("expires_in"),
                "domain": f"{self._directline}/v3/directline",
                "userId": user_id,
            },
            headers={"Cache-Control": "no-store"},
        )

    def refusal(self, request: web.Request) -> Refusal | None:
        """Counts one start from the client's address (and in total) against the limits of
        these pages; why not and how long to wait when over them."""
        return self._limits.admit(client_address(request, self._trusted_proxies))

    @property
    def set_up(self) -> bool:
        return bool(self._secret)

    @property
    def headers(self) -> dict[str, str]:
        return self._headers


def _page_headers(directline: str, embed_origins: str) -> dict[str, str]:
    """Scripts only from retbot itself; connections only to retbot and Direct Line (and its
    WebSocket); framing only by the RET's own website(s) in RETBOT_EMBED_ORIGINS."""
    socket = directline.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
    ancestors = " ".join(["'self'", *embed_origins.split()])
    return {
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; "
            f"connect-src 'self' {directline} {socket}; frame-ancestors {ancestors}"
        ),
    }


def _file(path: Path):
    async def serve(request: web.Request) -> web.FileResponse:
        return web.FileResponse(path, headers=_SCRIPT_HEADERS)

    return serve


def json_error(message: str, status: int, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response(
        {"error": message}, status=status, headers={"Cache-Control": "no-store", **(headers or {})}
    )


def _too_many(refusal: Refusal) -> web.Response:
    if refusal.total:
        log.warning("Direct Line token: the total limit is reached")
    return json_error(busy_text(refusal), 429, {"Retry-After": str(refusal.retry_after)})


def busy_text(refusal: Refusal) -> str:
    """Why not now, and how long to wait, in Dutch."""
    minutes = math.ceil(refusal.retry_after / 60)
    wait = (
        text("aanmelden.page.wait_minutes", minutes=minutes)
        if minutes > 1
        else text("aanmelden.page.wait_minute")
    )
    busy = "aanmelden.page.busy_total" if refusal.total else "aanmelden.page.busy_address"
    return text(busy, wait=wait)
