"""The rules around the meeting without I/O: which schil expertise matches which
problematiek, the working day two days before a meeting, age groups."""

from datetime import date, time

import holidays
import pytest

from domain import vocabularies as v
from domain.cases import Case, Referrer
from domain.flexibele_schil import matches, problematiek_of, suggest_schil
from domain.meeting_prep import age_group
from domain.ret import WorkingHours
from domain.working_time import working_days_before

DUTCH = holidays.Netherlands(years=range(2026, 2028))
HOURS = WorkingHours(start=time(9, 0), end=time(17, 0))
JEUGDIGE = {t.code: t for t in v.PROBLEMATIEK_JEUGDIGE}


@pytest.mark.parametrize(
    ("expertise", "problem"),
    [
        ("eetstoornis", "eetstoornis"),
        ("eetstoornissen", "eetstoornis"),  # a near match
        ("Eetstoornis", "eetstoornis"),
        ("agressie", "gedrag"),  # one part of 'Gedrag / agressie'
        ("agresie", "gedrag"),  # a slip of the keyboard
        ("seksueel grensoverschrijdend gedrag", "sgg"),
        ("suicidaliteit", "suicidaliteit"),  # without the diaeresis
        ("psychiatrie", "psychiatrie"),  # 'Psychiatrie (overig)'
    ],
)
def test_expertise_that_matches(expertise, problem):
    assert matches(expertise, JEUGDIGE[problem])


@pytest.mark.parametrize(
    ("expertise", "problem"),
    [
        ("gedrag", "sgg"),  # a word of it is not the whole expertise
        ("seksueel grensoverschrijdend gedrag", "gedrag"),
        ("trauma", "hechting"),
        ("ouders", "eigen"),
        ("verslaving", "justitie"),
    ],
)
def test_expertise_that_does_not_match(expertise, problem):
    terms = {**JEUGDIGE, **{t.code: t for t in v.PROBLEMATIEK_OUDERS}}
    assert not matches(expertise, terms[problem])


def test_suggestions_come_from_the_schil_only_with_their_reasons(ret):
    answers = {"problematiek_jeugdige": ["justitie", "sgg", "eetstoornis"]}

    suggestions = suggest_schil(ret, answers)

    # Thijs (kernteamlid) knows eating disorders, but the kernteam is invited anyway.
    assert [(s.member.name, [r.code for r in s.reasons]) for s in suggestions] == [
        ("Anouk Haverkamp", ["sgg", "justitie"])
    ]
    assert suggest_schil(ret, {}) == []


def test_problematiek_as_stored_or_as_typed():
    assert [t.code for t in problematiek_of({"problematiek_jeugdige": "trauma,hechting"})] == [
        "trauma",
        "hechting",
    ]
    assert [t.code for t in problematiek_of({"problematiek_ouders": ["huiselijk_geweld"]})] == [
        "huiselijk_geweld"
    ]


def test_two_working_days_before_a_meeting():
    assert working_days_before(date(2026, 12, 8), 2, HOURS, DUTCH) == date(2026, 12, 4)  # Fri
    assert working_days_before(date(2026, 12, 10), 2, HOURS, DUTCH) == date(2026, 12, 8)
    # Tuesday 29 December: Christmas (Fri 25) and the weekend do not count.
    assert working_days_before(date(2026, 12, 29), 2, HOURS, DUTCH) == date(2026, 12, 24)


@pytest.mark.parametrize(
    ("born", "group"),
    [(2020, "0-8"), (2017, "9-12"), (2014, "9-12"), (2010, "13-16"), (2009, "17+")],
)
def test_age_groups_of_the_reports(born, group):
    case = Case("RET-2026-0001", "aangemeld", Referrer("msteams", "u", "x"), {"geboortejaar": born})
    assert age_group(case, date(2026, 12, 8)) == group
