"""Invented cases for `retbot demo-data`: spread over the year before `until`, each as far
through the process as its age allows. The same seed and `until` give the same cases."""

import random
from datetime import UTC, date, datetime, time, timedelta

from domain import vocabularies as v
from domain.cases import Referrer
from domain.ret import EscalationStep
from domain.triage import Decision
from storage.case_walk import CasePlan

DECISION_WEIGHTS = {
    Decision.CONSULTATIE: 55,
    Decision.RET_TAFEL: 20,
    Decision.SAMENWERKINGSTAFEL: 5,
    Decision.DOORVERWIJZEN: 10,
    None: 10,
}
# Seed 002's proportions (Expertisenetwerk Jeugd Overijssel, 2024): about half the
# requests from a GI, 51/49 boy/girl, 13-16 the largest age group.
AANMELDER_WEIGHTS = {
    "gi": 89,
    "lokale_toegang": 68,
    "zorgaanbieder": 17,
    "onderwijs": 7,
    "ouder_jeugdige": 5,
    "anders": 3,
    "thuiszitterstafel": 1,
    "huisarts": 1,
}
GESLACHT_WEIGHTS = {"jongen": 51, "meisje": 47, "anders": 1, "onbekend": 1}
AGE_WEIGHTS = {range(4, 9): 5, range(9, 13): 15, range(13, 17): 55, range(17, 20): 25}
PROBLEM_CHANCE = 0.25
ESCALATION_CHANCE = 0.15
STORIES = (
    "Zoekt een passende plek; de huidige aanbieder stopt binnenkort.",
    "De samenwerking tussen wijkteam en aanbieder loopt vast.",
    "Ouders en school zien de situatie heel verschillend.",
    "Niemand weet welke hulp nu nodig is; er is een verklarende analyse gevraagd.",
)


def demo_plans(count: int, seed: int, gemeenten: tuple[str, ...], until: date) -> list[CasePlan]:
    rng = random.Random(seed)
    first = datetime.combine(until - timedelta(days=365), time(8), tzinfo=UTC)
    moments = sorted(first + timedelta(minutes=rng.randrange(365 * 24 * 60)) for _ in range(count))
    end = datetime.combine(until, time(8), tzinfo=UTC)
    return [_plan(rng, i, at, (end - at).days, gemeenten) for i, at in enumerate(moments)]


def _plan(
    rng: random.Random, i: int, at: datetime, age: int, gemeenten: tuple[str, ...]
) -> CasePlan:
    referrer = Referrer("msteams", f"demo-referrer-{i % 40}", f"Demo-aanmelder {i % 40 + 1}")
    decision = rng.choices(list(DECISION_WEIGHTS), list(DECISION_WEIGHTS.values()))[0]
    if age < 2:
        decision = None
    meeting = 14 if decision is Decision.RET_TAFEL and age >= 14 else None
    advised = decision in (Decision.RET_TAFEL, Decision.CONSULTATIE)
    advice = (meeting or 0) + rng.randint(1, 20) if advised and (meeting or 0) + 20 <= age else None
    if decision is Decision.RET_TAFEL and meeting is None:
        advice = None
    follow_up = advice + 42 if advice is not None and advice + 42 <= age else None
    escalation = None
    if follow_up is not None and rng.random() < ESCALATION_CHANCE and follow_up + 14 <= age:
        escalation = rng.choice(list(EscalationStep))
    closable = follow_up or advice or (1 if decision is Decision.DOORVERWIJZEN else None)
    close = None
    if closable is not None:
        close = closable + rng.choice((10, 40, 90, 150, 220))
        close = close if close <= age else None
    return CasePlan(
        referrer,
        _answers(rng, at, gemeenten),
        at,
        decision,
        meeting_after_days=meeting,
        advice_after_days=advice,
        follow_up_after_days=follow_up,
        escalation=escalation,
        close_after_days=close,
        closing_reason=rng.choice([t.code for t in v.AFSLUITREDEN]),
        evaluated=close is not None and advice is not None,
    )


def _answers(rng: random.Random, at: datetime, gemeenten: tuple[str, ...]) -> dict:
    def pick(vocabulary: v.Vocabulary) -> str:
        return rng.choice(vocabulary).code

    def weighted(weights: dict):
        return rng.choices(list(weights), list(weights.values()))[0]

    def several(vocabulary: v.Vocabulary) -> list[str]:
        codes = [t.code for t in vocabulary if rng.random() < PROBLEM_CHANCE]
        return codes or [pick(vocabulary)]

    letters = "ABCDEFGHJKLMNPRSTVWZ"
    return {
        "aanmelder_type": weighted(AANMELDER_WEIGHTS),
        "aanmelder_organisatie": "Demo-organisatie",
        "aanmelder_contact": "06 0000 0000",
        "gemeente": rng.choice(gemeenten),
        "initialen": f"{rng.choice(letters)}.{rng.choice(letters)}.",
        "geboortejaar": at.year - rng.choice(weighted(AGE_WEIGHTS)),
        "geslacht": weighted(GESLACHT_WEIGHTS),
        "woonsituatie": pick(v.WOONSITUATIE),
        "maatregel": pick(v.MAATREGEL),
        "onderwijs": pick(v.ONDERWIJS),
        "school_betrokken": pick(v.JA_NEE),
        "school_wie": "Mentor (demo)",
        "problematiek_jeugdige": several(v.PROBLEMATIEK_JEUGDIGE),
        "problematiek_ouders": several(v.PROBLEMATIEK_OUDERS),
        "soort_vraag": pick(v.SOORT_VRAAG),
        "hulpvraag": rng.choice(STORIES),
        "geprobeerd": "Verzonnen: twee aanbieders benaderd.",
        "vastgelopen": "Verzonnen: geen plek beschikbaar.",
        "wens_jeugdige": "Verzonnen: dicht bij huis blijven.",
        "wens_ouders": "Verzonnen: rust in het gezin.",
        "urgentie": pick(v.URGENTIE),
        "toestemming": "gegeven",
        "toestemming_door": pick(v.TOESTEMMING_DOOR),
        "contact_gezin": "Via de aanmelder (demo)",
    }
