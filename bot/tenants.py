"""Only the RET's own Microsoft 365 tenants may use the bot (RETBOT_ALLOWED_TENANTS)."""

import logging
from collections.abc import Awaitable, Callable

from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.hosting.core import Middleware, TurnContext

from bot.activity_facts import tenant_of
from bot.invoke_responses import invoke_error
from dialogs.texts import text

security_log = logging.getLogger("retbot.security")
ANSWERED_TYPES = {"message", "conversationUpdate", "installationUpdate"}


class TenantGate(Middleware):
    """Runs first: an activity from a Teams tenant outside the list gets one polite refusal
    and goes no further, so nothing about it is stored."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self._allowed = allowed

    async def on_turn(
        self, context: TurnContext, logic: Callable[[TurnContext], Awaitable]
    ) -> None:
        activity = context.activity
        tenant = tenant_of(activity)
        if activity.channel_id != "msteams" or tenant in self._allowed:
            await logic(context)
            return
        security_log.warning(
            "refused activity from tenant %s (type=%s)", tenant or "(none)", activity.type
        )
        if activity.type == ActivityTypes.invoke:  # answered, or the SDK would say 501
            refused = invoke_error(activity.name, 403, text("tenant.refused"))
            await context.send_activity(Activity(type=ActivityTypes.invoke_response, value=refused))
        elif activity.type in ANSWERED_TYPES:
            await context.send_activity(text("tenant.refused"))
