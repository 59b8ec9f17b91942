"""Advies aan de moederorganisatie: where a leerpunt concerns an organisation (a gemeente, a
GI, an aanbieder), the voorzitter sends it an advice, as a short letter to the contact the
RET file gives. The letter carries the case number and initials only, the leerpunt and the
advice; it goes through the outbox and is recorded on the case.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.cases import Case
from domain.documents import CASE_PART
from domain.evaluation import TEXT_MAX, Leerpunt
from domain.notices import Notice
from domain.people import is_chair
from domain.ret import Member, Organisation, OrganisationKind, RetConfig
from domain.triage import NotAllowed

EVENT = "advies aan organisatie"
LETTER_KEY = 12  # characters of the form id in the letter's document subject


@dataclass(frozen=True)
class OrganisationAdvice:
    """One letter: on which leerpunt of which case, to which organisation, saying what."""

    case: Case
    leerpunt: Leerpunt
    organisation: Organisation
    advice: str
    by: str
    at: datetime
    form_id: str

    @property
    def subject(self) -> str:
        """The letter's document subject: the case number and this letter."""
        return f"{self.case.number}{CASE_PART}{self.form_id[:LETTER_KEY]}"


@dataclass(frozen=True)
class SentAdvice:
    """A letter as recorded on the case."""

    case_number: str
    leerpunt_id: int
    organisation: str
    kind: OrganisationKind
    advice: str | None
    by: str
    at: datetime


class AdviceInvalid(ValueError):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem  # "leerpunt", "organisation", "empty", "too_long", "already"


class OrganisationAdviceRepository(Protocol):
    async def get(self, number: str) -> Case | None: ...

    async def leerpunten(self, number: str) -> list[Leerpunt]: ...

    async def sent_advice(self, number: str) -> list[SentAdvice]: ...

    async def record_advice(
        self,
        advice: OrganisationAdvice,
        letter: tuple[str, bytes],
        notices: Sequence[Notice],
        channel: str,
    ) -> bool:
        """Stores the letter (filename, .docx) as a document of the case, the advice with a
        case event and an audit entry, and the notices that send it, in one transaction;
        False when its form was sent before (nothing stored then)."""
        ...


async def organisation_advice(
    repository: OrganisationAdviceRepository,
    ret: RetConfig,
    chair: Member | None,
    number: str,
    values: tuple[object, object, object],
    form_id: object,
    at: datetime,
) -> OrganisationAdvice:
    """The voorzitter's advice on a leerpunt (its id), to an organisation of the RET file
    (its name). Raises NotAllowed, LookupError or AdviceInvalid; nothing is stored yet."""
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter sends advice to an organisation")
    case = await repository.get(number)
    if case is None:
        raise LookupError(number)
    leerpunt_id, name, written = values
    leerpunt = next(
        (p for p in await repository.leerpunten(number) if str(p.id) == str(leerpunt_id)), None
    )
    if leerpunt is None:
        raise AdviceInvalid("leerpunt")
    organisation = ret.organisation(name) if isinstance(name, str) else None
    if organisation is None:
        raise AdviceInvalid("organisation")
    advice = written.strip() if isinstance(written, str) else ""
    if not advice:
        raise AdviceInvalid("empty")
    if len(advice) > TEXT_MAX:
        raise AdviceInvalid("too_long")
    if not isinstance(form_id, str) or not form_id.isalnum():
        raise AdviceInvalid("already")  # a form of ours always has its id
    return OrganisationAdvice(case, leerpunt, organisation, advice, chair.name, at, form_id)


def advice_per_kind(sent: Sequence[SentAdvice]) -> Mapping[str, int]:
    """For the report: how many letters went to each kind of organisation, most first."""
    counted = Counter(s.kind.value for s in sent)
    return dict(sorted(counted.items(), key=lambda item: (-item[1], item[0])))
