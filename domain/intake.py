# ruff: noqa: E501  (tables of labels read best one term per line)
"""The consultatie-en-advies request (aanmelding): its sections, fields and rules.

A flow asks section by section; `check_section` turns the raw answers of one section into
clean values or into plain-Dutch problems to ask again about.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from rapidfuzz import fuzz, process

from domain import vocabularies as v
from domain.cases import Case, CaseRepository, Referrer, Submitted
from domain.mail import Mail
from domain.notices import Chair, Notice, by_language
from domain.ret import RetConfig
from domain.text_matching import normalise
from domain.triage import CaseEvent

MAX_AGE = 23  # the RET serves young people up to 23 (18-/18+ transitions)
UNKNOWN = "weet ik niet"
OUTSIDE = "buiten de regio"  # a young person from elsewhere: recorded, counted apart


class Kind(StrEnum):
    TEXT = "text"  # one line
    STORY = "story"  # free text in the referrer's own words
    CHOICE = "choice"
    CHOICES = "choices"  # several
    YEAR = "year"
    GEMEENTE = "gemeente"


@dataclass(frozen=True)
class Field:
    key: str
    nl: str
    en: str
    kind: Kind
    vocabulary: v.Vocabulary = ()
    required: bool = True
    unknown_allowed: bool = False  # "weet ik niet" is an answer a referrer may give

    def label(self, language: str) -> str:
        return self.en if language == "en" else self.nl

    @property
    def max_length(self) -> int:
        """The longest answer kept: a line for a name or number, a page for a story."""
        return MAX_LENGTH.get(self.kind, MAX_LENGTH[Kind.TEXT])


LINE_MAX = 200  # a name, an organisation, a phone number, a case number
STORY_MAX = 4000  # free text in someone's own words: about a page
MAX_LENGTH = {Kind.TEXT: LINE_MAX, Kind.STORY: STORY_MAX, Kind.YEAR: 4, Kind.GEMEENTE: 100}


@dataclass(frozen=True)
class Section:
    key: str
    nl: str
    en: str
    fields: tuple[Field, ...]

    def title(self, language: str) -> str:
        return self.en if language == "en" else self.nl


SECTIONS: tuple[Section, ...] = (
    Section("aanmelder", "Over jou als aanmelder", "About you", (
        Field("aanmelder_type", "Vanuit welke rol meld je aan?", "In which role do you apply?", Kind.CHOICE, v.AANMELDER),
        Field("aanmelder_organisatie", "Organisatie", "Organisation", Kind.TEXT),
        Field("aanmelder_contact", "Telefoon of e-mail voor terugbellen", "Phone or email", Kind.TEXT),
    )),
    Section("jeugdige", "Over de jeugdige", "About the young person", (
        Field("gemeente", "Woongemeente van de jeugdige", "Municipality of residence", Kind.GEMEENTE, unknown_allowed=True),
        Field("initialen", "Initialen of een schuilnaam (geen volledige naam)", "Initials or a pseudonym (no full name)", Kind.TEXT),
        Field("geboortejaar", "Geboortejaar", "Year of birth", Kind.YEAR),
        Field("geslacht", "Geslacht", "Gender", Kind.CHOICE, v.GESLACHT),
        Field("woonsituatie", "Woonsituatie", "Living situation", Kind.CHOICE, v.WOONSITUATIE),
        Field("maatregel", "Jeugdbeschermingsmaatregel", "Child protection measure", Kind.CHOICE, v.MAATREGEL),
    )),
    Section("onderwijs", "Onderwijs", "Education", (
        Field("onderwijs", "Onderwijssituatie", "Education", Kind.CHOICE, v.ONDERWIJS),
        Field("school_betrokken", "Is iemand van school of leerplicht betrokken?", "Is someone from school involved?", Kind.CHOICE, v.JA_NEE),
        Field("school_wie", "Wie van school is betrokken, of waarom (nog) niemand?", "Who from school, or why nobody (yet)?", Kind.STORY),
    )),
    Section("problematiek", "Problematiek", "Problems", (
        Field("problematiek_jeugdige", "Problematiek van de jeugdige", "Problems of the young person", Kind.CHOICES, v.PROBLEMATIEK_JEUGDIGE),
        Field("problematiek_ouders", "Problematiek van de ouders", "Problems of the parents", Kind.CHOICES, v.PROBLEMATIEK_OUDERS, required=False),
        Field("problematiek_primair", "Welke problematiek van de jeugdige staat voorop?", "Which of the young person's problems comes first?", Kind.CHOICE, v.PROBLEMATIEK_JEUGDIGE, required=False),
    )),
    Section("vraag", "Je vraag aan het RET", "Your question to the RET", (
        Field("soort_vraag", "Soort vraag", "Kind of question", Kind.CHOICE, v.SOORT_VRAAG),
        Field("hulpvraag", "Wat is de hulpvraag? (in je eigen woorden)", "What is the question for help?", Kind.STORY),
        Field("geprobeerd", "Wat is er al geprobeerd?", "What has been tried?", Kind.STORY),
        Field("geprobeerd_hulp", "Welke hulp is er al ingezet?", "Which help has been given so far?", Kind.CHOICES, v.GEPROBEERD, required=False),
        Field("vastgelopen", "Waar loopt het op vast?", "Where is it stuck?", Kind.STORY),
        Field("knelpunt", "Waar zit het knelpunt vooral?", "Where is the main bottleneck?", Kind.CHOICE, v.KNELPUNT, required=False),
        Field("heraanmelding", "Is de jeugdige al eerder bij het RET aangemeld?", "Was the young person referred to the RET before?", Kind.CHOICE, v.JA_NEE_ONBEKEND, required=False),
        Field("expertisenetwerk", "Is het expertisenetwerk al betrokken?", "Is the expertise network involved already?", Kind.CHOICE, v.JA_NEE_ONBEKEND, required=False),
    )),
    Section("wensen", "Wensen en urgentie", "Wishes and urgency", (
        Field("wens_jeugdige", "Wat wil de jeugdige zelf?", "What does the young person want?", Kind.STORY, unknown_allowed=True),
        Field("wens_ouders", "Wat willen de ouders?", "What do the parents want?", Kind.STORY, unknown_allowed=True),
        Field("urgentie", "Urgentie", "Urgency", Kind.CHOICE, v.URGENTIE),
    )),
    Section("toestemming", "Toestemming en contact", "Consent and contact", (
        Field("toestemming", "Toestemming om de casus met het RET te delen", "Consent to share the case", Kind.CHOICE, v.TOESTEMMING),
        Field("toestemming_door", "Wie gaf (of geeft) toestemming?", "Who gave (or gives) consent?", Kind.CHOICE, v.TOESTEMMING_DOOR),
        Field("contact_gezin", "Hoe bereiken we ouders en jeugdige voor de uitnodiging?", "How do we reach parents and young person?", Kind.TEXT),
    )),
)  # fmt: skip


class ProblemKind(StrEnum):
    EMPTY = "empty"
    NOT_A_CHOICE = "not_a_choice"
    NOT_IN_LIST = "not_in_list"
    YEAR_FORMAT = "year_format"
    YEAR_FUTURE = "year_future"
    YEAR_TOO_OLD = "year_too_old"
    GEMEENTE_TYPO = "gemeente_typo"
    TOO_LONG = "too_long"
    GEMEENTE_OUTSIDE = "gemeente_outside"
    AGE_UNDER_16 = "age_under_16"  # zelf aanmelden: alone only from 16
    AGE_NOT_12_15 = "age_not_12_15"  # zelf aanmelden: with a parent from 12 to 15


@dataclass(frozen=True)
class Problem:
    """What is wrong with one answer; the flow words it in the user's language."""

    field: str
    kind: ProblemKind
    given: str = ""
    suggestions: tuple[str, ...] = ()


def check_section(
    section: Section, raw: dict, ret: RetConfig, today: date
) -> tuple[dict[str, object], list[Problem]]:
    """Clean values of one section, and what is wrong with the rest."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for field in section.fields:
        answer = raw.get(field.key)
        text = answer.strip() if isinstance(answer, str) else ""
        if not text:
            if field.required:
                problems.append(Problem(field.key, ProblemKind.EMPTY))
            else:
                values[field.key] = [] if field.kind is Kind.CHOICES else ""
            continue
        if field.unknown_allowed and normalise(text) == UNKNOWN:
            values[field.key] = UNKNOWN
            continue
        if len(text) > field.max_length:
            problems.append(Problem(field.key, ProblemKind.TOO_LONG, str(field.max_length)))
            continue
        value, problem = _check(field, text, ret, today)
        if problem:
            problems.append(problem)
        else:
            values[field.key] = value
    return values, problems


def school_missing(answers: dict) -> bool:
    """Onderwijs must always be involved: nobody from school calls for an explanation."""
    return answers.get("school_betrokken") == "nee"


def _check(field: Field, text: str, ret: RetConfig, today: date) -> tuple[object, Problem | None]:
    if field.kind is Kind.CHOICE:
        codes = {t.code for t in field.vocabulary}
        if text in codes:
            return text, None
        return None, Problem(field.key, ProblemKind.NOT_A_CHOICE)
    if field.kind is Kind.CHOICES:
        picked = [code.strip() for code in text.split(",") if code.strip()]
        unknown = set(picked) - {t.code for t in field.vocabulary}
        if unknown or not picked:
            return None, Problem(field.key, ProblemKind.NOT_IN_LIST)
        return picked, None
    if field.kind is Kind.YEAR:
        return _check_year(field, text, today)
    if field.kind is Kind.GEMEENTE:
        return _check_gemeente(field, text, ret)
    return text, None


def _check_year(field: Field, text: str, today: date) -> tuple[object, Problem | None]:
    if not (text.isdigit() and len(text) == 4):
        return None, Problem(field.key, ProblemKind.YEAR_FORMAT, text)
    year = int(text)
    if year > today.year:
        return None, Problem(field.key, ProblemKind.YEAR_FUTURE, text)
    if today.year - year > MAX_AGE:
        return None, Problem(field.key, ProblemKind.YEAR_TOO_OLD, text)
    return year, None


def _check_gemeente(field: Field, text: str, ret: RetConfig) -> tuple[object, Problem | None]:
    """A gemeente of the region (a near miss is asked again), "buiten de regio", or (in
    check_section) "weet ik niet": a young person from elsewhere is served too."""
    if normalise(text) == OUTSIDE:
        return OUTSIDE, None
    by_name = {normalise(g): g for g in ret.gemeenten}
    if normalise(text) in by_name:
        return by_name[normalise(text)], None
    close = process.extract(normalise(text), list(by_name), scorer=fuzz.WRatio, limit=3)
    suggestions = tuple(by_name[name] for name, score, _ in close if score >= 70)
    if suggestions:
        return None, Problem(field.key, ProblemKind.GEMEENTE_TYPO, text, suggestions)
    return None, Problem(field.key, ProblemKind.GEMEENTE_OUTSIDE, text)


def age_in(year_of_birth: int, today: date) -> int:
    """Age this year (the request records the year of birth only)."""
    return today.year - year_of_birth


def is_urgent(answers: dict) -> bool:
    """Care stops soon with nothing next: the voorzitter is alerted the same day."""
    return answers.get("urgentie") == "spoed"


class RequestWording(Protocol):
    """How the flow words what a submitted request causes (domain has no texts)."""

    def triage_card(self, case: Case, language: str) -> dict: ...

    def urgent_alert(self, case: Case, language: str) -> tuple[str, Mail]:
        """The alert for the voorzitter in Teams, and as an e-mail (without `to`)."""
        ...

    def complaint_event(self, cue: str) -> str: ...


def request_notices(case: Case, draft_id: str, words: RequestWording) -> list[Notice]:
    """The triage card for the voorzitter; for an urgent request also an alert, by e-mail
    to the voorzitter and the stand-ins at once when Teams cannot reach them. Keyed by the
    draft, so what became of them can be found again."""
    key = f"aanmelding:{draft_id}"
    triage = by_language(lambda language: words.triage_card(case, language))
    card = Notice(Chair(), triage, key=f"{key}:triage")
    if not is_urgent(case.answers):
        return [card]
    alert = by_language(lambda language: words.urgent_alert(case, language)[0])
    mail = by_language(lambda language: words.urgent_alert(case, language)[1])
    return [Notice(Chair(), alert, email=mail, urgent=True, key=f"{key}:spoed"), card]


async def submit_request(
    repository: CaseRepository,
    referrer: Referrer,
    answers: dict,
    draft_id: str,
    now: datetime,
    words: RequestWording,
    self_applied: bool = False,
) -> Submitted:
    """A referrer (or a parent or young person) submits their request: the case is
    numbered and stored with what it causes, once per draft (a double click or a retry
    after a crash gives the case the first submit made)."""
    events = []
    if answers.get("klacht_keuze") == "doorgaan":  # a complaint, but they chose to go on
        note = words.complaint_event(str(answers.get("klacht_woord", "")))
        events.append(CaseEvent(now, referrer.name, "klacht gesignaleerd", note))
    return await repository.submit(
        referrer,
        answers,
        now,
        draft_id=draft_id,
        events=events,
        self_applied=self_applied,
        notices=lambda case: request_notices(case, draft_id, words),
    )
