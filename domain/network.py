"""The expertisenetwerk's report: several RETs' monitor exports side by side, and the total.

Each RET runs its own retbot; only the pseudonymised monitor export leaves it. The same
counting and the same tables as a RET's own report (domain.report) are made from each
export's rows, per RET and from all rows together, and put side by side. What an export
does not carry (open cases at the cut-off) is left out; the month trend becomes a trend per
month or quarter, as the exports give it.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from domain.disclosure import SHIELDED, Disclosure, disclosure
from domain.monitor import COLUMNS
from domain.report import (
    CATEGORY_DIMENSIONS,
    FIRST_DAY,
    LAST_DAY,
    PROCESS_DIMENSIONS,
    SHIELDED_LABEL,
    Period,
    ReportCounts,
    Table,
    build_report,
)

NETWORK = "Expertisenetwerk"
TOTAL = "Totaal"
# Not in an export (see the module's docstring).
LEFT_OUT = frozenset({"Per maand", "Open casussen", "Open per stap"})
PROBLEM_COLUMNS = {
    "jeugdige": "problematiek_jeugdige",
    "ouders": "problematiek_ouders",
    "geprobeerd": "geprobeerd",
}

Row = dict[str, str]


class ExportError(ValueError):
    """Why rows are not a monitor export, in one Dutch line."""


@dataclass(frozen=True)
class Export:
    ret: str
    regio: str
    period: Period
    rows: tuple[Row, ...]

    @property
    def disclosure(self) -> Disclosure:
        return disclosure(self.rows)


@dataclass(frozen=True)
class NetworkTable:
    """One of the report's tables with a column per RET; `total` is the table made from
    all rows, so its rows, share, sentence and note are the network's."""

    total: Table
    per_ret: tuple[tuple[int, ...], ...]  # per RET, a count per row of `total`


@dataclass(frozen=True)
class NetworkReport:
    period: Period
    exports: tuple[Export, ...]
    sections: tuple[tuple[str, tuple[NetworkTable, ...]], ...]


def check_export(name: str, header: Sequence[str], rows: Sequence[Row]) -> Export:
    """The rows of one file as an export of one RET, or ExportError saying what is wrong."""
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ExportError(
            f"{name}: geen monitor-export van retbot (kolommen ontbreken: "
            f"{', '.join(missing[:4])}{' …' if len(missing) > 4 else ''})"
        )
    if not rows:
        raise ExportError(f"{name}: de export bevat geen casussen")
    rets = {(r["ret"], r["regio"]) for r in rows}
    if len(rets) > 1:
        raise ExportError(f"{name}: rijen van meer dan één RET ({len(rets)})")
    (ret, regio) = rets.pop()
    if not ret:
        raise ExportError(f"{name}: de kolom ret is leeg")
    periods = {r["periode"] for r in rows}
    try:
        (period,) = (Period.from_code(p) for p in periods)
    except ValueError:
        raise ExportError(
            f"{name}: de kolom periode moet op elke regel dezelfde periode zijn "
            "(JJJJ-MM-DD/JJJJ-MM-DD)"
        ) from None
    for number, row in enumerate(rows, start=2):
        if _month_span(row["aangemeld_maand"]) is None and row["aangemeld_maand"] != SHIELDED:
            raise ExportError(
                f"{name}, regel {number}: aangemeld_maand '{row['aangemeld_maand'][:20]}' is "
                "geen maand (JJJJ-MM) of kwartaal (JJJJ-Kn)"
            )
    return Export(ret, regio, period, tuple(rows))


def network_report(exports: Sequence[Export]) -> NetworkReport:
    """ExportError when two exports are of the same RET, or of different periods (their
    columns would not compare)."""
    seen = Counter(e.ret for e in exports)
    twice = [ret for ret, n in seen.items() if n > 1]
    if twice:
        raise ExportError(f"twee exports van {twice[0]}: geef elke RET één keer")
    periods = {e.period for e in exports}
    if len(periods) > 1:
        first, other = exports[0], next(e for e in exports if e.period != exports[0].period)
        raise ExportError(
            f"de exports gaan over verschillende periodes ({first.ret}: {first.period.label}; "
            f"{other.ret}: {other.period.label}): maak ze over dezelfde periode"
        )
    everything = [row for e in exports for row in e.rows]
    (period,) = periods
    total = build_report(NETWORK, period, counts_from_rows(everything))
    each = [build_report(e.ret, period, counts_from_rows(e.rows)) for e in exports]
    sections = []
    for index, section in enumerate(total.sections):
        tables = tuple(
            NetworkTable(table, tuple(_aligned(table, r.sections[index].tables[at]) for r in each))
            for at, table in enumerate(section.tables)
            if table.key not in LEFT_OUT
        )
        if section.title == total.sections[0].title:
            tables = (*tables, _trend(everything, exports))
        if tables:
            sections.append((section.title, tables))
    return NetworkReport(period, tuple(exports), tuple(sections))


def counts_from_rows(rows: Sequence[Row]) -> ReportCounts:
    """What storage.report_counts counts in a database, counted in export rows: each row is
    a request of the period, with what became of it."""

    def count(column: str) -> dict[str | None, int]:
        return dict(Counter(row[column] or None for row in rows))

    def given(column: str) -> dict[str | None, int]:
        """Only where it applies (a mandate only for an advice with afspraken)."""
        return {code: n for code, n in count(column).items() if code}

    problems = {
        side: dict(Counter(code for row in rows for code in row[column].split(";") if code))
        for side, column in PROBLEM_COLUMNS.items()
    }
    discussed = [row for row in rows if row["ret_overleg"] == "ja"]
    return ReportCounts(
        requests=len(rows),
        meetings=len(discussed),
        categories={name: count(name) for name in CATEGORY_DIMENSIONS}
        | {name: given(name) for name in PROCESS_DIMENSIONS},
        problems=problems,
        lead_times=given("doorlooptijd"),
        followed_up=sum(row["opvolging"] == "ja" for row in discussed),
        escalations=given("hoogste_escalatie"),
        referrer_age=dict(
            Counter((row["aanmelder_type"] or None, row["leeftijdsgroep"] or None) for row in rows)
        ),
    )


def _aligned(total: Table, table: Table) -> tuple[int, ...]:
    """One RET's counts in the order of the total's rows (0 where it has no such row)."""
    counts = dict(table.rows)
    return tuple(counts.get(label, 0) for label, _ in total.rows)


def _trend(rows: Sequence[Row], exports: Sequence[Export]) -> NetworkTable:
    """Requests per month or quarter, as the exports give them (a shielded one apart)."""
    labels = sorted({r["aangemeld_maand"] for r in rows} - {SHIELDED})
    shown = {label: label for label in labels} | {SHIELDED: SHIELDED_LABEL}
    keys = labels + ([SHIELDED] if any(r["aangemeld_maand"] == SHIELDED for r in rows) else [])

    def counted(some: Sequence[Row]) -> tuple[int, ...]:
        per = Counter(r["aangemeld_maand"] for r in some)
        return tuple(per.get(key, 0) for key in keys)

    everything = counted(rows)
    told = [i for i, key in enumerate(keys) if key != SHIELDED and everything[i]]
    busiest = max(told, key=lambda i: everything[i]) if told else None
    sentence = (
        f"De meeste aanmeldingen kwamen binnen in {keys[busiest]}."
        if busiest is not None
        else "Per maand of kwartaal is hier niets te zeggen: de exports schermden het af."
    )
    total = Table(
        "Per periode",
        "Aanmeldingen per maand of kwartaal van aanmelding",
        tuple((shown[k], n) for k, n in zip(keys, everything, strict=True)),
        sentence,
    )
    return NetworkTable(total, tuple(counted(e.rows) for e in exports))


def _month_span(value: str) -> tuple[date, date] | None:
    """'2026-03' -> March 2026; '2026-K2' -> April to June; None for anything else."""
    year, _, part = value.partition("-")
    if not year.isdigit() or not FIRST_DAY.year <= int(year) <= LAST_DAY.year:
        return None
    if part.isdigit() and 1 <= int(part) <= 12:
        first_month = last_month = int(part)
    elif part[:1] == "K" and part[1:] in ("1", "2", "3", "4"):
        first_month = 3 * int(part[1:]) - 2
        last_month = first_month + 2
    else:
        return None
    start = date(int(year), first_month, 1)
    following = date(int(year) + last_month // 12, last_month % 12 + 1, 1)
    return start, following - timedelta(days=1)
