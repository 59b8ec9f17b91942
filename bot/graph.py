"""Installing retbot for a RET member who has not opened it, through Microsoft Graph, so a
message for them need not wait (as Microsoft's Company Communicator does).

Needs the application permission `TeamsAppInstallation.ReadWriteSelfForUser.All` for the
bot's app registration, granted by an administrator, and retbot's app in the organisation's
app catalogue (`retbot manifest`, uploaded in the Teams admin centre). Then, for a member:
the catalogue's id of retbot (by the manifest's id), an installation in the member's
personal scope (or the one there is), and the chat of that installation, which becomes
their stored conversation. Tried at most once a day per member; a failure is logged (never
the member's address) and the message keeps waiting.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from aiohttp import ClientError, ClientSession, ClientTimeout

from domain.ret import Member
from storage.references import ReferenceRepository, StoredReference

log = logging.getLogger("retbot.graph")
TIMEOUT = ClientTimeout(total=20)
TRY_AGAIN_AFTER = timedelta(days=1)
SCOPE = "https://graph.microsoft.com/.default"


@dataclass(frozen=True)
class GraphAccess:
    """Where Graph and the sign-in service are, and who retbot is there."""

    graph_url: str  # https://graph.microsoft.com
    login_url: str  # https://login.microsoftonline.com
    tenant_id: str
    client_id: str  # the bot's app id
    client_secret: str
    teams_app_id: str  # the manifest's id (manifest.build.teams_app_id)
    service_url: str  # the Bot Connector of the RET's region, for a chat nobody opened


class GraphUnavailable(Exception):
    """Graph answered with an error or not at all."""


class GraphInstaller:
    """Implements bot.reach.TeamsInstaller."""

    def __init__(self, access: GraphAccess, references: ReferenceRepository) -> None:
        self._access = access
        self._references = references
        self._tried: dict[str, datetime] = {}
        self._token: tuple[str, datetime] | None = None
        self._catalogue_id: str | None = None

    async def personal_chat(self, member: Member) -> StoredReference | None:
        now = datetime.now(UTC)
        tried = self._tried.get(member.email.lower())
        if tried is not None and now - tried < TRY_AGAIN_AFTER:
            return None
        self._tried[member.email.lower()] = now
        try:
            async with ClientSession(timeout=TIMEOUT) as session:
                reference = await self._install(session, member)
        except (GraphUnavailable, ClientError, TimeoutError) as error:
            log.warning("could not install retbot for a member: %s", _describe(error))
            return None
        await self._references.save([reference])
        log.info("installed retbot in the personal scope of a member of the RET")
        return reference

    async def _install(self, session: ClientSession, member: Member) -> StoredReference:
        user = quote(member.aad_object_id or member.email, safe="@")
        catalogue_id = await self._catalogue(session)
        bind = f"{self._access.graph_url}/v1.0/appCatalogs/teamsApps/{catalogue_id}"
        await self._call(
            session,
            "POST",
            f"/v1.0/users/{user}/teamwork/installedApps",
            {"teamsApp@odata.bind": bind},
            allowed=(409,),  # installed already: find that installation
        )
        found = await self._call(
            session,
            "GET",
            f"/v1.0/users/{user}/teamwork/installedApps"
            f"?$expand=teamsApp&$filter=teamsApp/id eq '{catalogue_id}'",
        )
        installations = found.get("value") or []
        if not installations:
            raise GraphUnavailable("no installation after installing")
        installation = installations[0]["id"]
        chat = await self._call(
            session, "GET", f"/v1.0/users/{user}/teamwork/installedApps/{installation}/chat"
        )
        aad_object_id = member.aad_object_id or await self._user_id(session, user)
        return self._reference(chat["id"], aad_object_id)

    async def _catalogue(self, session: ClientSession) -> str:
        if self._catalogue_id is None:
            external = self._access.teams_app_id
            apps = await self._call(
                session,
                "GET",
                f"/v1.0/appCatalogs/teamsApps?$filter=externalId eq '{external}'",
            )
            if not apps.get("value"):
                raise GraphUnavailable("retbot is not in the organisation's app catalogue")
            self._catalogue_id = apps["value"][0]["id"]
        return self._catalogue_id

    async def _user_id(self, session: ClientSession, user: str) -> str:
        return (await self._call(session, "GET", f"/v1.0/users/{user}?$select=id"))["id"]

    def _reference(self, chat_id: str, aad_object_id: str) -> StoredReference:
        access = self._access
        reference = {
            "activityId": None,
            "user": {"id": f"aad:{aad_object_id}", "aadObjectId": aad_object_id},
            "bot": {"id": f"28:{access.client_id}", "name": "retbot"},
            "conversation": {
                "conversationType": "personal",
                "id": chat_id,
                "tenantID": access.tenant_id,  # as botbuilder's ConversationAccount names it
            },
            "channelId": "msteams",
            "serviceUrl": access.service_url,
        }
        return StoredReference(
            channel_id="msteams",
            scope="user",
            scope_id=f"aad:{aad_object_id}",
            aad_object_id=aad_object_id,
            tenant_id=access.tenant_id,
            conversation_type="personal",
            reference=reference,
        )

    async def _call(
        self,
        session: ClientSession,
        method: str,
        path: str,
        body: dict | None = None,
        allowed: tuple[int, ...] = (),
    ) -> dict:
        headers = {"Authorization": f"Bearer {await self._bearer(session)}"}
        url = self._access.graph_url + path
        async with session.request(method, url, json=body, headers=headers) as response:
            if response.status in allowed:
                return {}
            if response.status >= 400:
                raise GraphUnavailable(f"{method} {path.split('?')[0]}: HTTP {response.status}")
            return await response.json(content_type=None) if response.status != 204 else {}

    async def _bearer(self, session: ClientSession) -> str:
        now = datetime.now(UTC)
        if self._token is not None and self._token[1] > now:
            return self._token[0]
        access = self._access
        async with session.post(
            f"{access.login_url}/{access.tenant_id}/oauth2/v2.0/token",
            data={
                "grant_type": "client_credentials",
                "client_id": access.client_id,
                "client_secret": access.client_secret,
                "scope": SCOPE,
            },
        ) as response:
            if response.status != 200:
                raise GraphUnavailable(f"token: HTTP {response.status}")
            answer = await response.json(content_type=None)
        lifetime = timedelta(seconds=int(answer.get("expires_in", 3600)) - 60)
        self._token = (answer["access_token"], now + lifetime)
        return self._token[0]


def _describe(error: Exception) -> str:
    return str(error)[:200] if isinstance(error, GraphUnavailable) else type(error).__name__
