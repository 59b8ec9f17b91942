"""The slot rules on their own (domain.booking, no I/O): equal slots within the meeting,
the next meeting when one is full, and a move only goes forward."""

from datetime import date, datetime, timedelta

import holidays

from domain.booking import next_free_slot, slots_of
from domain.meeting_prep import leaves_time_to_prepare
from domain.meetings import AMSTERDAM

BEFORE = datetime(2026, 11, 22, 12, 0, tzinfo=AMSTERDAM)  # a Sunday; meetings on Tuesdays


def test_a_meeting_has_equal_slots_from_its_start(ret):
    start = datetime(2026, 11, 24, 13, 30, tzinfo=AMSTERDAM)

    slots = slots_of(ret.meetings, start)

    assert [(s.start.strftime("%H:%M"), s.end.strftime("%H:%M")) for s in slots] == [
        ("13:30", "14:20"),
        ("14:20", "15:10"),
        ("15:10", "16:00"),
    ]
    assert {s.end - s.start for s in slots} == {timedelta(minutes=50)}


def test_a_full_meeting_sends_the_next_case_to_the_meeting_after(ret):
    first = next_free_slot(ret.meetings, set(), BEFORE)
    full = {(first.meeting_date, i) for i in range(3)}

    after_full = next_free_slot(ret.meetings, full, BEFORE)

    assert (first.meeting_date.isoformat(), first.index) == ("2026-11-24", 0)
    assert (after_full.meeting_date.isoformat(), after_full.index) == ("2026-12-08", 0)


def test_a_move_goes_to_a_later_free_slot_only(ret):
    first = next_free_slot(ret.meetings, set(), BEFORE)
    booked = {first.key, (first.meeting_date, 1)}

    moved = next_free_slot(ret.meetings, booked, BEFORE, later_than=first.start)

    assert moved.key == (first.meeting_date, 2)


def test_a_meeting_whose_family_deadline_has_passed_is_not_booked(ret):
    """Booked on Saturday 5 December, the meeting of Tuesday 8 December would need the
    family contacted by Friday 4 December: too late, so the meeting after it."""
    saturday = datetime(2026, 12, 5, 0, 10, tzinfo=AMSTERDAM)
    hours, dutch = ret.working_hours, holidays.NL()

    def prepared_in_time(day):
        return leaves_time_to_prepare(day, saturday.date(), hours, dutch)

    slot = next_free_slot(ret.meetings, set(), saturday, prepared_in_time=prepared_in_time)
    on_friday = next_free_slot(
        ret.meetings,
        set(),
        datetime(2026, 12, 4, 16, 0, tzinfo=AMSTERDAM),
        prepared_in_time=lambda day: leaves_time_to_prepare(day, date(2026, 12, 4), hours, dutch),
    )

    assert slot.meeting_date == date(2026, 12, 22)
    assert on_friday.meeting_date == date(2026, 12, 8)  # on the deadline itself there is time
