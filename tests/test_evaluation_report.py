"""The report's sections Evaluaties and Leerpunten (`retbot report`), from evaluations and
leerpunten given through the real app: read back from Word with python-docx, from Excel and
from csv; no case number and no name in them."""

import csv
from datetime import date

from docx import Document
from openpyxl import load_workbook

from bot.app import RETBOT
from dialogs.cards.evaluation import LEARNED_INPUT, THEME_INPUT, WORKED_INPUT
from tests.test_advice_flow import ret  # noqa: F401  (Teams ids for two kernteamleden)
from tests.test_evaluation_flow import LEARNED, WORKED, answer, closed
from tests.test_report import retbot


async def evaluated(bot, connector, http) -> str:
    """A closed case evaluated by a kernteamlid (4, advice carried out) and the verwijzer
    (2, partly), with one leerpunt; returns the case number."""
    done = await closed(bot, connector, http)
    case = done.case
    await case.thijs.submit(answer(done.number))
    await case.referrer.submit(answer(done.number, score="2", advies="deels", beter_af="nee"))
    overview = (await case.chair.say(f"evaluatie {done.number}")).cards()[0]
    data = overview["actions"][0]["card"]["actions"][0]["data"]
    values = {THEME_INPUT: "wachtlijst", LEARNED_INPUT: LEARNED, WORKED_INPUT: WORKED}
    await case.chair.submit({**data, **values})
    return done.number


def made(database_url: str, fmt: str, out) -> None:
    year = date.today().year
    done = retbot(database_url, "report", "--from", f"{year}-01-01", "--to", f"{year}-12-31",
                  "--format", fmt, "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr


async def test_the_report_shows_evaluations_and_leerpunten(bot, connector, http, tmp_path):
    number = await evaluated(bot, connector, http)
    url = bot.app[RETBOT].settings.database_url
    docx, xlsx, csv_out = tmp_path / "r.docx", tmp_path / "r.xlsx", tmp_path / "r.csv"

    for fmt, out in (("docx", docx), ("xlsx", xlsx), ("csv", csv_out)):
        made(url, fmt, out)

    document = Document(docx)
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert titles[-3:] == ["Evaluaties", "Leerpunten", "Rode draden"]
    paragraphs = [p.text for p in document.paragraphs]
    for expected in (
        "Casussen met een evaluatie: 1",
        "Antwoorden: 1 van verwijzers, 1 van kernteamleden",
        "Gemiddeld cijfer samenwerking (1-5): 3,0",
        "Advies uitgevoerd: ja 1, deels 1, nee 0, weet niet 0",
        "Jeugdige beter af: ja 1, deels 0, nee 1, weet niet 0",
        "wachtlijst (1×, bij 1 casus)",
        f"Geleerd: {LEARNED}",
        f"Wat werkte: {WORKED}",
    ):
        assert expected in paragraphs, expected
    whole = "\n".join(paragraphs)
    for private in (number, "Thijs Wennink", "Marieke Hofstede", "Inge Referent"):
        assert private not in whole, private

    workbook = load_workbook(xlsx)
    figures = dict(workbook["Evaluaties"].iter_rows(min_row=2, values_only=True))
    assert figures["Gemiddeld cijfer samenwerking (1-5)"] == 3.0
    assert figures["Jeugdige beter af: ja"] == 1
    [leerpunt] = list(workbook["Leerpunten"].iter_rows(min_row=2, values_only=True))
    assert leerpunt == ("wachtlijst", 1, 1, LEARNED, WORKED)

    with csv_out.open(encoding="utf-8-sig") as file:  # as Dutch Excel opens it
        rows = [tuple(r) for r in csv.reader(file, delimiter=";")]
    assert ("Evaluaties", "Casussen met een evaluatie", "1", "", "") in rows
    assert ("Leerpunten", "wachtlijst", "1", "", "") in rows


async def test_without_evaluations_the_sections_say_so(bot, tmp_path):
    out = tmp_path / "r.docx"

    made(bot.app[RETBOT].settings.database_url, "docx", out)

    paragraphs = [p.text for p in Document(out).paragraphs]
    assert "In deze periode zijn geen evaluaties ingevuld." in paragraphs
    assert "In deze periode zijn geen leerpunten vastgelegd." in paragraphs


async def test_the_leeroverzicht_for_the_stuurgroep_is_one_page(bot, connector, http, tmp_path):
    await evaluated(bot, connector, http)
    url = bot.app[RETBOT].settings.database_url
    year = date.today().year
    out = tmp_path / "leren.docx"
    period = ("--from", f"{year}-01-01", "--to", f"{year}-12-31")

    done = retbot(url, "report", *period, "--sections", "leren", "--out", str(out))
    as_csv = retbot(url, "report", *period, "--sections", "leren", "--format", "csv",
                    "--out", str(tmp_path / "leren.csv"))  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Leeroverzicht ")
    document = Document(out)
    assert document.paragraphs[0].text == "Leeroverzicht RET Jeugd Twente (voorbeeld)"
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert titles == ["Evaluaties", "Leerpunten"]  # nothing of the counted facts
    paragraphs = [p.text for p in document.paragraphs]
    assert "Casussen met een evaluatie: 1" in paragraphs and f"Wat werkte: {WORKED}" in paragraphs
    assert len(document.inline_shapes) == 0
    assert as_csv.returncode == 2 and "gebruik --format docx" in as_csv.stderr
