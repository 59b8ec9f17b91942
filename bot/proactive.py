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
    """Raises what sending raised (the connector's 5xx, a timeout, a refused connection):
    inside the proactive turn the adapter's turn-error handler would swallow it."""
    sent: list[ResourceResponse | None] = []
    failed: list[Exception] = []

    async def deliver(context: TurnContext) -> None:
        try:
            sent.append(await context.send_activity(message))
        except Exception as error:
            failed.append(error)

    await adapter.continue_conversation(
        to_conversation_reference(stored), deliver, bot_app_id or LOCAL_BOT_APP_ID
    )
    if failed:
        raise failed[0]
    return sent[0] if sent else None
