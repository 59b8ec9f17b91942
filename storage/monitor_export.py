"""Reading the report facts of a period for the monitor export (nothing decrypted)."""

from collections.abc import AsyncIterator

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.monitor import monitor_row
from domain.report import Period
from storage.models import CaseFactRow, CaseProblemRow
from storage.process_facts import process_codes

BATCH = 1000


async def monitor_rows(
    sessions: async_sessionmaker, period: Period, key: str, ret: tuple[str, str]
) -> AsyncIterator[dict[str, str]]:
    """The export's rows for the cases submitted in the period, by case number, in batches
    so that a large period does not sit in memory at once."""
    start, end = period.moments()
    columns = [c.name for c in CaseFactRow.__table__.columns]
    after = ""
    while True:
        async with sessions() as session:
            facts = (
                await session.scalars(
                    select(CaseFactRow)
                    .where(
                        and_(CaseFactRow.submitted_at >= start, CaseFactRow.submitted_at < end),
                        CaseFactRow.case_number > after,
                    )
                    .order_by(CaseFactRow.case_number)
                    .limit(BATCH)
                )
            ).all()
            if not facts:
                return
            numbers = [f.case_number for f in facts]
            problems: dict[str, dict[str, list[str]]] = {}
            for row in await session.scalars(
                select(CaseProblemRow).where(CaseProblemRow.case_number.in_(numbers))
            ):
                problems.setdefault(row.case_number, {}).setdefault(row.side, []).append(row.code)
            process = await process_codes(session, CaseFactRow.case_number.in_(numbers))
        for fact in facts:
            values = {name: getattr(fact, name) for name in columns}
            yield monitor_row(
                key,
                {"ret": ret[0], "regio": ret[1], "periode": period.code},
                values,
                problems.get(fact.case_number, {}),
                process.get(fact.case_number, {}),
            )
        after = numbers[-1]
