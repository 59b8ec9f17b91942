"""The categories a report counts, as plain facts next to the encrypted request.

The request's answers are encrypted at rest; reports and the monitor export must not
decrypt every case, so each change of a case also writes these facts: codes from the
vocabularies, the age group at submission (never the year of birth), and the moments of the
process. Nothing here identifies a person, so the facts outlive anonymisation.
"""

from datetime import datetime

AGE_GROUPS = ("0-8", "9-12", "13-16", "17+")
LEAD_TIMES = ("< 3 maanden", "3-6 maanden", "> 6 maanden")
CATEGORY_KEYS = (
    "aanmelder_type",
    "gemeente",
    "geslacht",
    "woonsituatie",
    "maatregel",
    "onderwijs",
    "school_betrokken",
    "soort_vraag",
    "urgentie",
    "problematiek_primair",
    "knelpunt",
    "heraanmelding",
    "expertisenetwerk",
)
# Several codes per request: (side, the answer's key).
PROBLEM_SIDES = {
    "jeugdige": "problematiek_jeugdige",
    "ouders": "problematiek_ouders",
    "geprobeerd": "geprobeerd_hulp",
}
OUTSIDE_REGION = "buiten de regio"  # the intake's answer for a gemeente elsewhere
UNKNOWN_ANSWER = "weet ik niet"  # the intake's answer when the referrer does not know
TRIAGE_PREFIX = "triage: "
CLOSING_PREFIX = "afgesloten: "


def age_group(birth_year: int | None, year: int) -> str | None:
    """The report's age group of someone born in `birth_year`, in `year`."""
    if birth_year is None:
        return None
    age = year - birth_year
    if age <= 8:
        return "0-8"
    if age <= 12:
        return "9-12"
    if age <= 16:
        return "13-16"
    return "17+"


def lead_time_group(days: int | None) -> str | None:
    """< 3 months, 3-6, > 6 (a month counted as 30.44 days, as a calendar averages)."""
    if days is None:
        return None
    months = days / 30.44
    if months < 3:
        return LEAD_TIMES[0]
    if months <= 6:
        return LEAD_TIMES[1]
    return LEAD_TIMES[2]


def category_facts(answers: dict, submitted_at: datetime) -> dict[str, object]:
    """The columns a request's answers give: codes as stored, and the year of birth only
    as the age group at submission (what the reports count)."""
    facts: dict[str, object] = {key: _code(answers.get(key)) for key in CATEGORY_KEYS}
    if facts["gemeente"] == UNKNOWN_ANSWER:
        facts["gemeente"] = None
    birth_year = answers.get("geboortejaar")
    birth_year = (
        int(birth_year) if isinstance(birth_year, int | str) and str(birth_year).isdigit() else None
    )
    facts["leeftijdsgroep"] = age_group(birth_year, submitted_at.year)
    return facts


def problem_facts(answers: dict) -> set[tuple[str, str]]:
    """(side, code) for every problem ticked for the young person and the parents."""
    found: set[tuple[str, str]] = set()
    for side, key in PROBLEM_SIDES.items():
        codes = answers.get(key) or []
        if isinstance(codes, str):
            codes = [c.strip() for c in codes.split(",")]
        found.update((side, str(code)) for code in codes if code)
    return found


def event_facts(kind: str, at: datetime) -> dict[str, object]:
    """What a timeline event says about the process: a triage decision or a closing
    reason. Asking for more information is not a decision about the route."""
    if kind.startswith(TRIAGE_PREFIX):
        decision = kind[len(TRIAGE_PREFIX) :]
        if decision != "meer_informatie":
            return {"besluit": decision, "besloten_op": at}
    if kind.startswith(CLOSING_PREFIX):
        return {"afsluitreden": kind[len(CLOSING_PREFIX) :]}
    return {}


def lead_days(submitted_at: datetime | None, closed_at: datetime | None) -> int | None:
    if submitted_at is None or closed_at is None:
        return None
    return (closed_at - submitted_at).days


def _code(value: object) -> str | None:
    if value is None or value == "":
        return None
    return str(value)[:64]


# Follow-up answers from worse to better (domain.follow_up.Progress values) and their codes.
PROGRESS_CODES = {
    "gestopt/lukt niet": "gestopt",
    "vertraagd": "vertraagd",
    "loopt volgens plan": "volgens_plan",
}


def mandate_status(organisations: set[str], answers: dict[str, str]) -> str | None:
    """The mandate of an advice's afspraken as one code (vocabularies.MANDAAT): declined
    when any organisation declined, confirmed when all confirmed, else partly; None
    without afspraken. `answers`: organisation -> MandateAnswer value."""
    if not organisations:
        return None
    if any(answers.get(o) == "niet bevestigd" for o in organisations):
        return "geweigerd"
    if all(answers.get(o) == "bevestigd" for o in organisations):
        return "bevestigd"
    return "deels"


def follow_up_outcome(answers: list[tuple[int, str]]) -> str | None:
    """How the last round with answers went (vocabularies.OPVOLGING_UITKOMST): its worst
    answer. `answers`: (round number, Progress value); None without any."""
    if not answers:
        return None
    last = max(number for number, _ in answers)
    given = {progress for number, progress in answers if number == last}
    return next((code for progress, code in PROGRESS_CODES.items() if progress in given), None)
