"""GET/POST /verwijzers/vraag/{link}: the voorzitter's question ('meer informatie') for a
referrer outside Teams, from the link in the e-mail about the decision (dialogs/triage.py).
A family that applied itself gets the same page in eenvoudig Nederlands (B1).
GET shows the case number, initials and the question (not in the e-mail: it may be about
the young person) and is audited as a read; POST takes one answer, through the same use case
as the answer card in Teams (domain.triage.add_information), so the voorzitter gets it the
same way. Plain HTML, no scripts; an expired link 410, an altered one 404, a question that
is no longer open 409, an empty answer 422."""

from aiohttp import web

from bot.clean_input import clean_text
from bot.follow_up_page import HEADERS
from bot.html_pages import TEMPLATES
from bot.links import LinkRefused, QuestionLinks
from dialogs.clock import now
from dialogs.texts import text
from dialogs.triage import TriageActions
from domain.cases import CaseRepository

PATH = "/verwijzers/vraag/{link}"
ANSWER_FIELD = "antwoord"
READ_CHANNEL = "web"
ANSWER_MAX = 4000  # characters, like a card's answer field holds comfortably
_PAGE_KEYS = ("case", "initials", "asks", "answer", "send")
_FAMILY_KEYS = ("asks", "answer", "send")  # in eenvoudig Nederlands


class ReferrerQuestionPage:
    def __init__(
        self, links: QuestionLinks, triage: TriageActions, cases: CaseRepository, ret_name: str
    ) -> None:
        self.links = links
        self._triage = triage
        self._cases = cases
        self._ret_name = ret_name

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.show)
        app.router.add_post(PATH, self.answer)

    async def show(self, request: web.Request) -> web.Response:
        found = await self._open(request)
        if isinstance(found, web.Response):
            return found
        case, question = found
        await self._cases.record_reads([case], case.referrer.name, READ_CHANNEL, now())
        return self._page(
            200,
            family=case.self_applied,
            number=case.number,
            initials=case.initials,
            question=question,
        )

    async def answer(self, request: web.Request) -> web.Response:
        found = await self._open(request)
        if isinstance(found, web.Response):
            return found
        case, question = found
        form = await request.post()
        given = clean_text(str(form.get(ANSWER_FIELD, "")))[:ANSWER_MAX]
        if not given.strip():
            return self._page(
                422,
                family=case.self_applied,
                number=case.number,
                initials=case.initials,
                question=question,
                problem=text("referrer.answer_empty"),
            )
        said = await self._triage.answer_for(case.number, case.referrer, given)
        return self._page(200, family=case.self_applied, message=said)

    async def _open(self, request: web.Request):
        """(case, question), or the page that says why there is none."""
        try:
            number = self.links.case_of(request.match_info["link"], now())
        except LinkRefused as refused:
            key, status = ("expired", 410) if refused.expired else ("invalid", 404)
            return self._page(status, message=text(f"verwijzer.question_page.{key}"))
        found = await self._triage.open_question(number)
        if found is None:
            return self._page(409, message=text("referrer.answer_not_needed"))
        return found

    def _page(self, status: int, family: bool = False, **values) -> web.Response:
        who = "gezin" if family else "verwijzer"
        title = text(f"{who}.question_page.title", ret=self._ret_name)
        t = {key: text(f"verwijzer.question_page.{key}") for key in _PAGE_KEYS}
        if family:
            t |= {key: text(f"gezin.question_page.{key}") for key in _FAMILY_KEYS}
        body = TEMPLATES.get_template("verwijzer_vraag.html").render(title=title, t=t, **values)
        return web.Response(
            text=body, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
        )
