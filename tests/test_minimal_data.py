"""Data minimisation: whatever the bot posts where the team works (channel) carries a case
number and initials, never the request's details, year of birth or problems; nor does any
message the bot keeps in its outbox."""

import asyncio

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from bot.settings import Settings
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.cards.triage import ANSWER_INPUT, CASE_INFO_KEY, NOTE_INPUT
from domain import vocabularies as v
from storage.models import OutboxRow
from tests.support import RunningBot
from tests.test_intake_flow import VALID, fill, start

PERSONAL = [
    *(VALID["vraag"][k] for k in ("hulpvraag", "geprobeerd", "vastgelopen")),
    VALID["wensen"]["wens_ouders"],
    VALID["aanmelder"]["aanmelder_contact"],
    VALID["onderwijs"]["school_wie"],
    VALID["toestemming"]["contact_gezin"],
    VALID["jeugdige"]["geboortejaar"],
    "Antwoord met details over de moeder",
    *(t.nl for t in v.PROBLEMATIEK_JEUGDIGE if t.code in ("trauma", "hechting")),
    "Pleeggezin",
]


@pytest.fixture
async def sealed_bot(database_url, ret):
    """Outbox payloads are encrypted at rest: the scan below reads them decrypted."""
    settings = Settings(database_url=database_url, data_key=Fernet.generate_key().decode())
    bot = await RunningBot(settings, ret).start()
    yield bot
    await bot.stop()


async def outbox_payloads(bot) -> list[str]:
    """Every message in the outbox (sent or not), decrypted, those for where the voorzitter
    works (the team channel) first."""
    retbot = bot.app[RETBOT]
    async with retbot.engine.connect() as connection:
        rows = list(await connection.execute(select(OutboxRow).order_by(OutboxRow.id)))
    in_channel = [r for r in rows if (r.scope, r.scope_id) == ("chair", "team")]
    others = [r for r in rows if r not in in_channel]
    assert len(in_channel) == 4 and others  # alert, triage card, answer alert, fresh card
    return [retbot.dispatcher.outbox.cipher.decrypt(r.payload) for r in in_channel + others]


async def test_channel_posts_of_a_whole_case_carry_no_personal_details(sealed_bot, connector, http):
    bot = sealed_bot
    channel = Conversation(bot.messages_url, connector, http, user_name="Marieke Hofstede")
    channel.channel_id = "msteams"
    channel.extra = {"conversation": {"id": channel.id, "conversationType": "channel"}}
    channel.user["aadObjectId"] = "6f1c2a90-0d1e-4c55-9b8e-3b7a1f0c0001"
    await channel.send(channel.activity("conversationUpdate", membersAdded=[{"id": "retbot"}]))
    referrer = Conversation(bot.messages_url, connector, http, user_name="Inge Referent")
    referrer.channel_id = "msteams"

    await start(referrer)
    for section in VALID:
        await fill(referrer, section, **({"urgentie": "spoed"} if section == "wensen" else {}))
    await referrer.submit({INTAKE_KEY: SUBMIT})
    async with asyncio.timeout(5):
        posts = await connector.wait_for(channel.id, 3)  # welcome, urgent alert, triage card
    number = posts[-1]["attachments"][0]["content"]["body"][0]["text"].split()[-1]
    asked = await channel.execute(
        "triage.meer_informatie", {"case": number, NOTE_INPUT: "Welke school?"}
    )
    await referrer.submit(
        {CASE_INFO_KEY: number, ANSWER_INPUT: "Antwoord met details over de moeder"}
    )
    decided = await channel.execute("triage.ret_tafel", {"case": number})

    # Posts, and the cards that replaced the clicked ones (they come back in the invoke).
    replaced_cards = [asked.body, decided.body]
    everything_in_channel = str(connector.received[channel.id] + replaced_cards)
    assert number in everything_in_channel and "J.D." in everything_in_channel
    for detail in PERSONAL:
        assert detail not in everything_in_channel, detail
    outbox = await outbox_payloads(bot)
    assert number in str(outbox) and all("J.D." in post for post in outbox[:4])
    for detail in PERSONAL:
        assert not [p for p in outbox if detail in p], detail
