"""Reading a Teams meeting transcript (.vtt, speakers as `<v Name>`) for the notulen.

Speakers who are on the RET's roster become the present list; the others are only
counted (they may be the jeugdige, the parents or the referrer: not named in the notulen).
A line starting with "Afspraak:", "Actie:", "Besluit:" or "Advies:" becomes a point under
the case it was said about: the case whose number or initials the line itself mentions,
else the one last mentioned before it, else the first one mentioned in the next few cues.
What cannot be placed stays, under 'Overig'.

A transcript webvtt-py cannot read, or one of whose cue blocks it would silently skip, is
refused as a whole with the line it stumbled on: nothing said is dropped unnoticed.
"""

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from domain.notulen import Point, PointKind, Transcript
from domain.ret import Member

LOOK_AHEAD_CUES = 3
_POINT = re.compile(r"^\s*(afspraak|actie|besluit|advies)\s*:\s*(.+)$", re.IGNORECASE)
_TIMING = re.compile(r"^\s*(\d{2,}:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(\d{2,}:)?\d{2}:\d{2}\.\d{3}")
_BRACKETS = re.compile(r"\s*[\(\[].*?[\)\]]\s*")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


class TranscriptProblem(ValueError):
    """Why a transcript cannot be used: `kind` for the message, `line` where (1-based)."""

    def __init__(self, kind: str, line: int | None = None) -> None:
        super().__init__(f"{kind} (line {line})" if line else kind)
        self.kind = kind
        self.line = line


@dataclass(frozen=True)
class CaseMention:
    """A case of the meeting, as it may be mentioned: its number, its initials."""

    number: str
    initials: str


def read_transcript(
    data: bytes, members: Sequence[Member], cases: Sequence[CaseMention]
) -> Transcript:
    """The speakers and points of a .vtt transcript; raises TranscriptProblem."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TranscriptProblem("not_text") from None
    try:
        captions = webvtt.from_buffer(io.StringIO(content), strict=True)
    except MalformedFileError:
        raise TranscriptProblem("not_vtt", 1) from None
    except MalformedCaptionError as error:
        raise TranscriptProblem("bad_cue", _line_of(content, str(error))) from None
    expected = _cue_block_lines(content)
    if len(captions) != len(expected):  # webvtt-py skipped a block it could not read
        raise TranscriptProblem("bad_cue", _first_unread(content, expected))
    if not captions:
        raise TranscriptProblem("empty")
    present, others = _speakers([c.voice for c in captions], members)
    roster = {_normalised(m.name): m.name for m in members}
    texts = [html.unescape(c.text) for c in captions]
    mentions = [_mentioned(text, cases) for text in texts]
    points = []
    for index, caption in enumerate(captions):
        for line in texts[index].splitlines():
            if match := _POINT.match(line):
                kind = PointKind(match.group(1).lower())
                number = _case_for(index, _mentioned(line, cases), mentions)
                speaker = roster.get(_normalised(caption.voice or ""))
                text = match.group(2).strip()
                points.append(Point(kind, text, number, caption.start[:8], speaker))
    return Transcript(tuple(present), others, tuple(points))


def _speakers(voices: Sequence[str | None], members: Sequence[Member]) -> tuple[list[str], int]:
    roster = {_normalised(m.name): m.name for m in members}
    present: list[str] = []
    others: set[str] = set()
    for voice in voices:
        if not voice:
            continue
        name = roster.get(_normalised(voice))
        if name is None:
            others.add(_normalised(voice))
        elif name not in present:
            present.append(name)
    return present, len(others)


def _normalised(name: str) -> str:
    """'Hofstede, Marieke (RET Jeugd Twente)' and 'marieke  hofstede' are the same person."""
    name = _BRACKETS.sub(" ", name)
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    return " ".join(name.split()).casefold()


def _initials_pattern(initials: str) -> re.Pattern | None:
    letters = re.findall(r"[A-Za-z]", initials)
    if not letters:
        return None
    body = r"\.?\s?".join(re.escape(letter.upper()) for letter in letters)
    return re.compile(rf"(?<![A-Za-z]){body}\.?(?![A-Za-z])")


def _mentioned(text: str, cases: Sequence[CaseMention]) -> str | None:
    """The case the text names (by number first, then initials); the first one named."""
    found: list[tuple[int, str]] = []
    for case in cases:
        at = text.find(case.number)
        if at < 0 and (pattern := _initials_pattern(case.initials)):
            match = pattern.search(text)
            at = match.start() if match else -1
        if at >= 0:
            found.append((at, case.number))
    return min(found)[1] if found else None


def _case_for(index: int, in_line: str | None, mentions: Sequence[str | None]) -> str | None:
    if in_line:
        return in_line
    before = next((m for m in reversed(mentions[: index + 1]) if m), None)
    if before:
        return before
    ahead = mentions[index + 1 : index + 1 + LOOK_AHEAD_CUES]
    return next((m for m in ahead if m), None)


def _cue_block_lines(content: str) -> list[int]:
    """The first line (1-based) of every block after the header that is not a note, style
    or region: each should be a cue."""
    starts, line_number, in_block, header_done = [], 0, False, False
    for line_number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            in_block = False
            header_done = header_done or line_number > 1
            continue
        if not in_block:
            in_block = True
            if header_done and not line.lstrip().startswith(_SKIPPED_BLOCKS):
                starts.append(line_number)
    return starts


def _first_unread(content: str, block_starts: list[int]) -> int | None:
    """The first cue block without a timing line ("00:00:01.000 --> 00:00:04.000") in
    its first two lines (an optional cue id comes first)."""
    lines = content.splitlines()
    for start in block_starts:
        head = lines[start - 1 : start + 1]
        if not any(_TIMING.match(line) for line in head):
            return start
    return None


def _line_of(content: str, error: str) -> int | None:
    """webvtt-py names the bad block's lines, not their number: find the first of them."""
    quoted = re.search(r"\['(.*?)'", error)
    if not quoted:
        return None
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip() == quoted.group(1).strip():
            return number
    return None
