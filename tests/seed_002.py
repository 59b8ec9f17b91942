"""190 invented requests with the distributions of seed 002 (Jaarrapportage 2024 of
Expertisenetwerk Jeugd Overijssel, RET IJsselland 46 + RET Twente 144).

Where the annual report gives a table, its figures are used (IJsselland + Twente added
up); where it gives only a share or nothing, the figures are invented to make 190 and say
so below. `EXPECTED` is what the report must count, per table, by label.
"""

import random
from datetime import UTC, datetime, timedelta

from babel.dates import format_date

from domain import vocabularies as v
from domain.case_facts import LEAD_TIMES, OUTSIDE_REGION
from domain.cases import CaseStatus, Referrer
from domain.meetings import AMSTERDAM
from domain.report import DECISIONS, OTHER_PLACES, UNKNOWN
from domain.ret import EscalationStep
from domain.triage import TARGET, Decision
from storage.case_walk import CasePlan

N = 190
# fmt: off
# Aanmelders: Twente's table (GI 66, lokale toegang 62, onderwijs 4, thuiszitterstafel 1,
# zorgaanbieder 11) plus IJsselland's GI 23, wijkteams 6, ouders 5 and 12 invented.
AANMELDER = {"gi": 89, "lokale_toegang": 68, "onderwijs": 7, "zorgaanbieder": 17,
             "thuiszitterstafel": 1, "ouder_jeugdige": 5, "anders": 3}
# Gemeenten: both tables; "Overige plaatsen" (3) is answered "buiten de regio", "Onbekend"
# (5) "weet ik niet" (no gemeente).
GEMEENTE = {"Zwolle": 15, "Steenwijkerland": 3, "Hardenberg": 4, "Deventer": 9, "Kampen": 2,
            "Raalte": 6, "Olst-Wijhe": 1, "Zwartewaterland": 3, "Almelo": 18, "Borne": 5,
            "Dinkelland": 1, "Enschede": 31, "Haaksbergen": 2, "Hellendoorn": 4, "Hengelo": 25,
            "Hof van Twente": 7, "Losser": 7, "Oldenzaal": 7, "Rijssen-Holten": 7,
            "Tubbergen": 5, "Twenterand": 15, "Wierden": 4, "Rotterdam": 1,
            OUTSIDE_REGION: 3, None: 5}
# Maatregel: invented (IJsselland's 66% is a share only).
MAATREGEL = {"ots": 70, "voogdij": 15, "machtiging": 16, "jeugdreclassering": 4, "geen": 75,
             "onbekend": 10}
SOORT_VRAAG = {"passende_plek": 60, "samenwerking": 35, "visieverschil": 20, "toekomst": 25,
               "expertise": 15, "procesregie": 15, "analyse": 10, "18min_plus": 10}  # invented
# 107 extended consultations and 39 RET meetings (all 190: section 1); the rest invented.
BESLUIT = {"consultatie": 107, "ret_tafel": 39, "samenwerkingstafel": 10, "doorverwijzen": 20,
           None: 14}
GESLACHT = {"jongen": 101, "meisje": 89}  # 51/49% of IJsselland, 54/46% of Twente
# Age: IJsselland 13-16 62% and 17+ 27% of 37, four 9-12; Twente's birth-year table for
# 2024 (2007: 13, 2008: 29, 2009: 21, 2010: 9, 2011: 13, 2012: 12). The rest: no year.
LEEFTIJD = {"9-12": 16, "13-16": 95, "17+": 23, None: 56}
AGE = {"9-12": 11, "13-16": 15, "17+": 17}
# Woonsituatie: thuis 10 (of 37) + 61 (of 104); "elders" split invented; rest unknown.
WOONSITUATIE = {"thuis": 71, "pleeggezin": 15, "gezinshuis": 12, "residentieel": 20,
                "jeugdzorgplus": 8, "crisis": 15, None: 49}
# Onderwijs: IJsselland's 17 speciaal, 15 geen, 1 regulier, 4 ontheffing; Twente invented.
ONDERWIJS = {"speciaal": 47, "geen": 25, "regulier": 41, "vrijstelling": 8, "onbekend": 20,
             None: 49}
# Problematiek: IJsselland trauma 22, ASS 11, LVB 7, psychiatrie 6; Twente's chart invented.
JEUGDIGE = {"trauma": 62, "ass": 41, "lvb": 22, "psychiatrie": 34, "hechting": 20,
            "gedrag": 35, "identiteit": 25, "gender": 4, "justitie": 5, "adhd": 6}
OUDERS = {"eigen": 40, "ouder_kind": 30, "instabiel": 25, "overbelasting": 35,
          "huiselijk_geweld": 10}
# Grondslag: IJsselland's chart (trauma 22, ASS 11, LVB 7, psychiatrie 6); Twente kept none.
GRONDSLAG = {"trauma": 22, "ass": 11, "lvb": 7, "psychiatrie": 6, None: 144}
# Expertisenetwerk betrokken: IJsselland 13 of 37; Twente did not keep it.
EXPERTISENETWERK = {"ja": 13, "nee": 24, None: 153}
# Knelpunt, heraanmelding and the help tried before: invented (the report names only the
# chart "Reden (her)aanmelding / knelpunt hulpvraag", without figures).
KNELPUNT = {"geen_aanbod": 60, "samenwerking": 40, "visie": 20, "financiering": 15,
            "wachtlijst": 15, None: 40}
HERAANMELDING = {"ja": 12, "nee": 150, "onbekend": 8, None: 20}
GEPROBEERD = {"ambulant": 120, "ggz": 70, "verblijf": 50, "pleegzorg": 25}
FOLLOWED_UP = 25  # IJsselland: 17 of 25 meetings needed follow-up; Twente's 8 invented
ESCALATIONS = {EscalationStep.BESTUURLIJK: 1, EscalationStep.SAMENWERKINGSTAFEL: 2,
               EscalationStep.PROCESREGIE: 3}  # IJsselland's one escalatietafel, rest invented
LEAD_DAYS = {30: 55, 120: 30, 200: 15}  # closed consultations: < 3, 3-6, > 6 months
START = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
# fmt: on


def _spread(counts: dict, rng: random.Random) -> list:
    values = [code for code, n in counts.items() for _ in range(n)]
    assert len(values) == N, counts
    rng.shuffle(values)
    return values


def _multi(counts: dict, rng: random.Random) -> list[list[str]]:
    """Several per case: each code on that many different cases."""
    picked: list[list[str]] = [[] for _ in range(N)]
    for code, n in counts.items():
        for index in rng.sample(range(N), n):
            picked[index].append(code)
    return picked


def plans() -> list[CasePlan]:
    rng = random.Random(2024)
    columns = {
        "aanmelder_type": _spread(AANMELDER, rng),
        "gemeente": _spread(GEMEENTE, rng),
        "maatregel": _spread(MAATREGEL, rng),
        "soort_vraag": _spread(SOORT_VRAAG, rng),
        "geslacht": _spread(GESLACHT, rng),
        "woonsituatie": _spread(WOONSITUATIE, rng),
        "onderwijs": _spread(ONDERWIJS, rng),
    }
    ages = _spread(LEEFTIJD, rng)
    decisions = _spread(BESLUIT, rng)
    jeugdige, ouders = _multi(JEUGDIGE, rng), _multi(OUDERS, rng)
    meetings = [i for i, d in enumerate(decisions) if d == "ret_tafel"]
    followed = meetings[:FOLLOWED_UP]
    steps = [step for step, n in ESCALATIONS.items() for _ in range(n)]
    escalated = dict(zip(followed, steps, strict=False))
    consultations = [i for i, d in enumerate(decisions) if d == "consultatie"]
    lead = [days for days, n in LEAD_DAYS.items() for _ in range(n)]
    closing = dict(zip(consultations, lead, strict=False))
    later = {  # drawn after the rest, so that the earlier columns stay as they were
        "problematiek_primair": _spread(GRONDSLAG, rng),
        "expertisenetwerk": _spread(EXPERTISENETWERK, rng),
        "knelpunt": _spread(KNELPUNT, rng),
        "heraanmelding": _spread(HERAANMELDING, rng),
    }
    tried = _multi(GEPROBEERD, rng)
    result = []
    for i in range(N):
        answers = {k: values[i] for k, values in (columns | later).items() if values[i] is not None}
        answers["geprobeerd_hulp"] = tried[i]
        answers |= {"initialen": "X.Y.", "hulpvraag": "Verzonnen hulpvraag"}
        if ages[i]:
            answers["geboortejaar"] = 2026 - AGE[ages[i]]
        answers |= {"problematiek_jeugdige": jeugdige[i], "problematiek_ouders": ouders[i]}
        decision = Decision(decisions[i]) if decisions[i] else None
        meeting = decision is Decision.RET_TAFEL
        result.append(
            CasePlan(
                Referrer("msteams", f"referrer-{i % 17}", f"Aanmelder {i % 17}"),
                answers,
                START + timedelta(days=i * 115 // N),
                decision,
                meeting_after_days=14 if meeting else None,
                advice_after_days=15 if i in followed else None,
                follow_up_after_days=45 if i in followed else None,
                escalation=escalated.get(i),
                close_after_days=closing.get(i),
            )
        )
    return result


def _labelled(counts: dict, vocabulary: v.Vocabulary) -> dict[str, int]:
    labels = {t.code: t.nl for t in vocabulary}
    return {labels.get(code, UNKNOWN): n for code, n in counts.items()}


def _per_month() -> dict[str, int]:
    """The requests of 2026 per month, in Amsterdam time."""
    found: dict[str, int] = {}
    for plan in plans():
        month = format_date(plan.submitted_at.astimezone(AMSTERDAM), "MMMM y", locale="nl")
        found[month] = found.get(month, 0) + 1
    return found


def _open_by_step() -> dict[str, int]:
    """Cases not closed when the report is made, by the step the walk left them at; the
    test's case of 31 December 2025 was only submitted (the one of 1 January 2027 came
    after the period)."""
    labels = {t.code: t.nl for t in v.CASE_STATUS}
    found = {labels[CaseStatus.AANGEMELD]: 1}
    for plan in plans():
        if plan.close_after_days is not None:
            continue
        status = CaseStatus.AANGEMELD if plan.decision is None else TARGET[plan.decision]
        if plan.advice_after_days is not None:
            status = CaseStatus.ADVIES
        if plan.follow_up_after_days is not None:
            status = CaseStatus.MONITOREN
        found[labels[status]] = found.get(labels[status], 0) + 1
    return found


def _referrer_age() -> dict[str, int]:
    """Seed 002's verwijzer × leeftijd: each plan's aanmelder and age group."""
    labels = {t.code: t.nl for t in v.AANMELDER}
    groups = {2026 - age: group for group, age in AGE.items()}
    found: dict[str, int] = {}
    for plan in plans():
        group = groups.get(plan.answers.get("geboortejaar"))
        label = f"{labels[plan.answers['aanmelder_type']]}, " + (
            f"{group} jaar" if group else "leeftijd onbekend"
        )
        found[label] = found.get(label, 0) + 1
    return found


def _open_at_end() -> dict[str, int]:
    """Cases open at the end of 2026, by how long they had been open (a month is 30.44
    days): every plan not closed by then, and the test's case of 31 December 2025, which is
    never closed (the one of 1 January 2027 came after)."""
    end = datetime(2027, 1, 1, tzinfo=AMSTERDAM)
    found: dict[str, int] = {}
    submitted = [datetime(2025, 12, 31, 22, 30, tzinfo=UTC)] + [
        p.submitted_at
        for p in plans()
        if p.close_after_days is None or p.submitted_at + timedelta(p.close_after_days) >= end
    ]
    for moment in submitted:
        open_for = end - moment
        group = (
            LEAD_TIMES[0] if open_for < timedelta(days=3 * 30.44)
            else LEAD_TIMES[1] if open_for <= timedelta(days=6 * 30.44)
            else LEAD_TIMES[2]
        )  # fmt: skip
        found[group] = found.get(group, 0) + 1
    return found


# fmt: off
EXPECTED: dict[str, dict[str, int]] = {
    "Aanmeldingen": {"Aanmeldingen": N, "Uitgebreide consultaties": 107, "RET-overleggen": 39},
    "Per maand": _per_month(),
    "Aanmelders": _labelled(AANMELDER, v.AANMELDER),
    "Gemeenten": {{OUTSIDE_REGION: OTHER_PLACES}.get(k, k) or UNKNOWN: n
                  for k, n in GEMEENTE.items()},
    "Maatregel": _labelled(MAATREGEL, v.MAATREGEL),
    "Soort vraag": _labelled(SOORT_VRAAG, v.SOORT_VRAAG),
    "Knelpunt": _labelled(KNELPUNT, v.KNELPUNT),
    "Geprobeerd": _labelled(GEPROBEERD, v.GEPROBEERD),
    "Heraanmelding": _labelled(HERAANMELDING, v.JA_NEE_ONBEKEND),
    "Expertisenetwerk": _labelled(EXPERTISENETWERK, v.JA_NEE_ONBEKEND),
    "Acties": {**_labelled({k: n for k, n in BESLUIT.items() if k}, DECISIONS),
               "Nog niet besloten": BESLUIT[None]},
    "Doorlooptijd": {"< 3 maanden": 55, "3-6 maanden": 30, "> 6 maanden": 15},
    "Geslacht": _labelled(GESLACHT, v.GESLACHT),
    "Leeftijd": {k or UNKNOWN: n for k, n in LEEFTIJD.items()},
    "Aanmelder en leeftijd": _referrer_age(),
    "Woonsituatie": _labelled(WOONSITUATIE, v.WOONSITUATIE),
    "Problematiek jeugdige": _labelled(JEUGDIGE, v.PROBLEMATIEK_JEUGDIGE),
    "Grondslag": _labelled(GRONDSLAG, v.PROBLEMATIEK_JEUGDIGE),
    "Problematiek ouders": _labelled(OUDERS, v.PROBLEMATIEK_OUDERS),
    "Onderwijs": _labelled(ONDERWIJS, v.ONDERWIJS),
    "Opvolging": {"Opvolging nodig": FOLLOWED_UP, "Geen opvolging nodig": 39 - FOLLOWED_UP},
    # The walk gives each followed case an advice with one afspraak that nobody confirmed,
    # and a follow-up round nobody answered.
    "Mandaat": {"Nog niet alle afspraken bevestigd": FOLLOWED_UP},
    "Uitkomst opvolging": {},
    "Escalaties": {"Samenwerkingstafel na triage": 10,
                   **{f"Escalatieladder: {s.value}": n for s, n in ESCALATIONS.items()}},
    "Open casussen": _open_at_end(),
    "Open per stap": _open_by_step(),
}
# fmt: on
