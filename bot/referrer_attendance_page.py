"""GET/POST /verwijzers/overleg/{link}: 'Ik kom / Ik kan niet' for the RET-tafel, for a
referrer outside Teams, from the link in the invitation e-mail (dialogs/booking.py). GET
shows the case number, initials and the moment; POST records the answer (and who comes
instead) as the answer on the invitation card in Teams does (dialogs/meeting_prep.py); a
later answer replaces it. Plain HTML, no scripts; an expired link 410, an altered one 404,
a meeting that is no longer planned 409, a form without an answer 422."""

from aiohttp import web

from bot.clean_input import clean_text
from bot.follow_up_page import HEADERS
from bot.html_pages import TEMPLATES
from bot.links import AttendanceLinks, LinkRefused
from dialogs.cards.booking import moment
from dialogs.clock import now
from dialogs.meeting_prep import MeetingPrepActions
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.booking import BookingRepository
from domain.cases import CaseStatus
from domain.meeting_prep import Answer

PATH = "/verwijzers/overleg/{link}"
READ_CHANNEL = "web"
_PAGE_KEYS = ("case", "initials", "when", "question", "yes", "no", "stand_in", "send")


class ReferrerAttendancePage:
    def __init__(
        self,
        links: AttendanceLinks,
        bookings: BookingRepository,
        meeting_prep: MeetingPrepActions,
        ret_name: str,
    ) -> None:
        self.links = links
        self._bookings = bookings
        self._meeting_prep = meeting_prep
        self._ret_name = ret_name

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.show)
        app.router.add_post(PATH, self.answer)

    async def show(self, request: web.Request) -> web.Response:
        found = await self._planned(request)
        if isinstance(found, web.Response):
            return found
        case, booking = found
        await self._bookings.record_reads([case], case.referrer.name, READ_CHANNEL, now())
        words = moment(booking.slot, DEFAULT_LANGUAGE)
        when = text("verwijzer.attend_page.moment", **words)
        return self._page(200, number=case.number, initials=case.initials, when=when)

    async def answer(self, request: web.Request) -> web.Response:
        found = await self._planned(request)
        if isinstance(found, web.Response):
            return found
        case, _ = found
        form = await request.post()
        given = str(form.get("antwoord", ""))
        if given not in {a.value for a in Answer}:
            return self._page(422, message=text("verwijzer.attend_page.no_answer"))
        stand_in = clean_text(str(form.get("vervanger", "")))
        said = await self._meeting_prep.referrer_attends(
            case.number, Answer(given), stand_in, READ_CHANNEL
        )
        if said is None:
            return self._page(409, message=text("verwijzer.attend_page.not_planned"))
        return self._page(200, message=said)

    async def _planned(self, request: web.Request):
        """(case, booking) of a link to a meeting that is planned; else the page why not."""
        try:
            number = self.links.case_of(request.match_info["link"], now())
        except LinkRefused as refused:
            key, status = ("expired", 410) if refused.expired else ("invalid", 404)
            return self._page(status, message=text(f"verwijzer.attend_page.{key}"))
        case = await self._bookings.get(number)
        booking = await self._bookings.booking_of(number) if case else None
        if case is None or booking is None or case.status is not CaseStatus.RET_TAFEL:
            return self._page(409, message=text("verwijzer.attend_page.not_planned"))
        return case, booking

    def _page(self, status: int, **values) -> web.Response:
        title = text("verwijzer.attend_page.title", ret=self._ret_name)
        t = {key: text(f"verwijzer.attend_page.{key}") for key in _PAGE_KEYS}
        body = TEMPLATES.get_template("verwijzer_overleg.html").render(title=title, t=t, **values)
        return web.Response(
            text=body, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
        )
