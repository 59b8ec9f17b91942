"""Working time counts only the RET's working hours on working days."""

from datetime import datetime, time, timedelta

import holidays

from domain.meetings import AMSTERDAM
from domain.ret import WorkingHours
from domain.working_time import working_day_length, working_time_between

HOURS = WorkingHours(start=time(9, 0), end=time(17, 0))
DUTCH = holidays.Netherlands(years=2026)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMSTERDAM)


def test_within_one_day():
    assert working_time_between(at(23, 10), at(23, 12, 30), HOURS, DUTCH) == timedelta(hours=2.5)


def test_evenings_and_weekends_do_not_count():
    # Friday 27 Nov 16:00 to Monday 30 Nov 10:00: one hour on Friday, one on Monday.
    assert working_time_between(at(27, 16), at(30, 10), HOURS, DUTCH) == timedelta(hours=2)


def test_public_holidays_do_not_count():
    # Christmas Day 2026 is a Friday.
    christmas = working_time_between(at(24, 16, month=12), at(28, 10, month=12), HOURS, DUTCH)
    assert christmas == timedelta(hours=2)


def test_a_working_day_is_the_configured_span():
    assert working_day_length(HOURS) == timedelta(hours=8)
