"""Quick questions through the real app: answered from what the RET knows, or passed to
the voorzitter, answered on the card, and delivered to the asker in their own chat."""

import asyncio
from datetime import UTC, timedelta

from sqlalchemy import select

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from dialogs.cards.consult import ANSWER_INPUT, ASK_CHAIR, CONSULT_KEY, VERB_ANSWER, VERB_CONTACT
from domain.consultations import ConsultationStatus
from storage.models import ConsultationRow
from tests.support import assert_valid_card

CHAIR_AAD = "6f1c2a90-0d1e-4c55-9b8e-3b7a1f0c0001"  # Marieke Hofstede, voorzitter
KERNTEAM_AAD = "6f1c2a90-0d1e-4c55-9b8e-3b7a1f0c0003"  # Sanne, procesondersteuner
UNKNOWN_QUESTION = "Hoe gaan jullie om met een wachtlijst van een jaar?"


def person(bot, connector, http, name: str, aad: str | None = None) -> Conversation:
    talk = Conversation(bot.messages_url, connector, http, user_name=name)
    talk.channel_id = "msteams"
    talk.extra = {"conversation": {"id": talk.id, "conversationType": "personal"}}
    if aad:
        talk.user["aadObjectId"] = aad
    return talk


async def consultations(bot) -> list[ConsultationRow]:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(ConsultationRow).order_by(ConsultationRow.id)))


def aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite: naive UTC


async def ask_unknown_question(asker: Conversation) -> None:
    offer = await asker.say(UNKNOWN_QUESTION)
    assert "Zal ik je vraag voorleggen" in offer.texts()[0]
    organisation = await asker.say("1")
    assert "Voor welke organisatie" in organisation.texts()[0]
    sent = await asker.say("Wijkteam Hengelo")
    assert sent.texts() == [
        "Je vraag ligt bij de voorzitter. Je krijgt het antwoord hier in de chat, met de naam "
        "van wie antwoordt."
    ]


async def question_with_the_chair(bot, connector, http):
    """The voorzitter and an asker have opened their chats; the asker's question is with
    the voorzitter. Returns both conversations and the stored consultation."""
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    asker = person(bot, connector, http, "Inge Referent")
    await chair.join()
    await asker.join()
    await ask_unknown_question(asker)
    [row] = await consultations(bot)
    return chair, asker, row


async def test_question_answered_from_the_knowledge_base(bot, conversation):
    turn = await conversation.say("Kan een ouder zelf aanmelden?")

    [card] = turn.cards()
    texts = [block["text"] for block in card["body"]]
    assert texts[0].startswith("Ja. Iedereen kan het RET om advies vragen")
    assert texts[-1] == "Uit de kennisbank van het RET: 'Kan een ouder of jongere zelf aanmelden?'"
    assert card["actions"][0]["title"] == "Dit helpt niet, stel mijn vraag aan de voorzitter"
    [row] = await consultations(bot)
    assert row.status == ConsultationStatus.ANSWERED_BY_BOT and row.topic == "kennisbank"


async def test_a_question_that_denies_what_the_knowledge_base_answers_goes_to_the_voorzitter(
    bot, conversation
):
    """ "Ja." would answer the opposite question: the asker is offered the voorzitter."""
    turn = await conversation.say("Mag ik een casus aanmelden zonder toestemming van ouders?")

    assert turn.cards() == []
    assert "Zal ik je vraag voorleggen" in turn.texts()[0]
    assert not any("Ja." in text for text in turn.texts())


async def test_next_meeting_and_experts_come_from_live_data(conversation):
    meeting = await conversation.say("Wanneer is het volgende RET-overleg?")
    experts = await conversation.say("Wie in het kernteam weet van eetstoornissen?")

    meeting_text = meeting.cards()[0]["body"][0]["text"]
    assert meeting_text.startswith("Het volgende RET-overleg is op dinsdag")
    assert "13:30 tot 16:00 uur" in meeting_text and "Stadskantoor Hengelo" in meeting_text
    expert_text = experts.cards()[0]["body"][0]["text"]
    assert "- Thijs Wennink, Jeugd-GGZ De Bron (kernteamlid)" in expert_text


async def test_escalated_question_is_answered_by_the_voorzitter_and_delivered(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    asker = person(bot, connector, http, "Inge Referent")
    await chair.join()
    await asker.join()
    chair_seen = len(connector.received[chair.id])

    await ask_unknown_question(asker)

    card = connector.received[chair.id][chair_seen]["attachments"][0]["content"]
    assert_valid_card(card)
    facts = {f["title"]: f["value"] for f in card["body"][1]["facts"]}
    assert facts["Van"] == "Inge Referent (Wijkteam Hengelo)"
    assert card["body"][2]["text"] == UNKNOWN_QUESTION
    data = card["actions"][0]["data"]
    asker_seen = len(connector.received[asker.id])

    answered = await chair.execute(
        VERB_ANSWER, {**data, ANSWER_INPUT: "Bel ons gerust, we kijken mee naar overbrugging."}
    )

    assert answered.status == 200
    new_card = answered.body["value"]
    assert_valid_card(new_card)
    assert "actions" not in new_card
    assert new_card["body"][3]["text"].startswith("Beantwoord door Marieke Hofstede op ")
    assert new_card["body"][4]["text"] == "Bel ons gerust, we kijken mee naar overbrugging."
    async with asyncio.timeout(5):
        delivered = await connector.wait_for(asker.id, asker_seen + 1)
    message = delivered[-1]["text"]
    assert message.startswith("Marieke Hofstede (voorzitter) heeft je vraag beantwoord")
    assert "Bel ons gerust" in message and UNKNOWN_QUESTION in message
    [row] = await consultations(bot)
    assert row.status == ConsultationStatus.ANSWERED and row.handled_by == "Marieke Hofstede"


async def test_only_a_voorzitter_may_handle_the_card(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    other = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
    asker = person(bot, connector, http, "Inge Referent")
    await chair.join()
    await asker.join()
    await ask_unknown_question(asker)
    asker_seen = len(connector.received[asker.id])
    [row] = await consultations(bot)

    refused = await other.execute(VERB_CONTACT, {"id": row.id})

    assert refused.body["type"] == "application/vnd.microsoft.activity.message"
    assert (
        refused.body["value"]
        == "Alleen de voorzitter van het RET kan consultatievragen afhandelen."
    )
    [unchanged] = await consultations(bot)
    assert unchanged.status == ConsultationStatus.WITH_CHAIR
    assert len(connector.received[asker.id]) == asker_seen


async def test_answer_without_text_is_asked_for_and_a_second_click_changes_nothing(
    bot, connector, http
):
    chair, _asker, row = await question_with_the_chair(bot, connector, http)

    empty = await chair.execute(VERB_ANSWER, {"id": row.id, ANSWER_INPUT: "  "})
    contact = await chair.execute(VERB_CONTACT, {"id": row.id})
    again = await chair.execute(VERB_ANSWER, {"id": row.id, ANSWER_INPUT: "Toch een antwoord"})

    assert empty.body["value"] == "Typ eerst je antwoord in het tekstvak."
    assert contact.body["value"]["body"][3]["text"].startswith(
        "Marieke Hofstede neemt contact op met de vraagsteller"
    )
    assert again.body["value"] == contact.body["value"]
    [handled] = await consultations(bot)
    assert handled.status == ConsultationStatus.CHAIR_CONTACTS and handled.answer is None


async def test_not_helpful_passes_the_answered_question_on(bot, connector, http):
    asker = person(bot, connector, http, "Inge Referent")
    answered = await asker.say("Is het advies bindend?")
    consultation_id = answered.cards()[0]["actions"][0]["data"]["id"]

    organisation = await asker.submit({CONSULT_KEY: ASK_CHAIR, "id": consultation_id})
    unreachable = await asker.say("Gecertificeerde instelling")

    assert "Voor welke organisatie" in organisation.texts()[0]
    assert "ik kan de voorzitter nu niet via Teams bereiken" in unreachable.texts()[0]
    assert "m.hofstede@ret-twente.example.org" in unreachable.texts()[0]
    [row] = await consultations(bot)
    assert (
        row.status == ConsultationStatus.WITH_CHAIR
        and row.asker_organisation == "Gecertificeerde instelling"
    )


async def test_team_channel_is_preferred_for_the_voorzitters_card(bot, connector, http):
    channel = Conversation(bot.messages_url, connector, http, user_name="Marieke Hofstede")
    channel.channel_id = "msteams"
    channel.extra = {"conversation": {"id": channel.id, "conversationType": "channel"}}
    await channel.send(channel.activity("conversationUpdate", membersAdded=[{"id": "retbot"}]))
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    chair_seen = len(connector.received[chair.id])
    asker = person(bot, connector, http, "Inge Referent")

    await ask_unknown_question(asker)

    assert len(connector.received[chair.id]) == chair_seen
    assert connector.received[channel.id][-1]["attachments"][0]["content"]["body"][2]["text"] == (
        UNKNOWN_QUESTION
    )


async def test_a_member_of_the_ret_is_not_asked_for_their_organisation(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    await chair.join()
    sanne = person(bot, connector, http, "Sanne Oude Luttikhuis", KERNTEAM_AAD)
    await sanne.say(UNKNOWN_QUESTION)

    sent = await sanne.say("1")

    assert sent.texts()[0].startswith("Je vraag ligt bij de voorzitter")
    [row] = await consultations(bot)
    assert row.asker_organisation == "RET Jeugd Twente"  # the roster's


async def test_in_a_channel_the_organisation_question_says_to_mention_retbot(bot, connector, http):
    channel = person(bot, connector, http, "Eva Jansen")
    channel.extra = {"conversation": {"id": channel.id, "conversationType": "channel"}}
    await channel.say(UNKNOWN_QUESTION)

    asked = await channel.say("1")

    assert asked.texts() == [
        "Voor welke organisatie stel je deze vraag? Bijvoorbeeld 'Jeugdbescherming Oost' of "
        "'ouder'. Noem @retbot in je antwoord: anders hoor ik het hier niet."
    ]


async def test_declining_keeps_the_question_away_from_the_voorzitter(bot, conversation):
    await conversation.say(UNKNOWN_QUESTION)

    declined = await conversation.say("2")

    assert declined.texts()[0].startswith("Goed, ik heb je vraag niet doorgestuurd")
    assert await consultations(bot) == []


async def test_unknown_card_action_is_400_in_the_documented_body(conversation):
    result = await conversation.execute("iets.anders", {"id": 1})

    assert result.status == 200  # Universal Actions: the outcome is in the body
    assert result.body == {
        "statusCode": 400,
        "type": "application/vnd.microsoft.error",
        "value": {"code": "BadRequest", "message": "unknown card action"},
    }


async def test_card_action_for_a_consultation_that_does_not_exist(bot, connector, http):
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)

    missing = await chair.execute(VERB_CONTACT, {"id": 424242})
    malformed = await chair.execute(VERB_CONTACT, {"id": "1; DROP TABLE consultation"})

    assert missing.body["value"] == "Deze consultatievraag bestaat niet (meer)."
    assert malformed.body["statusCode"] == 400


async def test_a_complaint_gets_the_routes_and_is_recorded_as_referred(bot, conversation):
    turn = await conversation.say("Ik wil een klacht indienen over de jeugdhulpaanbieder.")

    texts = [block["text"] for block in turn.cards()[0]["body"]]
    assert texts[0].startswith("Wat vervelend dat je hier tegenaan loopt")
    assert "Klachtenregeling van de gemeente" in texts[1]
    [row] = await consultations(bot)
    assert row.status == ConsultationStatus.REFERRED_TO_COMPLAINTS and row.topic == "klacht"


async def test_voorzitter_is_reminded_once_after_a_working_day(bot, connector, http):
    chair, _asker, row = await question_with_the_chair(bot, connector, http)
    asked = aware(row.asked_at)
    retbot = bot.app[RETBOT]
    seen = len(connector.received[chair.id])

    too_early = await retbot.jobs.reminders(asked + timedelta(minutes=30))
    sent = await retbot.jobs.reminders(asked + timedelta(days=4))
    again = await retbot.jobs.reminders(asked + timedelta(days=5))

    assert (too_early, sent, again) == (0, 1, 0)
    reminders = connector.received[chair.id][seen:]
    assert len(reminders) == 1
    assert reminders[0]["text"].startswith(
        f"Herinnering: consultatievraag #{row.id} van Inge Referent"
    )
    assert UNKNOWN_QUESTION not in reminders[0]["text"]


async def test_answered_questions_get_no_reminder(bot, connector, http):
    chair, _asker, row = await question_with_the_chair(bot, connector, http)
    await chair.execute(VERB_CONTACT, {"id": row.id})

    later = aware(row.asked_at) + timedelta(days=4)
    assert await bot.app[RETBOT].jobs.reminders(later) == 0
