"""Generated documents (the zwaarwegend advies, the notulen), kept in versions.

A document is stored as a new version every time what it shows changes; a version is never
overwritten, so what was sent to someone can always be read back. `subject` is what the
document is about: a case number for an advies, a meeting date (ISO) for the notulen.
"""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.notices import JobRun, Notice

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocumentKind(StrEnum):
    ADVIES = "advies"
    NOTULEN = "notulen"
    BRIEF = "brief"  # an advies aan de moederorganisatie (leren)
    GOED_VOORBEELD = "goed-voorbeeld"  # an anonymised casusbeschrijving (leren)


PER_CASE_KINDS = frozenset({DocumentKind.ADVIES, DocumentKind.BRIEF, DocumentKind.GOED_VOORBEELD})
"""Kinds whose subject is one case number (or `case number/letter`, for a case's several
letters): audited under it, exported and purged with it."""
CASE_PART = "/"


def case_of(kind: str, subject: str) -> str | None:
    """The case a document of this kind is about, from its subject; None for the notulen."""
    return subject.split(CASE_PART, 1)[0] if kind in PER_CASE_KINDS else None


@dataclass(frozen=True)
class DocumentVersion:
    id: int
    kind: DocumentKind
    subject: str
    version: int
    sha256: str
    filename: str
    created_by: str
    created_at: datetime
    content: bytes | None = None  # None when only the metadata was read

    @property
    def case_number(self) -> str | None:
        """The case the document is about, for audit entries; None for the notulen."""
        return case_of(self.kind, self.subject)


class DocumentRepository(Protocol):
    async def add(
        self,
        kind: DocumentKind,
        subject: str,
        filename: str,
        content: bytes | Callable[[int], Awaitable[bytes]],
        created_by: str,
        channel: str,
        now: datetime,
        notices: Callable[[DocumentVersion], Sequence[Notice]] = lambda version: (),
        job: JobRun | None = None,
    ) -> DocumentVersion:
        """Stores the next version (1, 2, …) of the document with its sha256, an audit
        entry and the `notices` that send it; racing writers each get their own number.
        `content` may be made from the number it is stored under (a document that shows
        its version): it is then made again when a race takes that number.
        With `job`, the job that built it is finished in the same transaction (raises
        storage.outbox.JobLost, and stores nothing, when its claim expired)."""
        ...

    async def latest(self, kind: DocumentKind, subject: str) -> DocumentVersion | None:
        """The newest version, with its content."""
        ...

    async def get(self, version_id: int) -> DocumentVersion | None:
        """One version by its id, with its content."""
        ...

    async def versions(self, kind: DocumentKind, subject: str) -> list[DocumentVersion]:
        """Every version, oldest first, without content."""
        ...

    async def record_read(
        self, version: DocumentVersion, reader: str, channel: str, now: datetime
    ) -> None:
        """An audit entry: who got this version (a download, an export), when and how."""
        ...
