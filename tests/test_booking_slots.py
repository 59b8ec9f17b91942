"""The slot rules on their own (domain.booking, no I/O): equal slots within the meeting,
the next meeting when one is full, and a move only goes forward."""

from datetime import datetime, timedelta

from domain.booking import next_free_slot, slots_of
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
