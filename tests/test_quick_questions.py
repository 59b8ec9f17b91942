"""What a quick question is about, and when the RET meets next (domain, no I/O)."""

from datetime import date, datetime, time

import pytest

from domain.meetings import AMSTERDAM, next_meeting
from domain.quick_questions import Topic, understand
from domain.ret import MeetingCalendar


@pytest.mark.parametrize(
    ("question", "topic", "detail"),
    [
        ("Wanneer is het volgende RET-overleg?", Topic.NEXT_MEETING, None),
        ("wanneer vergadert het RET weer", Topic.NEXT_MEETING, None),
        ("Kan een ouder zelf aanmelden?", Topic.KNOWLEDGE, "zelf-aanmelden"),
        ("mag een jongere zelf aanmelden zonder verwijzer", Topic.KNOWLEDGE, "zelf-aanmelden"),
        ("Is het advies bindend?", Topic.KNOWLEDGE, "advies-bindend"),
        ("Moeten de ouders toestemming geven?", Topic.KNOWLEDGE, "toestemming"),
        ("Wie in het kernteam weet van eetstoornissen?", Topic.EXPERTISE, "Thijs Wennink"),
        ("Waar kan een ouder met een klacht terecht?", Topic.COMPLAINT, None),
        ("Hoe gaan jullie om met een wachtlijst van een jaar?", Topic.UNKNOWN, None),
        ("Wat kost een plaatsing in een gezinshuis?", Topic.UNKNOWN, None),
    ],
)
def test_understand(ret, question, topic, detail):
    answer = understand(question, ret)

    assert answer.topic is topic
    if topic is Topic.KNOWLEDGE:
        assert answer.knowledge.id == detail
    if topic is Topic.EXPERTISE:
        assert detail in [m.name for m in answer.experts]


@pytest.mark.parametrize(
    ("asked", "opposite"),
    [
        (
            "Mag ik een casus aanmelden met toestemming van ouders?",
            "Mag ik een casus aanmelden zonder toestemming van ouders?",
        ),
        (
            "Is toestemming van ouders nodig voor een aanmelding?",
            "Is toestemming van ouders niet nodig voor een aanmelding?",
        ),
        ("Kan een jongere zelf aanmelden?", "Kan een jongere niet zelf aanmelden?"),
        ("Moeten de ouders toestemming geven?", "Moeten de ouders geen toestemming geven?"),
    ],
)
def test_a_negation_is_never_answered_as_its_opposite(ret, asked, opposite):
    """The knowledge base answers "Ja." to the first; to the second that would be untrue."""
    assert understand(asked, ret).topic is Topic.KNOWLEDGE

    assert understand(opposite, ret).topic is Topic.UNKNOWN


def test_experts_kernteam_before_flexibele_schil(ret):
    answer = understand("Wie weet iets van verslaving?", ret)

    assert [m.name for m in answer.experts] == ["Fatima el Amrani", "Pieter Lansink"]


def test_next_meeting_skips_cancelled_days_and_public_holidays():
    calendar = MeetingCalendar(
        weekday="maandag",
        start=time(10, 0),
        duration_minutes=120,
        every_weeks=1,
        first_date=date(2026, 3, 30),
        location="Zaal 1",
        cancelled=(date(2026, 4, 13),),
    )
    # Monday 6 April 2026 is Easter Monday; 13 April is cancelled.
    after_first = datetime(2026, 3, 30, 12, 0, tzinfo=AMSTERDAM)

    meeting = next_meeting(calendar, after_first)

    assert meeting.start == datetime(2026, 4, 20, 10, 0, tzinfo=AMSTERDAM)
    assert meeting.end.hour == 12 and meeting.location == "Zaal 1"


def test_next_meeting_is_the_same_day_until_it_starts(ret):
    morning = datetime(2026, 11, 24, 9, 0, tzinfo=AMSTERDAM)
    evening = datetime(2026, 11, 24, 18, 0, tzinfo=AMSTERDAM)

    assert next_meeting(ret.meetings, morning).start.date() == date(2026, 11, 24)
    assert next_meeting(ret.meetings, evening).start.date() == date(2026, 12, 8)
