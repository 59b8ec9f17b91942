"""References are captured on every inbound activity; proactive messages reach them."""

import asyncio

from bot.app import RETBOT
from bot.proactive import send_proactive

AAD_ID = "6f1c2a90-0d1e-4c55-9b8e-3b7a1f0c0003"
TENANT = "72f988bf-0000-0000-0000-000000000001"


def teams_personal(conversation):
    conversation.channel_id = "msteams"
    conversation.user["aadObjectId"] = AAD_ID
    conversation.extra = {
        "conversation": {"id": conversation.id, "conversationType": "personal", "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}},
    }


async def test_installation_update_stores_user_and_conversation(bot, conversation):
    teams_personal(conversation)

    turn = await conversation.send(conversation.activity("installationUpdate", action="add"))

    retbot = bot.app[RETBOT]
    user = await retbot.references.find_user_by_aad_object_id(AAD_ID)
    chat = await retbot.references.find("msteams", "conversation", conversation.id)
    assert turn.status < 300
    assert user.scope_id == conversation.user["id"] and user.tenant_id == TENANT
    assert user.reference["serviceUrl"] == conversation.connector.service_url
    assert chat.conversation_type == "personal"
    assert user.reference["conversation"]["id"] == conversation.id


async def test_channel_conversation_is_stored_but_not_as_a_users_chat(bot, conversation):
    conversation.extra = {"conversation": {"id": conversation.id, "conversationType": "channel"}}

    await conversation.say("help")

    retbot = bot.app[RETBOT]
    assert await retbot.references.find("emulator", "conversation", conversation.id)
    assert await retbot.references.find("emulator", "user", conversation.user["id"]) is None


async def test_reference_follows_a_new_service_url(bot, conversation, connector):
    await conversation.say("help")
    conversation.connector = type(connector)()
    await conversation.connector.start()
    try:
        await conversation.say("help")
        stored = await bot.app[RETBOT].references.find("emulator", "user", conversation.user["id"])
        assert stored.reference["serviceUrl"] == conversation.connector.service_url
    finally:
        await conversation.connector.stop()


async def test_proactive_message_reaches_a_stored_reference(bot, conversation, connector):
    teams_personal(conversation)
    await conversation.join()
    before = len(connector.received[conversation.id])
    retbot = bot.app[RETBOT]
    stored = await retbot.references.find_user_by_aad_object_id(AAD_ID)

    sent = await send_proactive(
        retbot.adapter, retbot.settings.app_id, stored, "Herinnering: RET-2026-0001"
    )

    async with asyncio.timeout(5):
        received = await connector.wait_for(conversation.id, before + 1)
    assert received[-1]["text"] == "Herinnering: RET-2026-0001"
    assert received[-1]["recipient"]["id"] == conversation.user["id"]
    assert sent.id == received[-1]["id"]


async def test_a_reply_thread_is_remembered_as_its_channel(bot, conversation):
    """What the bot posts on its own in a channel starts a new thread there, not a reply
    under whichever card was clicked last."""
    thread = f"{conversation.id};messageid=1763800000000"
    conversation.extra = {"conversation": {"id": thread, "conversationType": "channel"}}

    await conversation.say("help")

    channel = await bot.app[RETBOT].references.find_latest_channel()
    assert channel.scope_id == conversation.id
    assert channel.reference["conversation"]["id"] == conversation.id
