"""The calendar file (.ics) of a booking, made with icalendar.

Times are in Europe/Amsterdam with its VTIMEZONE, so every calendar shows the Dutch wall
time. The UID is the booking's own and SEQUENCE counts its moves: importing the file of a
moved booking updates the same calendar item instead of adding a second one. The caller
words SUMMARY and DESCRIPTION (case number and initials only: the file leaves Teams).
"""

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from domain.booking import Booking

PRODUCT = "-//retbot//RET-overleg//NL"
TIMEZONE_MARGIN = timedelta(days=366)


def invitation(booking: Booking, summary: str, description: str, now: datetime) -> bytes:
    event = Event()
    event.add("uid", booking.uid)
    event.add("sequence", booking.sequence)
    event.add("dtstamp", now)
    event.add("dtstart", booking.slot.start)
    event.add("dtend", booking.slot.end)
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", booking.slot.location)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    # The VTIMEZONE's rules around the meeting, so calendars read the Dutch wall time.
    calendar.add_missing_timezones(
        booking.slot.start.date() - TIMEZONE_MARGIN, booking.slot.end.date() + TIMEZONE_MARGIN
    )
    return calendar.to_ical()
