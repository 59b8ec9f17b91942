"""Turns through the real aiohttp app and CloudAdapter, replies to a local connector."""

import pytest
from aiohttp import web

from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation
from dialogs.cards.menu import MENU_KEY, MenuChoice


async def test_join_shows_welcome_and_menu_in_one_message(conversation, ret):
    turn = await conversation.join()

    assert turn.status in (200, 201)
    [welcome] = turn.replies
    assert ret.name in welcome["text"]
    [menu] = turn.cards()
    titles = [action["title"] for action in menu["actions"]]
    assert titles == ["Nieuwe aanmelding", "Vraag stellen", "Mijn casussen", "Help"]
    assert all(reply["conversation"]["id"] == conversation.id for reply in turn.replies)
    assert all(reply["recipient"]["id"] == conversation.user["id"] for reply in turn.replies)


async def test_unknown_text_gets_friendly_dutch_fallback(conversation):
    await conversation.join()

    turn = await conversation.say("hoi")

    assert len(turn.replies) == 1
    assert "Dat begrijp ik nog niet" in turn.texts()[0]
    assert "menu" in turn.texts()[0]


async def test_menu_and_help_commands(conversation):
    menu = await conversation.say("menu")
    help_turn = await conversation.say("Hulp")

    assert menu.cards()[0]["actions"][0]["title"] == "Nieuwe aanmelding"
    assert "Nieuwe aanmelding" in help_turn.texts()[0]


async def test_help_button_on_the_menu_card_explains(conversation):
    turn = await conversation.submit({MENU_KEY: MenuChoice.HELP.value})

    assert turn.texts()[0].startswith("Zo werk ik")


async def test_mention_in_a_channel_is_stripped_before_matching(conversation):
    conversation.extra = {"conversation": {"id": conversation.id, "conversationType": "channel"}}
    mention = {
        "type": "mention",
        "mentioned": {"id": "retbot", "name": "retbot"},
        "text": "<at>retbot</at>",
    }
    turn = await conversation.send(
        conversation.activity("message", text="<at>retbot</at> help", entities=[mention])
    )

    assert turn.texts()[0].startswith("Zo werk ik")
    assert turn.texts()[0].endswith("alleen berichten waarin je @retbot noemt.")


async def test_commands_and_menu_buttons_interrupt_an_open_question(conversation):
    await conversation.say("Hoe gaan jullie om met een wachtlijst van een jaar?")

    language = await conversation.say("taal")
    await conversation.say("stop")
    await conversation.say("Hoe gaan jullie om met een wachtlijst van een jaar?")
    menu_click = await conversation.submit({MENU_KEY: MenuChoice.CASUSSEN.value})

    assert language.texts() == [
        "In welke taal wil je dat ik met je praat? (Which language would you like me to use?)"
    ]
    assert menu_click.cards()[0]["body"][0]["text"] == "Mijn casussen"


async def test_welcome_in_a_team_only_when_the_bot_itself_is_added(conversation):
    conversation.extra = {"conversation": {"id": conversation.id, "conversationType": "channel"}}
    someone_joins = await conversation.send(
        conversation.activity("conversationUpdate", membersAdded=[{"id": "new-colleague"}])
    )
    bot_added = await conversation.send(
        conversation.activity("conversationUpdate", membersAdded=[{"id": "retbot"}])
    )

    assert someone_joins.replies == []
    [welcome] = bot_added.replies
    assert welcome["text"].startswith("Hallo allemaal! Ik ben retbot")
    assert "@retbot" in welcome["text"] and not welcome.get("attachments")
    assert "Hier zet ik nieuwe aanmeldingen" in welcome["text"]


async def test_a_group_chat_is_not_welcomed_as_the_teams_channel(conversation):
    """New requests go to the team's channel, not to a group chat the bot is added to."""
    conversation.extra = {"conversation": {"id": conversation.id, "conversationType": "groupChat"}}

    added = await conversation.send(
        conversation.activity("conversationUpdate", membersAdded=[{"id": "retbot"}])
    )

    [welcome] = added.texts()
    assert welcome.startswith("Hallo allemaal! Ik ben retbot")
    assert "Hier zet ik nieuwe aanmeldingen" not in welcome
    assert "in je eigen chat met mij, niet in deze groep" in welcome


async def test_language_choice_switches_to_english(conversation):
    ask = await conversation.say("taal")
    titles = [a["title"] for a in ask.replies[0]["suggestedActions"]["actions"]]
    done = await conversation.say("English")
    fallback = await conversation.say("whatever")

    assert titles == ["Nederlands", "English"]
    assert done.texts() == ["Fine, I will speak English with you from now on."]
    assert fallback.texts()[0].startswith("I do not understand")


async def test_invalid_language_answer_is_asked_again(conversation):
    await conversation.say("taal")

    retry = await conversation.say("Frans")
    done = await conversation.say("1")

    assert "Kies een van de talen" in retry.texts()[0]
    assert done.texts() == ["Prima, ik praat voortaan Nederlands met je."]


async def test_stop_ends_an_open_question(conversation):
    await conversation.say("taal")

    stopped = await conversation.say("stop")
    after = await conversation.say("English")

    assert "gestopt" in stopped.texts()[0]
    assert "Dat begrijp ik nog niet" in after.texts()[0]


class SilentConnector(ConnectorEndpoint):
    """Answers 202 Accepted with no body, as the Teams emulation does for some messages."""

    async def _send(self, request):
        await super()._send(request)
        return web.Response(status=202)


async def test_channel_answering_202_without_a_body_is_fine(bot, http):
    connector = SilentConnector()
    await connector.start()
    try:
        conversation = Conversation(bot.messages_url, connector, http)
        turn = await conversation.join()
    finally:
        await connector.stop()

    [welcome] = turn.replies
    assert welcome["text"].startswith("Welkom!")
    assert turn.status == 201


async def test_a_persons_language_stays_in_their_own_chat(bot, connector, http):
    """A kernteamlid who chose English gets English in their chat, and the team channel
    where they ask for help stays in the RET's Dutch."""
    own = Conversation(bot.messages_url, connector, http, user_name="Thijs Wennink")
    own.channel_id = "msteams"
    own.extra = {"conversation": {"id": own.id, "conversationType": "personal"}}
    team = Conversation(bot.messages_url, connector, http, user_id=own.user["id"])
    team.channel_id = "msteams"
    team.extra = {"conversation": {"id": team.id, "conversationType": "channel"}}
    await own.say("taal")
    await own.say("2")  # English

    in_own = await own.say("help")
    in_team = await team.say("help")

    assert in_own.texts()[0].startswith("This is how I work")
    assert in_team.texts()[0].startswith("Zo werk ik")
    assert "@retbot noemt" in in_team.texts()[0]


class PlaygroundConnector(ConnectorEndpoint):
    """Refuses a field sent as null, as the Microsoft 365 Agents Playground does
    (400 BadArgument "Invalid input" for `"id": null`)."""

    async def _send(self, request):
        if any(value is None for value in (await request.json()).values()):
            return web.json_response(
                {"error": {"code": "BadArgument", "message": "Invalid input"}}, status=400
            )
        return await super()._send(request)


@pytest.mark.parametrize("channel", ["webchat", "directline"])
async def test_web_chat_greeting_is_sent_without_null_fields(bot, http, channel):
    """In Web Chat and Direct Line a conversationUpdate has no activity to reply to, so the
    greeting goes to the conversation itself (the SDK's send_to_conversation)."""
    connector = PlaygroundConnector()
    await connector.start()
    try:
        family = Conversation(bot.messages_url, connector, http, channel_id=channel)
        turn = await family.join()
    finally:
        await connector.stop()

    assert turn.status == 201
    assert turn.texts()[0].startswith("Hoi! Ik ben de digitale assistent")
    assert all("replyToId" not in reply for reply in turn.replies)
