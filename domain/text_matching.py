"""Normalising Dutch text for fuzzy matching: lower case, no accents, no punctuation."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\s]+")  # hyphens too: "RET-overleg" reads as "ret overleg"
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", _NOT_WORD.sub(" ", plain)).strip()
