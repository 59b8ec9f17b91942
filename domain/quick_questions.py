"""Quick consultation questions: what a question is about, and what the RET knows of it.

A question is answered from live data (the next meeting, who covers an expertise, where a
complaint can go) or from the RET's knowledge base; anything else goes to the voorzitter.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from domain.ret import KnowledgeEntry, Member, RetConfig
from domain.roles import Role
from domain.text_matching import normalise

KNOWLEDGE_THRESHOLD = 80  # token_set_ratio (0-100) a knowledge entry needs to be trusted
EXPERTISE_THRESHOLD = 90  # partial_ratio a tag needs to count as named in the question

# Word starts, so that "overleggen" and "vergadert" count; matched on normalised text.
_MEETING = re.compile(r"\b(?:overleg|vergader|ret tafel|bijeenkomst|meeting)")
_WHEN = re.compile(r"\b(?:wanneer|volgende?|datum|welke dag|hoe laat|next|when)\b")
_WHO = re.compile(r"\b(?:wie|who|iemand|welke expert)\b")
_COMPLAINT = re.compile(r"\b(?:klacht|klagen|ontevreden|complain)")
# Words that turn a question around: "mag ik aanmelden zonder toestemming" asks the opposite
# of "toestemming ouders", though fuzzy matching scores them alike.
_NEGATIONS = frozenset({"niet", "geen", "zonder", "nooit", "not", "no", "without", "never"})


class Topic(StrEnum):
    NEXT_MEETING = "volgend overleg"
    EXPERTISE = "expertise"
    COMPLAINT = "klacht"
    KNOWLEDGE = "kennisbank"
    UNKNOWN = "onbekend"


@dataclass(frozen=True)
class QuickAnswer:
    """What the bot can say to a question; `topic` UNKNOWN means: ask the voorzitter."""

    topic: Topic
    knowledge: KnowledgeEntry | None = None
    experts: tuple[Member, ...] = ()
    expertise: tuple[str, ...] = ()
    score: float = 0


def sounds_like_a_complaint(text: str) -> bool:
    """'ik wil een klacht indienen', 'ontevreden over de aanbieder': a complaint route may
    fit better than the RET (which may still help with the care question behind it)."""
    return bool(_COMPLAINT.search(normalise(text)))


def understand(question: str, ret: RetConfig) -> QuickAnswer:
    text = normalise(question)
    if _MEETING.search(text) and _WHEN.search(text):
        return QuickAnswer(Topic.NEXT_MEETING)
    if _WHO.search(text):
        tags = named_expertise(text, ret)
        if tags:
            return QuickAnswer(Topic.EXPERTISE, experts=experts_for(tags, ret), expertise=tags)
    if sounds_like_a_complaint(text):
        return QuickAnswer(Topic.COMPLAINT)
    best = best_knowledge(text, ret.knowledge_base)
    if best and best[1] >= KNOWLEDGE_THRESHOLD:
        return QuickAnswer(Topic.KNOWLEDGE, knowledge=best[0], score=best[1])
    return QuickAnswer(Topic.UNKNOWN)


def best_knowledge(
    text: str, entries: tuple[KnowledgeEntry, ...]
) -> tuple[KnowledgeEntry, float] | None:
    """The entry whose question or synonyms come closest to `text` (already normalised),
    among the phrasings that deny what the question denies: an answer to the opposite
    question would be wrong, so such a question goes to the voorzitter instead."""
    phrasings = {
        normalise(phrasing): entry
        for entry in entries
        for phrasing in (entry.question, *entry.synonyms)
        if negations(normalise(phrasing)) == negations(text)
    }
    found = process.extractOne(text, list(phrasings), scorer=fuzz.token_set_ratio)
    if not found:
        return None
    phrasing, score, _index = found
    return phrasings[phrasing], score


def negations(text: str) -> frozenset[str]:
    return _NEGATIONS.intersection(text.split())


def named_expertise(text: str, ret: RetConfig) -> tuple[str, ...]:
    tags = {tag for member in ret.members for tag in member.expertise}
    return tuple(
        sorted(
            tag for tag in tags if fuzz.partial_ratio(normalise(tag), text) >= EXPERTISE_THRESHOLD
        )
    )


def experts_for(tags: tuple[str, ...], ret: RetConfig) -> tuple[Member, ...]:
    """Kernteam first, then the flexibele schil; only members who carry one of the tags."""
    order = {Role.KERNTEAMLID: 0, Role.FLEXIBELE_SCHIL: 1}
    found = [m for m in ret.members if m.role in order and set(m.expertise) & set(tags)]
    return tuple(sorted(found, key=lambda m: (order[m.role], m.name)))
