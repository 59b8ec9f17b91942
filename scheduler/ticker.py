"""The in-process clock: APScheduler in the aiohttp event loop runs the periodic jobs."""

from collections.abc import Awaitable, Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler

Job = Callable[[], Awaitable[object]]


def start_ticker(jobs: dict[str, tuple[Job, int]]) -> AsyncIOScheduler:
    """Starts each job every so many minutes; a run that is still busy is not doubled."""
    scheduler = AsyncIOScheduler(timezone="Europe/Amsterdam")
    for name, (job, minutes) in jobs.items():
        scheduler.add_job(job, "interval", minutes=minutes, id=name, max_instances=1, coalesce=True)
    scheduler.start()
    return scheduler
