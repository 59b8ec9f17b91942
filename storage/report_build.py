"""The whole report of a period: counted facts plus the voorzitter's signals."""

from dataclasses import replace
from datetime import datetime

from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.report import Period, Report, build_report
from domain.signals import rode_draden
from storage.encryption import FieldCipher
from storage.report_counts import report_counts
from storage.signals import SqlSignalRepository


async def period_report(
    sessions: async_sessionmaker, cipher: FieldCipher, ret_name: str, period: Period, now: datetime
) -> Report:
    """The report over `period`, as recorded at `now` (its cut-off moment), compared with
    the period of the same length just before it."""
    signals = await SqlSignalRepository(sessions, cipher).between(*period.moments())
    counts = await report_counts(sessions, period, rode_draden(signals))
    earlier = period.previous()
    before = (earlier, await report_counts(sessions, earlier)) if earlier else None
    return replace(build_report(ret_name, period, counts, before), made_at=now)
