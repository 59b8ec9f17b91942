"""Report facts: written with every change of a case, plain while the request is
encrypted, kept through anonymisation, and filled by the migration for existing cases; the
age group at submission, never the year of birth (migration 0018 drops that column)."""

import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import command
from cryptography.fernet import Fernet
from sqlalchemy import select, text, update

from domain.case_facts import age_group, lead_time_group
from domain.cases import CaseStatus, Referrer
from domain.triage import CaseEvent
from storage.cases import SqlCaseRepository
from storage.database import create_engine, create_session_factory
from storage.encryption import FieldCipher
from storage.migrate import _alembic_config
from storage.models import CaseFactRow, CaseProblemRow, CaseRow
from storage.retention import anonymise_closed_cases
from tests.test_retention import ANSWERS

KEY = Fernet.generate_key().decode()
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
REFERRER = Referrer("msteams", "u1", "Inge Referent", "aad-1")

# case_file as revision 0011 left it (today's model has columns added by later migrations).
# Revision 0016 had the same columns and self_applied, which has a default.
CASE_FILE_AT_0011 = sa.table(
    "case_file",
    *(
        sa.column(name)
        for name in (
            "number",
            "status",
            "referrer_channel_id",
            "referrer_user_id",
            "referrer_name",
            "answers",
        )
    ),
    # typed, so SQLAlchemy stores them as the models do (not sqlite3's deprecated adapter)
    sa.column("submitted_at", sa.DateTime(timezone=True)),
    sa.column("closed_at", sa.DateTime(timezone=True)),
)


def test_age_and_lead_time_groups_follow_the_annual_report():
    assert [age_group(2026 - age, 2026) for age in (0, 8, 9, 12, 13, 16, 17, 22)] == [
        "0-8", "0-8", "9-12", "9-12", "13-16", "13-16", "17+", "17+",
    ]  # fmt: skip
    assert age_group(None, 2026) is None
    assert [lead_time_group(d) for d in (0, 91, 92, 182, 183)] == [
        "< 3 maanden", "< 3 maanden", "3-6 maanden", "3-6 maanden", "> 6 maanden",
    ]  # fmt: skip


async def facts(sessions, number: str) -> tuple[CaseFactRow, set]:
    async with sessions() as session:
        row = await session.get(CaseFactRow, number)
        problems = await session.scalars(
            select(CaseProblemRow).where(CaseProblemRow.case_number == number)
        )
        return row, {(p.side, p.code) for p in problems}


# case_fact as revision 0016 knew it: with the year of birth next to the age group.
CASE_FACT_AT_0016 = sa.table(
    "case_fact",
    *(sa.column(name) for name in ("case_number", "status", "geboortejaar", "leeftijdsgroep")),
    sa.column("submitted_at", sa.DateTime(timezone=True)),
)


async def test_every_change_writes_plain_facts_and_anonymisation_keeps_them(migrated_engine):
    sessions = create_session_factory(migrated_engine)
    cases = SqlCaseRepository(sessions, FieldCipher(KEY))
    answers = ANSWERS | {
        "problematiek_jeugdige": ["trauma", "ass"],
        "problematiek_ouders": ["eigen"],
    }
    case = (await cases.submit(REFERRER, answers, NOW)).case

    submitted, problems = await facts(sessions, case.number)
    triaged = case.__class__(**{**case.__dict__, "status": CaseStatus.CONSULTATIE})
    event = CaseEvent(NOW + timedelta(hours=2), "Marieke", "triage: consultatie")
    assert await cases.move(triaged, CaseStatus.AANGEMELD, event, "msteams")
    closed_at = NOW + timedelta(days=100)
    closed = triaged.__class__(
        **{**triaged.__dict__, "status": CaseStatus.AFGESLOTEN, "closed_at": closed_at}
    )
    closing = CaseEvent(closed_at, "Marieke", "afgesloten: opgelost")
    assert await cases.move(closed, CaseStatus.CONSULTATIE, closing, "msteams")
    anonymised = await anonymise_closed_cases(
        sessions, closed_at + timedelta(days=1), closed_at + timedelta(days=1), FieldCipher(KEY)
    )
    after, problems_after = await facts(sessions, case.number)

    async with sessions() as session:
        stored = (await session.get(CaseRow, case.number)).answers
    assert "Hengelo" not in stored  # the request itself stays encrypted
    assert (submitted.aanmelder_type, submitted.gemeente, submitted.leeftijdsgroep) == (
        "gi", "Hengelo", "13-16",
    )  # fmt: skip
    assert not hasattr(submitted, "geboortejaar")
    assert (submitted.geslacht, submitted.maatregel, submitted.soort_vraag) == (
        "meisje", "ots", "passende_plek",
    )  # fmt: skip
    assert problems == {("jeugdige", "trauma"), ("jeugdige", "ass"), ("ouders", "eigen")}
    assert anonymised == [case.number]
    assert (after.status, after.besluit, after.afsluitreden) == (
        "afgesloten",
        "consultatie",
        "opgelost",
    )
    assert after.besloten_op == NOW + timedelta(hours=2)
    assert after.doorlooptijd_dagen == 100 and after.gemeente == "Hengelo"
    assert problems_after == problems


async def test_the_migration_fills_facts_for_existing_cases(database_url, monkeypatch):
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: command.upgrade(_alembic_config(sync), "0011"))
            sealed = FieldCipher(KEY).encrypt(json.dumps(ANSWERS))
            plain = json.dumps(ANSWERS | {"gemeente": "Almelo"})
            for number, answers in (("RET-2026-0001", sealed), ("RET-2026-0002", plain)):
                await connection.execute(
                    CASE_FILE_AT_0011.insert().values(
                        number=number,
                        status="afgesloten",
                        referrer_channel_id="msteams",
                        referrer_user_id="u1",
                        referrer_name="Inge",
                        answers=answers,
                        submitted_at=NOW,
                        closed_at=NOW + timedelta(days=200),
                    )
                )
            await connection.execute(
                text(
                    "INSERT INTO case_event (case_number, at, actor, kind) "
                    "VALUES ('RET-2026-0001', :at, 'M', 'triage: ret_tafel'), "
                    "('RET-2026-0001', :at, 'M', 'afgesloten: afgeschaald')"
                ).bindparams(sa.bindparam("at", type_=sa.DateTime(timezone=True))),
                {"at": NOW},
            )
        monkeypatch.setenv("RETBOT_DATA_KEY", KEY)
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: command.upgrade(_alembic_config(sync), "head"))
        sessions = create_session_factory(engine)
        first, problems = await facts(sessions, "RET-2026-0001")
        second, _ = await facts(sessions, "RET-2026-0002")
    finally:
        await engine.dispose()

    assert (first.gemeente, first.besluit, first.afsluitreden) == (
        "Hengelo",
        "ret_tafel",
        "afgeschaald",
    )
    assert first.doorlooptijd_dagen == 200 and first.submitted_at == NOW
    assert problems == {("jeugdige", "trauma"), ("jeugdige", "hechting")}
    assert second.gemeente == "Almelo" and second.besluit is None


async def test_without_the_key_the_migration_keeps_the_moments(database_url, monkeypatch):
    monkeypatch.delenv("RETBOT_DATA_KEY", raising=False)
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: command.upgrade(_alembic_config(sync), "0011"))
            await connection.execute(
                CASE_FILE_AT_0011.insert().values(
                    number="RET-2026-0003",
                    status="aangemeld",
                    referrer_channel_id="msteams",
                    referrer_user_id="u1",
                    referrer_name="Inge",
                    answers=FieldCipher(KEY).encrypt(json.dumps(ANSWERS)),
                    submitted_at=NOW,
                )
            )
            await connection.run_sync(lambda sync: command.upgrade(_alembic_config(sync), "head"))
        row, _ = await facts(create_session_factory(engine), "RET-2026-0003")
    finally:
        await engine.dispose()
    assert (row.status, row.submitted_at, row.gemeente) == ("aangemeld", NOW, None)


async def test_a_later_change_fills_what_the_migration_could_not(migrated_engine):
    sessions = create_session_factory(migrated_engine)
    cases = SqlCaseRepository(sessions, FieldCipher(KEY))
    case = (await cases.submit(REFERRER, dict(ANSWERS), NOW)).case
    async with sessions.begin() as session:
        await session.execute(
            update(CaseFactRow).where(CaseFactRow.case_number == case.number).values(gemeente=None)
        )
    event = CaseEvent(NOW, "Inge", "toestemming vastgelegd")
    await cases.replace_answers(case, event, "msteams")
    row, _ = await facts(sessions, case.number)
    assert row.gemeente == "Hengelo"


async def columns_of(engine, table: str) -> set[str]:
    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: {c["name"] for c in sa.inspect(sync).get_columns(table)}
        )


async def test_migration_0018_keeps_the_age_group_and_drops_the_year_of_birth(database_url):
    """Rows as revision 0016 left them: an anonymised case whose request still holds the year
    of birth, and a fact row with a year of birth but no age group."""
    engine = create_engine(database_url)
    anonymised_at = NOW - timedelta(days=30)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: command.upgrade(_alembic_config(sync), "0016"))
            for number, answers, closed in (
                ("RET-2024-0001", {"gemeente": "Hengelo", "geboortejaar": 2011}, True),
                ("RET-2026-0002", dict(ANSWERS, geboortejaar=2017), False),
            ):
                await connection.execute(
                    CASE_FILE_AT_0011.insert().values(
                        number=number,
                        status="afgesloten" if closed else "aangemeld",
                        referrer_channel_id="msteams",
                        referrer_user_id="(geanonimiseerd)" if closed else "u1",
                        referrer_name="(geanonimiseerd)" if closed else "Inge",
                        answers=json.dumps(answers),
                        submitted_at=NOW - timedelta(days=1000 if closed else 1),
                        closed_at=NOW - timedelta(days=900) if closed else None,
                    )
                )
            await connection.execute(
                update(CaseRow.__table__)
                .where(CaseRow.__table__.c.number == "RET-2024-0001")
                .values(anonymised_at=anonymised_at)
            )
            await connection.execute(
                CASE_FACT_AT_0016.insert(),
                [
                    {
                        "case_number": "RET-2024-0001",
                        "status": "afgesloten",
                        "submitted_at": datetime(2024, 5, 1, tzinfo=UTC),
                        "geboortejaar": 2011,
                        "leeftijdsgroep": "13-16",
                    },
                    {
                        "case_number": "RET-2026-0002",
                        "status": "aangemeld",
                        "submitted_at": datetime(2026, 1, 5, tzinfo=UTC),
                        "geboortejaar": 2017,
                        "leeftijdsgroep": None,
                    },
                ],
            )
            await connection.run_sync(lambda sync: command.upgrade(_alembic_config(sync), "head"))
        migrated = await columns_of(engine, "case_fact")
        sessions = create_session_factory(engine)
        first, _ = await facts(sessions, "RET-2024-0001")
        second, _ = await facts(sessions, "RET-2026-0002")
        async with sessions() as session:
            handed_back = (await session.get(CaseRow, "RET-2024-0001")).anonymised_at
        again = await anonymise_closed_cases(sessions, NOW, NOW)
        async with sessions() as session:
            kept = json.loads((await session.get(CaseRow, "RET-2024-0001")).answers)
            live = json.loads((await session.get(CaseRow, "RET-2026-0002")).answers)
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: command.downgrade(_alembic_config(sync), "0016"))
        downgraded = await columns_of(engine, "case_fact")
    finally:
        await engine.dispose()

    assert "geboortejaar" not in migrated and "leeftijdsgroep" in migrated
    assert (first.leeftijdsgroep, second.leeftijdsgroep) == ("13-16", "9-12")
    assert handed_back is None and again == ["RET-2024-0001"]
    assert kept == {"gemeente": "Hengelo"}  # the year of birth went at last
    assert live["geboortejaar"] == 2017  # an open case keeps its request
    assert "geboortejaar" in downgraded
