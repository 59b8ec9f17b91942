"""The evaluation page behind a signed link, for kernteamleden outside Teams: GET shows the
two-part evaluation, POST takes one answer. Plain HTML, no JavaScript; case number and
initials only. Whatever is wrong with a link or a form gets a clear page with a 4xx status;
everything shown is escaped (Jinja2 autoescape)."""

from datetime import datetime

from aiohttp import web

from bot.clean_input import clean_text
from bot.follow_up_page import HEADERS
from bot.html_pages import TEMPLATES
from bot.links import EvaluationLinks, LinkRefused
from dialogs.cards.evaluation import TEXT_INPUTS
from dialogs.clock import now
from dialogs.moments import day
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.cases import Case
from domain.evaluation import (
    SCORES,
    TEXT_MAX,
    AlreadyAnswered,
    AnswerInvalid,
    EvaluationRepository,
    Judgement,
    NotAsked,
    answer_by_link,
    asked_by_link,
)
from domain.ret import RetConfig

PATH = "/evaluatie/{token}"
CHOICES = ("afspraken", "advies", "beter_af")
FIELDS = ("score", *CHOICES, *TEXT_INPUTS)


class EvaluationPage:
    def __init__(
        self, links: EvaluationLinks, evaluations: EvaluationRepository, ret: RetConfig
    ) -> None:
        self.links = links
        self._evaluations = evaluations
        self._ret = ret

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.show)
        app.router.add_post(PATH, self.answer)

    async def show(self, request: web.Request) -> web.Response:
        opened = await self._open(request, now())
        if isinstance(opened, web.Response):
            return opened
        return _form(opened[0], {}, None, 200)

    async def answer(self, request: web.Request) -> web.Response:
        at = now()
        opened = await self._open(request, at)
        if isinstance(opened, web.Response):
            return opened
        try:
            form = await request.post()
        except (ValueError, UnicodeDecodeError, web.RequestPayloadError):
            return _message("page.bad_form", 400)
        values = {k: clean_text(v) for k in FIELDS if isinstance(v := form.get(k), str)}
        case, respondent = opened
        try:
            await answer_by_link(self._evaluations, self._ret, case.number, respondent, values, at)
        except AnswerInvalid as invalid:
            return _form(case, values, invalid.problem, 422)
        except AlreadyAnswered as earlier:
            return _already(earlier)
        except (LookupError, NotAsked):
            return _message("evaluation.page.not_asked", 404)
        return _message("evaluation.page.thanks", 200)

    async def _open(self, request: web.Request, at: datetime) -> tuple[Case, str] | web.Response:
        """The case and the respondent's key behind the link, or the page that says why it
        cannot be answered."""
        try:
            number, respondent = self.links.evaluation_of(request.match_info["token"], at)
        except LinkRefused as refused:
            return _message(
                "page.expired" if refused.expired else "page.invalid",
                410 if refused.expired else 404,
            )
        try:
            case, _ = await asked_by_link(self._evaluations, self._ret, number, respondent)
        except AlreadyAnswered as earlier:
            return _already(earlier)
        except (LookupError, NotAsked):
            return _message("evaluation.page.not_asked", 404)
        return case, respondent


def _already(earlier: AlreadyAnswered) -> web.Response:
    return _message("evaluation.page.already", 409, date=day(earlier.at, DEFAULT_LANGUAGE))


def _form(case: Case, values: dict, problem: str | None, status: int) -> web.Response:
    language = DEFAULT_LANGUAGE
    judgements = [
        {"value": j.value, "label": text(f"evaluation.judgement.{j.value}", language)}
        for j in Judgement
    ]
    return _render(
        status,
        case=case,
        values=values,
        problem=text(f"evaluation.problem.{problem}", language, max=TEXT_MAX) if problem else None,
        intro=text("evaluation.page.intro", language),
        labels={
            "case": text("page.case", language),
            "initials": text("page.initials", language),
            "samenwerking_part": text("evaluation.part.samenwerking", language),
            "inhoud_part": text("evaluation.part.inhoud", language),
            "send": text("evaluation.send", language),
            **{name: text(f"evaluation.{name}", language) for name in FIELDS},
        },
        scores=[
            {"value": str(s), "label": text(f"evaluation.score.{s}", language)} for s in SCORES
        ],
        judgements=judgements,
        text_max=TEXT_MAX,
    )


def _message(key: str, status: int, **values) -> web.Response:
    return _render(status, message=text(key, **values), problem_role=status >= 400)


def _render(status: int, **context) -> web.Response:
    html = TEMPLATES.get_template("evaluation.html").render(
        lang=DEFAULT_LANGUAGE, title=text("evaluation.page.title"), **context
    )
    return web.Response(
        text=html, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
    )
