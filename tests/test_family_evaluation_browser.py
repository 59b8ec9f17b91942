"""The family's evaluation page in a real browser (headless Chromium), from the e-mail a
family that applied itself gets at the closing: four short questions in eenvoudig
Nederlands, the browser keeps an empty answer from going out, a filled-in form is stored.
Screenshots land in RETBOT_SCREENSHOTS (a folder) when it is set, to look at."""

import asyncio

import pytest

from storage.models import FamilyEvaluationRow
from tests.browser import CHROMIUM, Browser
from tests.smtp_server import body_of
from tests.test_advice_flow import rows
from tests.test_family_mail import EVALUATION_LINK, closed_self_applied
from tests.test_self_apply_browser import keep
from tests.test_self_apply_flow import mail_bot  # noqa: F401  (the fixture)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs chromium (apt-get install chromium)"
)

TOLD = "Het ging snel, maar we wisten niet altijd wat er gebeurde."
# The click comes after the script's answer: a page that navigates away loses the answer.
SEND = "setTimeout(() => document.querySelector('button[type=submit]').click(), 0); 'sent'"
FILL = f"""
(() => {{
  for (const [name, value] of [['gehoord', '5'], ['wens', 'ja'], ['nu', '4']]) {{
    document.querySelector(`input[name="${{name}}"][value="${{value}}"]`).click();
  }}
  document.querySelector('#toelichting').value = {TOLD!r};
  setTimeout(() => document.querySelector('button[type=submit]').click(), 0);
  return 'filled';
}})()
"""


async def test_a_family_answers_its_four_questions_in_a_browser(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
    tmp_path,
):
    number, mails = await closed_self_applied(mail_bot, connector, http, smtp_server)
    [asking] = [m for m in mails if m["Subject"].startswith("Hoe ging het?")]
    url = mail_bot.url + EVALUATION_LINK.search(body_of(asking)).group(1)

    async with Browser() as browser:
        await browser.open(url)
        shown = await browser.wait_for_text("Hoe ging het?")
        keep("evaluatie-gezin-formulier.png", await browser.screenshot(), tmp_path)
        assert number in shown and "Had je het gevoel dat we naar je luisterden?" in shown
        assert "Samenwerking" not in shown

        assert await browser.run(SEND) == "sent"  # nothing chosen: the browser holds it
        await asyncio.sleep(1)
        assert await rows(mail_bot, FamilyEvaluationRow) == []

        assert await browser.run(FILL) == "filled"
        thanks = await browser.wait_for_text("Dank je wel!")
        keep("evaluatie-gezin-bedankt.png", await browser.screenshot(), tmp_path)

    assert "We hebben je antwoorden goed ontvangen." in thanks
    [row] = await rows(mail_bot, FamilyEvaluationRow)
    assert (row.gehoord, row.wens, row.nu, row.toelichting, row.channel) == (
        5,
        "ja",
        4,
        TOLD,
        "web",
    )
