"""`retbot monitor-export`: one pseudonymised row per case for the landelijke RET-monitor;
no name, no free text, no case number; the same pseudonym per case under one key."""

import csv

from domain.monitor import COLUMNS, pseudonym
from tests import seed_002
from tests.test_report import retbot, seeded  # noqa: F401  (the fixture)


def export(database_url: str, out, key: str, start="2026-01-01", end="2026-12-31"):
    done = retbot(
        database_url, "monitor-export", "--from", start, "--to", end, "--out", str(out),
        env={"RETBOT_MONITOR_KEY": key},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    return text, list(csv.DictReader(text.splitlines()))


async def test_rows_are_pseudonymised_and_stable_per_key(seeded, tmp_path):  # noqa: F811
    text, rows = export(seeded, tmp_path / "jaar.csv", "sleutel-1")
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
    assert sum(r["gemeente"] == "Enschede" for r in rows) == seed_002.GEMEENTE["Enschede"]
    assert sum(r["leeftijdsgroep"] == "13-16" for r in rows) == seed_002.LEEFTIJD["13-16"]
    assert sum(r["ret_overleg"] == "ja" for r in rows) == seed_002.BESLUIT["ret_tafel"]
    assert sum("trauma" in r["problematiek_jeugdige"].split(";") for r in rows) == 62
    assert {r["aangemeld_maand"] for r in rows} <= {f"2026-{m:02d}" for m in range(1, 13)}


def test_without_a_key_nothing_is_exported(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'leeg.db'}"
    out = tmp_path / "monitor.csv"
    done = retbot(url, "monitor-export", "--from", "2026-01-01", "--to", "2026-12-31",
                  "--out", str(out), env={"RETBOT_MONITOR_KEY": ""})  # fmt: skip
    assert done.returncode == 1 and "RETBOT_MONITOR_KEY" in done.stderr
    assert not out.exists()
