"""The CloudAdapter, and what happens when a turn fails."""

import logging
import uuid

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector.auth import AuthenticationConstants, ServiceClientCredentialsFactory

from bot.connector import ConnectorPool, PooledConnectorAuthentication
from bot.invoke_responses import CARD_ACTION_INVOKE, invoke_error
from bot.settings import BotFrameworkConfig, Settings
from dialogs.texts import text

log = logging.getLogger("retbot.turn")


def create_adapter(
    settings: Settings, credentials_factory: ServiceClientCredentialsFactory | None = None
) -> tuple[CloudAdapter, ConnectorPool]:
    """The SDK's CloudAdapter and authentication, with connectors from a reusing pool."""
    config = BotFrameworkConfig(settings)
    credentials_factory = credentials_factory or ConfigurationServiceClientCredentialFactory(config)
    authentication = ConfigurationBotFrameworkAuthentication(
        config, credentials_factory=credentials_factory
    )
    pool = ConnectorPool(
        credentials_factory,
        login_endpoint=getattr(
            config,
            "TO_CHANNEL_FROM_BOT_LOGIN_URL",
            AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
        ),
        default_audience=getattr(
            config,
            "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE",
            AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
        ),
    )
    adapter = CloudAdapter(PooledConnectorAuthentication(authentication, pool))
    adapter.on_turn_error = _apologise
    return adapter, pool


async def _apologise(context: TurnContext, error: Exception) -> None:
    """Logs the failure with a correlation id and tells the user, briefly, in Dutch.

    Dialog state is saved only at the end of a successful turn, so nothing half-done is kept.
    An invoke also gets its answer here, replacing any the turn had already set: without one
    the SDK would answer 501. A card action's error shows on the card itself, so it gets no
    apology in the chat as well.
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
    if activity.type == ActivityTypes.invoke:
        failed = invoke_error(activity.name, 500, text("error.invoke", code=code))
        await context.send_activity(Activity(type=ActivityTypes.invoke_response, value=failed))
        if activity.name == CARD_ACTION_INVOKE:
            return
    if activity.type in ("message", "invoke", "conversationUpdate"):
        try:
            await context.send_activity(text("error.turn", code=code))
        except Exception:  # the channel itself may be what failed
            log.warning("could not send the apology [correlation_id=%s]", code)
