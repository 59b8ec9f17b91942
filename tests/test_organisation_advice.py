"""Advies aan de moederorganisatie through the real app and a real SMTP server: on a
leerpunt in the voorzitter's overview, a letter (Word, house style, case number and
initials only) goes to the organisation's contact from the RET file through the outbox,
once, recorded on the case, and counted per kind of organisation in the report."""

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from docx import Document

from bot.app import RETBOT
from dialogs.cards.evaluation import LEARNED_INPUT, THEME_INPUT, WORKED_INPUT
from dialogs.cards.learning import ADVICE_INPUT, ORGANISATION_INPUT
from documents.house_style import load_house_style
from documents.report import write_report
from domain.report import Period
from domain.ret import DocumentSettings
from storage.case_archive import CaseArchive
from storage.database import create_session_factory
from storage.encryption import PLAIN, PREFIX, FieldCipher
from storage.learning import SqlLearningRepository
from storage.models import (
    AuditRow,
    CaseEventRow,
    DocumentVersionRow,
    OrganisationAdviceRow,
    OutboxRow,
)
from storage.rekey import reencrypt_all
from storage.report_build import period_report
from storage.retention import ANONYMOUS, anonymise_closed_cases
from tests.smtp_server import body_of, readable
from tests.support import RunningBot, emails_at_once
from tests.test_advice_flow import (
    ADVIES,
    SAMENVATTING,
    ret,  # noqa: F401  (the example RET with Teams ids for two kernteamleden)
    rows,
)
from tests.test_evaluation_flow import LEARNED, WORKED, answer, closed
from tests.test_minimal_data import PERSONAL

RET = "RET Jeugd Twente (voorbeeld)"
GEMEENTE = "Gemeente Hengelo"
CONTACT = "h.veldhuis@hengelo.example.org"
ADVICE = "Maak een vaste contactpersoon voor vastgelopen plaatsingen, bereikbaar binnen een week."
LINK = re.compile(r"https?://[^\s/]+(/documents/[A-Za-z0-9_.\-]+)")


@pytest.fixture
def attach() -> bool:
    return False


@pytest.fixture
async def bot(database_url, ret, smtp_server, attach):  # noqa: F811
    configured = emails_at_once(ret).model_copy(
        update={"documents": DocumentSettings(attach_to_email=attach)}
    )
    running = await RunningBot(smtp_server.settings(database_url), configured).start()
    yield running
    await running.stop()


async def with_leerpunt(bot, connector, http):
    """A closed case with one evaluation and a leerpunt; the overview the voorzitter sees."""
    done = await closed(bot, connector, http)
    case = done.case
    await case.thijs.submit(answer(done.number))
    overview = (await case.chair.say(f"evaluatie {done.number}")).cards()[-1]
    data = overview["actions"][0]["card"]["actions"][0]["data"]
    await case.chair.submit(
        {**data, THEME_INPUT: "wachtlijst", LEARNED_INPUT: LEARNED, WORKED_INPUT: WORKED}
    )
    return done, (await case.chair.say(f"evaluatie {done.number}")).cards()[-1]


def advice_form(overview: dict) -> dict:
    """The 'Advies aan organisatie' form on the (only) leerpunt."""
    [action] = [
        a
        for block in overview["body"]
        for item in block.get("items", [])
        if item.get("type") == "ActionSet"
        for a in item["actions"]
    ]
    assert action["title"] == "Advies aan organisatie"
    return action["card"]


def letter_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


async def test_the_voorzitter_sends_advice_on_a_leerpunt_as_a_letter_by_email(
    bot, connector, http, smtp_server
):
    done, overview = await with_leerpunt(bot, connector, http)
    number, chair = done.number, done.case.chair
    form = advice_form(overview)
    choices = form["body"][0]["choices"]
    assert {"title": GEMEENTE, "value": GEMEENTE} in choices  # its name says it is a gemeente
    gi = {
        "title": "Jeugdbescherming Oost (gecertificeerde instelling)",
        "value": "Jeugdbescherming Oost",
    }
    assert gi in choices
    smtp_server.received.clear()
    values = {**form["actions"][0]["data"], ORGANISATION_INPUT: GEMEENTE, ADVICE_INPUT: ADVICE}

    sent = await chair.submit(values)
    again = await chair.submit(values)

    assert sent.texts() == [
        "De brief met je advies is per e-mail verstuurd aan Henk Veldhuis (beleidsadviseur "
        f"jeugd) van {GEMEENTE}, en staat bij {number}."
    ]
    assert again.texts() == ["Deze brief is al verstuurd; er is niets dubbel verstuurd."]
    [mail] = smtp_server.to(CONTACT)  # once, though the form was sent twice
    assert mail["Subject"] == f"Advies van {RET} naar aanleiding van casus {number} (J.D.)"
    body = body_of(mail)
    assert body.startswith("Beste Henk Veldhuis,")
    assert not mail.is_multipart() or all(
        p.get_content_type().startswith("text/") for p in mail.walk() if not p.is_multipart()
    )
    whole = readable(mail)
    for private in (ADVICE, LEARNED, WORKED, SAMENVATTING, ADVIES, "Inge Referent", *PERSONAL):
        assert private not in whole, private

    async with http.get(bot.url + LINK.search(body).group(1)) as download:
        assert download.status == 200
        letter = await download.read()
    shown = letter_text(letter)
    for part in (
        "Advies aan de moederorganisatie",
        "Henk Veldhuis",
        GEMEENTE,
        f"casus {number} (J.D.)",
        "Thema: wachtlijst",
        LEARNED,
        WORKED,
        ADVICE,
        "Marieke Hofstede",
    ):
        assert part in shown, part
    for private in (SAMENVATTING, ADVIES, "Inge Referent", "Jeugdbescherming Oost", *PERSONAL):
        assert private not in shown, private
    document = Document(io.BytesIO(letter))
    languages = document.styles.element.xpath("//w:rPrDefault//w:lang/@w:val")
    assert languages == ["nl-NL"]

    [row] = await rows(bot, OrganisationAdviceRow)
    assert (row.organisation, row.organisation_kind, row.sent_by) == (
        GEMEENTE,
        "gemeente",
        "Marieke Hofstede",
    )
    events = [(e.kind, e.text) for e in await rows(bot, CaseEventRow) if e.case_number == number]
    assert events.count(("advies aan organisatie", GEMEENTE)) == 1
    audits = [a.action for a in await rows(bot, AuditRow) if a.case_number == number]
    assert "advies aan organisatie" in audits and "brief v1 opgehaald" in audits
    [queued] = [r for r in await rows(bot, OutboxRow) if (r.notice_key or "").startswith("brief:")]
    assert (queued.status, queued.scope) == ("sent", "email")

    again_shown = str((await chair.say(f"evaluatie {number}")).cards()[-1])
    assert f"Advies aan {GEMEENTE} verstuurd op " in again_shown


@pytest.mark.parametrize("attach", [True])
async def test_the_letter_goes_attached_when_the_ret_file_allows_it(
    bot, connector, http, smtp_server
):
    done, overview = await with_leerpunt(bot, connector, http)
    form = advice_form(overview)
    smtp_server.received.clear()
    values = {**form["actions"][0]["data"], ORGANISATION_INPUT: GEMEENTE, ADVICE_INPUT: ADVICE}

    await done.case.chair.submit(values)

    [mail] = smtp_server.to(CONTACT)
    assert LINK.search(body_of(mail)) is None
    [letter] = [p for p in mail.iter_attachments()]
    assert letter.get_filename() == f"advies-aan-organisatie-{done.number}.docx"
    assert ADVICE in letter_text(letter.get_content())


async def test_only_the_voorzitter_sends_and_only_to_an_organisation_of_the_ret_file(
    bot, connector, http, smtp_server
):
    done, overview = await with_leerpunt(bot, connector, http)
    data = advice_form(overview)["actions"][0]["data"]
    values = {**data, ORGANISATION_INPUT: GEMEENTE, ADVICE_INPUT: ADVICE}
    smtp_server.received.clear()

    by_thijs = await done.case.thijs.submit(values)
    elsewhere = await done.case.chair.submit({**values, ORGANISATION_INPUT: "Gemeente Utrecht"})
    empty = await done.case.chair.submit({**values, ADVICE_INPUT: "  "})
    too_long = await done.case.chair.submit({**values, ADVICE_INPUT: "x" * 1001})
    other_leerpunt = await done.case.chair.submit({**values, "leerpunt_id": 999})

    assert by_thijs.texts() == [
        "Alleen de voorzitter van het RET bekijkt evaluaties en legt leerpunten vast."
    ]
    assert elsewhere.texts() == ["Kies een organisatie uit het RET-bestand."]
    assert empty.texts() == ["Schrijf het advies; er is niets verstuurd."]
    assert too_long.texts() == ["Houd het advies korter dan 1000 tekens; er is niets verstuurd."]
    assert other_leerpunt.texts() == ["Dat leerpunt hoort niet bij deze casus."]
    assert await rows(bot, OrganisationAdviceRow) == []
    assert smtp_server.received == []


async def test_report_export_and_purge_cover_the_letters(
    bot, connector, http, smtp_server, tmp_path
):
    done, overview = await with_leerpunt(bot, connector, http)
    data = advice_form(overview)["actions"][0]["data"]
    await done.case.chair.submit({**data, ORGANISATION_INPUT: GEMEENTE, ADVICE_INPUT: ADVICE})
    sessions = create_session_factory(bot.app[RETBOT].engine)
    now = datetime.now(UTC)
    period = Period(now.date() - timedelta(days=1), now.date() + timedelta(days=1))

    report = await period_report(sessions, PLAIN, RET, period, now)
    out = tmp_path / "rapportage.docx"
    write_report(report, "docx", out, load_house_style())
    archive = CaseArchive(sessions)
    exported = await archive.export(done.number, "functionaris")
    closed_at = max(e.at for e in await rows(bot, CaseEventRow) if e.kind.startswith("afgesl"))
    closed_at = closed_at if closed_at.tzinfo else closed_at.replace(tzinfo=UTC)
    anonymised = await anonymise_closed_cases(sessions, closed_at + timedelta(seconds=1), now)
    [kept] = await rows(bot, OrganisationAdviceRow)
    letters = [d for d in await rows(bot, DocumentVersionRow) if d.kind == "brief"]
    purged = await archive.purge(done.number, "functionaris")

    assert report.organisation_advice == {"gemeente": 1}
    shown = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Advies aan organisaties (brieven): gemeente 1" in shown
    [letter] = exported["leren"]["adviezen_aan_organisaties"]
    assert (letter["organisatie"], letter["advies"]) == (GEMEENTE, ADVICE)
    assert any(d["soort"] == "brief" for d in exported["documenten"])
    assert anonymised == [done.number]
    assert (kept.advice, kept.sent_by, kept.sent_to) == (None, ANONYMOUS, ANONYMOUS)
    assert (kept.organisation, kept.organisation_kind) == (GEMEENTE, "gemeente")  # still counted
    assert letters == []  # the letter went with the case's other documents
    assert purged
    assert await rows(bot, OrganisationAdviceRow) == []


async def test_when_the_mail_server_refuses_the_voorzitter_hears_it_waits(
    bot, connector, http, smtp_server
):
    done, overview = await with_leerpunt(bot, connector, http)
    data = advice_form(overview)["actions"][0]["data"]
    smtp_server.received.clear()
    smtp_server.refusals_left = 1

    sent = await done.case.chair.submit(
        {**data, ORGANISATION_INPUT: GEMEENTE, ADVICE_INPUT: ADVICE}
    )

    assert sent.texts() == [
        f"De brief met je advies staat bij {done.number} en gaat per e-mail naar Henk Veldhuis "
        f"(beleidsadviseur jeugd) van {GEMEENTE} zodra de e-mail kan worden verstuurd; retbot "
        "blijft het vanzelf proberen."
    ]
    assert smtp_server.to(CONTACT) == []
    [queued] = [r for r in await rows(bot, OutboxRow) if (r.notice_key or "").startswith("brief:")]
    assert queued.status != "sent" and queued.attempts == 1


async def test_the_advice_is_encrypted_at_rest_and_rotated(bot, connector, http, smtp_server):
    """With a data key, the advice's text is stored encrypted, like the leerpunt it is on."""
    done, overview = await with_leerpunt(bot, connector, http)
    data = advice_form(overview)["actions"][0]["data"]
    await done.case.chair.submit({**data, ORGANISATION_INPUT: GEMEENTE, ADVICE_INPUT: ADVICE})
    sessions = create_session_factory(bot.app[RETBOT].engine)
    cipher = FieldCipher(Fernet.generate_key().decode())

    await reencrypt_all(sessions, cipher)

    [row] = await rows(bot, OrganisationAdviceRow)
    assert row.advice.startswith(PREFIX) and ADVICE not in str(row)
    [sent] = await SqlLearningRepository(sessions, cipher).sent_advice(done.number)
    assert (sent.organisation, sent.advice) == (GEMEENTE, ADVICE)
