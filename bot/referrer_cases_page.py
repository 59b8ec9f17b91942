"""GET /verwijzers/casussen/{link}: 'Mijn casussen' for a referrer outside Teams, from the
link retbot mailed to their work address (dialogs/email_apply.py): the requests they filed
as that address, with case number, initials, status and date only. Every case shown is
audited as read, as in Teams. Plain HTML, no scripts; an expired link gets 410 and an
altered one 404, each with a page that says how to get a new link."""

from aiohttp import web

from bot.follow_up_page import HEADERS
from bot.html_pages import TEMPLATES
from bot.links import LinkRefused, ReferrerCasesLinks
from dialogs.clock import now
from dialogs.moments import day
from dialogs.referrer_mail import EMAIL_CHANNEL
from dialogs.texts import DEFAULT_LANGUAGE, status_label, text
from domain.cases import CaseRepository, Referrer

PATH = "/verwijzers/casussen/{link}"
READ_CHANNEL = "web"  # how the audit says where the cases were read


class ReferrerCasesPage:
    def __init__(self, links: ReferrerCasesLinks, cases: CaseRepository, ret_name: str) -> None:
        self.links = links
        self._cases = cases
        self._ret_name = ret_name

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.show)

    async def show(self, request: web.Request) -> web.Response:
        at = now()
        words = {"ret": self._ret_name}
        try:
            email = self.links.email_of(request.match_info["link"], at)
        except LinkRefused as refused:
            key, status = ("expired", 410) if refused.expired else ("invalid", 404)
            return self._page(status, message=text(f"verwijzer.cases_page.{key}", **words))
        cases = await self._cases.cases_of(Referrer(EMAIL_CHANNEL, email, email))
        await self._cases.record_reads(cases, email, READ_CHANNEL, at)
        rows = [
            (
                case.number,
                case.initials or "-",
                status_label(case.status),
                day(case.submitted_at, DEFAULT_LANGUAGE) if case.submitted_at else "-",
            )
            for case in cases
        ]
        return self._page(
            200,
            intro=text("verwijzer.cases_page.intro", email=email),
            none=text("verwijzer.cases_page.none", email=email),
            rows=rows,
            headings=[
                text(f"verwijzer.cases_page.{key}")
                for key in ("number", "initials", "status", "submitted")
            ],
        )

    def _page(self, status: int, **values) -> web.Response:
        title = text("verwijzer.cases_page.title", ret=self._ret_name)
        body = TEMPLATES.get_template("verwijzer_casussen.html").render(title=title, **values)
        return web.Response(
            text=body, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
        )
