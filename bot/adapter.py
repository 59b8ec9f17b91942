"""The Agents SDK's adapter with pooled connector clients, and what happens when a turn
fails."""

import logging
import uuid

from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.core import (
    AgentAuthConfiguration,
    ChannelServiceAdapter,
    Connections,
    TurnContext,
)
from microsoft_agents.hosting.core.authorization import AuthTypes

from bot.connector import PooledClients
from bot.invoke_responses import CARD_ACTION_INVOKE, invoke_error
from bot.settings import AuthType, ServiceConnection, Settings
from dialogs.texts import text

log = logging.getLogger("retbot.turn")
SERVICE_CONNECTION = "SERVICE_CONNECTION"  # the SDK's name for the bot's own identity
AUTH_TYPES = {
    AuthType.CLIENT_SECRET: AuthTypes.client_secret,
    AuthType.USER_MANAGED_IDENTITY: AuthTypes.user_managed_identity,
}


def create_adapter(
    settings: Settings, connections: Connections | None = None
) -> tuple[ChannelServiceAdapter, PooledClients]:
    """`connections`: where the bot's own tokens come from; by default the SDK's MSAL
    connection for the configured identity (none in local mode)."""
    if connections is None and settings.connection is not None:
        connections = msal_connections(settings.connection)
    clients = PooledClients(settings.app_id, connections)
    adapter = ChannelServiceAdapter(clients)
    adapter.on_turn_error = _apologise
    return adapter, clients


def msal_connections(connection: ServiceConnection) -> MsalConnectionManager:
    configuration = AgentAuthConfiguration(
        auth_type=AUTH_TYPES[connection.auth_type],
        client_id=connection.client_id,
        tenant_id=connection.tenant_id or None,
        client_secret=connection.client_secret or None,
    )
    return MsalConnectionManager(connections_configurations={SERVICE_CONNECTION: configuration})


async def _apologise(context: TurnContext, error: Exception) -> None:
    """Logs the failure with a correlation id and tells the user, briefly, in Dutch.

    What the bot remembers is saved only at the end of a successful turn, so nothing
    half-done is kept. An invoke also gets its answer here, replacing any the turn had
    already set: without one the SDK would answer 501. A card action's error shows on the
    card itself, so it gets no apology in the chat as well.
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
