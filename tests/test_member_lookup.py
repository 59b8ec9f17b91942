"""Roster members listed by email only, recognised in Teams through the email the Bot
Connector gives for the user: asked once, remembered, and a failing connector only means
"not recognised this time"."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from bot.settings import Settings
from dialogs.cards.advice import VERB_CONFIRM
from dialogs.cards.cases import CLOSE_KEY, close_reason_id
from dialogs.cards.menu import MENU_KEY, MenuChoice
from dialogs.cards.triage import VERB_DETAILS
from domain.cases import Referrer
from domain.intake import SECTIONS, check_section
from storage.cases import SqlCaseRepository
from storage.models import MemberEmailRow
from tests.support import RunningBot
from tests.test_advice_flow import GGZ, in_channel, issued, organisation_sections
from tests.test_consult_flow import (
    KERNTEAM_AAD,
    ask_unknown_question,
    aware,
    consultations,
    person,
)
from tests.test_intake_flow import VALID
from tests.test_triage_flow import status_of

TENANT = "9a7b1c2d-0000-4000-8000-00000000feed"
CHAIR_EMAIL = "m.hofstede@ret-twente.example.org"
NOT_ALLOWED = "Alleen de voorzitter van het RET kan aanmeldingen triëren."


def with_members(ret, change):
    return ret.model_copy(update={"members": tuple(change(m) for m in ret.members)})


@pytest.fixture
async def email_only_chair_bot(database_url, ret):
    """The example RET, but the voorzitter is listed with her email only."""

    def drop_chairs_id(member):
        is_her = member.email == CHAIR_EMAIL
        return member.model_copy(update={"aad_object_id": None}) if is_her else member

    running = await RunningBot(
        Settings(database_url=database_url), with_members(ret, drop_chairs_id)
    ).start()
    yield running
    await running.stop()


def teams_user(bot, connector, http, name: str, email: str | None) -> Conversation:
    """Someone in Teams whose AAD object id is in no roster; the connector knows their email."""
    talk = person(bot, connector, http, name, str(uuid.uuid4()))
    talk.extra["channelData"] = {"tenant": {"id": TENANT}}
    connector.directory[talk.user["id"]] = email
    return talk


async def a_case(bot, referrer_id: str = "29:inge") -> str:
    """A request as the intake stores it, submitted by `referrer_id`."""
    answers: dict = {}
    for section in SECTIONS:
        values, problems = check_section(section, VALID[section.key], bot.ret, date.today())
        assert not problems
        answers |= values
    retbot = bot.app[RETBOT]
    cases = SqlCaseRepository(retbot.jobs.sessions, retbot.jobs.cipher)
    referrer = Referrer("msteams", referrer_id, "Inge Referent")
    return (await cases.submit(referrer, answers, datetime.now(UTC))).case.number


async def remembered(bot) -> dict[str, str | None]:
    async with bot.app[RETBOT].engine.connect() as connection:
        rows = await connection.execute(select(MemberEmailRow))
        return {row.aad_object_id: row.email for row in rows}


async def test_voorzitter_listed_by_email_only_triages_after_one_lookup(
    email_only_chair_bot, connector, http
):
    bot = email_only_chair_bot
    number = await a_case(bot)
    chair = teams_user(
        bot, connector, http, "Marieke Hofstede", "M.Hofstede@RET-twente.example.org"
    )

    await chair.join()

    decided = await chair.execute("triage.consultatie", {"case": number})
    details = await chair.execute(VERB_DETAILS, {"case": number})
    closed = await chair.submit({CLOSE_KEY: number, close_reason_id(number): "opgelost"})
    chair.bot_url = (await bot.restart()).messages_url
    overview = await chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    assert "besloten door Marieke Hofstede" in decided.body["value"]["body"][-1]["text"]
    assert details.body["value"] == "Ik heb de volledige aanmelding in je eigen chat met mij gezet."
    assert closed.texts()[0].startswith(f"{number} is afgesloten (opgelost)")
    assert overview.cards()[0]["body"][0]["text"] == "Casussen van het RET"
    assert connector.member_lookups == [chair.user["id"]]  # once, also after a restart
    assert await remembered(bot) == {chair.user["aadObjectId"]: CHAIR_EMAIL}


async def test_kernteamlid_listed_by_email_only_confirms_the_mandate(bot, connector, http):
    *_, channel, number, _, _ = await issued(bot, connector, http)
    thijs = in_channel(channel, "Thijs Wennink", str(uuid.uuid4()))  # not in the roster
    thijs.extra = {**channel.extra, "channelData": {"tenant": {"id": TENANT}}}
    connector.directory[thijs.user["id"]] = "t.wennink@jggz-debron.example.org"

    confirmed = await thijs.execute(VERB_CONFIRM, {"case": number, "organisation": GGZ})
    again = await thijs.execute(VERB_CONFIRM, {"case": number, "organisation": GGZ})

    sections = organisation_sections(confirmed.body["value"])
    assert sections[GGZ]["items"][-1]["text"].startswith("Bevestigd door Thijs Wennink, ")
    assert again.body["value"] == confirmed.body["value"]
    assert connector.member_lookups == [thijs.user["id"]]  # the second click asked nothing


async def test_others_are_asked_once_and_stay_referrers(bot, connector, http):
    number = await a_case(bot)
    no_email = teams_user(bot, connector, http, "Gast Account", None)
    elsewhere = teams_user(bot, connector, http, "Inge Referent", "inge@wijkteam.example.org")
    other_id = teams_user(bot, connector, http, "Marieke Hofstede", CHAIR_EMAIL)  # listed by id
    listed_by_id = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
    outside_teams = Conversation(bot.messages_url, connector, http, user_name="Thijs Wennink")
    outside_teams.user["aadObjectId"] = str(uuid.uuid4())
    outside_teams.extra = {"channelData": {"tenant": {"id": TENANT}}}
    connector.directory[outside_teams.user["id"]] = "t.wennink@jggz-debron.example.org"

    answers = [
        await who.execute("triage.ret_tafel", {"case": number})
        for who in (no_email, no_email, elsewhere, elsewhere, other_id, listed_by_id, outside_teams)
    ]

    assert [a.body["value"] for a in answers] == [NOT_ALLOWED] * 7
    asked = [no_email, elsewhere, other_id]
    assert connector.member_lookups == [who.user["id"] for who in asked]
    # Kept: that they matched nobody listed by email. Never a referrer's own address.
    assert await remembered(bot) == {who.user["aadObjectId"]: None for who in asked}


async def test_a_failing_connector_means_not_recognised_this_time(
    email_only_chair_bot, connector, http
):
    bot = email_only_chair_bot
    number = await a_case(bot)
    chair = teams_user(bot, connector, http, "Marieke Hofstede", CHAIR_EMAIL)
    connector.members_status = 503

    refused = await chair.execute("triage.consultatie", {"case": number})
    overview = await chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    assert refused.status == 200 and refused.body["value"] == NOT_ALLOWED
    assert overview.cards()[0]["body"][0]["text"] == "Mijn casussen"  # a referrer's view
    assert await status_of(bot, number) == "aangemeld"
    assert await remembered(bot) == {}  # a failure is not remembered: asked again next time

    connector.members_status = 200
    decided = await chair.execute("triage.consultatie", {"case": number})

    assert "besloten door Marieke Hofstede" in decided.body["value"]["body"][-1]["text"]
    assert len(connector.member_lookups) == 3


async def test_an_answer_older_than_a_week_is_asked_again(email_only_chair_bot, connector, http):
    bot = email_only_chair_bot
    number = await a_case(bot)
    chair = teams_user(bot, connector, http, "Marieke Hofstede", CHAIR_EMAIL)
    await chair.execute(VERB_DETAILS, {"case": number})
    async with bot.app[RETBOT].engine.begin() as connection:
        await connection.execute(
            update(MemberEmailRow).values(looked_up_at=datetime.now(UTC) - timedelta(days=8))
        )

    decided = await chair.execute("triage.consultatie", {"case": number})

    assert "besloten door Marieke Hofstede" in decided.body["value"]["body"][-1]["text"]
    assert connector.member_lookups == [chair.user["id"]] * 2


async def test_nobody_is_asked_about_when_every_member_has_an_id(
    database_url, ret, connector, http
):
    def give_an_id(member):
        return member.model_copy(update={"aad_object_id": member.aad_object_id or member.email})

    bot = RunningBot(Settings(database_url=database_url), with_members(ret, give_an_id))
    await bot.start()
    try:
        stranger = teams_user(bot, connector, http, "Iemand", "t.wennink@jggz-debron.example.org")
        await stranger.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
    finally:
        await bot.stop()

    assert connector.member_lookups == []


async def test_voorzitter_listed_by_email_only_is_reached_in_her_own_chat(
    email_only_chair_bot, connector, http
):
    """No team channel: the question card and its reminder go to the chat of the Teams user
    she was recognised as."""
    bot = email_only_chair_bot
    chair = teams_user(bot, connector, http, "Marieke Hofstede", CHAIR_EMAIL)
    await chair.join()
    await chair.submit({MENU_KEY: MenuChoice.CASUSSEN.value})  # recognised by email here
    asker = person(bot, connector, http, "Inge Referent")
    await asker.join()
    seen = len(connector.received[chair.id])

    await ask_unknown_question(asker)
    [row] = await consultations(bot)
    reminded = await bot.app[RETBOT].jobs.reminders(aware(row.asked_at) + timedelta(days=4))

    to_her = connector.received[chair.id][seen:]
    assert reminded == 1 and len(to_her) == 2
    assert to_her[0]["attachments"][0]["content"]["body"][0]["text"].startswith("Consultatievraag")
    assert to_her[1]["text"].startswith(f"Herinnering: consultatievraag #{row.id}")
