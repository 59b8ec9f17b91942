"""Understanding a typed answer to a question with a few choices (buttons to tap)."""

from collections.abc import Sequence

from domain.text_matching import normalise


def choice_of(typed: str, choices: Sequence[str]) -> int | None:
    """Which choice was meant: its title (any case), its number (1, 2, …), or the start of
    exactly one title; None when it is none of them."""
    answer = normalise(typed)
    titles = [normalise(c) for c in choices]
    if answer in titles:
        return titles.index(answer)
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return int(answer) - 1
    starting = [i for i, title in enumerate(titles) if answer and title.startswith(answer)]
    return starting[0] if len(starting) == 1 else None
