"""Leren van vastgelopen zorgvragen, the RET's fourth function: when a case closes, everyone
who worked on it (the verwijzer and the kernteamleden of organisations with an afspraak)
evaluates it in two parts, samenwerking and inhoud; the voorzitter reads the evaluations
together and records leerpunten (a theme, what was learned, what worked).

One answer per person per case; answers go only to the person's own chat, never to a
channel. Who is asked is worked out from the case, its afspraken and the RET's roster, both
when asking and when an answer comes in, so nobody answers for someone else.
"""

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.cases import Case, family_address
from domain.notices import Chat, EmailAddress, Notice, Recipient, RosterMember
from domain.people import is_chair
from domain.ret import Member, RetConfig
from domain.roles import Role
from domain.triage import NotAllowed

TEXT_MAX = 1000  # each free-text answer: two minutes, not an essay
SCORES = range(1, 6)


class RespondentKind(StrEnum):
    VERWIJZER = "verwijzer"
    KERNTEAMLID = "kernteamlid"
    GEZIN = "gezin"  # the young person and parents: their own, shorter questions


FAMILY_KEY = RespondentKind.GEZIN.value


class Judgement(StrEnum):
    """The answer to 'kept their afspraak?', 'advice carried out?', 'better off?'."""

    JA = "ja"
    DEELS = "deels"
    NEE = "nee"
    WEET_NIET = "weet_niet"


@dataclass(frozen=True)
class Respondent:
    """Someone asked to evaluate a case. `key` is unique per case: "verwijzer", "gezin", or
    the kernteamlid's e-mail address. `to` is None for a family retbot cannot reach itself:
    the verwijzer passes their link on."""

    key: str
    kind: RespondentKind
    to: Recipient | None
    organisation: str | None = None
    name: str = ""

    @property
    def short_key(self) -> str:
        """For notice keys (at most 64 characters, and no address in them)."""
        return hashlib.sha256(self.key.encode()).hexdigest()[:16]


def respondents(case: Case, organisations: Sequence[str], ret: RetConfig) -> list[Respondent]:
    """The verwijzer (when a professional applied), the family (by their verified e-mail
    when they applied themselves, else through the link the verwijzer passes on) and every
    kernteamlid of an organisation with an afspraak on the case."""
    found = []
    referrer = case.referrer
    if not case.self_applied:
        chat = Chat(referrer.channel_id, referrer.user_id)
        kind = RespondentKind.VERWIJZER
        found.append(Respondent(kind.value, kind, chat, name=referrer.name))
        found.append(Respondent(FAMILY_KEY, RespondentKind.GEZIN, None, name="Gezin"))
    else:
        to = EmailAddress() if family_address(case) else None
        found.append(Respondent(FAMILY_KEY, RespondentKind.GEZIN, to, name=referrer.name))
    for member in ret.members_with_role(Role.KERNTEAMLID):
        if member.organisation in organisations:
            key = member.email.lower()
            kind, to = RespondentKind.KERNTEAMLID, RosterMember(key)
            found.append(Respondent(key, kind, to, member.organisation, member.name))
    return found


def counted(asked: Sequence[Respondent], answered: Mapping[str, object]) -> list[Respondent]:
    """Whom the voorzitter's figures count as asked: those retbot asked itself, and a family
    asked through the verwijzer's link once it answered (retbot cannot know it was passed
    on, nor remind them)."""
    return [r for r in asked if r.to is not None or r.key in answered]


def respondent_for(
    candidates: Sequence[Respondent], channel_id: str, user_id: str, member: Member | None
) -> Respondent | None:
    """Which of the case's respondents sent this: the verwijzer by their chat's ids, a
    kernteamlid as the roster member retbot recognised."""
    for candidate in candidates:
        if candidate.to == Chat(channel_id, user_id):
            return candidate
    if member is not None:
        mine = RosterMember(member.email.lower())
        return next((c for c in candidates if c.to == mine), None)
    return None


@dataclass(frozen=True)
class EvaluationAnswer:
    """Samenwerking: a 1-5 score, whether everyone kept their afspraak, and a remark.
    Inhoud: what was stuck, what solved it, whether the advice was carried out, and whether
    the young person is better off now."""

    score: int
    afspraken: Judgement
    samenwerking: str | None
    knelpunt: str | None
    oplossing: str | None
    advies: Judgement
    beter_af: Judgement


class AnswerInvalid(ValueError):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem  # "score", "choice", "too_long"


def parse_answer(values: dict) -> EvaluationAnswer:
    """The answer from a form's values; raises AnswerInvalid."""
    score = values.get("score")
    if not (isinstance(score, str) and score.isdigit() and int(score) in SCORES):
        raise AnswerInvalid("score")
    judgements = {}
    for name in ("afspraken", "advies", "beter_af"):
        chosen = values.get(name)
        if chosen not in {j.value for j in Judgement}:
            raise AnswerInvalid("choice")
        judgements[name] = Judgement(chosen)
    texts = {}
    for name in ("samenwerking", "knelpunt", "oplossing"):
        written = values.get(name)
        written = written.strip() if isinstance(written, str) else ""
        if len(written) > TEXT_MAX:
            raise AnswerInvalid("too_long")
        texts[name] = written or None
    return EvaluationAnswer(score=int(score), **judgements, **texts)


@dataclass(frozen=True)
class FamilyAnswer:
    """The family's evaluation: did they feel heard (1-5), was their wish the starting point
    ("de wens van de jeugdige en ouders is het vertrekpunt"), how are things now (1-5), and
    what they want to tell."""

    gehoord: int
    wens: Judgement
    nu: int
    toelichting: str | None


def parse_family_answer(values: dict) -> FamilyAnswer:
    """The family's answer from the page's values; raises AnswerInvalid."""
    scores = {}
    for name in ("gehoord", "nu"):
        score = values.get(name)
        if not (isinstance(score, str) and score.isdigit() and int(score) in SCORES):
            raise AnswerInvalid("family_score")
        scores[name] = int(score)
    wens = values.get("wens")
    if wens not in {j.value for j in Judgement}:
        raise AnswerInvalid("family_choice")
    written = values.get("toelichting")
    written = written.strip() if isinstance(written, str) else ""
    if len(written) > TEXT_MAX:
        raise AnswerInvalid("too_long")
    return FamilyAnswer(scores["gehoord"], Judgement(wens), scores["nu"], written or None)


@dataclass(frozen=True)
class Evaluation:
    """A stored answer: who gave it (their name, kind and organisation) and when."""

    case_number: str
    kind: RespondentKind
    organisation: str | None
    by: str
    at: datetime
    answer: EvaluationAnswer | FamilyAnswer


@dataclass(frozen=True)
class Leerpunt:
    case_number: str
    theme: str
    learned: str | None  # what the RET learned
    worked: str | None  # wat werkte: the success to repeat
    by: str
    at: datetime
    form_id: str | None = None
    id: int | None = None  # once stored


class AlreadyAnswered(Exception):
    def __init__(self, at: datetime) -> None:
        super().__init__(f"answered at {at.isoformat()}")
        self.at = at


class NotAsked(Exception):
    """The case is not closed, or the sender is not one of those asked to evaluate it."""


class LeerpuntInvalid(ValueError):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem  # "theme", "empty", "too_long", "already"


class EvaluationRepository(Protocol):
    async def get(self, number: str) -> Case | None: ...

    async def afspraak_organisations(self, number: str) -> list[str]: ...

    async def record(
        self,
        case: Case,
        respondent: Respondent,
        by: str,
        answer: EvaluationAnswer | FamilyAnswer,
        at: datetime,
        channel: str,
    ) -> datetime | None:
        """Stores the answer and audits it; when this person answered before, changes
        nothing and returns the moment of that answer."""
        ...

    async def evaluations(
        self, number: str, reader: str, channel: str, at: datetime
    ) -> list[Evaluation]:
        """The case's answers; the read is audited."""
        ...

    async def add_leerpunt(self, leerpunt: Leerpunt, channel: str) -> bool:
        """False when its form was submitted before (nothing stored then)."""
        ...

    async def leerpunten(self, number: str) -> list[Leerpunt]: ...

    async def asked_at(self, number: str) -> datetime | None:
        """When the case's evaluation was asked (it closed, or its advice was some weeks
        old), if it was."""
        ...

    async def due_after_advice(self, advice_before: datetime) -> list[str]:
        """Open cases with an advice given before then whose evaluation was not asked."""
        ...

    async def claim_after_advice(
        self, number: str, at: datetime, notices: Sequence[Notice]
    ) -> bool:
        """Opens the case's evaluation round with its requests; False when it was asked
        already (by another run, or because the case closed)."""
        ...

    async def answered(self, number: str) -> dict[str, datetime]:
        """When each respondent who answered did so, by their key."""
        ...

    async def due_reminders(self, asked_before: datetime) -> list[str]:
        """Cases asked before then and not reminded yet."""
        ...

    async def claim_reminder(self, number: str, at: datetime, notices: Sequence[Notice]) -> bool:
        """Marks the case reminded and stores the notices with it; False when another run
        came first."""
        ...


async def answer_evaluation(
    repository: EvaluationRepository,
    ret: RetConfig,
    number: str,
    sender: tuple[str, str, Member | None, str],
    values: dict,
    channel: str,
    at: datetime,
) -> Evaluation:
    """Records one person's evaluation of a closed case. `sender`: the chat's channel and
    user ids, the roster member (if one) and the name to record. Raises LookupError,
    NotAsked, AnswerInvalid or AlreadyAnswered; then nothing is stored."""
    case, candidates = await _asked(repository, ret, number)
    channel_id, user_id, member, name = sender
    respondent = respondent_for(candidates, channel_id, user_id, member)
    if respondent is None:
        raise NotAsked(number)
    return await _record(repository, case, respondent, name, values, channel, at)


async def answer_by_link(
    repository: EvaluationRepository,
    ret: RetConfig,
    number: str,
    respondent_key: str,
    values: dict,
    at: datetime,
) -> Evaluation:
    """An evaluation from the page behind a signed link (the link says who it is for).
    Raises like answer_evaluation."""
    case, candidates = await _asked(repository, ret, number)
    respondent = next((c for c in candidates if c.key == respondent_key), None)
    if respondent is None:
        raise NotAsked(number)
    return await _record(repository, case, respondent, respondent.name, values, "web", at)


async def asked_by_link(
    repository: EvaluationRepository, ret: RetConfig, number: str, respondent_key: str
) -> tuple[Case, Respondent]:
    """The case and the person a link is for, when they still may answer. Raises
    LookupError, NotAsked or AlreadyAnswered."""
    case, candidates = await _asked(repository, ret, number)
    respondent = next((c for c in candidates if c.key == respondent_key), None)
    if respondent is None:
        raise NotAsked(number)
    earlier = (await repository.answered(number)).get(respondent_key)
    if earlier is not None:
        raise AlreadyAnswered(earlier)
    return case, respondent


async def _asked(
    repository: EvaluationRepository, ret: RetConfig, number: str
) -> tuple[Case, list[Respondent]]:
    case = await repository.get(number)
    if case is None:
        raise LookupError(number)
    if case.closed_at is None and await repository.asked_at(number) is None:
        raise NotAsked(number)
    return case, respondents(case, await repository.afspraak_organisations(number), ret)


async def _record(
    repository: EvaluationRepository,
    case: Case,
    respondent: Respondent,
    name: str,
    values: dict,
    channel: str,
    at: datetime,
) -> Evaluation:
    family = respondent.kind is RespondentKind.GEZIN
    answer = parse_family_answer(values) if family else parse_answer(values)
    earlier = await repository.record(case, respondent, name, answer, at, channel)
    if earlier is not None:
        raise AlreadyAnswered(earlier)
    return Evaluation(case.number, respondent.kind, respondent.organisation, name, at, answer)


async def record_leerpunt(
    repository: EvaluationRepository,
    ret: RetConfig,
    chair: Member | None,
    number: str,
    values: tuple[object, object, object],
    form_id: str | None,
    channel: str,
    at: datetime,
) -> Leerpunt:
    """The voorzitter's leerpunt on a case: a theme from the RET file's list, with what was
    learned and/or what worked. Raises NotAllowed, LookupError or LeerpuntInvalid."""
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter records leerpunten")
    if await repository.get(number) is None:
        raise LookupError(number)
    theme, learned, worked = values
    if theme not in ret.evaluation.themes:
        raise LeerpuntInvalid("theme")
    learned, worked = _cleaned(learned), _cleaned(worked)
    if learned is None and worked is None:
        raise LeerpuntInvalid("empty")
    if any(t is not None and len(t) > TEXT_MAX for t in (learned, worked)):
        raise LeerpuntInvalid("too_long")
    leerpunt = Leerpunt(number, theme, learned, worked, chair.name, at, form_id)
    if not await repository.add_leerpunt(leerpunt, channel):
        raise LeerpuntInvalid("already")
    return leerpunt


def _cleaned(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def reminder_key(number: str, respondent: Respondent) -> str:
    return f"evaluatie-herinnering:{number}:{respondent.short_key}"


def request_key(number: str, respondent: Respondent) -> str:
    return f"evaluatie:{number}:{respondent.short_key}"


@dataclass(frozen=True)
class EvaluationFigures:
    """The evaluations given in a period, for the report: answers per group, the average
    samenwerking score, and what the answers say of the advice and the young person; and
    the families' answers to their own questions."""

    answers: Mapping[str, int]  # RespondentKind value -> answers (professionals)
    cases: int
    average_score: float | None
    advies: Mapping[str, int]  # Judgement value -> answers
    beter_af: Mapping[str, int]
    families: int = 0
    heard: float | None = None  # the families' average: did they feel heard (1-5)
    wish: Mapping[str, int] = field(default_factory=dict)  # their wish the starting point
    now: float | None = None  # the families' average: how are things now (1-5)


def evaluation_figures(evaluations: Sequence[Evaluation]) -> EvaluationFigures:
    professionals = [e for e in evaluations if isinstance(e.answer, EvaluationAnswer)]
    families = [e.answer for e in evaluations if isinstance(e.answer, FamilyAnswer)]
    scores = [e.answer.score for e in professionals]
    return EvaluationFigures(
        answers={
            k.value: sum(e.kind is k for e in professionals)
            for k in (RespondentKind.VERWIJZER, RespondentKind.KERNTEAMLID)
        },
        cases=len({e.case_number for e in evaluations}),
        average_score=_average(scores),
        advies={j.value: sum(e.answer.advies is j for e in professionals) for j in Judgement},
        beter_af={j.value: sum(e.answer.beter_af is j for e in professionals) for j in Judgement},
        families=len(families),
        heard=_average([a.gehoord for a in families]),
        wish={j.value: sum(a.wens is j for a in families) for j in Judgement},
        now=_average([a.nu for a in families]),
    )


def _average(scores: Sequence[int]) -> float | None:
    return round(sum(scores) / len(scores), 1) if scores else None


@dataclass(frozen=True)
class LeerpuntThema:
    """One theme in the report: how many leerpunten, on how many cases, what was learned and
    what worked (without case numbers: the report goes to the stuurgroep)."""

    theme: str
    count: int
    cases: int
    learned: tuple[str, ...] = ()
    worked: tuple[str, ...] = ()


def leerpunt_themes(leerpunten: Sequence[Leerpunt]) -> tuple[LeerpuntThema, ...]:
    """Grouped by theme, the most recorded first; texts oldest first."""
    grouped: dict[str, list[Leerpunt]] = defaultdict(list)
    for leerpunt in sorted(leerpunten, key=lambda p: p.at):
        grouped[leerpunt.theme].append(leerpunt)
    themes = [
        LeerpuntThema(
            theme,
            len(items),
            len({p.case_number for p in items}),
            tuple(p.learned for p in items if p.learned),
            tuple(p.worked for p in items if p.worked),
        )
        for theme, items in grouped.items()
    ]
    return tuple(sorted(themes, key=lambda t: (-t.count, t.theme)))
