"""Working time: how long something has waited, counting only the RET's working hours."""

from collections.abc import Container
from datetime import date, datetime, timedelta

from domain.meetings import AMSTERDAM
from domain.ret import Weekday, WorkingHours

_WEEKDAYS = list(Weekday)


def working_time_between(
    start: datetime, end: datetime, hours: WorkingHours, holidays: Container[date]
) -> timedelta:
    """The part of [start, end) that falls within working hours on working days (Amsterdam)."""
    start, end = start.astimezone(AMSTERDAM), end.astimezone(AMSTERDAM)
    total = timedelta()
    day = start.date()
    while day <= end.date():
        if _is_working_day(day, hours, holidays):
            opens = datetime.combine(day, hours.start, tzinfo=AMSTERDAM)
            closes = datetime.combine(day, hours.end, tzinfo=AMSTERDAM)
            overlap = min(end, closes) - max(start, opens)
            total += max(overlap, timedelta())
        day += timedelta(days=1)
    return total


def first_working_day_of_quarter(day: date, hours: WorkingHours, holidays: Container[date]) -> date:
    """The first working day of the quarter `day` is in (1 January is a holiday)."""
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    while not _is_working_day(first, hours, holidays):
        first += timedelta(days=1)
    return first


def working_day_length(hours: WorkingHours) -> timedelta:
    return datetime.combine(date.min, hours.end) - datetime.combine(date.min, hours.start)


def _is_working_day(day: date, hours: WorkingHours, holidays: Container[date]) -> bool:
    weekday = day.weekday()
    return weekday < len(_WEEKDAYS) and _WEEKDAYS[weekday] in hours.days and day not in holidays


def working_days_before(
    day: date, count: int, hours: WorkingHours, holidays: Container[date]
) -> date:
    """The working day `count` working days before `day` (2 before a Tuesday: Friday)."""
    while count:
        day -= timedelta(days=1)
        if _is_working_day(day, hours, holidays):
            count -= 1
    return day
