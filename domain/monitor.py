"""The export for the landelijke RET-monitor: one row per case, pseudonymised.

No case number (a keyed hash instead, stable for as long as the key is kept), no names,
no free text, the month instead of the day, an age group instead of the year of birth.
"""

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime

from domain.case_facts import lead_time_group

COLUMNS = (
    "ret",
    "regio",
    "periode",
    "pseudoniem",
    "aangemeld_maand",
    "status",
    "aanmelder_type",
    "gemeente",
    "leeftijdsgroep",
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
    "problematiek_jeugdige",
    "problematiek_ouders",
    "geprobeerd",
    "besluit",
    "ret_overleg",
    "advies_gegeven",
    "opvolging",
    "mandaat",
    "opvolging_uitkomst",
    "hoogste_escalatie",
    "afsluitreden",
    "doorlooptijd",
)
ABOUT = COLUMNS[:3]
COPIED = COLUMNS[5:20]  # straight from the facts (codes)


def pseudonym(key: str, case_number: str) -> str:
    """HMAC-SHA256 of the case number: the same case, the same pseudonym under one key;
    without the key it cannot be traced back (case numbers are easy to enumerate)."""
    digest = hmac.new(key.encode(), case_number.encode(), hashlib.sha256).hexdigest()
    return digest[:20]


def monitor_row(
    key: str,
    about: Mapping[str, str],
    facts: Mapping[str, object],
    problems: Mapping[str, list[str]],
    process: Mapping[str, str | None],
) -> dict[str, str]:
    """`about`: the RET's name, its regio and the export's period (Period.code), the same
    on every row, so that exports of several RETs can be put side by side; `process`: the
    mandate and follow-up codes (storage.process_facts)."""
    submitted = facts["submitted_at"]
    assert isinstance(submitted, datetime)
    row = {
        **{name: about[name] for name in ABOUT},
        "pseudoniem": pseudonym(key, str(facts["case_number"])),
        "aangemeld_maand": f"{submitted:%Y-%m}",
        **{name: _text(facts.get(name)) for name in COPIED},
        "problematiek_jeugdige": ";".join(sorted(problems.get("jeugdige", []))),
        "problematiek_ouders": ";".join(sorted(problems.get("ouders", []))),
        "geprobeerd": ";".join(sorted(problems.get("geprobeerd", []))),
        "besluit": _text(facts.get("besluit")),
        "ret_overleg": _yes(facts.get("overleg_op")),
        "advies_gegeven": _yes(facts.get("advies_op")),
        "opvolging": _yes(facts.get("monitoren_op") or facts.get("geescaleerd_op")),
        "mandaat": _text(process.get("mandaat")),
        "opvolging_uitkomst": _text(process.get("opvolging_uitkomst")),
        "hoogste_escalatie": _text(facts.get("escalatie_stap")),
        "afsluitreden": _text(facts.get("afsluitreden")),
        "doorlooptijd": _text(lead_time_group(facts.get("doorlooptijd_dagen"))),  # type: ignore[arg-type]
    }
    return row


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _yes(value: object) -> str:
    return "ja" if value else "nee"
