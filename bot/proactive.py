"""Sending a message to a stored reference, outside any inbound turn."""

from microsoft_agents.activity import Activity, ResourceResponse
from microsoft_agents.hosting.core import ChannelServiceAdapter, TurnContext

from bot.references import to_conversation_reference
from storage.references import StoredReference

LOCAL_BOT_APP_ID = "retbot-local"  # any stable id works when authentication is off


async def send_proactive(
    adapter: ChannelServiceAdapter,
    bot_app_id: str,
    stored: StoredReference,
    message: Activity | str,
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

    reference = to_conversation_reference(stored)
    continuation = reference.get_continuation_activity()
    # The SDK leaves the locale out; the reference kept from this turn would lose it (and
    # with it the language of someone who never chose one: bot/recipient_language.py).
    continuation.locale = continuation.locale or reference.locale
    await adapter.continue_conversation(bot_app_id or LOCAL_BOT_APP_ID, continuation, deliver)
    if failed:
        raise failed[0]
    return sent[0] if sent else None
