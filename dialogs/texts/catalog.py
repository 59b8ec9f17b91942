"""The shape of a text catalog: per key, the wording in each language."""

from typing import Literal

Language = Literal["nl", "en"]
DEFAULT_LANGUAGE: Language = "nl"

Catalog = dict[str, dict[Language, str]]
