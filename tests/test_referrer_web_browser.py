"""Aanmelden without Teams, end to end in a real browser (headless Chromium): an e-mail to
the RET's mailbox asks to apply; the link arrives from a local SMTP server; the page opens
Web Chat through a local Direct Line; every step of the aanmelding is filled in and
clicked in the browser, the code from the e-mail files it, and one case exists whose
referrer is the address the link went to. Screenshots land in RETBOT_SCREENSHOTS (a folder)
when it is set, to look at."""

import json

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from domain.intake import SECTIONS
from storage.models import CaseRow
from tests.browser import CHROMIUM, Browser
from tests.test_intake_flow import VALID
from tests.test_referrer_web import (
    ASKED,
    PUBLIC,
    REFERRER,
    link_from,
    mail_bot,  # noqa: F401  (the fixture)
    mailbox,
)
from tests.test_self_apply_browser import keep
from tests.test_self_apply_flow import code_from

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs chromium (apt-get install chromium)"
)

# Fills the newest card by its labels and clicks one of its buttons: what a person does.
FILL_AND_CLICK = """
((fields, button) => {
  const cards = [...document.querySelectorAll('.ac-adaptiveCard')];
  const card = cards[cards.length - 1];
  const labels = [...card.querySelectorAll('label')];
  for (const [label, value] of fields) {
    const own = labels.find(l => l.innerText.trim().replace(/ \\*$/, '') === label);
    if (!own) { return 'no field ' + label; }
    const input = document.getElementById(own.htmlFor);
    const boxes = input.matches('input,select,textarea')
      ? [] : [...input.querySelectorAll('input[type=checkbox]')];
    if (boxes.length) {
      const wanted = value.split(',');
      boxes.forEach(b => { if (b.checked !== wanted.includes(b.value)) { b.click(); } });
    } else {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  const go = [...card.querySelectorAll('button.ac-pushButton')]
    .find(b => b.innerText.trim() === button);
  if (!go) { return 'no button ' + button; }
  go.click();
  return 'ok';
})
"""


async def fill_and_click(browser: Browser, fields: list[tuple[str, str]], button: str) -> None:
    done = await browser.run(f"{FILL_AND_CLICK}({json.dumps(fields)}, {json.dumps(button)})")
    assert done == "ok", done


def labelled_answers(section) -> list[tuple[str, str]]:
    return [(f.nl, VALID[section.key].get(f.key, "")) for f in section.fields]


async def test_a_referrer_without_teams_applies_from_an_email_in_the_browser(
    mail_bot,  # noqa: F811
    connector,
    http,
    smtp_server,
    tmp_path,
):
    await mailbox(mail_bot, connector, http).say(ASKED)
    link = (await link_from(smtp_server, REFERRER)).replace(PUBLIC, mail_bot.url, 1)

    async with Browser() as browser:
        await browser.open(link)
        shown = await browser.wait_for_text("Aanmelding, stap 1 van 7")
        assert "Aanmelden bij het RET Jeugd Twente (voorbeeld)" in shown
        assert "Je meldt aan als" in shown and REFERRER in shown
        keep("verwijzer-welkom.png", await browser.screenshot(), tmp_path)
        for number, section in enumerate(SECTIONS, start=1):
            await fill_and_click(browser, labelled_answers(section), "Volgende")
            after = (
                f"Aanmelding, stap {number + 1} van 7" if number < 7 else "Controleer je aanmelding"
            )
            await browser.wait_for_text(after)
        keep("verwijzer-overzicht.png", await browser.screenshot(), tmp_path)
        await fill_and_click(browser, [], "Aanmelding indienen")
        await browser.wait_for_text("Bevestig je e-mailadres")
        code = await code_from(smtp_server, REFERRER, count=2)  # the link, then the code
        await fill_and_click(browser, [("De code uit de e-mail", code)], "Aanmelding indienen")
        done = await browser.wait_for_text("ingediend onder nummer")
        keep("verwijzer-ingediend.png", await browser.screenshot(), tmp_path)

    async with mail_bot.app[RETBOT].engine.connect() as connection:
        [case] = list(await connection.execute(select(CaseRow)))
    assert f"ingediend onder nummer {case.number}" in done
    assert case.referrer_channel_id == "email" and case.referrer_user_id == REFERRER
    assert '"maatregel": "ots"' in case.answers and '"gemeente": "Hengelo"' in case.answers
    assert '"problematiek_jeugdige": ["trauma", "hechting"]' in case.answers
    joined = [a for a in mail_bot.directline.activities() if a["type"] == "event"]
    assert joined and all(a["from"]["id"].startswith("dl_ref_") for a in joined)
