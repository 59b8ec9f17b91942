"""The evaluation page in a real browser (headless Chromium), for a kernteamlid outside
Teams: the form asks both parts, the browser keeps an empty answer from going out, and a
filled-in form is stored. Screenshots land in RETBOT_SCREENSHOTS (a folder) when it is set,
to look at."""

import asyncio

import pytest

from storage.models import EvaluationAnswerRow
from tests.browser import CHROMIUM, Browser
from tests.test_advice_flow import rows
from tests.test_email_follow_up import THIJS
from tests.test_evaluation_email import (  # noqa: F401  (the fixtures: a RET outside Teams)
    bot,
    closed_outside_teams,
    path_in,
    ret,
)
from tests.test_evaluation_flow import KNELPUNT
from tests.test_self_apply_browser import keep

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs chromium (apt-get install chromium)"
)

# The click comes after the script's answer: a page that navigates away loses the answer.
SEND = "setTimeout(() => document.querySelector('button[type=submit]').click(), 0); 'sent'"
FILL = f"""
(() => {{
  for (const [name, value] of [['score', '4'], ['afspraken', 'ja'], ['advies', 'deels'],
                               ['beter_af', 'ja']]) {{
    document.querySelector(`input[name="${{name}}"][value="${{value}}"]`).click();
  }}
  document.querySelector('#knelpunt').value = {KNELPUNT!r};
  setTimeout(() => document.querySelector('button[type=submit]').click(), 0);
  return 'filled';
}})()
"""


async def test_a_kernteamlid_fills_in_the_evaluation_in_a_browser(
    bot,  # noqa: F811
    connector,
    http,
    smtp_server,
    tmp_path,
):
    _, _, number, _ = await closed_outside_teams(bot, connector, http, smtp_server)
    url = bot.url + path_in(smtp_server.to(THIJS)[0])

    async with Browser() as browser:
        await browser.open(url)
        shown = await browser.wait_for_text("Evaluatie voor het RET")
        keep("evaluatie-formulier.png", await browser.screenshot(), tmp_path)
        assert number in shown and "Hoe verliep de samenwerking rond deze casus?" in shown
        assert "Samenwerking" in shown and "Inhoud" in shown

        assert await browser.run(SEND) == "sent"  # nothing chosen: the browser holds it
        await asyncio.sleep(1)
        assert await rows(bot, EvaluationAnswerRow) == []

        assert await browser.run(FILL) == "filled"
        thanks = await browser.wait_for_text("Dank u wel.")
        keep("evaluatie-bedankt.png", await browser.screenshot(), tmp_path)

    assert "Uw evaluatie is vastgelegd" in thanks
    [row] = await rows(bot, EvaluationAnswerRow)
    assert (row.respondent, row.score, row.afspraken, row.knelpunt, row.channel) == (
        THIJS,
        4,
        "ja",
        KNELPUNT,
        "web",
    )
