"""Claiming the quarterly report's delivery: the first instance to insert the row sends."""

from datetime import datetime

from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.models import ReportDeliveryRow
from storage.upsert import dialect_insert


async def claim_report_delivery(sessions: async_sessionmaker, period: str, now: datetime) -> bool:
    async with sessions.begin() as session:
        claimed = await session.scalar(
            dialect_insert(session.bind.dialect, ReportDeliveryRow)
            .values(period=period, sent_at=now)
            .on_conflict_do_nothing(index_elements=["period"])
            .returning(ReportDeliveryRow.period)
        )
    return claimed is not None
