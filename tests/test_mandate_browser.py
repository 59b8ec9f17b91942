"""The mandate page in a real browser (headless Chromium), for a gemeente's contact outside
Teams: the link from the e-mail shows the gemeente's part of the advice, and 'Mandaat
bevestigen' records it. Screenshots land in RETBOT_SCREENSHOTS (a folder) when it is set,
to look at."""

import pytest

from storage.models import MandateRow
from tests.browser import CHROMIUM, Browser
from tests.test_advice_flow import rows
from tests.test_advice_organisations import (  # noqa: F401  (the fixtures: a RET with SMTP)
    BESCHIKKING,
    ENSCHEDE,
    bot,
    issue_with_gemeente,
    mandate_path,
    ret,
)
from tests.test_self_apply_browser import keep

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs chromium (apt-get install chromium)"
)

# The click comes after the script's answer: a page that navigates away loses the answer.
CONFIRM = "setTimeout(() => document.querySelector('button[value=bevestigen]').click(), 0); 'sent'"


async def test_the_gemeente_confirms_its_mandate_in_a_browser(
    bot,  # noqa: F811
    connector,
    http,
    smtp_server,
    tmp_path,
):
    _, _, number, _, _ = await issue_with_gemeente(bot, connector, http)
    url = bot.url + await mandate_path(bot, smtp_server)

    async with Browser() as browser:
        await browser.open(url)
        shown = await browser.wait_for_text("Mandaat voor een advies van het RET")
        keep("mandaat-formulier.png", await browser.screenshot(), tmp_path)
        assert number in shown and ENSCHEDE in shown and BESCHIKKING in shown
        assert await browser.run(CONFIRM) == "sent"
        thanks = await browser.wait_for_text("Dank u wel.")
        keep("mandaat-bedankt.png", await browser.screenshot(), tmp_path)

    assert "Bevestigd door Ilse Brinkman" in thanks
    [mandate] = await rows(bot, MandateRow)
    assert (mandate.organisation, mandate.answer, mandate.answered_by) == (
        ENSCHEDE,
        "bevestigd",
        "Ilse Brinkman",
    )
