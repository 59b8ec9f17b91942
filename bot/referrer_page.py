"""GET /verwijzers/aanmelden/{link}: a referrer's personal page to apply, from the link
retbot mailed them (dialogs/email_apply.py). Web Chat as on /aanmelden (its script, styles
and headers), in the professional wording; the conversation is bound to a user id that
carries the link's address (bot.links.ReferrerIds), so the bot knows whom it talks to.

GET /verwijzers/aanmelden/{link}/token gives the Direct Line token only for a valid link,
within /aanmelden's limits. An expired link gets 410 and an altered one 404, each with a
Dutch page that says how to get a new link.

GET/POST /verwijzers: the way in without mailing the mailbox: a form for the work address,
to which the link is mailed (never shown on the page: anyone can type any address), within
the same limits per client address and per address as the mailbox; the answer is the same
whether or not a link went out, so the form tells nothing about an address.
"""

from datetime import UTC, datetime

from aiohttp import web

from bot.clean_input import clean_text
from bot.follow_up_page import HEADERS
from bot.html_pages import TEMPLATES
from bot.links import LinkRefused, ReferrerApplyLinks, ReferrerIds
from bot.self_apply_page import (
    SCRIPT_PATH,
    WEBCHAT_PATH,
    SelfApplyPage,
    busy_text,
    json_error,
)
from dialogs.email_apply import EmailApply, work_address
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.verification import LINKS_PER_ADDRESS_PER_DAY

START_PATH = "/verwijzers"
PATH = "/verwijzers/aanmelden/{link}"
TOKEN_PATH = "/verwijzers/aanmelden/{link}/token"
_PAGE_TEXTS = ("title", "intro", "privacy")
_SHARED_TEXTS = ("noscript", "failed", "not_set_up")


class ReferrerPage:
    def __init__(
        self,
        family_page: SelfApplyPage,
        links: ReferrerApplyLinks,
        ids: ReferrerIds,
        ret_name: str,
        email_links: EmailApply,
        sends_email: bool,
    ) -> None:
        self._family_page = family_page
        self._links = links
        self._ids = ids
        self._ret_name = ret_name
        self._email_links = email_links
        self._sends_email = sends_email

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(START_PATH, self.start)
        app.router.add_post(START_PATH, self.ask_link)
        app.router.add_get(PATH, self.page)
        app.router.add_get(TOKEN_PATH, self.token)

    async def start(self, request: web.Request) -> web.Response:
        if not self._sends_email:
            return self._start_page(503, message=self._text("not_set_up"))
        return self._start_page(200)

    async def ask_link(self, request: web.Request) -> web.Response:
        if not self._sends_email:
            return self._start_page(503, message=self._text("not_set_up"))
        form = await request.post()
        typed = clean_text(str(form.get("email", "")))[:254]
        address = work_address(typed)
        if address is None:
            return self._start_page(422, email=typed, problem=self._text("wrong"))
        refusal = self._family_page.refusal(request)
        if refusal is not None:
            return self._start_page(429, message=busy_text(refusal))
        await self._email_links.mail_only(address, DEFAULT_LANGUAGE)
        limit = LINKS_PER_ADDRESS_PER_DAY
        return self._start_page(200, message=self._text("sent", limit=limit))

    def _text(self, key: str, **words) -> str:
        return text(f"verwijzer.start_page.{key}", ret=self._ret_name, **words)

    def _start_page(self, status: int, **values) -> web.Response:
        t = {key: self._text(key) for key in ("intro", "email", "send", "privacy")}
        body = TEMPLATES.get_template("verwijzer_start.html").render(
            title=self._text("title"), t=t, **values
        )
        return web.Response(
            text=body, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
        )

    async def page(self, request: web.Request) -> web.Response:
        link = request.match_info["link"]
        refused = self._refusal(link)
        t = {
            key: text(f"verwijzer.page.{key}", DEFAULT_LANGUAGE, ret=self._ret_name)
            for key in _PAGE_TEXTS
        } | {
            key: text(f"aanmelden.page.{key}", DEFAULT_LANGUAGE, ret=self._ret_name)
            for key in _SHARED_TEXTS
        }
        if refused is not None:
            t["not_set_up"] = text(refused[0], DEFAULT_LANGUAGE, ret=self._ret_name)
        body = TEMPLATES.get_template("aanmelden.html").render(
            t=t,
            set_up=self._family_page.set_up and refused is None,
            token_url=TOKEN_PATH.format(link=link),
            webchat_url=WEBCHAT_PATH,
            script_url=SCRIPT_PATH,
        )
        return web.Response(
            text=body,
            status=refused[1] if refused else 200,
            content_type="text/html",
            charset="utf-8",
            headers=self._family_page.headers,
        )

    async def token(self, request: web.Request) -> web.Response:
        link = request.match_info["link"]
        refused = self._refusal(link)
        if refused is not None:
            return json_error(text(refused[0], ret=self._ret_name), refused[1])
        if not self._family_page.set_up:
            return json_error(text("aanmelden.page.not_set_up", ret=self._ret_name), 503)
        email = self._links.email_of(link, datetime.now(UTC))
        return await self._family_page.directline_token(request, self._ids.user_id(email))

    def _refusal(self, link: str) -> tuple[str, int] | None:
        """The text key and status for a link that does not work (now); None when it does."""
        try:
            self._links.email_of(link, datetime.now(UTC))
        except LinkRefused as refused:
            return (
                ("verwijzer.page.expired", 410)
                if refused.expired
                else (
                    "verwijzer.page.invalid",
                    404,
                )
            )
        return None
