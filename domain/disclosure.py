"""Keeping a child from being singled out in rows that leave the RET (k-anonymity).

An export row holds no name, but a combination of facts someone may know from elsewhere (the
quasi-identifiers: age group, gender, gemeente, month of the request) can still point at
one child. Every combination must be shared by at least K rows. Where it is not, values are
generalised: a gemeente held by fewer than K children, then the month becomes the quarter,
then, in the rows still in a small group, one quasi-identifier after another is shielded,
each time the one that leaves the fewest rows in small groups. What was shielded reads
SHIELDED, counted apart in reports; fewer than K rows in all cannot be helped.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

K = 5
QUASI_IDENTIFIERS = ("leeftijdsgroep", "geslacht", "gemeente", "aangemeld_maand")
IN_WORDS = ("leeftijdsgroep", "geslacht", "gemeente", "maand van aanmelding")  # for readers
SHIELDED = "afgeschermd"
# What to shield first when two choices leave as many rows in small groups.
SHIELD_ORDER = ("aangemeld_maand", "geslacht", "leeftijdsgroep", "gemeente")

Row = dict[str, str]
_ALL_SHIELDED = (SHIELDED,) * len(QUASI_IDENTIFIERS)


@dataclass(frozen=True)
class Disclosure:
    """How identifying the rows are: rows alone on their combination of quasi-identifiers,
    rows in a group smaller than K, and the smallest group (0 without rows)."""

    rows: int
    unique: int
    below_k: int
    smallest: int

    @property
    def line(self) -> str:
        return (
            f"{self.unique} van {self.rows} rijen uniek op {', '.join(QUASI_IDENTIFIERS)}; "
            f"{self.below_k} in een groep kleiner dan {K}; kleinste groep {self.smallest}"
        )


def disclosure(rows: Sequence[Row]) -> Disclosure:
    sizes = Counter(_key(row) for row in rows)
    return Disclosure(
        rows=len(rows),
        unique=sum(1 for row in rows if sizes[_key(row)] == 1),
        below_k=sum(1 for row in rows if sizes[_key(row)] < K),
        smallest=min(sizes.values(), default=0),
    )


def generalise(rows: Sequence[Row]) -> tuple[list[Row], list[str]]:
    """The rows with no group under K where that can be reached (fewer than K rows in all
    cannot), and the steps taken, in words."""
    rows = [dict(row) for row in rows]
    steps: list[str] = []
    if not _small(rows):
        return rows, steps
    rare = {g for g, n in Counter(r["gemeente"] for r in rows).items() if n < K and g}
    if rare:
        for row in rows:
            if row["gemeente"] in rare:
                row["gemeente"] = SHIELDED
        steps.append(f"{len(rare)} gemeenten met minder dan {K} jeugdigen afgeschermd")
    if _small(rows):
        for row in rows:
            row["aangemeld_maand"] = quarter(row["aangemeld_maand"])
        steps.append("maand van aanmelding vervangen door het kwartaal")
    left = list(SHIELD_ORDER)
    while left and (small := _small(rows)):
        name = min(left, key=lambda n: (len(_small(_shield(rows, small, n))), left.index(n)))
        rows = _shield(rows, small, name)
        left.remove(name)
        steps.append(f"{name} afgeschermd in {_rows(len(small))}")
    if small := _small(rows):  # only fully shielded rows are left, fewer than K of them
        spare = _spare(rows, K - len(small))
        if spare:
            rows = _shield(rows, spare, "")
            steps.append(f"nog {_rows(len(spare))} geheel afgeschermd, zodat die groep {K} is")
        elif len(rows) >= K:  # no group can give rows up: all in one group
            rows = _shield(rows, list(range(len(rows))), "")
            steps.append(f"alle {len(rows)} rijen geheel afgeschermd")
    return rows, steps


def _rows(count: int) -> str:
    return f"{count} rij" if count == 1 else f"{count} rijen"


def _spare(rows: list[Row], needed: int) -> list[int]:
    """`needed` rows that groups larger than K can give up and stay at K or more; none
    when there are not that many."""
    sizes = Counter(_key(row) for row in rows)
    given: Counter = Counter()
    chosen = []
    for index, row in enumerate(rows):
        key = _key(row)
        if len(chosen) < needed and sizes[key] - given[key] > K and key != _ALL_SHIELDED:
            given[key] += 1
            chosen.append(index)
    return chosen if len(chosen) == needed else []


def _shield(rows: list[Row], which: list[int], name: str) -> list[Row]:
    """`name` shielded in the rows `which`; "" for every quasi-identifier."""
    chosen = set(which)
    names = (name,) if name else QUASI_IDENTIFIERS
    shielded = dict.fromkeys(names, SHIELDED)
    return [{**row, **shielded} if i in chosen else row for i, row in enumerate(rows)]


def quarter(month: str) -> str:
    """'2026-05' -> '2026-K2'; anything else (empty, already a quarter) stays."""
    year, _, number = month.partition("-")
    if not (year.isdigit() and number.isdigit()):
        return month
    return f"{year}-K{(int(number) - 1) // 3 + 1}"


def _small(rows: list[Row]) -> list[int]:
    sizes = Counter(_key(row) for row in rows)
    return [i for i, row in enumerate(rows) if sizes[_key(row)] < K]


def _key(row: Row) -> tuple[str, ...]:
    return tuple(row.get(name, "") for name in QUASI_IDENTIFIERS)
