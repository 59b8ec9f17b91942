"""The /aanmelden page in a real browser (headless Chromium): Web Chat from retbot's own
package connects through a local Direct Line to the bot, shows the welcome and the first
card, and a click on the card reaches the bot. Screenshots land in RETBOT_SCREENSHOTS
(a folder) when it is set, to look at."""

import os
import re
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.browser import CHROMIUM, Browser
from tests.directline_server import SECRET, DirectLineServer
from tests.support import RunningBot

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs chromium (apt-get install chromium)"
)

CHOOSE_PARENT_AND_GO_ON = """
(() => {
  const label = [...document.querySelectorAll('label')]
    .find(l => l.innerText.trim() === 'Ik ben ouder of verzorger');
  label.click();
  const chosen = document.querySelector('input[type=radio]:checked');
  [...document.querySelectorAll('button.ac-pushButton')]
    .filter(b => b.innerText.trim() === 'Verder' && b.offsetParent).pop().click();
  return chosen && chosen.value;
})()
"""


@pytest.fixture
async def web(database_url, ret):
    directline = await DirectLineServer().start()
    settings = Settings(
        database_url=database_url, directline_secret=SECRET, directline_url=directline.url
    )
    running = await RunningBot(settings, ret).start()
    directline.bot_url = running.messages_url
    yield running, directline
    await running.stop()
    await directline.stop()


def keep(name: str, png: bytes, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("RETBOT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(png)
    return folder / name


async def test_the_page_talks_to_the_bot_through_direct_line(web, tmp_path):
    bot, directline = web
    async with Browser() as browser:
        await browser.open(f"{bot.url}/aanmelden")

        shown = await browser.wait_for_text("Wie ben jij?")

        assert "Zelf aanmelden bij het RET Jeugd Twente" in shown
        assert "Hoi! Ik ben de digitale assistent" in shown
        assert "Zo gaat het" in shown
        first = await browser.screenshot()
        assert first.startswith(b"\x89PNG")
        keep("aanmelden-welkom.png", first, tmp_path)
        [join] = [a for a in directline.activities() if a["type"] == "event"]
        assert join["name"] == "webchat/join" and join["channelId"] == "directline"

        assert await browser.run(CHOOSE_PARENT_AND_GO_ON) == "ouder"
        await browser.wait_for_text("Over de jeugdige")
        keep("aanmelden-stap-2.png", await browser.screenshot(), tmp_path)

    submits = [a["value"] for a in directline.activities() if a.get("value")]
    assert {"zelf": "section", "section": "wie", "aanvrager": "ouder"}.items() <= submits[
        -1
    ].items()


async def test_the_page_says_in_dutch_why_no_conversation_starts_when_limited(
    database_url, ret, http
):
    directline = await DirectLineServer().start()
    settings = Settings(
        database_url=database_url,
        directline_secret=SECRET,
        directline_url=directline.url,
        token_limit_per_address="1 per hour",
    )
    bot = await RunningBot(settings, ret).start()
    try:
        async with http.get(f"{bot.url}/aanmelden/token") as response:
            assert response.status == 200  # this address's one token of the hour
        async with Browser() as browser:
            await browser.open(f"{bot.url}/aanmelden")

            shown = await browser.wait_for_text("Vanaf deze internetverbinding")

            assert re.search(r"Probeer het over \d+ minuten opnieuw", shown)
            assert "Het lukt nu niet om het gesprek te starten" not in shown
    finally:
        await bot.stop()
        await directline.stop()
