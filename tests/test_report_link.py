"""Rapportage in Teams: the menu offers it to voorzitter, procesondersteuner and admin
only; the form's period gives signed links; the link serves the report over HTTP."""

import io
import re
from datetime import UTC, datetime, timedelta

from docx import Document
from openpyxl import load_workbook

from bot.app import RETBOT
from dialogs.cards.reports import FROM_INPUT, REPORT_KEY, REPORT_OPEN_KEY, TO_INPUT
from domain.cases import Referrer
from storage.case_walk import CasePlan, CaseWalker
from tests.test_consult_flow import CHAIR_AAD, person

LINK = re.compile(r"\[(Word|Excel|csv)\]\(([^)]+)\)")


def menu_titles(turn) -> list[str]:
    return [a["title"] for a in turn.cards()[0]["actions"]]


async def test_the_voorzitter_gets_links_to_the_report_of_a_period(bot, connector, http):
    retbot = bot.app[RETBOT]
    walker = CaseWalker(retbot.jobs.sessions, retbot.jobs.cipher)
    referrer = Referrer("msteams", "r", "Inge")
    for day in (3, 20, 40):  # after 1 January: two in January, one in February
        answers = {"gemeente": "Almelo", "initialen": "A.B."}
        await walker.walk(
            CasePlan(referrer, answers, datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=day))
        )
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)

    menu = await chair.say("menu")
    form = await chair.submit({REPORT_OPEN_KEY: True})
    links = await chair.submit({REPORT_KEY: True, FROM_INPUT: "2026-01-01", TO_INPUT: "2026-01-31"})

    assert "Rapportage" in menu_titles(menu)
    inputs = {b["id"]: b["value"] for b in form.cards()[0]["body"] if b["type"] == "Input.Date"}
    assert set(inputs) == {FROM_INPUT, TO_INPUT}  # preset to the last quarter
    urls = dict(LINK.findall(links.texts()[0]))
    assert set(urls) == {"Word", "Excel", "csv"}
    assert "01-01-2026 t/m 31-01-2026" in links.texts()[0]
    base = bot.settings.public_url
    local = {k: u.replace(base, bot.url) for k, u in urls.items()}
    async with http.get(local["Excel"]) as response:
        assert response.status == 200 and response.headers["Cache-Control"] == "no-store"
        workbook = load_workbook(io.BytesIO(await response.read()))
    rows = list(workbook["Gemeenten"].iter_rows(min_row=4, max_row=5, values_only=True))
    assert rows == [("Almelo", 2, 100, 0), ("Totaal", 2, 100, 0)]  # and December before
    async with http.get(local["Word"]) as response:
        document = Document(io.BytesIO(await response.read()))
    assert document.paragraphs[0].text.startswith("Rapportage ")
    assert len(document.tables) > 0
    # Two requests from one gemeente in one month: no table compares two counts, so no
    # chart of a single bar.
    assert len(document.inline_shapes) == 0


async def test_links_that_are_altered_or_expired_are_refused(bot, http):
    links = bot.app[RETBOT].report_page.links
    expired = links.token("2026-01-01/2026-01-31", datetime.now(UTC) - timedelta(seconds=1))
    valid = links.token("2026-01-01/2026-01-31", datetime.now(UTC) + timedelta(days=1))

    async with http.get(f"{bot.url}/rapportage/{expired}.docx") as response:
        assert response.status == 410 and "verlopen" in await response.text()
    async with http.get(f"{bot.url}/rapportage/{valid[:-2]}xx.docx") as response:
        assert response.status == 404
    async with http.get(f"{bot.url}/rapportage/{valid}.pdf") as response:
        assert response.status == 404
    backwards = links.token("2026-02-01/2026-01-31", datetime.now(UTC) + timedelta(days=1))
    async with http.get(f"{bot.url}/rapportage/{backwards}.csv") as response:
        assert response.status == 404


async def test_others_get_no_report_and_bad_periods_a_dutch_answer(bot, connector, http):
    referrer = person(bot, connector, http, "Inge Referent")
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)

    menu = await referrer.say("menu")
    refused = await referrer.submit(
        {REPORT_KEY: True, FROM_INPUT: "2026-01-01", TO_INPUT: "2026-01-31"}
    )
    backwards = await chair.submit(
        {REPORT_KEY: True, FROM_INPUT: "2026-02-01", TO_INPUT: "2026-01-01"}
    )
    nonsense = await chair.submit({REPORT_KEY: True, FROM_INPUT: "gisteren", TO_INPUT: None})
    far = await chair.submit({REPORT_KEY: True, FROM_INPUT: "2026-01-01", TO_INPUT: "9999-12-31"})

    assert "Rapportage" not in menu_titles(menu)
    assert refused.texts() == [
        "Rapportages zijn er voor de voorzitter, de procesondersteuner en de beheerder."
    ]
    bad = (
        "Kies twee geldige datums tussen 2000 en 2099, de eerste niet na de tweede; er is "
        "niets gemaakt."
    )
    assert backwards.texts() == nonsense.texts() == far.texts() == [bad]
