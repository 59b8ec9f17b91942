"""The RET's meeting calendar: when it meets next."""

from collections.abc import Container, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

from domain.ret import MeetingCalendar, Weekday

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_WEEKDAY_NUMBER = {day: number for number, day in enumerate(Weekday)}


@dataclass(frozen=True)
class Meeting:
    start: datetime
    end: datetime
    location: str


def meeting_dates(calendar: MeetingCalendar, skip: Container[date]) -> Iterator[date]:
    """Every planned meeting day from the first one on, without cancelled days and holidays."""
    day = calendar.first_date
    offset = (_WEEKDAY_NUMBER[calendar.weekday] - day.weekday()) % 7
    day += timedelta(days=offset)
    while True:
        if day not in calendar.cancelled and day not in skip:
            yield day
        day += timedelta(weeks=calendar.every_weeks)


def meetings_after(calendar: MeetingCalendar, now: datetime) -> Iterator[Meeting]:
    """Every meeting that has not started at `now` (an aware datetime), in order: not on a
    cancelled day, not on a Dutch public holiday."""
    public_holidays = holidays.Netherlands()  # grows by the years asked about
    for day in meeting_dates(calendar, public_holidays):
        start = datetime.combine(day, calendar.start, tzinfo=AMSTERDAM)
        if start > now:
            yield Meeting(
                start, start + timedelta(minutes=calendar.duration_minutes), calendar.location
            )


def next_meeting(calendar: MeetingCalendar, now: datetime) -> Meeting:
    """The first meeting that has not started at `now` (an aware datetime)."""
    return next(meetings_after(calendar, now))
