"""The advies aan de moederorganisatie and the goed voorbeeld in the database (implements
domain.organisation_advice.OrganisationAdviceRepository and the goed voorbeeld's store).

A letter is stored with its document, its case event, its audit entries and the notice
that sends it in one transaction; its form's id is unique, so a second click sends
nothing. A goed voorbeeld keeps which version of its casusbeschrijving the voorzitter
reviewed: only that one may leave (a newer draft waits for its own review).
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from domain.documents import DocumentKind, DocumentVersion
from domain.good_practice import EVENT as MARKED_EVENT
from domain.good_practice import REVIEWED_EVENT, GoodPractice
from domain.notices import Notice
from domain.organisation_advice import EVENT as ADVICE_EVENT
from domain.organisation_advice import OrganisationAdvice, SentAdvice
from domain.ret import OrganisationKind
from domain.triage import CaseEvent
from storage.documents import ADD_ATTEMPTS, decoded_content, version_of, version_row
from storage.encryption import FieldCipher
from storage.evaluation import SqlEvaluationRepository
from storage.models import DocumentVersionRow, GoodPracticeRow, OrganisationAdviceRow
from storage.outbox import add_notices

LEARNING_TABLES = (OrganisationAdviceRow, GoodPracticeRow)  # purged with the case


class SqlLearningRepository(SqlEvaluationRepository):
    # Advies aan de moederorganisatie.

    async def record_advice(
        self,
        advice: OrganisationAdvice,
        letter: tuple[str, bytes],
        notices: Sequence[Notice],
        channel: str,
    ) -> bool:
        filename, data = letter
        number, at, organisation = advice.case.number, advice.at, advice.organisation
        contact = organisation.contact
        event = CaseEvent(at, advice.by, ADVICE_EVENT, organisation.name)
        try:
            async with self._sessions.begin() as session:
                session.add(
                    OrganisationAdviceRow(
                        case_number=number,
                        leerpunt_id=advice.leerpunt.id,
                        organisation=organisation.name,
                        organisation_kind=organisation.kind.value,
                        sent_to=f"{contact.name} <{contact.email}>",
                        advice=self._cipher.encrypt(advice.advice),
                        sent_by=advice.by,
                        sent_at=at,
                        document_subject=advice.subject,
                        form_id=advice.form_id,
                    )
                )
                await session.flush()  # the same form a second time: IntegrityError here
                kind = DocumentKind.BRIEF
                row = version_row(
                    kind, advice.subject, 1, filename, data, advice.by, at, self._cipher
                )
                session.add(row)
                session.add_all(self._event_rows(number, event, channel))
                add_notices(session, notices, at, self._cipher)
        except IntegrityError:
            return False
        return True

    async def sent_advice(self, number: str) -> list[SentAdvice]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(OrganisationAdviceRow)
                .where(OrganisationAdviceRow.case_number == number)
                .order_by(OrganisationAdviceRow.id)
            )
            return [self._sent(r) for r in rows]

    async def advice_between(self, start: datetime, end: datetime) -> list[SentAdvice]:
        """The letters sent in a period, for the report: kinds only, nothing decrypted."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(OrganisationAdviceRow)
                .where(OrganisationAdviceRow.sent_at >= start, OrganisationAdviceRow.sent_at < end)
                .order_by(OrganisationAdviceRow.id)
            )
            return [self._sent(r, texts=False) for r in rows]

    def _sent(self, row: OrganisationAdviceRow, texts: bool = True) -> SentAdvice:
        return SentAdvice(
            row.case_number,
            row.leerpunt_id,
            row.organisation,
            OrganisationKind(row.organisation_kind),
            self._cipher.decrypt(row.advice) if texts else None,
            row.sent_by,
            row.sent_at,
        )

    # Goed voorbeeld.

    async def good_practice(self, number: str) -> GoodPractice | None:
        async with self._sessions() as session:
            row = await session.get(GoodPracticeRow, number)
            return _practice(row) if row else None

    async def mark_good_practice(
        self, number: str, by: str, at: datetime, letter: tuple[str, bytes], channel: str
    ) -> DocumentVersion:
        """Stores the casusbeschrijving as the next draft and marks the case (again): the
        draft waits for the voorzitter's review; an earlier reviewed version stays the one
        that may leave until then."""
        for attempt in range(ADD_ATTEMPTS):  # a double click: each draft its own number
            try:
                return await self._mark(number, by, at, letter, channel)
            except IntegrityError:
                if attempt == ADD_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    async def _mark(
        self, number: str, by: str, at: datetime, letter: tuple[str, bytes], channel: str
    ) -> DocumentVersion:
        filename, data = letter
        kind = DocumentKind.GOED_VOORBEELD
        async with self._sessions.begin() as session:
            last = await session.scalar(
                select(func.max(DocumentVersionRow.version)).where(
                    DocumentVersionRow.kind == kind.value, DocumentVersionRow.subject == number
                )
            )
            row = version_row(kind, number, (last or 0) + 1, filename, data, by, at, self._cipher)
            session.add(row)
            practice = await session.get(GoodPracticeRow, number, with_for_update=True)
            if practice is None:
                practice = GoodPracticeRow(case_number=number)
                session.add(practice)
            practice.marked_by, practice.marked_at = by, at
            practice.draft_version = row.version
            session.add_all(self._event_rows(number, CaseEvent(at, by, MARKED_EVENT), channel))
            await session.flush()
            return version_of(row, data)

    async def review_good_practice(
        self, number: str, version: int, by: str, at: datetime, channel: str
    ) -> GoodPractice | None:
        """Marks `version` reviewed when it is the newest draft and not reviewed yet; returns
        the goed voorbeeld as it is then (None when the case is not marked)."""
        async with self._sessions.begin() as session:
            row = await session.get(GoodPracticeRow, number, with_for_update=True)
            if row is None:
                return None
            if row.draft_version == version and row.reviewed_version != version:
                row.reviewed_by, row.reviewed_at, row.reviewed_version = by, at, version
                event = CaseEvent(at, by, REVIEWED_EVENT, f"versie {version}")
                session.add_all(self._event_rows(number, event, channel))
            return _practice(row)

    async def reviewed_good_practice(self, number: str) -> DocumentVersion | None:
        """The version the voorzitter reviewed, with its content; None when none was."""
        async with self._sessions() as session:
            practice = await session.get(GoodPracticeRow, number)
            if practice is None or practice.reviewed_version is None:
                return None
            row = await session.scalar(
                select(DocumentVersionRow).where(
                    DocumentVersionRow.kind == DocumentKind.GOED_VOORBEELD.value,
                    DocumentVersionRow.subject == number,
                    DocumentVersionRow.version == practice.reviewed_version,
                )
            )
        return version_of(row, decoded_content(row, self._cipher)) if row else None


def _practice(row: GoodPracticeRow) -> GoodPractice:
    return GoodPractice(
        row.case_number,
        row.marked_by,
        row.marked_at,
        row.draft_version,
        row.reviewed_by,
        row.reviewed_at,
        row.reviewed_version,
    )


async def learning_export(session, number: str, cipher: FieldCipher) -> dict:
    """The case's letters to organisations and its goed voorbeeld, for an export (the
    documents themselves are under the case's documents)."""
    letters = await session.scalars(
        select(OrganisationAdviceRow)
        .where(OrganisationAdviceRow.case_number == number)
        .order_by(OrganisationAdviceRow.id)
    )
    practice = await session.get(GoodPracticeRow, number)
    return {
        "adviezen_aan_organisaties": [
            {
                "organisatie": r.organisation,
                "soort": r.organisation_kind,
                "aan": r.sent_to,
                "advies": cipher.decrypt(r.advice),
                "door": r.sent_by,
                "op": r.sent_at.isoformat(),
                "document": r.document_subject,
            }
            for r in letters
        ],
        "goed_voorbeeld": None
        if practice is None
        else {
            "gemarkeerd_door": practice.marked_by,
            "gemarkeerd_op": practice.marked_at.isoformat(),
            "concept_versie": practice.draft_version,
            "goedgekeurde_versie": practice.reviewed_version,
            "goedgekeurd_door": practice.reviewed_by,
            "goedgekeurd_op": practice.reviewed_at.isoformat() if practice.reviewed_at else None,
        },
    }
