"""`retbot report`: 190 requests with seed 002's distributions come back as exactly those
counts, in xlsx, docx (with a chart per table, rendered by LibreOffice) and csv."""

import asyncio
import csv
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
from babel.dates import format_date
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from documents.house_style import DEFAULT_TEMPLATE
from documents.report import FOOTER
from domain.cases import Referrer
from domain.meetings import AMSTERDAM
from domain.report import Period, ReportCounts, build_report
from domain.triage import Decision
from storage.case_walk import CasePlan, CaseWalker
from storage.database import create_engine, create_session_factory
from storage.encryption import FieldCipher
from storage.migrate import upgrade_to_head
from tests import seed_002
from tests.support import EXAMPLE_RET, REPO

KEY = "a" * 43 + "="  # a valid Fernet key: the report must not need it
RET_NAME = "RET Jeugd Twente (voorbeeld)"
CUT_OFF = re.compile(
    rf"{re.escape(RET_NAME)}, periode 01-01-2026 t/m 31-12-2026 \(peildatum \d+ \w+ 20\d\d, "
    r"\d\d:\d\d\)"
)
# Tables where each request or case is in exactly one row: only these have a total.
PARTITIONS = {
    "Aanmelders", "Gemeenten", "Maatregel", "Soort vraag", "Acties", "Doorlooptijd",
    "Geslacht", "Leeftijd", "Woonsituatie", "Onderwijs", "Opvolging", "Open casussen",
    "Per maand", "Knelpunt", "Heraanmelding", "Expertisenetwerk", "Grondslag", "Mandaat",
    "Uitkomst opvolging", "Aanmelder en leeftijd", "Open per stap",
}  # fmt: skip
# Tables with a share, and what it is a share of (None: the table's total).
SHARES = {key: None for key in PARTITIONS} | {
    "Problematiek jeugdige": seed_002.N,
    "Problematiek ouders": seed_002.N,
    "Geprobeerd": seed_002.N,
    "Escalaties": None,
}


@pytest.fixture
async def seeded(database_url) -> str:
    engine = create_engine(database_url)
    try:
        await upgrade_to_head(engine)
        walker = CaseWalker(create_session_factory(engine), FieldCipher(KEY))
        for plan in seed_002.plans():
            await walker.walk(plan)
        outside = Referrer("msteams", "x", "Buiten de periode")
        for moment in (  # just before and just after 2026 in Amsterdam
            datetime(2025, 12, 31, 22, 30, tzinfo=UTC),
            datetime(2026, 12, 31, 23, 30, tzinfo=UTC),
        ):
            await walker.walk(CasePlan(outside, {"gemeente": "Zwolle"}, moment))
    finally:
        await engine.dispose()
    return database_url


def retbot(database_url: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "RETBOT_DATABASE_URL": database_url,
        "RETBOT_CONFIG": str(EXAMPLE_RET),
        **(env or {}),
    }
    env.pop("RETBOT_DATA_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def report(database_url: str, fmt: str, out) -> None:
    done = retbot(database_url, "report", "--from", "2026-01-01", "--to", "2026-12-31",
                  "--format", fmt, "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr


def nonzero(rows: dict[str, int]) -> dict[str, int]:
    return {label: n for label, n in rows.items() if n}


async def test_xlsx_gives_back_the_seed_counts(seeded, tmp_path):
    out = tmp_path / "rapportage.xlsx"
    report(seeded, "xlsx", out)

    workbook = load_workbook(out)
    for key, expected in seed_002.EXPECTED.items():
        sheet = workbook[key]
        assert CUT_OFF.fullmatch(sheet["A2"].value), sheet["A2"].value
        header = [c.value for c in sheet[3] if c.value]
        rows = [r[: len(header)] for r in sheet.iter_rows(min_row=4, values_only=True)]
        counted = {}
        for row in rows:
            if row[0] in ("Totaal", None):
                break
            counted[row[0]] = row[1]
        assert nonzero(counted) == expected, key
        total = sum(counted.values())
        if key in PARTITIONS:
            assert rows[len(counted)][:2] == ("Totaal", total), key
        else:
            assert rows[len(counted)][0] is None, key  # no total that adds nothing up
        if key in SHARES:
            assert header[2] == "Aandeel (%)", key
            whole = SHARES[key] or total
            assert [r[2] for r in rows[: len(counted)]] == [
                round(100 * n / whole) if whole else 0 for n in counted.values()
            ], key
    assert CUT_OFF.fullmatch(workbook["Rode draden"]["A1"].value)
    # Beside each count the previous period's: 2025 had one request, from Zwolle.
    gemeenten = {r[0]: r for r in workbook["Gemeenten"].iter_rows(min_row=4, values_only=True)}
    assert [c.value for c in workbook["Gemeenten"][3]][-1] == "Vorige periode"
    assert gemeenten["Zwolle"][3] == 1 and gemeenten["Enschede"][3] == 0
    assert gemeenten["Totaal"][3] == 1
    overview = {r[0]: r for r in workbook["Aanmeldingen"].iter_rows(min_row=4, values_only=True)}
    assert overview["Aanmeldingen"][1:3] == (seed_002.N, 1)  # no share: counts of 3 kinds


async def test_docx_has_the_counts_a_sentence_and_a_chart_per_table(seeded, tmp_path):
    out = tmp_path / "rapportage.docx"
    report(seeded, "docx", out)

    document = Document(str(out))
    tables: dict[str, dict[str, int]] = {}
    totals: dict[str, list] = {}
    sentences: dict[str, str] = {}
    heading = sentence = None
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph) and block.style.name == "Heading 2":
            heading, sentence = block.text, None
        elif isinstance(block, Paragraph) and block.text and sentence is None:
            sentence = sentences[heading] = block.text
        elif isinstance(block, DocxTable):
            rows = [[cell.text for cell in row.cells] for row in block.rows[1:]]
            tables[heading] = {row[0]: int(row[1]) for row in rows if row[0] != "Totaal"}
            totals[heading] = [row for row in rows if row[0] == "Totaal"]
    by_key = dict(zip(seed_002.EXPECTED, tables.values(), strict=True))

    for key, expected in seed_002.EXPECTED.items():
        assert nonzero(by_key[key]) == expected, key
    by_key_totals = dict(zip(seed_002.EXPECTED, totals.values(), strict=True))
    assert {k for k, found in by_key_totals.items() if found} == PARTITIONS & set(by_key_totals)
    # A chart per table that compares two counts or more; none for the cross table.
    charted = [k for k, rows in seed_002.EXPECTED.items() if len(rows) >= 2]
    assert len(document.inline_shapes) == len(charted) - 1
    assert "Aanmelder en leeftijd" in charted
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Per aanmelding meerdere mogelijk: het percentage is van alle 190 jeugdigen." in text
    assert "Aanmeldingen zijn de aanvragen die in de periode zijn ingediend" in text
    assert "Vorige periode (ter vergelijking): 01-01-2025 t/m 31-12-2025." in text
    today = format_date(datetime.now(AMSTERDAM), "d MMMM y", locale="nl")
    assert re.search(rf"Peildatum {today}, \d\d:\d\d: de cijfers zoals ze toen", text)
    assert (
        document.styles.element.find(qn("w:docDefaults"))
        .find(".//" + qn("w:lang"))
        .get(qn("w:val"))
        == "nl-NL"
    )
    # The RET's house style, like the advies and the notulen, with page numbers; its footer
    # line about a young person's data does not fit a report of counts.
    footer = document.sections[0].footer
    house = Document(str(DEFAULT_TEMPLATE)).sections[0].footer.paragraphs[0].text
    assert "jeugdige" in house and footer.paragraphs[0].text == FOOTER
    assert (
        footer.paragraphs[0].runs[0].font.size
        == Document(str(DEFAULT_TEMPLATE)).sections[0].footer.paragraphs[0].runs[0].font.size
    )
    assert [i.text.strip() for i in footer._element.iter(qn("w:instrText"))] == [
        "PAGE",
        "NUMPAGES",
    ]
    assert {t.style.name for t in document.tables} == {"Table Grid"}
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert titles[-1] == "Rode draden"
    age = sentences["Leeftijd van de jeugdigen bij aanmelding"]
    assert age == f"{round(100 * 95 / 190)}% van de jeugdigen valt in de leeftijd 13-16 jaar."
    measure = sentences["Jeugdbeschermingsmaatregel"]
    assert measure.startswith(f"Bij {round(100 * 105 / 190)}% van de aanmeldingen")

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: the render check needs it")
    profile = tmp_path / "lo-profile"
    rendered = await asyncio.to_thread(
        subprocess.run,
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "rapportage.pdf"
    assert rendered.returncode == 0 and pdf.exists(), rendered.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 50_000


async def test_csv_has_a_row_per_category(seeded, tmp_path):
    out = tmp_path / "rapportage.csv"
    report(seeded, "csv", out)

    assert out.read_bytes().startswith("\ufefftabel;categorie;aantal;aandeel (%)".encode())
    with out.open(encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    counted: dict[str, dict[str, int]] = {}
    for row in rows:
        counted.setdefault(row["tabel"], {})[row["categorie"]] = int(row["aantal"])
    assert {k: nonzero(v) for k, v in counted.items()} == seed_002.EXPECTED


def test_bad_periods_get_a_dutch_message(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'leeg.db'}"
    wrong = retbot(url, "report", "--from", "2026-13-01", "--to", "2026-12-31", "--out", "x")
    backwards = retbot(url, "report", "--from", "2026-12-31", "--to", "2026-01-01",
                       "--out", str(tmp_path / "x.docx"))  # fmt: skip
    ancient = retbot(url, "report", "--from", "0001-01-01", "--to", "2026-12-31",
                     "--out", str(tmp_path / "x.docx"))  # fmt: skip
    assert wrong.returncode == 2 and "geen datum" in wrong.stderr
    assert backwards.returncode == 2 and "vóór hij begint" in backwards.stderr
    assert ancient.returncode == 2 and "tussen 2000-01-01 en 2099-12-31" in ancient.stderr
    assert not (tmp_path / "x.docx").exists()


def test_a_sentence_names_the_largest_category_that_says_something():
    counts = ReportCounts(
        requests=10,
        meetings=0,
        categories={
            "onderwijs": {"onbekend": 6, "regulier": 3, "speciaal": 1},
            "aanmelder_type": {"anders": 5, "gi": 4, None: 1},
        },
        problems={},
        lead_times={},
        followed_up=0,
        escalations={},
    )

    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    tables = {t.key: t for t in build_report("RET", period, counts).tables}

    assert tables["Onderwijs"].sentence == "30% van de jeugdigen volgt: regulier onderwijs."
    assert tables["Aanmelders"].sentence.startswith("De meeste aanmeldingen komen van ")
    assert "anders" not in tables["Aanmelders"].sentence.lower()
    assert [tables["Onderwijs"].share(n) for _, n in tables["Onderwijs"].rows] == [30, 10, 0, 0, 60]


def test_the_overview_counts_in_dutch_plurals():
    def overview(requests: int, meetings: int) -> str:
        counts = ReportCounts(requests, meetings, {}, {}, {}, 0, {})
        period = Period(date(2026, 1, 1), date(2026, 3, 31))
        return build_report("RET", period, counts).tables[0].sentence

    assert overview(1, 1) == (
        "In deze periode kwam 1 aanmelding binnen; 0 keer ging het om een uitgebreide "
        "consultatie en er was 1 RET-overleg."
    )
    assert overview(2, 0).startswith("In deze periode kwamen 2 aanmeldingen binnen;")
    assert overview(2, 0).endswith("er waren 0 RET-overleggen.")


async def test_open_cases_at_the_end_and_the_trend_per_month(database_url, tmp_path):
    engine = create_engine(database_url)
    try:
        await upgrade_to_head(engine)
        walker = CaseWalker(create_session_factory(engine), FieldCipher(KEY))
        referrer = Referrer("msteams", "x", "Aanmelder")
        for submitted, closed_after in (
            (datetime(2025, 10, 1, 9, tzinfo=UTC), None),  # 9 months open on 30 June
            (datetime(2026, 1, 5, 9, tzinfo=UTC), None),  # almost 6 months
            (datetime(2026, 1, 31, 23, 30, tzinfo=UTC), None),  # 1 February in Amsterdam
            (datetime(2026, 2, 2, 9, tzinfo=UTC), 200),  # closed in August: open on 30 June
            (datetime(2026, 2, 2, 9, tzinfo=UTC), 30),  # closed in March
            (datetime(2026, 6, 1, 9, tzinfo=UTC), None),  # one month
            (datetime(2026, 7, 1, 9, tzinfo=UTC), None),  # after the period
        ):
            decision = Decision.CONSULTATIE if closed_after else None  # one that can close
            await walker.walk(
                CasePlan(referrer, {}, submitted, decision, close_after_days=closed_after)
            )
    finally:
        await engine.dispose()
    out = tmp_path / "rapportage.xlsx"

    done = retbot(database_url, "report", "--from", "2026-01-01", "--to", "2026-06-30",
                  "--format", "xlsx", "--out", str(out))  # fmt: skip

    assert done.returncode == 0, done.stderr
    sheet = load_workbook(out)["Open casussen"]
    assert sheet["A1"].value == "Open casussen op 30-06-2026, naar hoe lang ze openstonden"
    rows = [r[:3] for r in sheet.iter_rows(min_row=4, max_row=7, values_only=True)]
    assert rows == [
        ("< 3 maanden", 1, 20),
        ("3-6 maanden", 3, 60),
        ("> 6 maanden", 1, 20),
        ("Totaal", 5, 100),
    ]
    # The trend per month, months in Amsterdam time.
    months = load_workbook(out)["Per maand"]
    assert [r[:3] for r in months.iter_rows(min_row=4, max_row=10, values_only=True)] == [
        ("januari 2026", 1, 20),
        ("februari 2026", 3, 60),
        ("maart 2026", 0, 0),
        ("april 2026", 0, 0),
        ("mei 2026", 0, 0),
        ("juni 2026", 1, 20),
        ("Totaal", 5, 100),
    ]
