"""Document versions in the database, on SQLite and PostgreSQL: numbered, never overwritten,
encrypted at rest, audited, and part of a case's export, purge, anonymisation and re-keying."""

import asyncio
import base64
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from domain.cases import CaseStatus, Referrer
from domain.documents import DocumentKind
from storage.case_archive import CaseArchive
from storage.cases import SqlCaseRepository
from storage.database import create_session_factory
from storage.documents import SqlDocumentRepository
from storage.encryption import PREFIX, FieldCipher
from storage.models import AuditRow, CaseRow, DocumentVersionRow
from storage.rekey import reencrypt_all
from storage.retention import anonymise_closed_cases

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
ADVIES = DocumentKind.ADVIES


@pytest.fixture
def sessions(migrated_engine):
    return create_session_factory(migrated_engine)


@pytest.fixture
def store(sessions) -> SqlDocumentRepository:
    return SqlDocumentRepository(sessions, FieldCipher(OLD))


async def a_case(sessions) -> str:
    cases = SqlCaseRepository(sessions, FieldCipher(OLD))
    case = (await cases.submit(Referrer("msteams", "u1", "Inge Referent"), {}, NOW)).case
    return case.number


async def test_versions_count_up_and_old_ones_stay_readable(store, sessions):
    number = await a_case(sessions)
    first = await store.add(ADVIES, number, "advies.docx", b"eerste", "Marieke", "msteams", NOW)
    second = await store.add(ADVIES, number, "advies.docx", b"tweede", "Thijs", "msteams", NOW)
    other = await store.add(DocumentKind.NOTULEN, "2026-03-03", "n.docx", b"x", "Sanne", "cli", NOW)

    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert first.sha256 == hashlib.sha256(b"eerste").hexdigest()
    assert (await store.latest(ADVIES, number)).content == b"tweede"
    assert (await store.get(first.id)).content == b"eerste"
    listed = await store.versions(ADVIES, number)
    assert [(v.version, v.created_by, v.content) for v in listed] == [
        (1, "Marieke", None),
        (2, "Thijs", None),
    ]
    assert await store.latest(ADVIES, "RET-2026-9999") is None


async def test_racing_writers_each_get_their_own_number(store, sessions):
    number = await a_case(sessions)
    made = await asyncio.gather(
        *(store.add(ADVIES, number, "a.docx", bytes([i]), "x", "msteams", NOW) for i in range(4))
    )
    assert sorted(v.version for v in made) == [1, 2, 3, 4]


async def test_content_is_encrypted_at_rest_and_reads_are_audited(store, sessions):
    number = await a_case(sessions)
    version = await store.add(ADVIES, number, "a.docx", b"Samenvatting J.D.", "M", "msteams", NOW)
    await store.record_read(version, "downloadlink", "web", NOW)

    async with sessions() as session:
        [stored] = await session.scalars(select(DocumentVersionRow.content))
        actions = list(
            await session.scalars(select(AuditRow.action).where(AuditRow.case_number == number))
        )
    assert stored.startswith(PREFIX) and "J.D." not in stored
    assert base64.b64decode(FieldCipher(OLD).decrypt(stored)) == b"Samenvatting J.D."
    assert "advies gemaakt" in actions and "advies v1 opgehaald" in actions


async def test_rotate_key_rewrites_document_content(store, sessions):
    number = await a_case(sessions)
    await store.add(ADVIES, number, "a.docx", b"inhoud", "M", "msteams", NOW)

    await reencrypt_all(sessions, FieldCipher(f"{NEW},{OLD}"))

    assert (
        await SqlDocumentRepository(sessions, FieldCipher(NEW)).latest(ADVIES, number)
    ).content == (b"inhoud")


async def test_export_purge_and_anonymisation_cover_the_documents(store, sessions):
    number = await a_case(sessions)
    kept = await a_case(sessions)
    await store.add(ADVIES, number, "advies.docx", b"v1", "M", "msteams", NOW)
    await store.add(ADVIES, kept, "advies.docx", b"ander", "M", "msteams", NOW)
    archive = CaseArchive(sessions, FieldCipher(OLD))

    exported = await archive.export(number, "tester")
    assert [
        (d["versie"], base64.b64decode(d["inhoud_base64"])) for d in exported["documenten"]
    ] == [(1, b"v1")]
    assert await archive.purge(number, "tester")
    assert await store.latest(ADVIES, number) is None
    assert await store.latest(ADVIES, kept) is not None

    async with sessions.begin() as session:
        await session.execute(
            update(CaseRow)
            .where(CaseRow.number == kept)
            .values(status=CaseStatus.AFGESLOTEN.value, closed_at=NOW)
        )
    done = await anonymise_closed_cases(
        sessions, NOW + timedelta(days=1), NOW + timedelta(days=1), FieldCipher(OLD)
    )
    assert done == [kept]
    assert await store.latest(ADVIES, kept) is None
