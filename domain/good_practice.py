"""Goed voorbeeld: the voorzitter marks a case as a good practice, and retbot drafts an
anonymised casusbeschrijving for national moments and peer review between RETs: what was
stuck, what the table did, what worked, with the young person's age group only.

Nothing structured that points to a person goes in (no initials, no gemeente, no year of
birth, no referrer, no organisation names: an afspraak shows the kind of organisation).
Free text is what people typed, so every name and detail retbot knows of the case is
replaced by '[…]' in it; the voorzitter reviews the draft before it leaves, and only the
reviewed version can be had.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from domain.advice import Advice
from domain.advice_sheet import age_group
from domain.cases import Case
from domain.evaluation import Evaluation, Leerpunt
from domain.ret import OrganisationKind, RetConfig

EVENT = "goed voorbeeld"
REVIEWED_EVENT = "goed voorbeeld goedgekeurd"
HIDDEN = "[…]"
CONCEPT = "concept"  # a link to `number/concept` gives the draft (the voorzitter's own)
MIN_PART = 3  # parts of a name shorter than this ("de", "el") are not looked for alone
# Nor the tussenvoegsels and other small words in names: 'van' is in every other sentence.
NAME_WORDS = frozenset(
    (
        *("van", "der", "den", "de", "het", "ter", "ten", "te", "von", "uit", "aan", "bij"),
        *("op", "in", "voor", "la", "le", "du", "da", "del", "dos", "el", "al", "ben", "bin"),
        "en",
    )
)
PERSONAL_ANSWERS = (
    "initialen",
    "gemeente",
    "geboortejaar",
    "aanmelder_organisatie",
    "aanmelder_contact",
    "contact_gezin",
    "school_wie",
)


@dataclass(frozen=True)
class Afspraak:
    kind: OrganisationKind | None  # None: not an organisation the RET file lists
    action: str


@dataclass(frozen=True)
class Casusbeschrijving:
    """What the document says; every text already anonymised."""

    ret_name: str
    age_group: str | None
    stuck: tuple[str, ...]
    table: str | None  # the RET's advice
    afspraken: tuple[Afspraak, ...]
    worked: tuple[str, ...]
    made_on: date


@dataclass(frozen=True)
class GoodPractice:
    """A case marked as a goed voorbeeld: its newest draft and the version reviewed."""

    case_number: str
    marked_by: str
    marked_at: datetime
    draft_version: int
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    reviewed_version: int | None = None

    @property
    def reviewed(self) -> bool:
        return self.reviewed_version == self.draft_version


def identifiers(case: Case, ret: RetConfig, names: Iterable[str]) -> list[str]:
    """Everything retbot knows that could point to the case: its personal answers (with
    the initials also without dots), the referrer, the RET's gemeenten, organisations and
    members, and `names` (those who evaluated); names also by their parts."""
    found = [str(case.answers.get(key) or "") for key in PERSONAL_ANSWERS]
    initials = case.initials
    found += [initials.replace(".", ""), initials.replace(".", ". ").strip(), initials.rstrip(".")]
    people = [case.referrer.name, *names, *(m.name for m in ret.members)]
    people += [o.contact.name for o in ret.organisations]
    found += people
    found += [
        part
        for name in people
        for part in name.split()
        if len(part) >= MIN_PART and part.casefold() not in NAME_WORDS
    ]
    found += list(ret.gemeenten)
    found += [o.name for o in ret.organisations]
    found += list(dict.fromkeys(m.organisation for m in ret.members))
    return sorted({f.strip() for f in found if len(f.strip()) >= 2}, key=len, reverse=True)


def scrub(value: str, hidden: Sequence[str]) -> str:
    """`value` with each of `hidden` (longest first) replaced, as a whole word, any case."""
    if not hidden:
        return value
    pattern = "|".join(re.escape(h) for h in hidden)
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", HIDDEN, value, flags=re.IGNORECASE)


def casusbeschrijving(
    ret: RetConfig,
    case: Case,
    advice: Advice | None,
    evaluations: Sequence[Evaluation],
    leerpunten: Sequence[Leerpunt],
    today: date,
) -> Casusbeschrijving:
    """The anonymised description of a case, from its request, advice, evaluations and
    leerpunten."""
    hidden = identifiers(case, ret, [e.by for e in evaluations])

    def clean(texts: Iterable[object]) -> tuple[str, ...]:
        kept = (scrub(t.strip(), hidden) for t in texts if isinstance(t, str) and t.strip())
        return tuple(dict.fromkeys(kept))

    moment = case.closed_at or case.submitted_at
    on = moment.date() if moment else today
    afspraken = ()
    if advice is not None:
        afspraken = tuple(
            Afspraak(_kind(ret, a.organisation), scrub(a.action, hidden)) for a in advice.afspraken
        )
    return Casusbeschrijving(
        ret_name=ret.name,
        age_group=age_group(case.answers.get("geboortejaar"), on),
        stuck=clean([case.answers.get("vastgelopen"), *(e.answer.knelpunt for e in evaluations)]),
        table=scrub(advice.advies, hidden) if advice else None,
        afspraken=afspraken,
        worked=clean([*(p.worked for p in leerpunten), *(e.answer.oplossing for e in evaluations)]),
        made_on=today,
    )


def _kind(ret: RetConfig, organisation: str) -> OrganisationKind | None:
    listed = ret.organisation(organisation)
    return listed.kind if listed else None
