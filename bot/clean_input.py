"""Incoming text and JSON made fit to keep: bounded nesting, no NUL, no lone surrogates.

PostgreSQL refuses NUL in text, and a lone surrogate (an escape like "\\ud800" that pairs
with nothing) cannot be encoded as UTF-8: either fails a turn as soon as it reaches the
database, a log line or a reply. The edge cleans every string once, keys included, so
nothing behind it has to think about them: NUL is removed (it is invisible anyway) and a
lone surrogate becomes U+FFFD, the replacement character Unicode prescribes for text that
cannot be read. Nesting is bounded so that a hostile body cannot exhaust the stack of
whatever walks it later.
"""

import re

MAX_DEPTH = 64
_NUL = "\x00"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # json.loads already joins the valid pairs


class TooDeep(ValueError):
    """Arrays and objects nest deeper than MAX_DEPTH levels."""


def clean_text(text: str) -> str:
    if _NUL in text:
        text = text.replace(_NUL, "")
    return _LONE_SURROGATE.sub("\ufffd", text)


def clean_json(value: object, depth: int = 0) -> object:
    """`value` (as json.loads gives it) with every string cleaned; TooDeep past MAX_DEPTH."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict | list):
        if depth >= MAX_DEPTH:
            raise TooDeep(f"JSON nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, dict):
            return {clean_text(key): clean_json(item, depth + 1) for key, item in value.items()}
        return [clean_json(item, depth + 1) for item in value]
    return value
