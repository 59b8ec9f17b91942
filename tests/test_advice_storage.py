"""Advice in the database, on SQLite and PostgreSQL: free text encrypted at rest, one answer
per organisation that only a confirmation may replace, and the advice included when a case
is exported, purged, anonymised or re-keyed."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, text, update

from domain.advice import Advice, Afspraak, Mandate, MandateAnswer
from domain.cases import CaseStatus, Referrer
from domain.triage import CaseEvent
from storage.advice import SqlAdviceRepository
from storage.case_archive import CaseArchive
from storage.database import create_session_factory
from storage.encryption import PREFIX, FieldCipher
from storage.models import AdviceRow, AfspraakRow, CaseRow, MandateRow
from storage.rekey import reencrypt_all
from storage.retention import anonymise_closed_cases

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
KEY = Fernet.generate_key().decode()
GGZ, LVB = "Jeugd-GGZ De Bron", "LVB-zorg Het Anker"
ADVIES = "Tijdelijk gezinshuis met traumabehandeling."


@pytest.fixture
def sessions(migrated_engine):
    return create_session_factory(migrated_engine)


@pytest.fixture
def repository(sessions) -> SqlAdviceRepository:
    return SqlAdviceRepository(sessions, FieldCipher(KEY))


async def advised_case(repository: SqlAdviceRepository) -> str:
    case = (await repository.submit(Referrer("msteams", "u1", "Inge Referent"), {}, NOW)).case
    at_table = CaseEvent(NOW, "Marieke Hofstede", "triage: ret_tafel")
    case = replace(case, status=CaseStatus.RET_TAFEL)
    assert await repository.move(case, CaseStatus.AANGEMELD, at_table, "msteams")
    advice = Advice(
        case.number,
        "Meisje van 15 zonder plek.",
        ADVIES,
        (
            Afspraak(GGZ, "Start traumabehandeling", date(2026, 12, 15)),
            Afspraak(LVB, "Gedragsdeskundige", date(2026, 12, 20), "Fatima el Amrani"),
        ),
        "Marieke Hofstede",
        NOW,
    )
    issued = CaseEvent(NOW, "Marieke Hofstede", "advies gegeven")
    assert await repository.issue(advice, case, issued, "msteams")
    assert not await repository.issue(advice, case, issued, "msteams")  # moved already
    return case.number


def answer(organisation: str, kind: MandateAnswer, minutes: int = 0) -> Mandate:
    return Mandate(organisation, kind, "Iemand", NOW + timedelta(minutes=minutes))


def event(kind: str) -> CaseEvent:
    return CaseEvent(NOW, "Iemand", kind)


async def test_advice_texts_are_encrypted_at_rest_and_read_back(repository, migrated_engine):
    number = await advised_case(repository)

    async with migrated_engine.connect() as connection:
        stored = (await connection.execute(text("SELECT advies FROM advice"))).scalar()
        people = list(
            (await connection.execute(text("SELECT person FROM advice_afspraak"))).scalars()
        )

    assert stored.startswith(PREFIX) and "gezinshuis" not in stored
    assert people[0] is None and people[1].startswith(PREFIX)
    advice = await repository.advice(number)
    assert advice.advies == ADVIES and advice.organisations == [GGZ, LVB]
    assert advice.afspraken[1].person == "Fatima el Amrani"
    assert (await repository.get(number)).status is CaseStatus.ADVIES


async def test_a_confirmation_stands_and_only_it_replaces_a_decline(repository):
    number = await advised_case(repository)
    confirmed, declined = MandateAnswer.CONFIRMED, MandateAnswer.DECLINED

    results = [
        await repository.record_mandate(number, answer(GGZ, confirmed), event("b"), "msteams"),
        await repository.record_mandate(number, answer(GGZ, confirmed, 1), event("b"), "msteams"),
        await repository.record_mandate(number, answer(GGZ, declined, 2), event("n"), "msteams"),
        await repository.record_mandate(number, answer(LVB, declined), event("n"), "msteams"),
        await repository.record_mandate(number, answer(LVB, declined, 1), event("n"), "msteams"),
        await repository.record_mandate(number, answer(LVB, confirmed, 2), event("b"), "msteams"),
    ]

    assert [r is not None for r in results] == [True, False, False, True, False, True]
    mandates = await repository.mandates(number)
    assert {o: m.answer for o, m in mandates.items()} == {GGZ: confirmed, LVB: confirmed}
    assert [e.kind for e in await repository.events(number)][-3:] == ["b", "n", "b"]


async def test_export_purge_anonymise_and_rekey_include_the_advice(repository, sessions):
    number = await advised_case(repository)
    await repository.record_mandate(
        number, answer(GGZ, MandateAnswer.CONFIRMED), event("mandaat bevestigd"), "msteams"
    )
    archive = CaseArchive(sessions, FieldCipher(KEY))

    exported = await archive.export(number, "beheerder")
    new_key = Fernet.generate_key().decode()
    await reencrypt_all(sessions, FieldCipher(f"{new_key},{KEY}"))
    rekeyed = await SqlAdviceRepository(sessions, FieldCipher(new_key)).advice(number)
    async with sessions.begin() as session:
        await session.execute(
            update(CaseRow).values(status="afgesloten", closed_at=NOW - timedelta(days=900))
        )
    await anonymise_closed_cases(sessions, NOW, NOW, FieldCipher(new_key))
    async with sessions() as session:
        anonymous = (await session.scalars(select(AfspraakRow))).all()
    purged = await archive.purge(number, "beheerder")

    assert exported["advies"]["advies"] == ADVIES
    assert [a["organisatie"] for a in exported["advies"]["afspraken"]] == [GGZ, LVB]
    assert exported["advies"]["mandaat"][0]["antwoord"] == "bevestigd"
    assert rekeyed.advies == ADVIES
    assert [(a.organisation, a.action, a.person) for a in anonymous] == [
        (GGZ, "(geanonimiseerd)", None),
        (LVB, "(geanonimiseerd)", None),
    ]
    assert purged
    async with sessions() as session:
        for model in (AdviceRow, AfspraakRow, MandateRow):
            assert (await session.scalars(select(model))).all() == []
