"""GET /documents/{token}: the newest version of a document (the advies, a letter as .docx;
of a goed voorbeeld the version the voorzitter approved), behind a signed, expiring link.
Every download is audited. A link that is not ours, was altered or points to nothing gets
404, an expired one 410: plain text, never a 5xx."""

from typing import Protocol

from aiohttp import web

from bot.agenda_page import HEADERS
from bot.links import DocumentLinks, LinkRefused
from dialogs.clock import now
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.documents import CASE_PART, DOCX, DocumentKind, DocumentRepository, DocumentVersion
from domain.good_practice import CONCEPT

PATH = "/documents/{token}"
READER = "downloadlink"


class ReviewedPractice(Protocol):
    async def reviewed_good_practice(self, number: str) -> DocumentVersion | None: ...


class DocumentPage:
    def __init__(
        self,
        links: DocumentLinks,
        documents: DocumentRepository,
        practice: ReviewedPractice | None = None,
    ) -> None:
        self.links = links
        self._documents = documents
        self._practice = practice

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.download)

    async def download(self, request: web.Request) -> web.Response:
        at = now()
        try:
            kind, subject = self.links.document_of(request.match_info["token"], at)
        except LinkRefused as refused:
            if refused.expired:
                return _refusal("document.link_expired", 410)
            return _refusal("document.link_invalid", 404)
        if kind not in DocumentKind.__members__.values():
            return _refusal("document.link_invalid", 404)
        version = await self._version(DocumentKind(kind), subject)
        if version is None:
            return _refusal("document.link_invalid", 404)
        await self._documents.record_read(version, READER, "web", at)
        return web.Response(
            body=version.content,
            content_type=DOCX,
            headers={
                **HEADERS,
                "Content-Disposition": f'attachment; filename="{version.filename}"',
            },
        )

    async def _version(self, kind: DocumentKind, subject: str) -> DocumentVersion | None:
        """The newest version; of a goed voorbeeld the one the voorzitter reviewed, and its
        draft only by the voorzitter's own link (`number/concept`)."""
        if kind is not DocumentKind.GOED_VOORBEELD:
            return await self._documents.latest(kind, subject)
        number, _, part = subject.partition(CASE_PART)
        if part == CONCEPT:
            return await self._documents.latest(kind, number)
        if part or self._practice is None:
            return None
        return await self._practice.reviewed_good_practice(number)


def _refusal(key: str, status: int) -> web.Response:
    return web.Response(
        text=text(key, DEFAULT_LANGUAGE), status=status, charset="utf-8", headers=HEADERS
    )
