"""The answer page behind a follow-up link, for people outside Teams: GET shows the
question, POST takes one answer. Plain HTML, no JavaScript, Dutch; case number, initials,
organisation and afspraak only. Whatever is wrong with a link or a form gets a clear page
with a 4xx status; everything shown is escaped (Jinja2 autoescape)."""

from datetime import datetime

from aiohttp import web

from bot.clean_input import clean_text
from bot.html_pages import TEMPLATES
from bot.links import FollowUpLinks, LinkRefused
from dialogs.cards.follow_up import (
    NOTE_INPUT,
    PROGRESS_INPUT,
    note_label,
    progress_label,
    question,
)
from dialogs.clock import now
from dialogs.follow_up import FollowUpActions
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.follow_up import (
    TOELICHTING_MAX,
    AlreadyAnswered,
    AnswerInvalid,
    Ask,
    AskKind,
    CaseClosed,
    FollowUpRepository,
    Progress,
)

PATH = "/follow-up/{token}"
# The token is in the URL: no Referer to other sites, no caching, no framing, no scripts.
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    ),
}
_PAGE_KEYS = ("case", "initials", "organisation", "afspraak", "intro", "send")


class FollowUpPage:
    def __init__(
        self, links: FollowUpLinks, follow_up: FollowUpRepository, actions: FollowUpActions
    ) -> None:
        self.links = links
        self._follow_up = follow_up
        self._actions = actions

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.show)
        app.router.add_post(PATH, self.answer)

    async def show(self, request: web.Request) -> web.Response:
        at = now()
        ask = await self._open_ask(request, at)
        if isinstance(ask, web.Response):
            return ask
        await self._follow_up.record_read(ask, _reader(ask), "web", at)
        return _form(ask, {}, None, 200)

    async def answer(self, request: web.Request) -> web.Response:
        at = now()
        ask = await self._open_ask(request, at)
        if isinstance(ask, web.Response):
            return ask
        try:
            form = await request.post()
        except (ValueError, UnicodeDecodeError, web.RequestPayloadError):  # malformed, undecodable
            return _message("page.bad_form", 400, problem=True)
        values = {k: form.get(k) for k in (PROGRESS_INPUT, NOTE_INPUT)}
        values = {k: clean_text(v) for k, v in values.items() if isinstance(v, str)}
        try:
            await self._actions.answer_by_link(
                ask.id, values.get(PROGRESS_INPUT), values.get(NOTE_INPUT), at
            )
        except AnswerInvalid as invalid:
            return _form(ask, values, invalid.problem, 422)
        except AlreadyAnswered:
            return _message("page.used", 409)
        except CaseClosed:
            return _message("page.closed", 410)
        except LookupError:
            return _message("page.invalid", 404)
        return _message("page.thanks", 200)

    async def _open_ask(self, request: web.Request, at: datetime) -> Ask | web.Response:
        """The ask behind the link, or the page that says why there is none."""
        try:
            ask_id = self.links.ask_of(request.match_info["token"], at)
        except LinkRefused as refused:
            if refused.expired:
                return _message("page.expired", 410)
            return _message("page.invalid", 404)
        ask = await self._follow_up.ask(ask_id)
        if ask is None:
            return _message("page.invalid", 404)
        if ask.case_closed:
            return _message("page.closed", 410)
        if ask.answered_at is not None:
            return _message("page.used", 409)
        return ask


def _reader(ask: Ask) -> str:
    who = ask.organisation if ask.kind is AskKind.AFSPRAAK else "verwijzer"
    return f"antwoordlink ({who})"


def _form(ask: Ask, values: dict, problem: str | None, status: int) -> web.Response:
    language = DEFAULT_LANGUAGE
    return _render(
        status,
        ask=ask,
        values=values,
        problem=text(f"follow_up.problem.{problem}", language, max=TOELICHTING_MAX)
        if problem
        else None,
        question=question(ask, language),
        choices=[
            {"value": p.value, "label": progress_label(ask.kind, p, language)} for p in Progress
        ],
        t={key: text(_key(key), language) for key in _PAGE_KEYS}
        | {"note_label": note_label(ask.kind, language)},
        progress_field=PROGRESS_INPUT,
        note_field=NOTE_INPUT,
        note_max=TOELICHTING_MAX,
    )


def _key(name: str) -> str:
    return f"page.{name}" if name in ("case", "initials") else f"follow_up.{name}"


def _message(key: str, status: int, *, problem: bool = False) -> web.Response:
    return _render(status, message=text(key), problem_role=problem)


def _render(status: int, **context) -> web.Response:
    html = TEMPLATES.get_template("follow_up.html").render(
        lang=DEFAULT_LANGUAGE, title=text("page.title"), **context
    )
    return web.Response(
        text=html, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
    )
