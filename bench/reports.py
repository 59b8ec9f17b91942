"""Benchmark: the report and the first page of Mijn casussen over many cases.

    python bench/reports.py [--cases 100000] [--database sqlite|postgresql] [--repeat 5]

PostgreSQL comes from RETBOT_TEST_POSTGRES_URL (a scratch database is made and dropped).
The cases are `retbot demo-data`'s invented cases (same generator, seed 1), but loaded in
bulk: walking 100,000 cases through the repositories one transaction per step would take
the better part of an hour here. The rows are what those steps write (case_file with the
answers as JSON, case_fact via domain.case_facts, case_fact_problem); the tests check that
the steps themselves write them.

Measured, as the median of --repeat runs:
- counting a year's report (storage.report_counts: every GROUP BY the report needs),
- the whole report as docx (counting plus tables and 15 charts), once,
- Mijn casussen's first page for the voorzitter (20 newest, all statuses and one status),
- the floor: one plain `SELECT status, count(*) FROM case_fact GROUP BY status` in the same
  run, and the ratio of the report's counting to it (it runs about 13 such queries).
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text

from documents.house_style import load_house_style
from documents.report import write_report
from domain.case_facts import category_facts, lead_days, problem_facts
from domain.cases import CaseStatus, case_number
from domain.report import Period
from domain.triage import TARGET
from storage.cases import SqlCaseRepository
from storage.database import create_engine, create_session_factory
from storage.demo_data import demo_plans
from storage.encryption import PLAIN
from storage.migrate import upgrade_to_head
from storage.models import CaseFactRow, CaseProblemRow, CaseRow
from storage.report_build import period_report
from storage.report_counts import report_counts
from storage.scratch import ScratchPostgresDatabase

GEMEENTEN = ("Almelo", "Borne", "Enschede", "Hengelo", "Losser", "Oldenzaal", "Twenterand")
UNTIL = date(2026, 12, 31)
CHUNK = 5000


def rows_of(count: int) -> tuple[list[dict], list[dict], list[dict]]:
    cases, facts, problems = [], [], []
    counters: dict[int, int] = {}
    for plan in demo_plans(count, 1, GEMEENTEN, UNTIL):
        at = plan.submitted_at
        counters[at.year] = counters.get(at.year, 0) + 1
        number = case_number(at.year, counters[at.year])

        def day(offset: int | None, at=at):
            return at + timedelta(offset) if offset is not None else None

        status = CaseStatus.AANGEMELD
        if plan.decision is not None:
            status = TARGET[plan.decision]
        if plan.advice_after_days is not None:
            status = CaseStatus.ADVIES
        if plan.follow_up_after_days is not None:
            status = CaseStatus.MONITOREN
        closed = day(plan.close_after_days)
        if closed is not None:
            status = CaseStatus.AFGESLOTEN
        cases.append(
            {
                "number": number,
                "status": status.value,
                "referrer_channel_id": plan.referrer.channel_id,
                "referrer_user_id": plan.referrer.user_id,
                "referrer_name": plan.referrer.name,
                "answers": json.dumps(plan.answers, ensure_ascii=False),
                "submitted_at": at,
                "closed_at": closed,
            }
        )
        meeting = day(plan.meeting_after_days)
        escalated = day((plan.follow_up_after_days or 0) + 14) if plan.escalation else None
        facts.append(
            {
                "case_number": number,
                "status": status.value,
                "submitted_at": at,
                **category_facts(plan.answers, at),
                "besluit": plan.decision.value if plan.decision else None,
                "besloten_op": at if plan.decision else None,
                "overleg_op": meeting.date() if meeting else None,
                "advies_op": day(plan.advice_after_days),
                "monitoren_op": day(plan.follow_up_after_days),
                "afgesloten_op": closed,
                "afsluitreden": plan.closing_reason if closed else None,
                "doorlooptijd_dagen": lead_days(at, closed),
                "escalatie_stap": plan.escalation.value if plan.escalation else None,
                "geescaleerd_op": escalated,
            }
        )
        problems += [
            {"case_number": number, "side": side, "code": code}
            for side, code in problem_facts(plan.answers)
        ]
    return cases, facts, problems


async def load(engine, count: int) -> None:
    cases, facts, problems = rows_of(count)
    async with engine.begin() as connection:
        for model, rows in ((CaseRow, cases), (CaseFactRow, facts), (CaseProblemRow, problems)):
            for start in range(0, len(rows), CHUNK):
                await connection.execute(insert(model), rows[start : start + CHUNK])
        if engine.dialect.name == "postgresql":
            await connection.execute(text("ANALYZE"))


async def timed(work, repeat: int) -> float:
    """Median seconds of `repeat` runs after one warm-up."""
    await work()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        await work()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


async def measure(url: str, count: int, repeat: int) -> dict[str, float]:
    engine = create_engine(url)
    try:
        await upgrade_to_head(engine)
        started = time.perf_counter()
        await load(engine, count)
        loaded = time.perf_counter() - started
        sessions = create_session_factory(engine)
        year = Period(date(2026, 1, 1), date(2026, 12, 31))
        cases = SqlCaseRepository(sessions)

        async def floor():
            async with engine.connect() as connection:
                await connection.execute(
                    text("SELECT status, count(*) FROM case_fact GROUP BY status")
                )

        async def docx():
            report = await period_report(sessions, PLAIN, "RET Bench", year, datetime.now(UTC))
            with tempfile.TemporaryDirectory() as folder:
                await asyncio.to_thread(
                    write_report, report, "docx", Path(folder) / "r.docx", load_house_style()
                )

        results = {
            "load (bulk, s)": loaded,
            "floor GROUP BY": await timed(floor, repeat),
            "report counts": await timed(lambda: report_counts(sessions, year), repeat),
            "report docx": await timed(docx, 1),
            "first page": await timed(lambda: cases.team_page(None, 0, 20), repeat * 4),
            "first page (status)": await timed(
                lambda: cases.team_page(CaseStatus.MONITOREN, 0, 20), repeat * 4
            ),
        }
        results["ratio counts/floor"] = results["report counts"] / results["floor GROUP BY"]
        return results
    finally:
        await engine.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.database == "postgresql":
        server = os.environ.get("RETBOT_TEST_POSTGRES_URL")
        if not server:
            sys.exit("Set RETBOT_TEST_POSTGRES_URL for --database postgresql")
        async with ScratchPostgresDatabase(server) as url:
            results = await measure(url, args.cases, args.repeat)
    else:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
            results = await measure(url, args.cases, args.repeat)
    print(f"{args.cases} cases on {args.database}")
    for name, value in results.items():
        shown = f"{value:.2f}x" if name.startswith("ratio") else f"{value * 1000:.1f} ms"
        if name.startswith("load"):
            shown = f"{value:.1f} s"
        print(f"  {name:<22} {shown}")


if __name__ == "__main__":
    asyncio.run(main())
