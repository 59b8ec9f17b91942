"""The CloudAdapter, and what happens when a turn fails."""

import logging
import uuid

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)

from bot.settings import BotFrameworkConfig, Settings
from dialogs.texts import text

log = logging.getLogger("retbot.turn")


def create_adapter(settings: Settings) -> CloudAdapter:
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(BotFrameworkConfig(settings)))
    adapter.on_turn_error = _apologise
    return adapter


async def _apologise(context: TurnContext, error: Exception) -> None:
    """Logs the failure with a correlation id and tells the user, briefly, in Dutch.

    Dialog state is saved only at the end of a successful turn, so nothing half-done is kept.
    """
    code = uuid.uuid4().hex[:8]
    activity = context.activity
    log.error(
        "turn failed [correlation_id=%s] type=%s channel=%s conversation=%s: %s",
        code,
        activity.type,
        activity.channel_id,
        activity.conversation.id if activity.conversation else None,
        type(error).__name__,
        exc_info=error,
    )
    if activity.type in ("message", "invoke", "conversationUpdate"):
        try:
            await context.send_activity(text("error.turn", code=code))
        except Exception:  # the channel itself may be what failed
            log.warning("could not send the apology [correlation_id=%s]", code)
