"""Rode draden: the voorzitter notes a recurring bottleneck (signaal), on a case or in
general; the periodic report lists them grouped by theme, with counts.

The themes are the five rode draden of seed 002's analysis (bijlage III), plus the two
bottlenecks its casuïstiek names most, plus "anders".
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.people import is_chair
from domain.ret import Member
from domain.vocabularies import terms

THEMES = terms(
    ("zicht", "Onvoldoende zicht op wat er nodig is", "Unclear what is needed"),
    ("regie", "Regie op samenwerking en transformatie", "Leading the collaboration"),
    ("netwerk", "Moeite met het mobiliseren van het netwerk", "Mobilising the network"),
    ("belangen", "Belangen, afspraken en financiële risico's", "Interests and financial risks"),
    ("sociaal", "Sociale factoren die samenwerking bemoeilijken", "Social factors"),
    ("aanbod", "Passend aanbod ontbreekt", "No suitable care available"),
    ("18plus", "Continuïteit bij 18-/18+", "Continuity at 18"),
    ("anders", "Anders", "Other"),
)
NOTE_MAX = 2000


@dataclass(frozen=True)
class Signal:
    theme: str
    note: str
    by: str
    at: datetime
    case_number: str | None = None
    form_id: str | None = None  # the form it came from: a second submit of it adds nothing


@dataclass(frozen=True)
class RodeDraad:
    """One theme in the report: how often it was noted, on how many cases, and the notes."""

    theme: str
    count: int
    cases: int
    notes: tuple[str, ...] = ()
    advies: str | None = None  # the voorzitter's latest advies on the theme


@dataclass(frozen=True)
class Advies:
    """The voorzitter's advies on a rode draad (seed 001: knelpunten "voorzien van een
    advies"); the latest per theme is printed under it in the report."""

    theme: str
    text: str
    by: str
    at: datetime
    form_id: str | None = None


class SignalProblem(StrEnum):
    NOT_ALLOWED = "not_allowed"
    THEME = "theme"
    NOTE_EMPTY = "note_empty"
    NOTE_LONG = "note_long"
    UNKNOWN_CASE = "unknown_case"
    ALREADY_RECORDED = "already_recorded"  # this form was submitted before


class SignalRefused(ValueError):
    def __init__(self, problem: SignalProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


class SignalRepository(Protocol):
    async def case_exists(self, number: str) -> bool: ...

    async def add(self, signal: Signal, channel: str) -> bool:
        """Stores the signal with an audit entry (on the case, if it names one); False,
        and nothing stored, when a signal from the same form is stored already."""
        ...

    async def add_advies(self, advies: Advies, channel: str) -> bool:
        """As `add`, for an advies."""
        ...

    async def from_form(self, form_id: str) -> Signal | None:
        """The signal stored from that form, if one was (without its note)."""
        ...


async def record_signal(
    repository: SignalRepository,
    member: Member | None,
    theme: object,
    note: object,
    case_number: object,
    channel: str,
    now: datetime,
    form_id: str | None = None,
) -> Signal:
    """Only a voorzitter notes signals, once per form. Raises SignalRefused; then nothing
    is stored."""
    note = _checked(member, theme, note)
    number = case_number.strip().upper() if isinstance(case_number, str) else ""
    if number and not await repository.case_exists(number):
        raise SignalRefused(SignalProblem.UNKNOWN_CASE)
    signal = Signal(str(theme), note, member.name, now, number or None, form_id)
    if not await repository.add(signal, channel):
        raise SignalRefused(SignalProblem.ALREADY_RECORDED)
    return signal


async def record_advies(
    repository: SignalRepository,
    member: Member | None,
    theme: object,
    advies: object,
    channel: str,
    now: datetime,
    form_id: str | None = None,
) -> Advies:
    """Only a voorzitter, once per form; the same checks as a signal's note."""
    advies = _checked(member, theme, advies)
    given = Advies(str(theme), advies, member.name, now, form_id)
    if not await repository.add_advies(given, channel):
        raise SignalRefused(SignalProblem.ALREADY_RECORDED)
    return given


def rode_draden(
    signals: list[Signal], adviezen: list[Advies] | tuple[Advies, ...] = ()
) -> tuple[RodeDraad, ...]:
    """Grouped by theme, the most noted first; notes oldest first, without case numbers
    (the report goes to administrators); each with the latest advies on its theme."""
    grouped: dict[str, list[Signal]] = defaultdict(list)
    for signal in sorted(signals, key=lambda s: s.at):
        grouped[signal.theme].append(signal)
    labels = {t.code: t.nl for t in THEMES}
    latest = {a.theme: a.text for a in sorted(adviezen, key=lambda a: a.at)}
    draden = [
        RodeDraad(
            labels.get(code, code),
            len(items),
            len({s.case_number for s in items if s.case_number}),
            tuple(s.note for s in items),
            latest.get(code),
        )
        for code, items in grouped.items()
    ]
    return tuple(sorted(draden, key=lambda d: (-d.count, d.theme)))


def _checked(member: Member | None, theme: object, written: object) -> str:
    """What a voorzitter wrote about a theme, stripped; SignalRefused when the writer is no
    voorzitter, the theme is unknown, or the text is empty or too long."""
    if not is_chair(member):
        raise SignalRefused(SignalProblem.NOT_ALLOWED)
    if theme not in {t.code for t in THEMES}:
        raise SignalRefused(SignalProblem.THEME)
    written = written.strip() if isinstance(written, str) else ""
    if not written:
        raise SignalRefused(SignalProblem.NOTE_EMPTY)
    if len(written) > NOTE_MAX:
        raise SignalRefused(SignalProblem.NOTE_LONG)
    return written
