"""The Teams file consent flow: a document offered with a file consent card is, when the
person accepts, uploaded to the URL Teams gives (their OneDrive) and shown as a file card;
when they decline, retbot says so and offers the download link instead.

Only who may have the document gets it: for a case's document the case's referrer or a
voorzitter, for the notulen the voorzitter or procesondersteuner. Each upload is audited.
"""

import logging
from typing import Protocol

from dialogs.advice_document import DocumentLinks
from dialogs.cards import BadCardData
from dialogs.cards.documents import CONSENT_CONTEXT, file_info_card
from dialogs.clock import now
from dialogs.routes import Routes
from dialogs.texts import text
from dialogs.turn import Turn
from domain.cases import TEAM_VIEW_ROLES, CaseRepository
from domain.documents import DocumentKind, DocumentRepository, DocumentVersion
from domain.people import is_chair

log = logging.getLogger("retbot.documents")
FILE_CONSENT_INVOKE = "fileConsent/invoke"


class Uploader(Protocol):
    async def put(self, url: str, content: bytes) -> bool:
        """PUTs the bytes to Teams' upload URL in one range; False when it was refused."""
        ...


class FileConsent:
    def __init__(
        self,
        store: DocumentRepository,
        cases: CaseRepository,
        links: DocumentLinks,
        uploader: Uploader,
        allow_http: bool = False,
    ) -> None:
        """`allow_http`: upload URLs may be plain http (local mode and tests only; Teams
        gives https)."""
        self._store = store
        self._cases = cases
        self._links = links
        self._uploader = uploader
        self._schemes = ("https://", "http://") if allow_http else ("https://",)

    def routes(self) -> Routes:
        return Routes(invokes={FILE_CONSENT_INVOKE: self.answer})

    async def answer(self, turn: Turn) -> None:
        """The `fileConsent/invoke`: {"action": "accept"|"decline", "context": {...},
        "uploadInfo": {...}}. Raises BadCardData for anything else."""
        value, language = turn.value, turn.language
        action, context = value.get("action"), value.get("context")
        version_id = context.get(CONSENT_CONTEXT) if isinstance(context, dict) else None
        if action not in ("accept", "decline") or type(version_id) is not int:
            raise BadCardData("file consent without action or document")
        version = await self._store.get(version_id)
        if version is None or not await self._may_have(turn, version):
            await turn.send(text("document.consent_unknown", language))
            return
        url = self._links.url(version.kind, version.subject, now())
        words = {"file": version.filename, "url": url, "days": self._links.valid_for_days}
        if action == "decline":
            await turn.send(text("document.consent_declined", language, **words))
            return
        upload = value.get("uploadInfo")
        target = upload.get("uploadUrl") if isinstance(upload, dict) else None
        if not isinstance(target, str) or not target.startswith(self._schemes):
            raise BadCardData("file consent accepted without an upload URL")
        if not await self._uploader.put(target, version.content):
            await turn.send(text("document.upload_failed", language, **words))
            return
        reader = turn.speaker.name or "Teams"
        await self._store.record_read(version, reader, "msteams (bestand)", now())
        card = file_info_card(
            str(upload.get("name") or version.filename),
            str(upload.get("contentUrl") or ""),
            str(upload.get("uniqueId") or ""),
            str(upload.get("fileType") or "docx"),
        )
        await turn.send(card)

    async def _may_have(self, turn: Turn, version: DocumentVersion) -> bool:
        member = await turn.member()
        if version.case_number is None:
            return member is not None and member.role in TEAM_VIEW_ROLES
        if is_chair(member):
            return True
        if version.kind is not DocumentKind.ADVIES:  # letters, goed voorbeeld: the voorzitter's
            return False
        case = await self._cases.get(version.case_number)
        return (
            case is not None
            and case.referrer.channel_id == turn.channel_id
            and case.referrer.user_id == turn.speaker.id
        )
