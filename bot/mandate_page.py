"""The mandate page behind the link in an e-mail, for the contact the RET file names for an
organisation outside Teams (a gemeente, a GI): GET shows the organisation's part of the
advice, POST confirms it, or says (with a reason) that the organisation cannot. The answer
counts like a kernteamlid's on the mandate card. Plain HTML, no JavaScript; case number,
initials, organisation and its afspraken only. Whatever is wrong with a link or a form gets
a clear page with a 4xx status; everything shown is escaped (Jinja2 autoescape)."""

from aiohttp import web
from babel.dates import format_date

from bot.clean_input import clean_text
from bot.follow_up_page import HEADERS
from bot.html_pages import TEMPLATES
from bot.links import LinkRefused, MandateLinks
from dialogs.advice import AdviceActions
from dialogs.clock import now
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.advice import AlreadyAnswered, MandateAnswer, MandateState
from domain.intake import STORY_MAX
from domain.meetings import AMSTERDAM
from domain.triage import NotAllowed, NoteMissing

PATH = "/mandaat/{token}"
ANSWER = "antwoord"
CONFIRM, DECLINE = "bevestigen", "niet_bevestigen"
REASON = "reden"
CHANNEL = "web"


class MandatePage:
    def __init__(self, links: MandateLinks, actions: AdviceActions) -> None:
        self.links = links
        self._actions = actions

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.show)
        app.router.add_post(PATH, self.answer)

    async def show(self, request: web.Request) -> web.Response:
        opened = await self._open(request)
        if isinstance(opened, web.Response):
            return opened
        state, organisation = opened
        return _page(state, organisation, None, 200)

    async def answer(self, request: web.Request) -> web.Response:
        opened = await self._open(request)
        if isinstance(opened, web.Response):
            return opened
        state, organisation = opened
        try:
            form = await request.post()
        except (ValueError, UnicodeDecodeError, web.RequestPayloadError):
            return _message("page.bad_form", 400)
        answer, reason = form.get(ANSWER), form.get(REASON)
        if answer not in (CONFIRM, DECLINE):
            return _message("page.bad_form", 400)
        reason = clean_text(reason) if isinstance(reason, str) else ""
        try:
            state = await self._actions.answer_by_link(
                state.case.number, organisation, None if answer == CONFIRM else reason, CHANNEL
            )
        except NoteMissing:
            return _page(state, organisation, text("mandate.page.reason_missing"), 422)
        except AlreadyAnswered:
            return _page(state, organisation, None, 409)
        except (NotAllowed, LookupError):
            return _message("page.invalid", 404)
        return _page(state, organisation, None, 200, thanks=True)

    async def _open(self, request: web.Request) -> tuple[MandateState, str] | web.Response:
        """The advice and the organisation behind the link, or the page that says why it
        cannot be answered."""
        try:
            number, organisation = self.links.mandate_of(request.match_info["token"], now())
        except LinkRefused as refused:
            if refused.expired:
                return _message("page.expired", 410)
            return _message("page.invalid", 404)
        try:
            state = await self._actions.mandate(number)
        except LookupError:
            return _message("page.invalid", 404)
        if organisation not in state.advice.organisations:
            return _message("page.invalid", 404)
        return state, organisation


def _page(
    state: MandateState, organisation: str, problem: str | None, status: int, thanks: bool = False
) -> web.Response:
    """The organisation's afspraken, its answer so far, and the form while it is open (a
    decline can still become a confirmation; a confirmation stays)."""
    language = DEFAULT_LANGUAGE
    mandate = state.mandates.get(organisation)
    answered = None
    if mandate is not None:
        key = (
            "mandate.page.confirmed"
            if mandate.answer is MandateAnswer.CONFIRMED
            else "mandate.page.declined"
        )
        answered = text(key, language, name=mandate.by, day=_day(mandate.at))
    afspraken = [
        text("advice.afspraak_line", language, action=a.action, deadline=_day(a.deadline))
        for a in state.advice.afspraken
        if a.organisation == organisation
    ]
    return _render(
        status,
        message=text("mandate.page.thanks", language) if thanks else None,
        case=state.case,
        organisation=organisation,
        afspraken=afspraken,
        answered=answered,
        open=mandate is None or mandate.answer is MandateAnswer.DECLINED,
        declined=mandate is not None and mandate.answer is MandateAnswer.DECLINED,
        problem=problem,
        reason_max=STORY_MAX,
        fields={"answer": ANSWER, "reason": REASON, "confirm": CONFIRM, "decline": DECLINE},
        t={
            key: text(f"mandate.page.{key}", language, org=organisation)
            for key in ("intro", "afspraken", "confirm", "decline", "reason", "organisation")
        }
        | {"case": text("page.case", language), "initials": text("page.initials", language)},
    )


def _day(moment) -> str:
    day = moment.astimezone(AMSTERDAM).date() if hasattr(moment, "astimezone") else moment
    return format_date(day, "d MMMM y", locale=DEFAULT_LANGUAGE)


def _message(key: str, status: int) -> web.Response:
    return _render(status, message=text(key), problem_role=status >= 400)


def _render(status: int, **context) -> web.Response:
    html = TEMPLATES.get_template("mandaat.html").render(
        lang=DEFAULT_LANGUAGE, title=text("mandate.page.title"), **context
    )
    return web.Response(
        text=html, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
    )
