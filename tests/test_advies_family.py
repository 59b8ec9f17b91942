"""The advies reaches the family, as its verzendlijst says: a family that applied itself (zelf
aanmelden, its e-mail address verified with a code) gets a signed link to the document by
e-mail, never its text; otherwise the referrer passes it on. Through the real app over HTTP
with a real SMTP server, the advies read back with python-docx."""

import asyncio
import re

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.self_apply import CODE, CODE_INPUT, CONTACT, SELF_APPLY_KEY
from domain.documents import DocumentKind
from storage.models import AuditRow
from tests.smtp_server import body_of, readable
from tests.support import RunningBot, emails_at_once
from tests.test_advice_flow import (
    ADVIES,
    SAMENVATTING,
    form_values,
    issued,
    meeting_held,
    open_form,
)
from tests.test_advice_flow import ret as ret
from tests.test_advies_document import read, store_of
from tests.test_consult_flow import CHAIR_AAD, person
from tests.test_self_apply_flow import EMAIL, code_from, family, through_consent

LINK = re.compile(r"https?://[^\s/]+(/documents/[A-Za-z0-9_.\-]+)")
FAMILY_LINE = "– Jeugdige en ouders (zelf aangemeld; per e-mail een link naar het advies)"


@pytest.fixture
async def bot(database_url, ret, smtp_server):
    running = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    yield running
    await running.stop()


async def self_applied_case(bot, connector, http, smtp_server) -> tuple:
    """A parent applied with a verified e-mail address; the voorzitter put it on the
    RET-tafel and the meeting took place. Returns the voorzitter's chat and the number."""
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    talk = family(bot, connector, http)
    await through_consent(talk, toestemming_eigen="ja", toestemming_jeugdige="ja")
    await talk.submit({SELF_APPLY_KEY: CONTACT, "email": EMAIL, "telefoon": "06 1234 5678"})
    code = await code_from(smtp_server, EMAIL)
    done = await talk.submit({SELF_APPLY_KEY: CODE, CODE_INPUT: code})
    number = re.search(r"RET-\d{4}-\d{4}", done.texts()[0])[0]
    await chair.execute("triage.ret_tafel", {"case": number})
    await meeting_held(bot, number)
    return chair, number


async def test_a_family_that_applied_itself_gets_a_link_to_the_advies_by_email(
    bot, connector, http, smtp_server
):
    chair, number = await self_applied_case(bot, connector, http, smtp_server)
    before = len(smtp_server.to(EMAIL))
    _, record = await open_form(chair)
    await chair.submit({**record, **form_values()})
    await bot.app[RETBOT].dispatcher.drain()
    async with asyncio.timeout(5):
        while len(smtp_server.to(EMAIL)) == before:  # the document job sends it after the turn
            await bot.app[RETBOT].dispatcher.drain()
    [mail] = smtp_server.to(EMAIL)[before:]
    path = LINK.search(body_of(mail))[1]
    async with http.get(bot.url + path) as download:
        content = await download.read()
        assert download.status == 200

    whole = readable(mail)
    assert mail["Subject"] == f"Het advies van het RET over je aanmelding {number}"
    assert "Je kunt het advies lezen via deze link" in whole
    for private in (SAMENVATTING, ADVIES, "L.M.", "Onze dochter"):
        assert private not in whole  # a link, never the advice's text
    assert not list(mail.iter_attachments())  # the link, not the document
    document = read(content)
    paragraphs = [p.text for p in document.paragraphs]
    start = paragraphs.index("Verzendlijst") + 1
    listed = [p for p in paragraphs[start:] if p.startswith("– ")]
    assert listed[0] == FAMILY_LINE
    assert not any("Ouder (zelf aangemeld)" in p for p in listed)  # no referrer line for them
    stored = read((await store_of(bot).latest(DocumentKind.ADVIES, number)).content)
    assert FAMILY_LINE in [p.text for p in stored.paragraphs]
    async with bot.app[RETBOT].engine.connect() as connection:
        audited = list(await connection.execute(select(AuditRow.action, AuditRow.case_number)))
    assert ("advies v1 opgehaald", number) in audited  # the family's download


async def test_otherwise_the_family_receives_it_through_the_referrer(
    bot, connector, http, smtp_server
):
    _, referrer, _, number, _, _ = await issued(bot, connector, http)
    await bot.app[RETBOT].dispatcher.drain()

    document = read((await store_of(bot).latest(DocumentKind.ADVIES, number)).content)
    listed = [p.text for p in document.paragraphs if p.text.startswith("– ")]
    to_referrer = str(connector.received[referrer.id])

    assert listed[:2] == [
        "– Inge Referent, Jeugdbescherming Oost, Verwijzer",
        "– Jeugdige en ouders (via verwijzer)",
    ]
    assert "Geef het door aan de jeugdige en de ouders" in to_referrer
    assert not [
        m
        for m in smtp_server.received
        if "aanmelding" in m["Subject"].lower() and "advies" in m["Subject"].lower()
    ]
