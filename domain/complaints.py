"""Does the free text of an aanmelding read as a complaint? No I/O, only the words.

The RET is not a complaints body: a complaint about a provider, a gemeente or a decision
goes to a vertrouwenspersoon or a klachtenregeling. But a stuck care question is often told
with frustration ("niemand neemt haar op", "de aanbieder stopt"), and that is exactly what
the RET is for. So anger about the situation alone is not a complaint: the text must name a
complaint outright, or hold a grievance (someone did wrong, a decision is unjust) about a
party or a decision.
"""

import re
from dataclasses import dataclass

from domain.text_matching import normalise

# Word starts on normalised text (lower case, no accents): "klachten", "bezwaarschrift".
_OUTRIGHT = re.compile(
    r"\b(?:klacht|klaag|klagen|beklag|bezwaar|tuchtklacht|tuchtrecht|in beroep|"
    r"aansprakelijk|ombudsman|klachtencommissie|geschillencommissie)"
)
_NOT_OUTRIGHT = re.compile(r"\b(?:geen|niet om een|zonder) (?:klacht|bezwaar|beklag)")
_GRIEVANCE = re.compile(
    r"\b(?:excuses|schandalig|onacceptabel|"
    r"onbeschoft|respectloos|nalatig|onprofessioneel|onterecht|ten onrechte|"
    r"fout(?:en)? gemaakt|niet serieus genomen|niet gehoord|niet naar (?:ons|mij) geluisterd|"
    r"slecht behandeld|(?:niet eens|oneens) met|gelogen|liegt|beloftes? niet nagekomen|"
    r"niet nagekomen)"
)
_PARTIES = (
    r"(aanbieder|instelling|zorgaanbieder|gemeente|wijkteam|jeugdbescherming|gi|"
    r"hulpverlen|behandelaar|voogd|jeugdconsulent|consulent|ambtenaar|leerplicht|school|"
    r"besluit|beslissing|beschikking|afwijzing|indicatie|medewerker|begeleider)"
)
_PARTY = re.compile(r"\b" + _PARTIES)
# Upset is a complaint only when it is upset *about* someone: "boos op de gemeente", not
# "boos op de situatie" or "boos: de aanbieder stopt".
_UPSET_ABOUT = re.compile(
    r"\b(ontevreden|boos|woedend|teleurgesteld)(?: \w+){0,2} (?:over|op|in|met)"
    r"(?: \w+){0,3}? " + _PARTIES
)


@dataclass(frozen=True)
class ComplaintReading:
    """Why a text reads as a complaint: the words that gave it away (for the timeline)."""

    cue: str
    party: str = ""


def read_complaint(text: str) -> ComplaintReading | None:
    """A reading when `text` reads as a complaint, else None."""
    plain = normalise(text)
    outright = _OUTRIGHT.search(_NOT_OUTRIGHT.sub(" ", plain))
    if outright:
        return ComplaintReading(outright.group(0))
    upset = _UPSET_ABOUT.search(plain)
    if upset:
        return ComplaintReading(upset.group(1), upset.group(2))
    grievance, party = _GRIEVANCE.search(plain), _PARTY.search(plain)
    if grievance and party:
        return ComplaintReading(grievance.group(0), party.group(0))
    return None
