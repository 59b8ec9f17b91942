"""Referrers from other organisations as guests in the RET's Teams tenant: Teams sends their
activities with the RET's tenant id (the tenant they are a guest in), their guest object id,
and the connector knows them by a `#EXT#` user principal name. The tenant allow-list lets
them in; the roster decides whether they are a member, on the e-mail address Teams gives,
never on a guest UPN read as an address."""

import uuid

import pytest
from sqlalchemy import select

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from bot.settings import Settings
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.cards.menu import MENU_KEY, MenuChoice
from storage.models import CaseRow
from tests.support import RunningBot
from tests.test_intake_flow import VALID, fill, start
from tests.test_member_lookup import CHAIR_EMAIL, NOT_ALLOWED, a_case, remembered, with_members

RET_TENANT = "11111111-0000-0000-0000-00000000000a"
OTHER_TENANT = "22222222-0000-0000-0000-00000000000b"
GUEST_HOME = "p.devries@wijkteam-hengelo.example.org"


def guest_upn(address: str) -> str:
    """How Entra ID names a guest in the host tenant: the home address, '@' as '_'."""
    return address.replace("@", "_") + "#EXT#@rettwente.onmicrosoft.com"


@pytest.fixture
async def gated_bot(database_url, ret):
    """Only the RET's tenant; the voorzitter listed by e-mail only (as a RET lists members
    from partner organisations)."""

    def chair_by_email(member):
        is_her = member.email == CHAIR_EMAIL
        return member.model_copy(update={"aad_object_id": None}) if is_her else member

    settings = Settings(database_url=database_url, allowed_tenants=RET_TENANT)
    running = await RunningBot(settings, with_members(ret, chair_by_email)).start()
    yield running
    await running.stop()


def guest(bot, connector, http, name: str, account: dict) -> Conversation:
    """A guest in the RET's tenant, in a personal chat with retbot, as Teams sends it."""
    talk = Conversation(bot.messages_url, connector, http, user_name=f"{name} (Gast)")
    talk.channel_id = "msteams"
    talk.user |= {"id": f"29:1{uuid.uuid4().hex}", "aadObjectId": str(uuid.uuid4())}
    talk.extra = {
        "conversation": {"id": talk.id, "conversationType": "personal", "tenantId": RET_TENANT},
        "channelData": {"tenant": {"id": RET_TENANT}},
    }
    connector.directory[talk.user["id"]] = account
    return talk


async def test_a_guest_referrer_gets_the_referrer_experience_not_a_refusal(
    gated_bot, connector, http
):
    bot = gated_bot
    petra = guest(
        bot,
        connector,
        http,
        "Petra de Vries",
        {"email": GUEST_HOME, "userPrincipalName": guest_upn(GUEST_HOME)},
    )

    welcome = await petra.join()
    await start(petra)
    for section in VALID:
        await fill(petra, section)
    submitted = await petra.submit({INTAKE_KEY: SUBMIT})
    overview = await petra.submit({MENU_KEY: MenuChoice.CASUSSEN.value})
    number = submitted.texts()[0].split("**")[1]
    triage = await petra.execute("triage.consultatie", {"case": number})

    assert welcome.texts()[0].startswith("Welkom! Ik ben retbot")
    assert not any("alleen beschikbaar" in t for t in welcome.texts())
    assert f"onder nummer **{number}**" in submitted.texts()[0]
    async with bot.app[RETBOT].engine.connect() as connection:
        [row] = list(await connection.execute(select(CaseRow)))
    assert row.referrer_user_id == petra.user["id"]
    assert row.referrer_aad_object_id == petra.user["aadObjectId"]
    assert overview.cards()[0]["body"][0]["text"] == "Mijn casussen"
    assert number in str(overview.cards()[0])
    assert triage.body["value"] == NOT_ALLOWED  # a referrer, not a member
    # Asked once who she is; kept only that she matched nobody, never her own address.
    assert connector.member_lookups == [petra.user["id"]]
    assert await remembered(bot) == {petra.user["aadObjectId"]: None}


async def test_a_guest_on_the_roster_is_recognised_by_the_address_teams_gives(
    gated_bot, connector, http
):
    bot = gated_bot
    number = await a_case(bot)
    chair = guest(
        bot,
        connector,
        http,
        "Marieke Hofstede",
        {"email": CHAIR_EMAIL.upper(), "userPrincipalName": guest_upn(CHAIR_EMAIL)},
    )

    decided = await chair.execute("triage.consultatie", {"case": number})

    assert "besloten door Marieke Hofstede" in decided.body["value"]["body"][-1]["text"]
    assert await remembered(bot) == {chair.user["aadObjectId"]: CHAIR_EMAIL}


async def test_a_guest_upn_is_never_read_as_an_address(gated_bot, connector, http):
    """Without an e-mail address, the `#EXT#` name that spells the voorzitter's address is
    not taken for it: a mismatch is never guessed."""
    bot = gated_bot
    number = await a_case(bot)
    lookalike = guest(
        bot, connector, http, "Marieke Hofstede", {"userPrincipalName": guest_upn(CHAIR_EMAIL)}
    )

    refused = await lookalike.execute("triage.consultatie", {"case": number})

    assert refused.body["value"] == NOT_ALLOWED
    assert await remembered(bot) == {lookalike.user["aadObjectId"]: None}


async def test_a_user_of_another_tenant_is_still_refused(gated_bot, connector, http):
    """The same person in their own organisation's tenant (not as a guest) is refused."""
    elsewhere = guest(gated_bot, connector, http, "Petra de Vries", {"email": GUEST_HOME})
    elsewhere.extra["conversation"]["tenantId"] = OTHER_TENANT
    elsewhere.extra["channelData"] = {"tenant": {"id": OTHER_TENANT}}

    refused = await elsewhere.say("Ik wil een jongen aanmelden")

    assert refused.texts()[0].startswith("Sorry, deze bot is alleen beschikbaar")
    assert connector.member_lookups == []
