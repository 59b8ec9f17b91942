"""Rewriting all encrypted case fields with the newest key (`retbot rotate-key`)."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.encryption import FieldCipher
from storage.models import (
    AdviceAttendeeRow,
    AdviceRow,
    AfspraakRow,
    BotStateRow,
    CaseEventRow,
    CaseRow,
    ConsultationRow,
    DocumentVersionRow,
    EvaluationAnswerRow,
    FamilyContactRow,
    FamilyEvaluationRow,
    FollowUpAskRow,
    LeerpuntRow,
    NotulenRow,
    OrganisationAdviceRow,
    OutboxRow,
    SignalAdviceRow,
    SignalRow,
)

ENCRYPTED_COLUMNS = (
    (BotStateRow, ("data",)),
    (CaseRow, ("answers",)),
    (CaseEventRow, ("text",)),
    (ConsultationRow, ("question", "answer")),
    (AdviceRow, ("samenvatting", "advies")),
    (AfspraakRow, ("action", "person")),
    (AdviceAttendeeRow, ("name", "organisation", "absence_reason")),
    (OutboxRow, ("payload",)),
    (FollowUpAskRow, ("toelichting",)),
    (NotulenRow, ("transcript",)),
    (DocumentVersionRow, ("content",)),
    (SignalRow, ("note",)),
    (SignalAdviceRow, ("advies",)),
    (FamilyContactRow, ("wishes",)),
    (EvaluationAnswerRow, ("samenwerking", "knelpunt", "oplossing")),
    (FamilyEvaluationRow, ("toelichting",)),
    (LeerpuntRow, ("learned", "worked")),
    (OrganisationAdviceRow, ("advice",)),
)


async def reencrypt_all(sessions: async_sessionmaker, cipher: FieldCipher) -> int:
    """Decrypts every field with any configured key and encrypts it with the first one
    (plain values from before encryption was switched on are encrypted too)."""
    rewritten = 0
    async with sessions.begin() as session:
        for model, columns in ENCRYPTED_COLUMNS:
            for row in await session.scalars(select(model)):
                for column in columns:
                    value = cipher.decrypt(getattr(row, column))
                    setattr(row, column, cipher.encrypt(value))
                rewritten += 1
    return rewritten
