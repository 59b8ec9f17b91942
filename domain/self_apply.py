# ruff: noqa: E501  (tables of labels read best one term per line)
"""Parents and young people applying themselves: who may, whose consent counts, the few
questions they can answer, and their contact details (the code that checks the email
address is domain.verification's).

The answers use the aanmelding's own keys (domain.intake), so the voorzitter triages a
self-made request like any other; what only a professional knows stays open.
"""

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from email_validator import EmailNotValidError, validate_email

from domain import vocabularies as v
from domain.intake import Field, Kind, Problem, ProblemKind, Section, age_in


class Applicant(StrEnum):
    OUDER = "ouder"
    JEUGDIGE_MET_OUDER = "jeugdige_12_15"  # 12-15: applies together with a parent
    JEUGDIGE = "jeugdige_16"  # 16 and older: may apply alone


# fmt: off
APPLICANT = v.terms(
    (Applicant.OUDER.value, "Ik ben ouder of verzorger", "I am a parent or carer"),
    (Applicant.JEUGDIGE_MET_OUDER.value, "Ik ben 12 tot 16 jaar en mijn ouder doet mee", "I am 12 to 16 and my parent takes part"),
    (Applicant.JEUGDIGE.value, "Ik ben 16 jaar of ouder en meld mezelf aan", "I am 16 or older and apply myself"),
)
SCHOOL = v.terms(
    ("ja", "Ja", "Yes"),
    ("soms", "Soms, of maar een paar uur", "Sometimes, or only a few hours"),
    ("nee", "Nee, nu niet", "No, not now"),
)
HULP_STOPT = v.terms(
    ("ja", "Ja, de hulp stopt binnenkort en er is niets anders", "Yes, help stops soon and nothing else is arranged"),
    ("nee", "Nee", "No"),
)

WHO = Section("wie", "Wie meldt aan?", "Who is applying?", (
    Field("aanvrager", "Wie ben jij?", "Who are you?", Kind.CHOICE, APPLICANT),
))
ABOUT = Section("jeugdige", "Over de jeugdige", "About the young person", (
    Field("initialen", "Voorletters (geen volledige naam)", "Initials (no full name)", Kind.TEXT),
    Field("geboortejaar", "Geboortejaar", "Year of birth", Kind.YEAR),
    Field("gemeente", "In welke gemeente woont de jeugdige?", "Which municipality does the young person live in?", Kind.GEMEENTE),
))
QUESTION = Section("vraag", "Wat is er aan de hand?", "What is going on?", (
    Field("hulpvraag", "Wat is er aan de hand, en waar heb je hulp bij nodig?", "What is going on, and what do you need help with?", Kind.STORY),
    Field("geprobeerd", "Welke hulp is er al geweest?", "What help has there been?", Kind.STORY),
    Field("wens", "Wat zou je graag willen?", "What would you like?", Kind.STORY),
    Field("school_zelf", "Gaat de jeugdige naar school?", "Does the young person go to school?", Kind.CHOICE, SCHOOL),
    Field("hulp_stopt", "Stopt de hulp binnenkort, terwijl er nog niets anders is?", "Does help stop soon with nothing else arranged?", Kind.CHOICE, HULP_STOPT),
))
# fmt: on
SECTIONS: tuple[Section, ...] = (WHO, ABOUT, QUESTION)  # then consent, contact and the code


def age_problem(applicant: str, year: int, today: date) -> Problem | None:
    """16+ may apply alone, 12-15 only together with a parent; a parent for any age."""
    age = age_in(year, today)
    if applicant == Applicant.JEUGDIGE and age < 16:
        return Problem("geboortejaar", ProblemKind.AGE_UNDER_16, str(year))
    if applicant == Applicant.JEUGDIGE_MET_OUDER and not 12 <= age <= 16:
        return Problem("geboortejaar", ProblemKind.AGE_NOT_12_15, str(year))
    return None


def consent_by(applicant: str, year: int, today: date) -> str:
    """Whose consent counts (domain.vocabularies.TOESTEMMING_DOOR): 16+ decide themselves,
    12-15 together with their parents, younger children through their parents."""
    age = age_in(year, today)
    if age >= 16:
        return "jeugdige"
    return "samen" if age >= 12 else "ouders"


def consent_questions(applicant: str, consent: str) -> tuple[str, ...]:
    """The consents to ask: always the applicant's own; the other person's where it counts."""
    if applicant == Applicant.OUDER and consent in ("samen", "jeugdige"):
        return ("eigen", "jeugdige")
    if applicant == Applicant.JEUGDIGE_MET_OUDER:
        return ("eigen", "ouder")
    return ("eigen",)


_PHONE = re.compile(r"^(?:\+31|0031|0)[1-9]\d{8}$")


@dataclass(frozen=True)
class Contact:
    email: str
    phone: str = ""


def check_contact(email: str, phone: str) -> tuple[Contact | None, list[str]]:
    """A clean email address (the code goes there) and an optional Dutch phone number;
    else the keys of what is wrong ('email', 'phone')."""
    wrong = []
    clean_email = ""
    try:
        clean_email = validate_email(email.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        wrong.append("email")
    digits = re.sub(r"[\s\-()]", "", phone)
    if digits and not _PHONE.match(digits):
        wrong.append("phone")
    return (None, wrong) if wrong else (Contact(clean_email, digits), [])


def request_answers(answers: dict, contact: Contact, today: date) -> dict:
    """The self-made request in the aanmelding's own fields; what a family cannot know
    (maatregel, problematiek, soort vraag) stays open for the voorzitter."""
    applicant = answers["aanvrager"]
    wish_key = "wens_ouders" if applicant == Applicant.OUDER else "wens_jeugdige"
    reach = " / ".join(part for part in (contact.email, contact.phone) if part)
    return {
        **{k: value for k, value in answers.items() if k not in ("wens", "hulp_stopt")},
        "aanmelder_type": "ouder_jeugdige",
        "aanmelder_contact": reach,
        "contact_gezin": reach,
        wish_key: answers.get("wens", ""),
        "urgentie": "spoed" if answers.get("hulp_stopt") == "ja" else "normaal",
        "toestemming": "gegeven",
        "toestemming_door": consent_by(applicant, answers["geboortejaar"], today),
        "zelf_aangemeld": True,
        "contact_geverifieerd": "e-mail",
    }
