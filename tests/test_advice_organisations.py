"""An afspraak for the paying gemeente (or any betrokken organisatie of the RET file), its
mandate confirmed by the contact the RET file names: by a signed link in an e-mail when
they are not in Teams (aiosmtpd), on the mandate card when they are on the roster; and the
voorzitter correcting the paying gemeente. Through the real app over HTTP, the advies read
back with python-docx."""

import asyncio
import re
from datetime import UTC, timedelta

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from dialogs.cards.advice import VERB_CONFIRM
from domain.documents import DocumentKind
from domain.ret import Member, RetConfig
from domain.roles import Role
from storage.models import (
    AdviceRow,
    AuditRow,
    CaseEventRow,
    CaseFactRow,
    FollowUpAskRow,
    MandateRow,
)
from tests.smtp_server import SmtpServer, body_of, readable
from tests.support import RunningBot, assert_valid_card, emails_at_once
from tests.test_advice_flow import (
    ADVIES,
    GGZ,
    SAMENVATTING,
    SOON,
    THIJS_AAD,
    case_at_the_table,
    form_values,
    in_channel,
    open_form,
    organisation_sections,
    rows,
)
from tests.test_advice_flow import ret as ret
from tests.test_advies_document import afspraken_table, read, store_of

ENSCHEDE = "Gemeente Enschede"
ILSE = "i.brinkman@enschede.example.org"  # its contact in the example RET file
ILSE_AAD = "0b7e1d52-4c1a-4e0f-a1d2-00000000a0e5"
BESCHIKKING = "Geeft de beschikking voor het gezinshuis af"
LINK = re.compile(r"https?://[^\s/]+(/mandaat/[A-Za-z0-9_.\-]+)")
FOLLOW_UP_LINK = re.compile(r"https?://[^\s/]+(/follow-up/[A-Za-z0-9_.\-]+)")


@pytest.fixture
async def bot(database_url, ret, smtp_server):
    running = await RunningBot(smtp_server.settings(database_url), emails_at_once(ret)).start()
    yield running
    await running.stop()


def gemeente_afspraak(**changes) -> dict:
    """The form with a third afspraak, for the gemeente, and the paying gemeente corrected
    from Hengelo (given at the intake) to Enschede."""
    third = {"organisatie_3": ENSCHEDE, "actie_3": BESCHIKKING, "deadline_3": SOON}
    return form_values(**third, gemeente="Enschede", **changes)


async def issue_with_gemeente(bot, connector, http):
    chair, _, channel, number = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    seen = len(connector.received[channel.id])
    done = await chair.submit({**submit_data, **gemeente_afspraak()})
    async with asyncio.timeout(5):
        card = (await connector.wait_for(channel.id, seen + 1))[seen]["attachments"][0]["content"]
    return chair, channel, number, card, done


async def mandate_path(bot, smtp_server: SmtpServer) -> str:
    """The page's path in the e-mail to the gemeente's contact (sent with the advice)."""
    await bot.app[RETBOT].dispatcher.drain()
    [mail] = asked(smtp_server)
    return LINK.search(body_of(mail))[1]


def asked(smtp_server: SmtpServer) -> list:
    """The e-mails that ask the gemeente's contact for its mandate."""
    return [m for m in smtp_server.to(ILSE) if m["Subject"].startswith("Mandaat gevraagd")]


async def test_the_gemeente_confirms_its_afspraak_by_the_link_in_its_email(
    bot, connector, http, smtp_server
):
    chair, channel, number, card, done = await issue_with_gemeente(bot, connector, http)
    path = await mandate_path(bot, smtp_server)
    [mail] = asked(smtp_server)
    [document_mail] = [m for m in smtp_server.to(ILSE) if m not in asked(smtp_server)]
    thijs = in_channel(channel, "Thijs Wennink", THIJS_AAD)
    by_thijs = await thijs.execute(VERB_CONFIRM, {"case": number, "organisation": ENSCHEDE})

    async with http.get(bot.url + path) as page:
        shown = await page.text()
        assert page.status == 200
    async with http.post(bot.url + path, data={"antwoord": "niet_bevestigen"}) as no_reason:
        assert no_reason.status == 422
        assert "Schrijf eerst waarom" in await no_reason.text()
    channel_seen = len(connector.received[channel.id])
    chair_seen = len(connector.received[chair.id])
    reason = "De beschikking kan pas na het woonplaatsonderzoek."
    async with http.post(
        bot.url + path, data={"antwoord": "niet_bevestigen", "reden": reason}
    ) as declined:
        assert declined.status == 200
        assert "Niet bevestigd door Ilse Brinkman" in await declined.text()
    await bot.app[RETBOT].dispatcher.drain()
    told_channel = [a.get("text") for a in connector.received[channel.id][channel_seen:]]
    told_chair = [a.get("text") for a in connector.received[chair.id][chair_seen:]]
    async with http.post(bot.url + path, data={"antwoord": "bevestigen"}) as confirmed:
        assert confirmed.status == 200
        assert "Bevestigd door Ilse Brinkman" in await confirmed.text()
    async with http.post(bot.url + path, data={"antwoord": "bevestigen"}) as again:
        assert again.status == 409
    async with http.get(bot.url + "/mandaat/" + "x" * 40) as forged:
        assert forged.status == 404
    await bot.app[RETBOT].dispatcher.drain()

    assert f"Het advies voor {number} is vastgelegd." in done.texts()[0]
    # The e-mail: case number, initials and the link; nothing of the advice itself.
    assert number in mail["Subject"] and "J.D." in mail["Subject"]
    whole = readable(mail)
    assert "Beste Ilse Brinkman" in whole and ENSCHEDE in whole
    for private in (SAMENVATTING, ADVIES, BESCHIKKING, "Hengelo"):
        assert private not in whole
    # She is on the verzendlijst too: the advies by its link, like a kernteamlid by e-mail.
    assert "/documents/" in readable(document_mail) and SAMENVATTING not in readable(document_mail)
    # The mandate card: the gemeente's afspraak, asked of its contact, no buttons there.
    assert_valid_card(card)
    enschede = organisation_sections(card)[ENSCHEDE]
    assert BESCHIKKING in enschede["items"][1]["text"]
    assert enschede["items"][-1]["text"] == (
        "Gevraagd aan Ilse Brinkman per e-mail; het antwoord verschijnt hier."
    )
    assert not any(i["type"] == "ActionSet" for i in enschede["items"])
    assert by_thijs.body["value"].startswith("Alleen een kernteamlid van deze organisatie")
    # The page: the organisation's part only.
    assert number in shown and ENSCHEDE in shown and BESCHIKKING in shown
    assert SAMENVATTING not in shown and "Traumabehandeling" not in shown
    # A decline counts like a kernteamlid's: the voorzitter hears it, the reason privately.
    assert told_channel == [
        f"Ilse Brinkman kan het deel van {ENSCHEDE} in het advies voor {number} (J.D.) niet "
        "bevestigen. Voorzitter: de reden staat in je eigen chat met mij en in het verloop "
        "van de casus."
    ]
    assert told_chair[0] == (
        f"Ilse Brinkman kan het deel van {ENSCHEDE} in het advies voor {number} (J.D.) niet "
        f"bevestigen. Reden: {reason}"
    )
    [mandate] = [m for m in await rows(bot, MandateRow) if m.organisation == ENSCHEDE]
    assert (mandate.answer, mandate.answered_by) == ("bevestigd", "Ilse Brinkman")
    events = [(e.kind, e.text) for e in await rows(bot, CaseEventRow)]
    assert ("mandaat niet bevestigd", f"{ENSCHEDE}: {reason}") in events
    assert [a.channel for a in await rows(bot, AuditRow) if a.action == "mandaat bevestigd"] == [
        "web"
    ]
    # The newest advies: the gemeente's afspraak with its mandate, the corrected gemeente.
    version = await store_of(bot).latest(DocumentKind.ADVIES, number)
    document = read(version.content)
    table = afspraken_table(document)
    row = next(r for r in table.rows if r.cells[0].text == ENSCHEDE)
    assert row.cells[2].text == BESCHIKKING
    assert row.cells[4].text.startswith("Ilse Brinkman, ")  # confirmed (not "Niet bevestigd")
    facts = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert facts["Verantwoordelijke gemeente"] == (
        "Enschede (volgens het woonplaatsbeginsel, vastgesteld door de voorzitter; bij "
        "aanmelding: Hengelo)"
    )
    [binding] = [p.text for p in document.paragraphs if "nog open:" in p.text]
    assert GGZ in binding and ENSCHEDE not in binding  # the others have not answered yet
    assert version.version == 3  # issued, declined, confirmed
    paragraphs = [p.text for p in document.paragraphs]
    assert f"– Ilse Brinkman, {ENSCHEDE}, Gemeente" in paragraphs


async def test_the_corrected_gemeente_is_recorded_audited_and_counted(bot, connector, http):
    _, _, number, _, _ = await issue_with_gemeente(bot, connector, http)

    async with bot.app[RETBOT].engine.connect() as connection:
        fact = (
            await connection.execute(select(CaseFactRow).where(CaseFactRow.case_number == number))
        ).one()
    events = [(e.kind, e.text) for e in await rows(bot, CaseEventRow)]
    audited = [a.action for a in await rows(bot, AuditRow) if a.case_number == number]

    assert fact.gemeente == "Enschede"  # what the report counts per woongemeente
    assert ("gemeente gecorrigeerd", "Hengelo → Enschede") in events
    assert "gemeente gecorrigeerd" in audited


async def test_an_unchanged_gemeente_is_no_correction(bot, connector, http):
    chair, *_ = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)
    await chair.submit({**submit_data, **form_values(gemeente="Hengelo")})
    unknown = await chair.submit({**submit_data, **form_values(gemeente="Utrecht")})

    events = [e.kind for e in await rows(bot, CaseEventRow)]
    assert "advies gegeven" in events and "gemeente gecorrigeerd" not in events
    assert "al vastgelegd" in unknown.texts()[0]


async def test_a_gemeente_outside_the_ret_is_refused(bot, connector, http):
    chair, *_ = await case_at_the_table(bot, connector, http)
    _, submit_data = await open_form(chair)

    refused = await chair.submit({**submit_data, **form_values(gemeente="Utrecht")})

    [step] = refused.cards()
    assert step["body"][1]["text"].startswith("Stap 1 van 4")
    assert "Kies de betalende gemeente uit de lijst." in str(step["body"][2])
    assert await rows(bot, MandateRow) == []


@pytest.fixture
def ret_with_ilse(ret: RetConfig) -> RetConfig:
    """The gemeente's contact is on the roster too (in the flexibele schil): she answers in
    Teams, on the mandate card."""
    ilse = Member(
        name="Ilse Brinkman",
        email=ILSE,
        aad_object_id=ILSE_AAD,
        organisation=ENSCHEDE,
        role=Role.FLEXIBELE_SCHIL,
    )
    return ret.model_copy(update={"members": (*ret.members, ilse)})


async def test_a_contact_on_the_roster_confirms_on_the_card(
    database_url, ret_with_ilse, smtp_server, connector, http
):
    bot = await RunningBot(
        smtp_server.settings(database_url), emails_at_once(ret_with_ilse)
    ).start()
    try:
        _, channel, number, card, _ = await issue_with_gemeente(bot, connector, http)
        data = {"case": number, "organisation": ENSCHEDE}
        by_thijs = await in_channel(channel, "Thijs Wennink", THIJS_AAD).execute(VERB_CONFIRM, data)
        by_ilse = await in_channel(channel, "Ilse Brinkman", ILSE_AAD).execute(VERB_CONFIRM, data)
        await bot.app[RETBOT].dispatcher.drain()
        mandates = {m.organisation: m.answered_by for m in await rows(bot, MandateRow)}
    finally:
        await bot.stop()

    assert not [m for m in smtp_server.received if LINK.search(readable(m))]
    enschede = organisation_sections(card)[ENSCHEDE]
    assert any(i["type"] == "ActionSet" for i in enschede["items"])
    assert by_thijs.body["value"].startswith("Alleen een kernteamlid van deze organisatie")
    assert organisation_sections(by_ilse.body["value"])[ENSCHEDE]["items"][-1]["text"].startswith(
        "Bevestigd door Ilse Brinkman"
    )
    assert mandates == {ENSCHEDE: "Ilse Brinkman"}
    assert GGZ not in mandates


async def test_the_gemeente_is_asked_how_its_afspraak_goes_by_its_contact(
    bot, connector, http, smtp_server, ret
):
    _, _, number, _, _ = await issue_with_gemeente(bot, connector, http)
    [advice] = await rows(bot, AdviceRow)
    issued_at = (
        advice.issued_at if advice.issued_at.tzinfo else advice.issued_at.replace(tzinfo=UTC)
    )
    await bot.app[RETBOT].jobs.follow_up(issued_at + timedelta(days=ret.follow_up.first_after_days))
    await bot.app[RETBOT].dispatcher.drain()
    [mail] = [m for m in smtp_server.to(ILSE) if "/follow-up/" in body_of(m)]
    path = FOLLOW_UP_LINK.search(body_of(mail))[1]
    async with http.post(bot.url + path, data={"voortgang": "loopt volgens plan"}) as answered:
        assert answered.status == 200

    whole = readable(mail)
    assert "Beste Ilse Brinkman" in whole and number in whole and ENSCHEDE in whole
    assert BESCHIKKING not in whole and SAMENVATTING not in whole
    [ask] = [a for a in await rows(bot, FollowUpAskRow) if a.organisation == ENSCHEDE]
    assert ask.answered_at is not None
