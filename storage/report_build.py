"""The whole report of a period: counted facts plus the voorzitter's signals, and the
evaluations, leerpunten and advice to organisations of closed cases."""

import asyncio
from dataclasses import replace
from datetime import datetime

from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.evaluation import evaluation_figures, leerpunt_themes
from domain.organisation_advice import advice_per_kind
from domain.report import Period, Report, build_report
from domain.signals import rode_draden
from storage.encryption import FieldCipher
from storage.learning import SqlLearningRepository
from storage.report_counts import report_counts
from storage.signals import SqlSignalRepository


async def period_report(
    sessions: async_sessionmaker, cipher: FieldCipher, ret_name: str, period: Period, now: datetime
) -> Report:
    """The report over `period`, as recorded at `now` (its cut-off moment), compared with
    the period of the same length just before it."""
    repository = SqlSignalRepository(sessions, cipher)
    signals = await repository.between(*period.moments())
    draden = rode_draden(signals, await repository.adviezen_until(now))
    earlier = period.previous()
    if earlier is None:
        counts = await report_counts(sessions, period, draden)
        report = build_report(ret_name, period, counts)
    else:  # two connections count side by side: the comparison costs little extra time
        counts, then = await asyncio.gather(
            report_counts(sessions, period, draden), report_counts(sessions, earlier)
        )
        report = build_report(ret_name, period, counts, (earlier, then))
    learning = SqlLearningRepository(sessions, cipher)
    return replace(
        report,
        made_at=now,
        evaluations=evaluation_figures(await learning.given_between(*period.moments())),
        leerpunten=leerpunt_themes(await learning.leerpunten_between(*period.moments())),
        organisation_advice=advice_per_kind(await learning.advice_between(*period.moments())),
    )
