"""Document versions in the database (implements domain.documents.DocumentRepository)."""

import base64
import hashlib
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.documents import CASE_PART, PER_CASE_KINDS, DocumentKind, DocumentVersion, case_of
from domain.notices import JobRun, Notice
from storage.database import is_row_id
from storage.encryption import PLAIN, FieldCipher
from storage.models import AuditRow, DocumentVersionRow
from storage.outbox import add_notices, finish_job

ADD_ATTEMPTS = 5  # racing writers of one document: each retry takes the next number


class SqlDocumentRepository:
    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        self._sessions = sessions
        self._cipher = cipher

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
        for attempt in range(ADD_ATTEMPTS):
            try:
                async with self._sessions.begin() as session:
                    last = await session.scalar(
                        select(func.max(DocumentVersionRow.version)).where(
                            DocumentVersionRow.kind == kind.value,
                            DocumentVersionRow.subject == subject,
                        )
                    )
                    number = (last or 0) + 1
                    data = content if isinstance(content, bytes) else await content(number)
                    row = version_row(
                        kind, subject, number, filename, data, created_by, now, self._cipher
                    )
                    session.add(row)
                    session.add(_audit(kind, subject, created_by, f"{kind} gemaakt", channel, now))
                    await session.flush()
                    version = version_of(row, data)
                    add_notices(session, notices(version), now, self._cipher)
                    if job is not None:
                        await finish_job(session, job, now)
                    return version
            except IntegrityError:  # the unique (kind, subject, version) caught a race
                if attempt == ADD_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    async def latest(self, kind: DocumentKind, subject: str) -> DocumentVersion | None:
        async with self._sessions() as session:
            row = await session.scalar(
                select(DocumentVersionRow)
                .where(DocumentVersionRow.kind == kind.value, DocumentVersionRow.subject == subject)
                .order_by(DocumentVersionRow.version.desc())
                .limit(1)
            )
        return self._with_content(row) if row else None

    async def get(self, version_id: int) -> DocumentVersion | None:
        if not is_row_id(version_id):
            return None
        async with self._sessions() as session:
            row = await session.get(DocumentVersionRow, version_id)
        return self._with_content(row) if row else None

    async def versions(self, kind: DocumentKind, subject: str) -> list[DocumentVersion]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(DocumentVersionRow)
                .where(DocumentVersionRow.kind == kind.value, DocumentVersionRow.subject == subject)
                .order_by(DocumentVersionRow.version)
            )
            return [version_of(row) for row in rows]

    async def record_read(
        self, version: DocumentVersion, reader: str, channel: str, now: datetime
    ) -> None:
        action = f"{version.kind} v{version.version} opgehaald"
        async with self._sessions.begin() as session:
            session.add(_audit(version.kind, version.subject, reader, action, channel, now))

    def _with_content(self, row: DocumentVersionRow) -> DocumentVersion:
        return version_of(row, base64.b64decode(self._cipher.decrypt(row.content)))


def version_row(
    kind: DocumentKind,
    subject: str,
    number: int,
    filename: str,
    data: bytes,
    created_by: str,
    now: datetime,
    cipher: FieldCipher,
) -> DocumentVersionRow:
    """A version's row: the .docx base64 and encrypted, with its sha256."""
    return DocumentVersionRow(
        kind=kind.value,
        subject=subject,
        version=number,
        sha256=hashlib.sha256(data).hexdigest(),
        filename=filename,
        created_by=created_by,
        created_at=now,
        content=cipher.encrypt(base64.b64encode(data).decode("ascii")),
    )


async def case_documents(session: AsyncSession, number: str) -> list[DocumentVersionRow]:
    """Every stored version of the documents about one case (for export)."""
    rows = await session.scalars(
        select(DocumentVersionRow)
        .where(
            DocumentVersionRow.kind.in_([k.value for k in PER_CASE_KINDS]),
            _about(number),
        )
        .order_by(DocumentVersionRow.kind, DocumentVersionRow.version)
    )
    return list(rows)


async def delete_case_documents(session: AsyncSession, number: str) -> None:
    """Purge and anonymisation: the documents about a case hold its free text, so they go."""
    await session.execute(
        delete(DocumentVersionRow).where(
            DocumentVersionRow.kind.in_([k.value for k in PER_CASE_KINDS]),
            _about(number),
        )
    )


def _about(number: str):
    """The case's own documents: subject the case number, or `number/…` (its letters)."""
    return or_(
        DocumentVersionRow.subject == number,
        DocumentVersionRow.subject.startswith(number + CASE_PART, autoescape=True),
    )


def decoded_content(row: DocumentVersionRow, cipher: FieldCipher) -> bytes:
    return base64.b64decode(cipher.decrypt(row.content))


def version_of(row: DocumentVersionRow, content: bytes | None = None) -> DocumentVersion:
    return DocumentVersion(
        id=row.id,
        kind=DocumentKind(row.kind),
        subject=row.subject,
        version=row.version,
        sha256=row.sha256,
        filename=row.filename,
        created_by=row.created_by,
        created_at=row.created_at,
        content=content,
    )


def _audit(
    kind: str, subject: str, actor: str, action: str, channel: str, now: datetime
) -> AuditRow:
    number = case_of(kind, subject)
    return AuditRow(at=now, actor=actor, action=action, case_number=number, channel=channel)
