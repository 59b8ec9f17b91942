"""`retbot network-report`: two RETs' monitor exports (from `retbot demo-data` in two
databases) become the expertisenetwerk's report, a column per RET and the total, read back
with python-docx; the exports keep every group of children at 5 or more."""

import csv
import re
from collections import Counter

import pytest
from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from domain.disclosure import QUASI_IDENTIFIERS, K, disclosure
from domain.monitor import COLUMNS
from tests.support import EXAMPLE_RET
from tests.test_monitor_export import raw_disclosure
from tests.test_report import retbot

TWENTE, IJSSELLAND = "RET Jeugd Twente (voorbeeld)", "RET IJsselland (voorbeeld)"
SIZES = {TWENTE: 144, IJSSELLAND: 46}
PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")


def ijsselland_config(tmp_path):
    """The example RET renamed, with IJsselland's gemeenten."""
    text = EXAMPLE_RET.read_text(encoding="utf-8")
    text = text.replace(f"name: {TWENTE}", f"name: {IJSSELLAND}")
    text = text.replace("region: Twente", "region: IJsselland")
    text = re.sub(
        r"gemeenten:\n(  - .*\n)+",
        "gemeenten:\n" + "".join(f"  - {g}\n" for g in ("Zwolle", "Kampen", "Deventer")),
        text,
    )
    # Its own gemeenten, so none of Twente's betrokken gemeenten.
    text = re.sub(r"\norganisations:\n(  .*\n)+", "\n", text)
    path = tmp_path / "ijsselland.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def export(url: str, config, cases: int, seed: int, out):
    env = {"RETBOT_CONFIG": str(config), "RETBOT_MONITOR_KEY": "netwerk"}
    made = retbot(url, "demo-data", "--cases", str(cases), "--seed", str(seed),
                  "--until", "2026-12-31", env=env)  # fmt: skip
    assert made.returncode == 0, made.stderr
    done = retbot(url, "monitor-export", *PERIOD, "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8") as file:
        return done.stdout, list(csv.DictReader(file))


def docx_tables(path) -> dict[str, list[list[str]]]:
    """Each table under its Heading 2."""
    found, heading = {}, None
    for block in Document(str(path)).iter_inner_content():
        if isinstance(block, Paragraph) and block.style.name == "Heading 2":
            heading = block.text
        elif isinstance(block, DocxTable):
            found[heading] = [[cell.text for cell in row.cells] for row in block.rows]
    return found


@pytest.fixture
async def exports(database_url, tmp_path):
    twente_out, ijssel_out = tmp_path / "twente.csv", tmp_path / "ijsselland.csv"
    twente = export(database_url, EXAMPLE_RET, SIZES[TWENTE], 1, twente_out)
    other = f"sqlite+aiosqlite:///{tmp_path / 'ijsselland.db'}"
    ijssel = export(other, ijsselland_config(tmp_path), SIZES[IJSSELLAND], 2, ijssel_out)
    before = {TWENTE: await raw_disclosure(database_url), IJSSELLAND: await raw_disclosure(other)}
    return {TWENTE: (twente_out, *twente), IJSSELLAND: (ijssel_out, *ijssel)}, before


async def test_per_ret_columns_and_total_add_up(exports, tmp_path):
    files, before = exports
    out = tmp_path / "netwerk.docx"
    done = retbot("sqlite://", "network-report", *(str(f[0]) for f in files.values()),
                  "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr

    tables = docx_tables(out)
    rows_of = {ret: f[2] for ret, f in files.items()}
    for title, grid in tables.items():
        header = grid[0]
        assert header[1:4] == [TWENTE, IJSSELLAND, "Totaal"], title
        for row in grid[1:]:
            assert int(row[1]) + int(row[2]) == int(row[3]), (title, row)
    # Each RET's column is its own export counted again.
    aanmelders = tables["Aanmeldingen per soort aanmelder"]
    assert aanmelders[-1][:4] == ["Totaal", "144", "46", "190"]
    assert aanmelders[-1][4] == "100"
    for index, ret in enumerate((TWENTE, IJSSELLAND), start=1):
        counted = Counter(r["aanmelder_type"] for r in rows_of[ret])
        assert sum(int(row[index]) for row in aanmelders[1:-1]) == SIZES[ret]
        assert max(int(row[index]) for row in aanmelders[1:-1]) == max(counted.values())
        overview = {r[0]: int(r[index]) for r in tables["Aanmeldingen en overleggen"][1:]}
        assert overview["Aanmeldingen"] == SIZES[ret]
        assert overview["RET-overleggen"] == sum(r["ret_overleg"] == "ja" for r in rows_of[ret])
    # A multi-select table has no total and shares of all 190 requests.
    problems = tables["Problematiek van de jeugdigen"]
    assert all(row[0] != "Totaal" for row in problems)
    trauma = next(row for row in problems if row[0] == "Trauma")
    assert int(trauma[4]) == round(100 * int(trauma[3]) / 190)
    assert int(trauma[3]) == sum(
        "trauma" in r["problematiek_jeugdige"].split(";") for rows in rows_of.values() for r in rows
    )
    # The same exports saved again by Dutch Excel (semicolons, a BOM) read the same.
    resaved = []
    for index, rows in enumerate(rows_of.values()):
        again = tmp_path / f"excel-{index}.csv"
        with again.open("w", newline="", encoding="utf-8-sig") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]), delimiter=";")
            writer.writeheader()
            writer.writerows(rows)
        resaved.append(str(again))
    excel = tmp_path / "excel.docx"
    done = retbot("sqlite://", "network-report", *resaved, "--out", str(excel))
    assert done.returncode == 0, done.stderr
    assert docx_tables(excel) == tables
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Periode: 01-01-2026 t/m 31-12-2026" in text
    assert "Rapportage expertisenetwerk" in text
    for ret, rows in rows_of.items():
        assert f"{ret}: 0 van {SIZES[ret]} rijen uniek" in text
        assert disclosure(rows).below_k == 0 and disclosure(rows).smallest >= K
        assert before[ret].unique > 0  # demo data singles children out before


async def test_monitor_export_reports_what_it_shielded(exports):
    files, before = exports
    for ret, (_, stdout, rows) in files.items():
        assert [list(COLUMNS)] == [list(rows[0])]
        assert {(r["ret"], r["periode"]) for r in rows} == {(ret, "2026-01-01/2026-12-31")}
        assert f"Vóór afscherming: {before[ret].unique} van {SIZES[ret]} rijen uniek" in stdout
        assert f"Na afscherming: 0 van {SIZES[ret]} rijen uniek" in stdout
        assert f"0 in een groep kleiner dan {K}" in stdout
        after = Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in rows)
        assert min(after.values()) >= K


def test_a_wrong_file_is_one_line_not_a_traceback(tmp_path):
    good = tmp_path / "twente.csv"
    row = dict.fromkeys(COLUMNS, "") | {
        "ret": TWENTE, "regio": "Twente", "periode": "2026-01-01/2026-03-31",
        "aangemeld_maand": "2026-K1", "aanmelder_type": "gi",
    }  # fmt: skip
    with good.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows([row] * K)
    broken = tmp_path / "kapot.csv"
    broken.write_text("ret,regio\nX,Y\n", encoding="utf-8")
    binary = tmp_path / "foto.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    ragged = tmp_path / "ingekort.csv"
    ragged.write_text(good.read_text(encoding="utf-8").splitlines()[0] + "\nX,Y\n")
    month = tmp_path / "maand.csv"
    month.write_text(good.read_text(encoding="utf-8").replace("2026-K1", "maart"))
    other = tmp_path / "ander-kwartaal.csv"
    other.write_text(
        good.read_text(encoding="utf-8")
        .replace("2026-03-31", "2026-06-30")
        .replace(TWENTE, IJSSELLAND)
    )
    cases = {
        tmp_path / "bestaat-niet.csv": "bestand niet gevonden",
        broken: "geen monitor-export van retbot",
        binary: "niet te lezen als csv",
        ragged: "regel 2",
        month: "regel 2: aangemeld_maand 'maart'",
        other: "verschillende periodes",
        good: "twee exports van",
    }
    for wrong, said in cases.items():
        out = tmp_path / "x.docx"
        done = retbot("sqlite://", "network-report", str(good), str(wrong), "--out", str(out))
        assert done.returncode == 2, wrong
        assert said in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr and not out.exists()
    out = tmp_path / "alleen.docx"
    done = retbot("sqlite://", "network-report", str(good), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert docx_tables(out)["Aanmeldingen per soort aanmelder"][-1][:3] == ["Totaal", "5", "5"]
