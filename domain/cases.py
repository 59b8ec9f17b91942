"""Cases: what a submitted request becomes, its number, and the steps of its life."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class CaseStatus(StrEnum):
    AANGEMELD = "aangemeld"
    MEER_INFORMATIE = "meer informatie gevraagd"
    RET_TAFEL = "ret-tafel ingepland"
    CONSULTATIE = "consultatie"
    SAMENWERKINGSTAFEL = "samenwerkingstafel"
    DOORVERWEZEN = "doorverwezen"
    ADVIES = "advies gegeven"
    MONITOREN = "monitoren"
    AFGESLOTEN = "afgesloten"


ALLOWED: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.AANGEMELD: frozenset(
        {
            CaseStatus.MEER_INFORMATIE,
            CaseStatus.RET_TAFEL,
            CaseStatus.CONSULTATIE,
            CaseStatus.SAMENWERKINGSTAFEL,
            CaseStatus.DOORVERWEZEN,
        }
    ),
    CaseStatus.MEER_INFORMATIE: frozenset({CaseStatus.AANGEMELD}),
    CaseStatus.RET_TAFEL: frozenset({CaseStatus.ADVIES}),
    CaseStatus.CONSULTATIE: frozenset({CaseStatus.ADVIES, CaseStatus.AFGESLOTEN}),
    CaseStatus.SAMENWERKINGSTAFEL: frozenset({CaseStatus.ADVIES, CaseStatus.AFGESLOTEN}),
    CaseStatus.ADVIES: frozenset({CaseStatus.MONITOREN, CaseStatus.AFGESLOTEN}),
    CaseStatus.MONITOREN: frozenset({CaseStatus.AFGESLOTEN}),
    CaseStatus.DOORVERWEZEN: frozenset({CaseStatus.AFGESLOTEN}),
    CaseStatus.AFGESLOTEN: frozenset(),
}


class InvalidTransition(ValueError):
    pass


def check_transition(current: CaseStatus, target: CaseStatus) -> None:
    if target not in ALLOWED[current]:
        raise InvalidTransition(f"a case that is {current} cannot become {target}")


def case_number(year: int, sequence: int) -> str:
    """RET-2026-0001: per year (one database serves one RET), without gaps."""
    return f"RET-{year}-{sequence:04d}"


@dataclass(frozen=True)
class Referrer:
    channel_id: str
    user_id: str
    name: str
    aad_object_id: str | None = None


@dataclass(frozen=True)
class Case:
    number: str
    status: CaseStatus
    referrer: Referrer
    answers: dict = field(default_factory=dict)
    submitted_at: datetime | None = None

    @property
    def initials(self) -> str:
        return str(self.answers.get("initialen", ""))

    @property
    def urgent(self) -> bool:
        return self.answers.get("urgentie") == "spoed"

    @property
    def consent_given(self) -> bool:
        return self.answers.get("toestemming") == "gegeven"


class CaseRepository(Protocol):
    async def submit(self, referrer: Referrer, answers: dict, now: datetime) -> Case:
        """Numbers and stores a new case with status 'aangemeld', with its audit entry,
        in one transaction: no gaps and no duplicates, also when submissions race."""
        ...

    async def cases_of(self, referrer: Referrer) -> list[Case]: ...
