"""Counting a report period from the report facts: GROUP BY queries, nothing decrypted."""

from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.case_facts import LEAD_TIMES
from domain.report import CATEGORY_DIMENSIONS, PROCESS_DIMENSIONS, Period, ReportCounts
from domain.signals import RodeDraad
from storage.models import CaseFactRow, CaseProblemRow
from storage.process_facts import process_codes

MONTH_DAYS = 30.44  # as domain.case_facts.lead_time_group counts a month


async def report_counts(
    sessions: async_sessionmaker, period: Period, signals: tuple[RodeDraad, ...] = ()
) -> ReportCounts:
    start, end = period.moments()
    submitted = and_(CaseFactRow.submitted_at >= start, CaseFactRow.submitted_at < end)
    async with sessions() as session:
        requests = await session.scalar(select(func.count()).where(submitted)) or 0
        # Aanmelder × leeftijd in one pass, which also gives each of the two on its own.
        pair = (CaseFactRow.aanmelder_type, CaseFactRow.leeftijdsgroep)
        referrer_age = {
            (referrer, age): n
            for referrer, age, n in await session.execute(
                select(*pair, func.count()).where(submitted).group_by(*pair)
            )
        }
        categories: dict[str, dict] = {"aanmelder_type": {}, "leeftijdsgroep": {}}
        for (referrer, age), n in referrer_age.items():
            by_referrer, by_age = categories["aanmelder_type"], categories["leeftijdsgroep"]
            by_referrer[referrer] = by_referrer.get(referrer, 0) + n
            by_age[age] = by_age.get(age, 0) + n
        for name in CATEGORY_DIMENSIONS:
            if name in categories:
                continue
            column = getattr(CaseFactRow, name)
            rows = await session.execute(
                select(column, func.count()).where(submitted).group_by(column)
            )
            categories[name] = dict(rows.all())
        for name in PROCESS_DIMENSIONS:
            categories[name] = {}
        for codes in (await process_codes(session, submitted)).values():
            for name in PROCESS_DIMENSIONS:
                if codes[name] is not None:
                    counted = categories[name]
                    counted[codes[name]] = counted.get(codes[name], 0) + 1
        problems: dict[str, dict[str, int]] = {"jeugdige": {}, "ouders": {}, "geprobeerd": {}}
        rows = await session.execute(
            select(CaseProblemRow.side, CaseProblemRow.code, func.count())
            .join(CaseFactRow, CaseFactRow.case_number == CaseProblemRow.case_number)
            .where(submitted)
            .group_by(CaseProblemRow.side, CaseProblemRow.code)
        )
        for side, code, count in rows:
            problems.setdefault(side, {})[code] = count
        met = and_(CaseFactRow.overleg_op >= period.start, CaseFactRow.overleg_op <= period.end)
        meetings, followed_up = (
            await session.execute(
                select(
                    func.count(),
                    func.count(CaseFactRow.monitoren_op) + _escalated_without_monitoring(),
                ).where(met)
            )
        ).one()
        lead = _lead_time_bucket()
        closed = and_(CaseFactRow.afgesloten_op >= start, CaseFactRow.afgesloten_op < end)
        lead_times = dict(
            (await session.execute(select(lead, func.count()).where(closed).group_by(lead))).all()
        )
        escalated = and_(CaseFactRow.geescaleerd_op >= start, CaseFactRow.geescaleerd_op < end)
        escalations = dict(
            (
                await session.execute(
                    select(CaseFactRow.escalatie_stap, func.count())
                    .where(escalated)
                    .group_by(CaseFactRow.escalatie_stap)
                )
            ).all()
        )
        open_at_end = dict(
            (
                await session.execute(
                    select(open_bucket := _open_bucket(end), func.count())
                    .where(CaseFactRow.submitted_at < end, _not_closed_by(end))
                    .group_by(open_bucket)
                )
            ).all()
        )
        per_month = await _per_month(session, period)
        open_by_step = dict(
            (
                await session.execute(
                    select(CaseFactRow.status, func.count())
                    .where(CaseFactRow.submitted_at < end, CaseFactRow.afgesloten_op.is_(None))
                    .group_by(CaseFactRow.status)
                )
            ).all()
        )
    return ReportCounts(
        requests=requests,
        meetings=meetings or 0,
        categories=categories,
        problems=problems,
        lead_times={k: v for k, v in lead_times.items() if k},
        followed_up=followed_up or 0,
        escalations=escalations,
        signals=signals,
        open_at_end=open_at_end,
        per_month=per_month,
        referrer_age=referrer_age,
        open_by_step=open_by_step,
    )


def _lead_time_bucket():
    days = CaseFactRow.doorlooptijd_dagen
    return case(
        (days < 3 * MONTH_DAYS, LEAD_TIMES[0]),
        (days <= 6 * MONTH_DAYS, LEAD_TIMES[1]),
        else_=LEAD_TIMES[2],
    )


async def _per_month(session, period: Period) -> tuple[int, ...]:
    """Requests per month of the period, months in Amsterdam time: one pass over the
    period's requests, a count per month."""
    submitted = CaseFactRow.submitted_at
    counts = []
    for first, last in period.months():
        start, end = Period(first, last).moments()
        counts.append(func.count(case((and_(submitted >= start, submitted < end), 1))))
    start, end = period.moments()
    row = (await session.execute(select(*counts).where(submitted >= start, submitted < end))).one()
    return tuple(row)


def _open_bucket(end: datetime):
    """How long a case open at `end` had been open: < 3 months, 3-6, > 6 (as lead times)."""
    submitted = CaseFactRow.submitted_at
    return case(
        (submitted > end - timedelta(days=3 * MONTH_DAYS), LEAD_TIMES[0]),
        (submitted >= end - timedelta(days=6 * MONTH_DAYS), LEAD_TIMES[1]),
        else_=LEAD_TIMES[2],
    )


def _not_closed_by(end: datetime):
    return or_(CaseFactRow.afgesloten_op.is_(None), CaseFactRow.afgesloten_op >= end)


def _escalated_without_monitoring():
    """A case escalated before any follow-up round needed follow-up too."""
    return func.count(
        case(
            (
                and_(CaseFactRow.monitoren_op.is_(None), CaseFactRow.geescaleerd_op.is_not(None)),
                1,
            )
        )
    )
