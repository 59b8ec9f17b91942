"""RETBOT_ALLOWED_TENANTS: another tenant gets one polite refusal and leaves no trace."""

import pytest
from sqlalchemy import func, select

from bot.app import RETBOT
from bot.chat.conversation import Conversation
from bot.settings import Settings
from dialogs.cards.consult import VERB_CONTACT
from storage.models import BotStateRow, ConversationReferenceRow
from tests.support import RunningBot

OURS = "11111111-0000-0000-0000-00000000000a"
THEIRS = "22222222-0000-0000-0000-00000000000b"


@pytest.fixture
async def gated_bot(database_url, ret):
    settings = Settings(database_url=database_url, allowed_tenants=f" {OURS} ,")
    bot = await RunningBot(settings, ret).start()
    yield bot
    await bot.stop()


def teams_user(bot, connector, http, tenant: str) -> Conversation:
    talk = Conversation(bot.messages_url, connector, http)
    talk.channel_id = "msteams"
    talk.extra = {
        "conversation": {"id": talk.id, "conversationType": "personal", "tenantId": tenant},
        "channelData": {"tenant": {"id": tenant}},
    }
    return talk


async def stored_rows(bot) -> int:
    async with bot.app[RETBOT].engine.connect() as connection:
        return await connection.scalar(
            select(func.count()).select_from(BotStateRow)
        ) + await connection.scalar(select(func.count()).select_from(ConversationReferenceRow))


async def test_other_tenant_is_refused_politely_and_nothing_is_stored(
    gated_bot, connector, http, caplog
):
    stranger = teams_user(gated_bot, connector, http, THEIRS)

    joined = await stranger.join()
    asked = await stranger.say("Kan een ouder zelf aanmelden?")

    for turn in (joined, asked):
        [refusal] = turn.replies
        assert refusal["text"].startswith("Sorry, deze bot is alleen beschikbaar")
    assert await stored_rows(gated_bot) == 0
    security = [r.getMessage() for r in caplog.records if r.name == "retbot.security"]
    assert security and all(THEIRS in line for line in security)


async def test_own_tenant_is_served(gated_bot, connector, http):
    colleague = teams_user(gated_bot, connector, http, OURS)

    turn = await colleague.say("help")

    assert turn.texts()[0].startswith("Zo werk ik")
    assert await stored_rows(gated_bot) > 0


async def test_a_card_action_from_another_tenant_is_refused_on_the_card(gated_bot, connector, http):
    stranger = teams_user(gated_bot, connector, http, THEIRS)

    result = await stranger.execute(VERB_CONTACT, {"id": 1})

    assert result.status == 200  # not the SDK's 501: Teams shows the refusal on the card
    assert result.body["statusCode"] == 403
    assert result.body["value"]["code"] == "Forbidden"
    assert result.body["value"]["message"].startswith("Sorry, deze bot is alleen beschikbaar")
    assert result.replies == []
    assert await stored_rows(gated_bot) == 0
