"""`retbot demo-data`: invented cases across the whole process, the same per seed, and
never mixed into a database that has cases."""

import re
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime

import pytest
from docx import Document

from domain.meetings import AMSTERDAM
from domain.ret import LEERPUNT_THEMES
from tests.test_report import retbot

STAGES = {
    "aangemeld",
    "consultatie",
    "ret-tafel ingepland",
    "samenwerkingstafel",
    "doorverwezen",
    "advies gegeven",
    "monitoren",
    "afgesloten",
}


def demo(tmp_path, name: str, seed: int, *extra: str):
    url = f"sqlite+aiosqlite:///{tmp_path / name}"
    done = retbot(url, "demo-data", "--cases", "300", "--seed", str(seed),
                  "--until", "2026-12-01", *extra)  # fmt: skip
    return url, done


def rows(path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


FACTS = "SELECT * FROM case_fact ORDER BY case_number"


def test_same_seed_same_cases_across_the_whole_process(tmp_path):
    _, first = demo(tmp_path, "a.db", 1)
    _, second = demo(tmp_path, "b.db", 1)
    _, other = demo(tmp_path, "c.db", 2)

    assert first.returncode == second.returncode == other.returncode == 0, first.stderr
    facts = rows(tmp_path / "a.db", FACTS)
    assert len(facts) == 300
    assert facts == rows(tmp_path / "b.db", FACTS)
    assert facts != rows(tmp_path / "c.db", FACTS)
    statuses = {s for (s,) in rows(tmp_path / "a.db", "SELECT status FROM case_file")}
    assert statuses == STAGES
    learning = ("evaluation_round", "evaluation_answer", "family_evaluation", "leerpunt",
                "organisation_advice")  # fmt: skip
    for table in ("booking", "advice", "follow_up_round", "escalation", *learning):
        assert rows(tmp_path / "a.db", f"SELECT count(*) FROM {table}")[0][0] > 0, table


def test_a_database_with_cases_is_left_alone(tmp_path):
    demo(tmp_path, "a.db", 1)
    _, again = demo(tmp_path, "a.db", 1)
    assert again.returncode == 1 and "al 300 casussen" in again.stderr
    assert rows(tmp_path / "a.db", "SELECT count(*) FROM case_file") == [(300,)]


def test_the_report_of_demo_data_shows_evaluations_and_leerpunten(tmp_path):
    url, done = demo(tmp_path, "a.db", 1)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "r.docx"

    made = retbot(url, "report", "--from", "2025-12-01", "--to", "2026-11-30",
                  "--format", "docx", "--out", str(out))  # fmt: skip

    assert made.returncode == 0, made.stderr
    paragraphs = [p.text for p in Document(out).paragraphs]
    assert any(p.startswith("Casussen met een evaluatie: ") for p in paragraphs)
    assert any(p.startswith("Antwoorden van gezinnen: ") for p in paragraphs)
    assert any(p.startswith("Wat werkte: Verzonnen") for p in paragraphs)
    assert any(p.startswith("Advies aan organisaties (brieven): gemeente ") for p in paragraphs)
    assert "In deze periode zijn geen leerpunten vastgelegd." not in paragraphs


def test_the_leeroverzicht_of_a_year_of_demo_data_fits_one_page(tmp_path):
    """The one-page overview for the stuurgroep, rendered by LibreOffice: one page."""
    url, done = demo(tmp_path, "a.db", 1)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "leeroverzicht.docx"
    made = retbot(url, "report", "--from", "2025-12-01", "--to", "2026-11-30",
                  "--sections", "leren", "--out", str(out))  # fmt: skip
    assert made.returncode == 0, made.stderr
    themes = [p.text for p in Document(out).paragraphs if p.style.name == "Heading 2"]
    assert len(themes) == len(LEERPUNT_THEMES)  # the demo records leerpunten in every theme

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: the render check needs it")
    rendered = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = (tmp_path / "leeroverzicht.pdf").read_bytes()
    assert rendered.returncode == 0, rendered.stderr
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_demo_data_looks_like_a_ret_and_every_advised_case_has_its_advies(tmp_path):
    """Seed 002's proportions, the RET's own organisations answering for their mandate,
    follow-up answers, meetings on the RET's day and time, and a stored advies per case."""
    url, done = demo(tmp_path, "a.db", 1)
    assert done.returncode == 0, done.stderr
    db = tmp_path / "a.db"

    referrers = dict(rows(db, "SELECT aanmelder_type, count(*) FROM case_fact GROUP BY 1"))
    assert 0.35 < referrers["gi"] / 300 < 0.6  # about half from a GI, as in seed 002
    ages = dict(rows(db, "SELECT leeftijdsgroep, count(*) FROM case_fact GROUP BY 1"))
    assert max(ages, key=ages.get) == "13-16"
    kernteam = {"Jeugd-GGZ De Bron", "LVB-zorg Het Anker", "Jeugd & Opvoeding Oost",
                "Samenwerkingsverband Onderwijs Twente", "Ervaringswerk Oost"}  # fmt: skip
    betrokken = {"Gemeente Enschede", "Gemeente Hengelo", "Gemeente Almelo",
                 "Jeugdbescherming Oost"}  # the RET file's organisations  # fmt: skip
    afspraken = {o for (o,) in rows(db, "SELECT organisation FROM advice_afspraak")}
    assert afspraken == kernteam | betrokken
    answers = dict(rows(db, "SELECT answer, count(*) FROM mandate_confirmation GROUP BY 1"))
    assert answers["bevestigd"] > answers["niet bevestigd"] > 0
    assert rows(db, "SELECT count(*) FROM follow_up_ask WHERE progress IS NOT NULL")[0][0] > 0
    meetings = {
        datetime.fromisoformat(start).replace(tzinfo=UTC).astimezone(AMSTERDAM)
        for (start,) in rows(db, "SELECT starts_at FROM booking WHERE slot = 0")
    }
    assert {(m.strftime("%A"), m.strftime("%H:%M")) for m in meetings} == {("Tuesday", "13:30")}

    advised = [n for (n,) in rows(db, "SELECT case_number FROM advice ORDER BY 1")]
    documents = {
        n for (n,) in rows(db, "SELECT subject FROM document_version WHERE kind = 'advies'")
    }
    assert advised and set(advised) == documents
    out = tmp_path / "advies.docx"
    written = retbot(url, "document", "advies", advised[-1], "--out", str(out))
    assert written.returncode == 0, written.stderr
    text = "\n".join(c.text for t in Document(out).tables for r in t.rows for c in r.cells)
    assert advised[-1] in text and any(org in text for org in afspraken)
