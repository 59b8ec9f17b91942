"""Sending a message to a stored reference, outside any inbound turn."""

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ResourceResponse

from bot.references import to_conversation_reference
from storage.references import StoredReference

LOCAL_BOT_APP_ID = "retbot-local"  # any stable id works when authentication is off


async def send_proactive(
    adapter: CloudAdapter, bot_app_id: str, stored: StoredReference, message: Activity | str
) -> ResourceResponse | None:
    sent: list[ResourceResponse | None] = []

    async def deliver(context: TurnContext) -> None:
        sent.append(await context.send_activity(message))

    await adapter.continue_conversation(
        to_conversation_reference(stored), deliver, bot_app_id or LOCAL_BOT_APP_ID
    )
    return sent[0] if sent else None
