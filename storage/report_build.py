"""The whole report of a period: counted facts plus the voorzitter's signals, and the
evaluations and leerpunten of closed cases."""

from dataclasses import replace

from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.evaluation import evaluation_figures, leerpunt_themes
from domain.report import Period, Report, build_report
from domain.signals import rode_draden
from storage.encryption import FieldCipher
from storage.evaluation import SqlEvaluationRepository
from storage.report_counts import report_counts
from storage.signals import SqlSignalRepository


async def period_report(
    sessions: async_sessionmaker, cipher: FieldCipher, ret_name: str, period: Period
) -> Report:
    signals = await SqlSignalRepository(sessions, cipher).between(*period.moments())
    counts = await report_counts(sessions, period, rode_draden(signals))
    learning = SqlEvaluationRepository(sessions, cipher)
    return replace(
        build_report(ret_name, period, counts),
        evaluations=evaluation_figures(await learning.given_between(*period.moments())),
        leerpunten=leerpunt_themes(await learning.leerpunten_between(*period.moments())),
    )
