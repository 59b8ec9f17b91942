"""Recognising RET members: on the AAD object id Teams sends, else on the email the Bot
Connector gives for the user (what dialogs.turn.Turn.member answers).

Many rosters list people by email only, and Teams activities carry no email. The connector
is asked once per user, only when the id matches nobody and the roster has email-only
members. What is kept is the roster email it matched, or that it matched nobody: never the
email of someone outside the roster. The answer holds for a week, so a roster change or a
new address in Azure AD is picked up without a restart.
"""

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from microsoft_agents.activity.teams import TeamsChannelAccount
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.core.connector import ConnectorClientBase

from domain.people import find_member, listed_without_id, member_by_email
from domain.ret import Member, RetConfig
from storage.member_emails import MemberEmails

log = logging.getLogger("retbot.members")
LOOKUP_TIMEOUT_SECONDS = 5
REMEMBERED_FOR = timedelta(days=7)
_THIS_TURN = "retbot.member"  # who the sender is, once per turn


class RosterMembers:
    def __init__(self, ret: RetConfig, emails: MemberEmails) -> None:
        self._ret = ret
        self._emails = emails
        self._email_only_members = listed_without_id(ret)

    async def member_of(self, turn_context: TurnContext) -> Member | None:
        if _THIS_TURN not in turn_context.turn_state:
            turn_context.turn_state[_THIS_TURN] = await self._recognise(turn_context)
        return turn_context.turn_state[_THIS_TURN]

    async def _recognise(self, turn_context: TurnContext) -> Member | None:
        activity = turn_context.activity
        user = activity.from_property
        aad_object_id = user.aad_object_id if user else None
        member = find_member(self._ret, aad_object_id)
        if (
            member is not None
            or not aad_object_id
            or not self._email_only_members
            or activity.channel_id != "msteams"
        ):
            return member
        return member_by_email(self._ret, await self._member_email(turn_context, aad_object_id))

    async def _member_email(self, turn_context: TurnContext, aad_object_id: str) -> str | None:
        now = datetime.now(UTC)
        known = await self._emails.find(aad_object_id, since=now - REMEMBERED_FOR)
        if known is not None:
            return known.email
        try:
            async with asyncio.timeout(LOOKUP_TIMEOUT_SECONDS):
                account = await _teams_member(turn_context)
        except Exception as error:  # connector down or refusing: not recognised this time
            log.warning(
                "could not ask the connector for a user's email: %s: %s",
                type(error).__name__,
                str(error)[:200],
            )
            return None
        member = member_by_email(self._ret, _address_of(account))
        email = member.email if member else None
        await self._emails.remember(aad_object_id, email, now)
        return email


def _address_of(account: TeamsChannelAccount) -> str | None:
    """The e-mail address Teams gives, else the user principal name, but not a guest's: a
    guest in the RET's tenant is `name_home.org#EXT#@ret.onmicrosoft.com`, which is no
    address, and reading the home address back out of it would be a guess."""
    upn = account.user_principal_name
    return account.email or (upn if upn and "#EXT#" not in upn.upper() else None)


async def _teams_member(turn_context: TurnContext) -> TeamsChannelAccount:
    """The sender as Teams knows them (with email and user principal name): in a team's
    channel asked of the team, elsewhere of the conversation."""
    activity = turn_context.activity
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team") if isinstance(channel_data.get("team"), dict) else {}
    connector = turn_context.services.get(ConnectorClientBase)
    return await connector.get_conversation_member(
        team.get("id") or activity.conversation.id, activity.from_property.id
    )
