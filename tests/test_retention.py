"""Retention: cases closed longer ago than the RET's period lose every personal field and
the outbox's messages about them; the categories the reports count stay
(tests/test_anonymisation.py searches a whole database afterwards)."""

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from bot.app import RETBOT
from domain.cases import Referrer, retention_cutoff
from domain.mail import Mail
from domain.notices import EmailAddress, Notice
from domain.triage import CaseEvent
from storage.cases import SqlCaseRepository
from storage.models import AuditRow, CaseEventRow, CaseRow, OutboxRow
from tests.test_intake_flow import VALID

NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
ANSWERS = {key: value for section in VALID.values() for key, value in section.items()} | {
    "geboortejaar": 2011
}


def test_cutoff_is_the_retention_period_back():
    assert retention_cutoff(NOW, 24) == datetime(2024, 11, 22, 3, 0, tzinfo=UTC)
    assert retention_cutoff(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(
        2026, 2, 28, tzinfo=UTC
    )


async def test_old_closed_cases_are_anonymised_and_nothing_else(bot):
    retbot = bot.app[RETBOT]
    cases = SqlCaseRepository(retbot.jobs.sessions, retbot.jobs.cipher)
    referrer = Referrer("msteams", "u1", "Inge Referent", "aad-1")
    old, recent, still_open = [
        (await cases.submit(referrer, dict(ANSWERS), NOW - timedelta(days=900))).case
        for _ in range(3)
    ]
    await cases.replace_answers(
        old, CaseEvent(NOW, "Marieke Hofstede", "notitie", "Gesprek met moeder"), "msteams"
    )
    async with retbot.jobs.sessions.begin() as session:
        for case, closed in ((old, NOW - timedelta(days=800)), (recent, NOW - timedelta(days=30))):
            await session.execute(
                update(CaseRow)
                .where(CaseRow.number == case.number)
                .values(status="afgesloten", closed_at=closed)
            )

    done = await retbot.jobs.retention(NOW)
    again = await retbot.jobs.retention(NOW)

    assert done == [old.number] and again == []
    async with retbot.jobs.sessions() as session:
        rows = {r.number: r for r in await session.scalars(select(CaseRow))}
        notes = [e.text for e in await session.scalars(select(CaseEventRow))]
        audit = [
            a.action
            for a in await session.scalars(
                select(AuditRow).where(AuditRow.case_number == old.number)
            )
        ]
    kept = json.loads(rows[old.number].answers)
    assert kept["gemeente"] == "Hengelo" and kept["problematiek_jeugdige"] == "trauma,hechting"
    for personal in ("initialen", "hulpvraag", "aanmelder_contact", "contact_gezin", "wens_ouders"):
        assert personal not in kept
    assert rows[old.number].referrer_name == "(geanonimiseerd)"
    assert notes == [None]
    assert "casus geanonimiseerd" in audit
    for untouched in (recent, still_open):
        assert json.loads(rows[untouched.number].answers)["initialen"] == "J.D."


async def test_the_outbox_forgets_the_messages_about_an_anonymised_case_only(bot):
    retbot = bot.app[RETBOT]
    cases = SqlCaseRepository(retbot.jobs.sessions, retbot.jobs.cipher)
    referrer = Referrer("msteams", "u1", "Inge Referent", "aad-1")
    old, other = [
        (await cases.submit(referrer, dict(ANSWERS), NOW - timedelta(days=900))).case
        for _ in range(2)
    ]
    async with retbot.jobs.sessions.begin() as session:
        await session.execute(
            update(CaseRow)
            .where(CaseRow.number == old.number)
            .values(status="afgesloten", closed_at=NOW - timedelta(days=800))
        )
    outbox = retbot.dispatcher.outbox
    for number in (old.number, other.number):  # waiting: no SMTP server here
        mail = Mail(("t.wennink@example.org",), f"Follow-up {number} (J.D.)", "Hoe gaat het?")
        await outbox.add([Notice(EmailAddress(), mail)], NOW)

    assert await retbot.jobs.retention(NOW) == [old.number]

    async with retbot.jobs.sessions() as session:
        left = [outbox.cipher.decrypt(p) for p in await session.scalars(select(OutboxRow.payload))]
    assert len(left) == 1 and other.number in left[0] and old.number not in left[0]
