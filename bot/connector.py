"""Outbound Bot Connector clients, reused across turns, over one shared aiohttp session.

The stock CloudAdapter builds a new ConnectorClient (and a UserTokenClient) on every turn;
building one costs milliseconds of msrest configuration, and its default pipeline sends
through `requests` on a thread pool. Here, through the SDK's own extension points
(BotFrameworkAuthentication, ConnectorFactory, msrest's pipeline and sender), each
(app id, serviceUrl, audience) gets one client, made on first use, whose requests go
through one aiohttp ClientSession, and whose activities are serialised by bot.wire.
Inbound authentication stays the SDK's, untouched.
"""

import asyncio
from collections import OrderedDict

from aiohttp import ClientSession, ClientTimeout
from botbuilder.schema import Activity
from botframework.connector import BotFrameworkConnectorConfiguration
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from botframework.connector.skills import BotFrameworkClient
from msrest.pipeline import AsyncHTTPPolicy, AsyncHTTPSender, AsyncPipeline, Request, Response
from msrest.pipeline.universal import RawDeserializer
from msrest.universal_http.aiohttp import AioHttpClientResponse

from bot.wire import WireSerializer

USER_AGENT = "retbot"
SEND_TIMEOUT_SECONDS = 30


class _LoadedResponse(AioHttpClientResponse):
    """msrest's aiohttp response treats an empty body as 'not loaded' and raises; a channel
    may answer 202 with no body at all."""

    def body(self) -> bytes:
        return self._body if self._body is not None else super().body()


class _AiohttpSender(AsyncHTTPSender):
    """Sends msrest requests over a shared aiohttp session.

    (msrest's own aiohttp driver drops headers and body, so it cannot serve here.)
    """

    def __init__(self, session: ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> "_AiohttpSender":
        return self

    async def __aexit__(self, *_exc) -> None:
        return None

    def build_context(self) -> None:
        return None

    async def send(self, request: Request, **_config) -> Response:
        outgoing = request.http_request
        raw = await self._session.request(
            outgoing.method, outgoing.url, headers=outgoing.headers, data=outgoing.data
        )
        response = _LoadedResponse(outgoing, raw)
        await response.load_body()
        return Response(request, response)


class _BearerToken(AsyncHTTPPolicy):
    """Adds the bot's access token, as the SDK's credentials do for `requests` sessions."""

    def __init__(self, credentials: AppCredentials) -> None:
        super().__init__()
        self._credentials = credentials
        app_id = credentials.microsoft_app_id
        self._needed = bool(app_id) and app_id != AuthenticationConstants.ANONYMOUS_SKILL_APP_ID

    async def send(self, request: Request, **kwargs) -> Response:
        if self._needed:
            # MSAL answers from its cache after the first call; a refresh may block, so thread it.
            token = await asyncio.to_thread(self._credentials.get_access_token)
            request.http_request.headers["Authorization"] = f"Bearer {token}"
        return await self.next.send(request, **kwargs)


class _Connector(ConnectorClient):
    """A ConnectorClient whose conversation operations (replies, proactive messages, card
    updates) serialise activities the direct way (bot.wire)."""

    def __init__(self, credentials: AppCredentials, config: BotFrameworkConnectorConfiguration):
        super().__init__(credentials, custom_configuration=config)
        serializer = WireSerializer(self._serialize.dependencies)
        self.conversations = ConversationsOperations(
            self._client, self.config, serializer, self._deserialize
        )


class ConnectorPool:
    """One ConnectorClient per (app id, serviceUrl, audience), created lazily and kept."""

    def __init__(
        self,
        credentials_factory: ServiceClientCredentialsFactory,
        *,
        login_endpoint: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
        default_audience: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
        validate_authority: bool = True,
        max_clients: int = 256,
    ) -> None:
        self._credentials_factory = credentials_factory
        self._login_endpoint = login_endpoint
        self.default_audience = default_audience
        self._validate_authority = validate_authority
        self._max_clients = max_clients
        self._clients: OrderedDict[tuple[str, str, str], ConnectorClient] = OrderedDict()
        self._session: ClientSession | None = None

    async def client(self, app_id: str, service_url: str, audience: str) -> ConnectorClient:
        key = (app_id or "", service_url, audience)
        client = self._clients.get(key)
        if client is None:
            client = await self._new_client(*key)
            self._clients[key] = client
            while len(self._clients) > self._max_clients:
                self._clients.popitem(last=False)
        self._clients.move_to_end(key)
        return client

    async def _new_client(self, app_id: str, service_url: str, audience: str) -> ConnectorClient:
        credentials = await self._credentials_factory.create_credentials(
            app_id, audience, self._login_endpoint, self._validate_authority
        )
        if self._session is None or self._session.closed:
            self._session = ClientSession(timeout=ClientTimeout(total=SEND_TIMEOUT_SECONDS))
        sender = _AiohttpSender(self._session)

        def pipeline(config: BotFrameworkConnectorConfiguration) -> AsyncPipeline:
            policies = [config.user_agent_policy, _BearerToken(credentials), RawDeserializer()]
            return AsyncPipeline(policies, sender)

        config = BotFrameworkConnectorConfiguration(
            credentials, service_url, pipeline_type=pipeline
        )
        config.add_user_agent(USER_AGENT)
        return _Connector(credentials, config)

    async def close(self) -> None:
        self._clients.clear()
        if self._session is not None:
            await self._session.close()


class _PooledConnectorFactory(ConnectorFactory):
    def __init__(self, pool: ConnectorPool, app_id: str) -> None:
        self._pool = pool
        self._app_id = app_id

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        return await self._pool.client(
            self._app_id, service_url, audience or self._pool.default_audience
        )


class PooledConnectorAuthentication(BotFrameworkAuthentication):
    """The SDK's authentication, with connectors from a ConnectorPool and no token client.

    No flow signs users in (OAuthPrompt), so no UserTokenClient is built per turn.
    """

    def __init__(self, inner: BotFrameworkAuthentication, pool: ConnectorPool) -> None:
        self._inner = inner
        self.pool = pool

    def _factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        claims = claims_identity.claims if claims_identity else {}
        app_id = claims.get(AuthenticationConstants.AUDIENCE_CLAIM) or claims.get(
            AuthenticationConstants.APP_ID_CLAIM
        )
        return _PooledConnectorFactory(self.pool, app_id)

    def _pooled(self, result: AuthenticateRequestResult) -> AuthenticateRequestResult:
        result.connector_factory = self._factory(result.claims_identity)
        return result

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        return self._pooled(await self._inner.authenticate_request(activity, auth_header))

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return self._pooled(
            await self._inner.authenticate_streaming_request(auth_header, channel_id_header)
        )

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._factory(claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        return None

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)
