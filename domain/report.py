"""The periodic report (signaleren en adviseren): which figures, counted how, worded how.

The figures follow the annual report of an expertisenetwerk (seed 002): requests and
meetings, aanmelders, gemeenten, maatregel, kinds of question, actions, lead time, gender,
age, living situation, problematiek, onderwijs, follow-up, samenwerkingstafels and
escalations, and the rode draden. Storage counts (ReportCounts); this module turns counts
into labelled tables with one generated sentence each. The report is written in Dutch.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from babel import Locale
from babel.dates import format_date

from domain import vocabularies as v
from domain.case_facts import AGE_GROUPS, LEAD_TIMES, OUTSIDE_REGION
from domain.disclosure import SHIELDED
from domain.evaluation import EvaluationFigures, LeerpuntThema
from domain.meetings import AMSTERDAM
from domain.ret import EscalationStep, Member
from domain.roles import Role
from domain.signals import RodeDraad

DUTCH = Locale.parse("nl")
REPORT_ROLES = frozenset({Role.VOORZITTER, Role.PROCESONDERSTEUNER, Role.ADMIN})
UNKNOWN = "Onbekend"
OTHER_PLACES = "Overige plaatsen"  # gemeenten outside the region, as seed 002 names them
SHIELDED_LABEL = "Afgeschermd (groep kleiner dan 5)"
# Categories a sentence does not single out ("24% van de jeugdigen volgt: weet ik niet").
VAGUE = frozenset(
    {UNKNOWN, "Nog niet besloten", OTHER_PLACES, SHIELDED_LABEL}
    | {
        t.nl
        for vocabulary in (v.GESLACHT, v.MAATREGEL, v.ONDERWIJS, v.JA_NEE_ONBEKEND)
        for t in vocabulary
        if t.code == "onbekend"
    }
    | {
        t.nl
        for vocabulary in (v.AANMELDER, v.WOONSITUATIE, v.SOORT_VRAAG, v.KNELPUNT)
        for t in vocabulary
        if t.code == "anders"
    }
)
# Categories counted per request, each from one fact column: (table key, column, vocabulary).
CATEGORY_DIMENSIONS = (
    "aanmelder_type",
    "gemeente",
    "maatregel",
    "soort_vraag",
    "besluit",
    "geslacht",
    "leeftijdsgroep",
    "woonsituatie",
    "onderwijs",
    "problematiek_primair",
    "knelpunt",
    "heraanmelding",
    "expertisenetwerk",
)
# Categories of what followed the advice, per case, from their own tables (not a column).
PROCESS_DIMENSIONS = ("mandaat", "opvolging_uitkomst")
DECISIONS = v.terms(
    ("consultatie", "Consultatie en advies", "Consultation and advice"),
    ("ret_tafel", "RET-tafel (overleg)", "RET meeting"),
    ("samenwerkingstafel", "Samenwerkingstafel", "Collaboration table"),
    ("doorverwijzen", "Doorverwezen naar een andere route", "Referred elsewhere"),
)
NO_MEASURE = frozenset({"geen", "onbekend"})
FOLLOW_UP_NEEDED, NO_FOLLOW_UP = "Opvolging nodig", "Geen opvolging nodig"
OPEN_STEPS = tuple(t for t in v.CASE_STATUS if t.code != "afgesloten")
# Before the first RET (2015) and far enough ahead; no period spans centuries.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


def may_report(member: Member | None) -> bool:
    return member is not None and member.role in REPORT_ROLES


@dataclass(frozen=True)
class Period:
    """Whole days, from `start` to `end`, within FIRST_DAY and LAST_DAY: a report is about
    the years a RET can have worked in, and every moment and label of it can be written."""

    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if not FIRST_DAY <= self.start <= self.end <= LAST_DAY:
            raise ValueError(f"not a period from {FIRST_DAY} to {LAST_DAY}: {self.code}")

    def moments(self) -> tuple[datetime, datetime]:
        """From the first day's midnight to the midnight after the last, in Amsterdam."""
        return (
            datetime.combine(self.start, time(), tzinfo=AMSTERDAM),
            datetime.combine(self.end + timedelta(days=1), time(), tzinfo=AMSTERDAM),
        )

    @property
    def label(self) -> str:
        return f"{self.start:%d-%m-%Y} t/m {self.end:%d-%m-%Y}"

    @property
    def code(self) -> str:
        """'2026-01-01/2026-03-31': how a link carries the period."""
        return f"{self.start}/{self.end}"

    def months(self) -> list[tuple[date, date]]:
        """Each calendar month the period touches, cut to the period: (first, last day)."""
        found, day = [], self.start
        while day <= self.end:
            following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
            found.append((day, min(self.end, following - timedelta(days=1))))
            day = following
        return found

    def previous(self) -> "Period | None":
        """The period just before it, to compare with: as many whole months when it is
        whole months (the quarter before a quarter), else as many days; None before
        FIRST_DAY."""
        end = self.start - timedelta(days=1)
        if self.start.day == 1 and (self.end + timedelta(days=1)).day == 1:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            first = self.start.year * 12 + self.start.month - 1 - months
            start = date(first // 12, first % 12 + 1, 1)
        else:
            start = self.start - (self.end - self.start + timedelta(days=1))
        return Period(start, end) if start >= FIRST_DAY else None

    @classmethod
    def from_code(cls, code: str) -> "Period":
        """ValueError when `code` is not two dates, or they are not a Period."""
        start, end = (date.fromisoformat(part) for part in code.split("/"))
        return cls(start, end)


def last_quarter(today: date) -> Period:
    """The quarter before the one `today` is in."""
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first - timedelta(days=1)
    return Period(date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end)


@dataclass(frozen=True)
class ReportCounts:
    """What storage counted for a period. Requests are those submitted in the period;
    meetings, closings and escalations those that happened in it."""

    requests: int
    meetings: int
    categories: Mapping[str, Mapping[str | None, int]]  # dimension -> code -> requests
    problems: Mapping[str, Mapping[str, int]]  # "jeugdige"/"ouders" -> code -> requests
    lead_times: Mapping[str, int]  # LEAD_TIMES label -> cases closed in the period
    followed_up: int  # of the cases discussed at a meeting in the period
    escalations: Mapping[str, int]  # highest step reached -> cases escalated in the period
    signals: tuple[RodeDraad, ...] = ()
    # LEAD_TIMES label -> cases submitted before the period's end and not closed by then,
    # by how long they had been open on its last day
    open_at_end: Mapping[str, int] = field(default_factory=dict)
    per_month: tuple[int, ...] = ()  # requests in each month of Period.months(), in order
    # status -> cases submitted before the period's end and still open at the cut-off
    open_by_step: Mapping[str, int] = field(default_factory=dict)
    # (aanmelder_type, leeftijdsgroep) -> requests: seed 002's verwijzer × leeftijd
    referrer_age: Mapping[tuple[str | None, str | None], int] = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    """Counts per category. `base`: what a share is a part of (None: the rows count
    different things and have no share); `partition`: every request (or case) is in
    exactly one row, so a total means something; `note` says how to read it otherwise."""

    key: str  # short, unique: the xlsx sheet and the csv's first column
    title: str
    rows: tuple[tuple[str, int], ...]
    sentence: str
    column: str = "Aantal"
    partition: bool = True
    base: int | None = -1  # -1: the total of the rows
    note: str | None = None
    previous: tuple[int, ...] | None = None  # each row's count in the previous period
    chart: bool = True  # False: a bar per row would not read (a cross table)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.rows)

    @property
    def charted(self) -> bool:
        """A chart only where it compares: two rows with a count or more (a chart of one
        bar, or of 'Onbekend' alone, says nothing the sentence does not)."""
        return self.chart and sum(1 for _, n in self.rows if n) >= 2

    @property
    def share_of(self) -> int | None:
        return self.total if self.base == -1 else self.base

    def share(self, count: int) -> int | None:
        """The row's share in whole percents, as seed 002 writes them; None without one."""
        whole = self.share_of
        return None if whole is None else _pct(count, whole)


@dataclass(frozen=True)
class Section:
    title: str
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class Report:
    ret_name: str
    period: Period
    sections: tuple[Section, ...]
    signals: tuple[RodeDraad, ...] = field(default=())
    evaluations: EvaluationFigures | None = None  # leren van vastgelopen zorgvragen
    leerpunten: tuple[LeerpuntThema, ...] = ()
    organisation_advice: Mapping[str, int] = field(default_factory=dict)  # kind -> letters
    made_at: datetime | None = None  # the cut-off: counted as recorded at this moment
    previous: Period | None = None  # the period the tables' `previous` counts are of

    @property
    def cut_off(self) -> str | None:
        """'Peildatum 5 december 2026, 14:03': what the figures were as of then."""
        if self.made_at is None:
            return None
        moment = self.made_at.astimezone(AMSTERDAM)
        return f"Peildatum {format_date(moment, 'd MMMM y', locale='nl')}, {moment:%H:%M}"

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(t for s in self.sections for t in s.tables)


def build_report(
    ret_name: str,
    period: Period,
    counts: ReportCounts,
    before: tuple[Period, ReportCounts] | None = None,
) -> Report:
    """The report's tables; with `before` (the previous period and its counts) each row
    also carries its count then, for comparison."""
    report = _tables(ret_name, period, counts)
    if before is None:
        return report
    earlier = {t.key: dict(t.rows) for t in _tables(ret_name, *before).tables}

    def compared(table: Table) -> Table:
        if table.key == "Per maand":  # other months: the trend is its own comparison
            return table
        then = earlier.get(table.key, {})
        return replace(table, previous=tuple(then.get(label, 0) for label, _ in table.rows))

    sections = tuple(
        replace(s, tables=tuple(compared(t) for t in s.tables)) for s in report.sections
    )
    return replace(report, sections=sections, previous=before[0])


def _tables(ret_name: str, period: Period, counts: ReportCounts) -> Report:
    c = counts.categories
    consultations = c.get("besluit", {}).get("consultatie", 0)
    overview = Table(
        "Aanmeldingen",
        "Aanmeldingen en overleggen",
        (
            ("Aanmeldingen", counts.requests),
            ("Uitgebreide consultaties", consultations),
            ("RET-overleggen", counts.meetings),
        ),
        f"In deze periode {_n(counts.requests, 'kwam {n} aanmelding', 'kwamen {n} aanmeldingen')} "
        f"binnen; {consultations} keer ging het om een uitgebreide consultatie en er "
        f"{_n(counts.meetings, 'was {n} RET-overleg', 'waren {n} RET-overleggen')}.",
        partition=False,
        base=None,
        note="Drie verschillende tellingen: niet bij elkaar op te tellen.",
    )
    measure = _vocabulary_rows(c.get("maatregel", {}), v.MAATREGEL)
    with_measure = sum(
        n for code, n in c.get("maatregel", {}).items() if code and code not in NO_MEASURE
    )
    sections = (
        Section("Aanmeldingen", (overview,)),
        Section(
            "Aanmelders en gemeenten",
            (
                _table(
                    "Aanmelders",
                    "Aanmeldingen per soort aanmelder",
                    _vocabulary_rows(c.get("aanmelder_type", {}), v.AANMELDER),
                    "De meeste aanmeldingen komen van {label} ({pct}%).",
                ),
                _table(
                    "Gemeenten",
                    "Aanmeldingen per woongemeente van de jeugdige",
                    _free_rows(c.get("gemeente", {})),
                    "De meeste jeugdigen wonen in {label} ({pct}%).",
                ),
                Table(
                    "Maatregel",
                    "Jeugdbeschermingsmaatregel",
                    measure,
                    f"Bij {_pct(with_measure, counts.requests)}% van de aanmeldingen is er sprake "
                    "van een maatregel.",
                ),
            ),
        ),
        Section(
            "Soort aanmeldingen en hulpvragen",
            (
                _table(
                    "Soort vraag",
                    "Soort vraag aan het RET",
                    _vocabulary_rows(c.get("soort_vraag", {}), v.SOORT_VRAAG),
                    "De meest gestelde vraag is: {label} ({pct}%).",
                ),
                _table(
                    "Knelpunt",
                    "Waar de hulpvraag op vastloopt",
                    _vocabulary_rows(c.get("knelpunt", {}), v.KNELPUNT),
                    "Het vaakst loopt het vast op: {label_lower} ({pct}%).",
                ),
                _problem_table(
                    "Geprobeerd",
                    "Hulp die al was ingezet",
                    counts.problems.get("geprobeerd", {}),
                    v.GEPROBEERD,
                    counts.requests,
                    "aanmeldingen",
                ),
                _table(
                    "Heraanmelding",
                    "Eerder bij het RET aangemeld",
                    _vocabulary_rows(c.get("heraanmelding", {}), v.JA_NEE_ONBEKEND),
                    "{pct}% van de aanmeldingen: eerder aangemeld {label_lower}.",
                ),
                _table(
                    "Expertisenetwerk",
                    "Betrokkenheid van het expertisenetwerk bij aanmelding",
                    _vocabulary_rows(c.get("expertisenetwerk", {}), v.JA_NEE_ONBEKEND),
                    "Bij {pct}% van de aanmeldingen is het expertisenetwerk betrokken: "
                    "{label_lower}.",
                ),
                _table(
                    "Acties",
                    "Wat het RET deed (besluit na triage)",
                    _vocabulary_rows(c.get("besluit", {}), DECISIONS, "Nog niet besloten"),
                    "Het RET bood het vaakst: {label} ({pct}%).",
                ),
                _table(
                    "Doorlooptijd",
                    "Doorlooptijd van de afgesloten casussen",
                    tuple((lt, counts.lead_times.get(lt, 0)) for lt in LEAD_TIMES),
                    "{pct}% van de afgesloten casussen had een doorlooptijd van {label}.",
                    "Afgesloten casussen",
                ),
            ),
        ),
        Section(
            "Jeugdigen",
            (
                _table(
                    "Geslacht",
                    "Geslacht van de jeugdigen",
                    _vocabulary_rows(c.get("geslacht", {}), v.GESLACHT),
                    "{pct}% van de aangemelde jeugdigen is {label_lower}.",
                ),
                _table(
                    "Leeftijd",
                    "Leeftijd van de jeugdigen bij aanmelding",
                    _ordered_rows(c.get("leeftijdsgroep", {}), AGE_GROUPS),
                    "{pct}% van de jeugdigen valt in de leeftijd {label} jaar.",
                ),
                replace(
                    _table(
                        "Aanmelder en leeftijd",
                        "Aanmeldingen per soort aanmelder en leeftijd",
                        _cross_rows(counts.referrer_age),
                        "De grootste groep: {label} ({pct}%).",
                    ),
                    chart=False,
                ),
                _table(
                    "Woonsituatie",
                    "Woonsituatie van de jeugdigen",
                    _vocabulary_rows(c.get("woonsituatie", {}), v.WOONSITUATIE),
                    "{pct}% van de jeugdigen woont: {label_lower}.",
                ),
            ),
        ),
        Section(
            "Problematiek jeugdigen en ouders",
            (
                _problem_table(
                    "Problematiek jeugdige",
                    "Problematiek van de jeugdigen",
                    counts.problems.get("jeugdige", {}),
                    v.PROBLEMATIEK_JEUGDIGE,
                    counts.requests,
                    "jeugdigen",
                ),
                _table(
                    "Grondslag",
                    "Problematiek die voorop staat (grondslag)",
                    _vocabulary_rows(c.get("problematiek_primair", {}), v.PROBLEMATIEK_JEUGDIGE),
                    "Het vaakst staat voorop: {label_lower} ({pct}%).",
                ),
                _problem_table(
                    "Problematiek ouders",
                    "Problematiek van de ouders",
                    counts.problems.get("ouders", {}),
                    v.PROBLEMATIEK_OUDERS,
                    counts.requests,
                    "aanmeldingen",
                ),
            ),
        ),
        Section(
            "Onderwijs",
            (
                _table(
                    "Onderwijs",
                    "Onderwijssituatie van de jeugdigen",
                    _vocabulary_rows(c.get("onderwijs", {}), v.ONDERWIJS),
                    "{pct}% van de jeugdigen volgt: {label_lower}.",
                ),
            ),
        ),
        Section(
            "Na het overleg",
            (
                _table(
                    "Opvolging",
                    "Opvolging nodig na het RET-overleg",
                    (
                        (FOLLOW_UP_NEEDED, counts.followed_up),
                        (NO_FOLLOW_UP, counts.meetings - counts.followed_up),
                    ),
                    "Na {pct}% van de RET-overleggen was het: {label_lower}.",
                    "Besproken casussen",
                ),
                _table(
                    "Mandaat",
                    "Mandaat van de afspraken in het advies",
                    _vocabulary_rows(c.get("mandaat", {}), v.MANDAAT),
                    "{pct}% van de adviezen met afspraken: {label_lower}.",
                    "Casussen met afspraken",
                ),
                _table(
                    "Uitkomst opvolging",
                    "Hoe het ging bij de laatste beantwoorde opvolging",
                    _vocabulary_rows(c.get("opvolging_uitkomst", {}), v.OPVOLGING_UITKOMST),
                    "Bij {pct}% van de opgevolgde casussen: {label_lower}.",
                    "Opgevolgde casussen",
                ),
                _table(
                    "Escalaties",
                    "Samenwerkingstafels en escalaties",
                    (
                        (
                            "Samenwerkingstafel na triage",
                            c.get("besluit", {}).get("samenwerkingstafel", 0),
                        ),
                        *(
                            (f"Escalatieladder: {s.value}", counts.escalations.get(s.value, 0))
                            for s in EscalationStep
                        ),
                    ),
                    "Het vaakst ingezet: {label_lower} ({count} keer).",
                    "Casussen",
                    partition=False,
                    note=(
                        "Samenwerkingstafels na triage en escalaties zijn aparte tellingen; "
                        "het percentage is van alle tafels en escalaties samen."
                    ),
                ),
            ),
        ),
    )
    still_open = _table(
        "Open casussen",
        f"Open casussen op {period.end:%d-%m-%Y}, naar hoe lang ze openstonden",
        tuple((lt, counts.open_at_end.get(lt, 0)) for lt in LEAD_TIMES),
        "{pct}% van de open casussen stond op de laatste dag {label} open.",
        "Open casussen",
    )
    by_step = _table(
        "Open per stap",
        "Open casussen op de peildatum, per stap",
        _vocabulary_rows(counts.open_by_step, OPEN_STEPS),
        "{pct}% van de open casussen staat op de stap: {label_lower}.",
        "Open casussen",
    )
    months = period.months()
    trend = _table(
        "Per maand",
        "Aanmeldingen per maand",
        tuple(
            (format_date(first, "MMMM y", locale="nl"), n)
            for (first, _), n in zip(months, counts.per_month or (0,) * len(months), strict=True)
        ),
        "De meeste aanmeldingen kwamen binnen in {label} ({pct}%).",
    )
    sections = (
        Section(sections[0].title, (*sections[0].tables, trend)),
        *sections[1:],
        Section("Procesregie", (still_open, by_step)),
    )
    return Report(ret_name, period, sections, counts.signals)


def _table(
    key: str,
    title: str,
    rows: tuple[tuple[str, int], ...],
    template: str,
    column: str = "Aantal",
    partition: bool = True,
    note: str | None = None,
) -> Table:
    return Table(key, title, rows, _sentence(rows, template), column, partition, note=note)


def _problem_table(
    key: str,
    title: str,
    counts: Mapping[str, int],
    vocabulary: v.Vocabulary,
    requests: int,
    whom: str,
) -> Table:
    """Several problems per request: a share is of the requests, not of the table, and
    the rows add up to nothing."""
    rows = tuple((t.nl, counts.get(t.code, 0)) for t in vocabulary)
    note = f"Per aanmelding meerdere mogelijk: het percentage is van alle {requests} {whom}."
    several = {"partition": False, "base": requests, "note": note}
    if not any(n for _, n in rows):
        return Table(
            key, title, rows, "In deze periode is geen problematiek vastgelegd.", **several
        )
    label, count = max(rows, key=lambda row: row[1])
    sentence = (
        f"Het vaakst genoemd: {label.lower()}, bij {_pct(count, requests)}% van de {whom} "
        f"({count} van {requests})."
    )
    return Table(key, title, rows, sentence, **several)


def _vocabulary_rows(
    counts: Mapping[str | None, int], vocabulary: v.Vocabulary, unknown: str = UNKNOWN
) -> tuple[tuple[str, int], ...]:
    """Every term in the vocabulary's order (zeros too), then what fits no term."""
    rows = [(t.nl, counts.get(t.code, 0)) for t in vocabulary]
    codes = {t.code for t in vocabulary} | {SHIELDED}
    rest = sum(n for code, n in counts.items() if code not in codes)
    return (*rows, *_shielded(counts), *([(unknown, rest)] if rest else []))


def _shielded(counts: Mapping[str | None, int]) -> list[tuple[str, int]]:
    """What an export left out to keep every group of children at 5 or more."""
    return [(SHIELDED_LABEL, counts[SHIELDED])] if counts.get(SHIELDED) else []


def _ordered_rows(
    counts: Mapping[str | None, int], order: tuple[str, ...]
) -> tuple[tuple[str, int], ...]:
    rows = [(label, counts.get(label, 0)) for label in order]
    rest = sum(n for code, n in counts.items() if code not in (*order, SHIELDED))
    return (*rows, *_shielded(counts), *([(UNKNOWN, rest)] if rest else []))


def _cross_rows(
    counts: Mapping[tuple[str | None, str | None], int],
) -> tuple[tuple[str, int], ...]:
    """Aanmelder × leeftijd as one row per combination that occurs, in the vocabulary's and
    the age groups' order ('Onderwijs, 13-16 jaar'); a missing or shielded value last."""
    referrers = {t.code: (i, t.nl) for i, t in enumerate(v.AANMELDER)}
    ages = {group: (i, f"{group} jaar") for i, group in enumerate(AGE_GROUPS)}
    apart = {SHIELDED: (98, SHIELDED)}

    def place(code: str | None, known: dict) -> tuple[int, str]:
        return known.get(code) or apart.get(code) or (99, UNKNOWN)  # type: ignore[arg-type]

    rows: dict[tuple, int] = {}
    for (referrer, age), n in counts.items():
        key = (place(referrer, referrers), place(age, ages))
        rows[key] = rows.get(key, 0) + n
    labels = (
        (f"{r[1]}, {a[1] if a[1] != UNKNOWN else 'leeftijd onbekend'}", n)
        for (r, a), n in sorted(rows.items())
        if n
    )
    return tuple((label[0].upper() + label[1:], n) for label, n in labels)


def _free_rows(counts: Mapping[str | None, int]) -> tuple[tuple[str, int], ...]:
    """Open lists (gemeenten): most first, then by name; then the places outside the region,
    what an export shielded, and what is not known (no value)."""
    apart = {None, OUTSIDE_REGION, SHIELDED}
    named = sorted(
        ((code, n) for code, n in counts.items() if code not in apart), key=lambda r: (-r[1], r[0])
    )
    last = ((OTHER_PLACES, OUTSIDE_REGION), (SHIELDED_LABEL, SHIELDED), (UNKNOWN, None))
    return (*named, *((label, counts[code]) for label, code in last if counts.get(code)))


def _sentence(rows: tuple[tuple[str, int], ...], template: str) -> str:
    """About the largest category that says something: not 'Weet ik niet', 'Anders' or
    what was not filled in."""
    known = [row for row in rows if row[0] not in VAGUE]
    total = sum(n for _, n in rows)
    if not total or not known or not max(n for _, n in known):
        return "In deze periode is hiervoor niets vastgelegd."
    label, count = max(known, key=lambda row: row[1])
    return template.format(
        label=label, label_lower=label[0].lower() + label[1:], count=count, pct=_pct(count, total)
    )


def _n(count: int, one: str, other: str) -> str:
    """The Dutch form for `count` by Babel's plural rules: 'kwam {n} aanmelding', 'kwamen 2
    aanmeldingen' ({n} is the count)."""
    return (one if DUTCH.plural_form(count) == "one" else other).format(n=count)


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0
