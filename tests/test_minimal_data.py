"""Data minimisation: whatever the bot posts where the team works (channel) carries a case
number and initials, never the request's details, year of birth or problems."""

import asyncio

from bot.chat.conversation import Conversation
from dialogs.cards.intake import INTAKE_KEY, SUBMIT
from dialogs.cards.triage import ANSWER_INPUT, CASE_INFO_KEY, NOTE_INPUT
from domain import vocabularies as v
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


async def test_channel_posts_of_a_whole_case_carry_no_personal_details(bot, connector, http):
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
