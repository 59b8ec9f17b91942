"""The whole report of a period: counted facts plus the voorzitter's signals."""

import asyncio
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
    earlier = period.previous()
    if earlier is None:
        counts = await report_counts(sessions, period, rode_draden(signals))
        return replace(build_report(ret_name, period, counts), made_at=now)
    # Two connections count side by side: the comparison costs little extra time.
    counts, then = await asyncio.gather(
        report_counts(sessions, period, rode_draden(signals)), report_counts(sessions, earlier)
    )
    return replace(build_report(ret_name, period, counts, (earlier, then)), made_at=now)
