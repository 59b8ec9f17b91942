"""The evaluation page behind a signed link, for kernteamleden outside Teams: GET shows the
two-part evaluation, POST takes one answer. The family's link shows their own four
questions instead, in eenvoudig Nederlands (B1) with "je". Plain HTML, no JavaScript; case
number and initials only. Whatever is wrong with a link or a form gets a clear page with a
4xx status; everything shown is escaped (Jinja2 autoescape)."""

from datetime import datetime

from aiohttp import web

from bot.clean_input import clean_text
from bot.follow_up_page import HEADERS
from bot.html_pages import TEMPLATES
from bot.links import EvaluationLinks, LinkRefused
from dialogs.cards.evaluation import TEXT_INPUTS
from dialogs.clock import now
from dialogs.evaluation import FAMILY_LANGUAGE
from dialogs.moments import day
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.cases import Case
from domain.evaluation import (
    FAMILY_KEY,
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
TEMPLATE, FAMILY_TEMPLATE = "evaluation.html", "evaluation_family.html"
CHOICES = ("afspraken", "advies", "beter_af")
FIELDS = ("score", *CHOICES, *TEXT_INPUTS)
FAMILY_FIELDS = ("gehoord", "wens", "nu", "toelichting")


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
        case, respondent = opened
        if respondent == FAMILY_KEY:
            return _family_form(case, {}, None, 200)
        return _form(case, {}, None, 200)

    async def answer(self, request: web.Request) -> web.Response:
        at = now()
        opened = await self._open(request, at)
        if isinstance(opened, web.Response):
            return opened
        try:
            form = await request.post()
        except (ValueError, UnicodeDecodeError, web.RequestPayloadError):
            return _message("page.bad_form", 400)
        case, respondent = opened
        family = respondent == FAMILY_KEY
        fields = FAMILY_FIELDS if family else FIELDS
        values = {k: clean_text(v) for k in fields if isinstance(v := form.get(k), str)}
        try:
            await answer_by_link(self._evaluations, self._ret, case.number, respondent, values, at)
        except AnswerInvalid as invalid:
            if family:
                return _family_form(case, values, invalid.problem, 422)
            return _form(case, values, invalid.problem, 422)
        except AlreadyAnswered as earlier:
            return _already(earlier, family)
        except (LookupError, NotAsked):
            return _message("evaluation.page.not_asked", 404)
        if family:
            return _message("evaluation.family.thanks", 200, template=FAMILY_TEMPLATE)
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
            return _already(earlier, respondent == FAMILY_KEY)
        except (LookupError, NotAsked):
            return _message("evaluation.page.not_asked", 404)
        return case, respondent


def _already(earlier: AlreadyAnswered, family: bool = False) -> web.Response:
    date = day(earlier.at, DEFAULT_LANGUAGE)
    if family:
        return _message("evaluation.family.already", 409, template=FAMILY_TEMPLATE, date=date)
    return _message("evaluation.page.already", 409, date=date)


def _family_form(case: Case, values: dict, problem: str | None, status: int) -> web.Response:
    """The family's four questions: 1-5 where it helps, and room to say more."""
    language = FAMILY_LANGUAGE
    return _render(
        status,
        template=FAMILY_TEMPLATE,
        case=case,
        values=values,
        problem=text(f"evaluation.problem.{problem}", language, max=TEXT_MAX) if problem else None,
        intro=text("evaluation.family.intro", language),
        labels={
            "case": text("evaluation.family.case", language),
            "send": text("evaluation.family.send", language),
            **{name: text(f"evaluation.family.{name}", language) for name in FAMILY_FIELDS},
        },
        heard=_options("evaluation.family.score", language),
        now=_options("evaluation.family.now", language),
        judgements=[
            {"value": j.value, "label": text(f"evaluation.judgement.{j.value}", language)}
            for j in Judgement
        ],
        text_max=TEXT_MAX,
    )


def _options(prefix: str, language: str) -> list[dict]:
    return [{"value": str(s), "label": text(f"{prefix}.{s}", language)} for s in SCORES]


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


def _message(key: str, status: int, template: str = TEMPLATE, **values) -> web.Response:
    return _render(
        status, template=template, message=text(key, **values), problem_role=status >= 400
    )


def _render(status: int, template: str = TEMPLATE, **context) -> web.Response:
    title = "evaluation.family.title" if template == FAMILY_TEMPLATE else "evaluation.page.title"
    html = TEMPLATES.get_template(template).render(
        lang=DEFAULT_LANGUAGE, title=text(title), **context
    )
    return web.Response(
        text=html, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
    )
