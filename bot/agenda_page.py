"""GET /agenda/{token}.ics: the calendar file of a booked RET meeting, behind the signed,
expiring link on the invitation card ('In mijn agenda'). A link that is not ours, was
altered or points to nothing gets 404, an expired one 410: plain text, never a 5xx."""

from aiohttp import web

from bot.links import AgendaLinks, LinkRefused
from dialogs.booking import calendar_file
from dialogs.clock import now
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.booking import BookingRepository

PATH = "/agenda/{token}.ics"
# The token is in the URL: no Referer to other sites, no caching.
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class AgendaPage:
    def __init__(self, links: AgendaLinks, bookings: BookingRepository, ret_name: str) -> None:
        self.links = links
        self._bookings = bookings
        self._ret_name = ret_name

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.ics)

    async def ics(self, request: web.Request) -> web.Response:
        at = now()
        try:
            uid = self.links.id_of(request.match_info["token"], at)
        except LinkRefused as refused:
            return _refusal("ics.expired", 410) if refused.expired else _refusal("ics.invalid", 404)
        booking = await self._bookings.booking_by_uid(uid)
        case = await self._bookings.get(booking.case_number) if booking else None
        if booking is None or case is None:
            return _refusal("ics.invalid", 404)
        await self._bookings.record_read(booking, "agendalink", "web", at)
        body = calendar_file(case, booking, self._ret_name, at)
        return web.Response(
            body=body,
            content_type="text/calendar",
            charset="utf-8",
            headers={
                **HEADERS,
                "Content-Disposition": f'attachment; filename="RET-overleg-{case.number}.ics"',
            },
        )


def _refusal(key: str, status: int) -> web.Response:
    return web.Response(
        text=text(key, DEFAULT_LANGUAGE), status=status, charset="utf-8", headers=HEADERS
    )
