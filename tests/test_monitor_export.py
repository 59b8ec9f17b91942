"""`retbot monitor-export`: one pseudonymised row per case for the landelijke RET-monitor;
no name, no free text, no case number; the same pseudonym per case under one key."""

import csv
from collections import Counter
from datetime import UTC

from sqlalchemy import select

from domain.disclosure import QUASI_IDENTIFIERS, SHIELDED, Disclosure, K, disclosure
from domain.meetings import AMSTERDAM
from domain.monitor import COLUMNS, pseudonym
from storage.database import create_engine
from storage.models import CaseFactRow
from tests import seed_002
from tests.test_report import retbot, seeded  # noqa: F401  (the fixture)


async def raw_disclosure(database_url: str) -> Disclosure:
    """How identifying 2026's rows would be as stored, read from the facts directly."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            facts = (
                await connection.execute(
                    select(
                        CaseFactRow.leeftijdsgroep,
                        CaseFactRow.geslacht,
                        CaseFactRow.gemeente,
                        CaseFactRow.submitted_at,
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    rows = []
    for age, gender, gemeente, at in facts:
        month = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(AMSTERDAM)
        if month.year == 2026:
            values = (age or "", gender or "", gemeente or "", f"{month:%Y-%m}")
            rows.append(dict(zip(QUASI_IDENTIFIERS, values, strict=True)))
    return disclosure(rows)


def export(database_url: str, out, key: str, start="2026-01-01", end="2026-12-31", lines=None):
    done = retbot(
        database_url, "monitor-export", "--from", start, "--to", end, "--out", str(out),
        env={"RETBOT_MONITOR_KEY": key},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    if lines is not None:
        lines.extend(done.stdout.splitlines())
    text = out.read_text(encoding="utf-8")
    return text, list(csv.DictReader(text.splitlines()))


async def test_rows_are_pseudonymised_and_stable_per_key(seeded, tmp_path):  # noqa: F811
    said: list[str] = []
    text, rows = export(seeded, tmp_path / "jaar.csv", "sleutel-1", lines=said)
    _, winter = export(seeded, tmp_path / "winter.csv", "sleutel-1", end="2026-01-31")
    _, other_key = export(seeded, tmp_path / "ander.csv", "sleutel-2")

    # The 2026 cases are numbered RET-2026-0001.. in order (the two outside the period:
    # one in 2025, one last of 2026).
    numbers = [f"RET-2026-{n:04d}" for n in range(1, seed_002.N + 1)]
    assert list(rows[0]) == list(COLUMNS)
    assert {r["pseudoniem"] for r in rows} == {pseudonym("sleutel-1", n) for n in numbers}
    assert {r["pseudoniem"] for r in winter} < {r["pseudoniem"] for r in rows}
    assert not {r["pseudoniem"] for r in other_key} & {r["pseudoniem"] for r in rows}
    for forbidden in ("RET-20", "Aanmelder", "Verzonnen hulpvraag", "X.Y."):
        assert forbidden not in text
    assert not any(v.isdigit() and len(v) == 4 for r in rows for v in r.values())  # no years
    # The RET, its regio and the period on every row.
    assert {(r["ret"], r["regio"], r["periode"]) for r in rows} == {
        ("RET Jeugd Twente (voorbeeld)", "Twente", "2026-01-01/2026-12-31")
    }
    # Quasi-identifiers may be shielded (never changed into another value); the rest is
    # exact.
    for name, seeded_counts in (
        ("gemeente", seed_002.GEMEENTE),
        ("leeftijdsgroep", seed_002.LEEFTIJD),
        ("geslacht", seed_002.GESLACHT),
    ):
        found = Counter(r[name] for r in rows)
        for value, n in found.items():
            assert value == SHIELDED or n <= seeded_counts.get(value or None, 0), (name, value)
    assert sum(r["ret_overleg"] == "ja" for r in rows) == seed_002.BESLUIT["ret_tafel"]
    assert sum("trauma" in r["problematiek_jeugdige"].split(";") for r in rows) == 62
    assert sum("ambulant" in r["geprobeerd"].split(";") for r in rows) == 120
    assert sum(r["problematiek_primair"] == "trauma" for r in rows) == 22
    assert sum(r["expertisenetwerk"] == "ja" for r in rows) == 13
    assert sum(r["knelpunt"] == "geen_aanbod" for r in rows) == 60
    assert sum(r["heraanmelding"] == "ja" for r in rows) == 12
    assert Counter(r["mandaat"] for r in rows) == {"deels": seed_002.FOLLOWED_UP, "": 165}
    assert {r["opvolging_uitkomst"] for r in rows} == {""}  # no round was answered
    assert {r["aangemeld_maand"] for r in rows} <= {
        *(f"2026-{m:02d}" for m in range(1, 13)),
        *(f"2026-K{q}" for q in range(1, 5)),
        SHIELDED,
    }
    # k-anonymity: how many rows stood alone before, none in a group under K after.
    before = await raw_disclosure(seeded)
    assert before.rows == seed_002.N and before.unique > 0
    assert f"Vóór afscherming: {before.unique} van {seed_002.N} rijen uniek" in said[1]
    assert said[-1].startswith(f"Na afscherming: 0 van {seed_002.N} rijen uniek")
    after = Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in rows)
    assert min(after.values()) >= K


def test_without_a_key_nothing_is_exported(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'leeg.db'}"
    out = tmp_path / "monitor.csv"
    done = retbot(url, "monitor-export", "--from", "2026-01-01", "--to", "2026-12-31",
                  "--out", str(out), env={"RETBOT_MONITOR_KEY": ""})  # fmt: skip
    assert done.returncode == 1 and "RETBOT_MONITOR_KEY" in done.stderr
    assert not out.exists()
