"""Claiming the quarterly report's delivery: the first instance to insert the row stores the
message, in the same transaction."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.notices import Notice
from storage.encryption import FieldCipher
from storage.models import ReportDeliveryRow
from storage.outbox import add_notices
from storage.upsert import dialect_insert


async def claim_report_delivery(
    sessions: async_sessionmaker,
    cipher: FieldCipher,
    period: str,
    now: datetime,
    notices: Sequence[Notice] = (),
) -> bool:
    async with sessions.begin() as session:
        claimed = await session.scalar(
            dialect_insert(session.bind.dialect, ReportDeliveryRow)
            .values(period=period, sent_at=now)
            .on_conflict_do_nothing(index_elements=["period"])
            .returning(ReportDeliveryRow.period)
        )
        if claimed is not None:
            add_notices(session, notices, now, cipher)
    return claimed is not None
