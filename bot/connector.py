"""Outbound Bot Connector clients, reused across turns.

The Agents SDK's own factory builds a new connector client, with a new aiohttp session,
and a user token client on every turn, and closes them when the turn ends; each session
opens its own connections. Here, through the SDK's extension point (a
ChannelServiceClientFactory), each (serviceUrl, audience) gets one client on first use,
kept for the life of the process: its session keeps its connections open. The bot's
access token comes from the SDK's connection (MSAL) and is kept until shortly before it
expires, so a turn costs no thread hop to MSAL.
"""

import time
from typing import Any
from urllib.parse import quote

import jwt
from aiohttp import ClientSession, ClientTimeout
from microsoft_agents.activity import Activity, ResourceResponse
from microsoft_agents.hosting.core import (
    ChannelServiceClientFactoryBase,
    ClaimsIdentity,
    Connections,
    TurnContext,
)
from microsoft_agents.hosting.core.authorization import AuthenticationConstants
from microsoft_agents.hosting.core.connector.client import UserTokenClient
from microsoft_agents.hosting.core.connector.client.connector_client import (
    ConversationsOperations,
)
from microsoft_agents.hosting.core.connector.teams import TeamsConnectorClient

USER_AGENT = "retbot"
SEND_TIMEOUT = ClientTimeout(total=30)
RENEW_BEFORE_SECONDS = 300  # a token is asked for again five minutes before it expires


class _QuotedIds(ConversationsOperations):
    """Ids percent-encoded into the URL, as botbuilder did: the SDK puts them in as they
    are (a '/' or '#' in one changes the path) and cuts conversation ids at 150 characters
    (for its agentic channel), which would send to another conversation."""

    def _normalize_conversation_id(self, conversation_id: str, activity: Any = None) -> str:
        return quote(conversation_id, safe="")

    async def reply_to_activity(
        self, conversation_id: str, activity_id: str, body: Activity
    ) -> ResourceResponse:
        return await super().reply_to_activity(conversation_id, quote(activity_id, safe=""), body)

    async def send_to_conversation(self, conversation_id: str, body: Activity) -> ResourceResponse:
        return await super().send_to_conversation(conversation_id, _without_nulls(body))

    async def update_activity(
        self, conversation_id: str, activity_id: str, body: Activity
    ) -> ResourceResponse:
        return await super().update_activity(conversation_id, quote(activity_id, safe=""), body)


def _without_nulls(activity: Activity) -> Activity:
    """The activity without its fields that are None. The SDK sets `id` to None on every
    activity it sends, and its send_to_conversation (unlike reply_to_activity) sends such
    fields as null; the Agents Playground answers `"id": null` with 400 BadArgument. That
    path is taken by a greeting in Web Chat and Direct Line, whose conversationUpdate has
    nothing to reply to. botbuilder left these fields out."""
    return type(activity).model_construct(
        **{
            name: getattr(activity, name)
            for name in activity.model_fields_set
            if getattr(activity, name) is not None
        }
    )


class _PooledConnector(TeamsConnectorClient):
    """Stays open when the adapter closes it after a turn; `dispose` closes it."""

    def __init__(self, endpoint: str, session: ClientSession) -> None:
        super().__init__(endpoint, "", session=session)
        self._conversations = _QuotedIds(self.client)

    async def get_conversation_member(self, conversation_id: str, user_id: str) -> Any:
        return await super().get_conversation_member(
            quote(conversation_id, safe=""), quote(user_id, safe="")
        )

    def authorise(self, token: str) -> None:
        if token:
            self.client.headers["Authorization"] = f"Bearer {token}"

    async def close(self) -> None:
        return None

    async def dispose(self) -> None:
        await self.client.close()


class _NoUserSignIn(UserTokenClient):
    """retbot signs no user in (no OAuth cards); the adapter still asks for this client on
    every turn, so one idle instance serves them all."""

    async def close(self) -> None:
        return None

    async def dispose(self) -> None:
        await self.client.close()


class PooledClients(ChannelServiceClientFactoryBase):
    def __init__(self, app_id: str, connections: Connections | None) -> None:
        """`connections`: the bot's identity (the SDK's MSAL connection manager); None in
        local mode, where nothing is signed."""
        self._app_id = app_id
        self._connections = connections
        self._connectors: dict[tuple[str, str], _PooledConnector] = {}
        self._tokens: dict[tuple[str, tuple[str, ...]], tuple[str, float]] = {}
        self._user_tokens: _NoUserSignIn | None = None

    async def create_connector_client(
        self,
        context: TurnContext | None,
        claims_identity: ClaimsIdentity,
        service_url: str,
        audience: str,
        scopes: list[str] | None = None,
        use_anonymous: bool = False,
    ) -> TeamsConnectorClient:
        token = ""
        if self._connections is not None and not use_anonymous:
            token = await self._token(
                claims_identity, service_url, audience, scopes or claims_identity.get_token_scope()
            )
        key = (service_url, audience)
        connector = self._connectors.get(key)
        if connector is None:
            session = ClientSession(
                base_url=_with_slash(service_url),
                timeout=SEND_TIMEOUT,
                headers={"User-Agent": USER_AGENT},
            )
            connector = self._connectors[key] = _PooledConnector(service_url, session)
        connector.authorise(token)
        return connector

    async def create_user_token_client(
        self, context: TurnContext, claims_identity: ClaimsIdentity, use_anonymous: bool = False
    ) -> UserTokenClient:
        if self._user_tokens is None:
            self._user_tokens = _NoUserSignIn(
                AuthenticationConstants.AGENTS_SDK_OAUTH_URL, "", app_id=self._app_id or "retbot"
            )
        return self._user_tokens

    async def close(self) -> None:
        for connector in self._connectors.values():
            await connector.dispose()
        self._connectors.clear()
        if self._user_tokens is not None:
            await self._user_tokens.dispose()
            self._user_tokens = None

    async def _token(
        self, identity: ClaimsIdentity, service_url: str, audience: str, scopes: list[str]
    ) -> str:
        key = (audience, tuple(scopes))
        kept = self._tokens.get(key)
        if kept is not None and kept[1] > time.time():
            return kept[0]
        provider = self._connections.get_token_provider(identity, service_url)
        token = await provider.get_access_token(audience, scopes)
        self._tokens[key] = (token, _renew_at(token))
        return token


def _renew_at(token: str) -> float:
    """When to ask for a new token: five minutes before it expires (by its own `exp`);
    at once when it says nothing readable about that."""
    try:
        expires = jwt.decode(token, options={"verify_signature": False}).get("exp")
    except jwt.PyJWTError:
        return 0.0
    return float(expires) - RENEW_BEFORE_SECONDS if isinstance(expires, int | float) else 0.0


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
