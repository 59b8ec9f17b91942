"""Which flexibele-schil members a case needs: their expertise (RET file) against the
case's problematiek, near matches included ("eetstoornissen" for "Eetstoornis")."""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from domain import vocabularies as v
from domain.ret import Member, RetConfig
from domain.roles import Role
from domain.text_matching import normalise

MATCH_SCORE = 85  # "eetstoornis" ~ "eetstoornissen" (88); "ouders" !~ "ouder-kindrelatie"

_PROBLEMATIEK = {
    "problematiek_jeugdige": v.PROBLEMATIEK_JEUGDIGE,
    "problematiek_ouders": v.PROBLEMATIEK_OUDERS,
}


@dataclass(frozen=True)
class SchilSuggestion:
    member: Member
    reasons: tuple[v.Term, ...]  # the case's problematiek that matched their expertise


def problematiek_of(answers: dict) -> list[v.Term]:
    """The case's problematiek (young person's, then the parents'), as terms."""
    found = []
    for key, vocabulary in _PROBLEMATIEK.items():
        codes = answers.get(key) or []
        codes = codes.split(",") if isinstance(codes, str) else codes
        found += [t for t in vocabulary if t.code in codes]
    return found


def _names(problem: v.Term) -> set[str]:
    """'Gedrag / agressie' is known as 'gedrag' and as 'agressie'; 'Psychiatrie (overig)'
    as 'psychiatrie'."""
    names = {problem.code, problem.nl, problem.en}
    parts = {part for name in names for part in re.split(r"[/(]", name)}
    return {normalise(name) for name in names | parts} - {""}


def matches(expertise: str, problem: v.Term) -> bool:
    """Whole names only, spelling slips allowed: 'gedrag' is not 'seksueel
    grensoverschrijdend gedrag'."""
    wanted = normalise(expertise)
    return any(fuzz.ratio(wanted, name) >= MATCH_SCORE for name in _names(problem))


def suggest_schil(ret: RetConfig, answers: dict) -> list[SchilSuggestion]:
    """Every schil member with expertise in one of the case's problems, with those problems."""
    problems = problematiek_of(answers)
    suggestions = []
    for member in ret.members_with_role(Role.FLEXIBELE_SCHIL):
        reasons = tuple(p for p in problems if any(matches(e, p) for e in member.expertise))
        if reasons:
            suggestions.append(SchilSuggestion(member, reasons))
    return suggestions
