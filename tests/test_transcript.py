"""Reading Teams transcripts (.vtt) for the notulen: who of the roster spoke, and which
'Afspraak:', 'Actie:', 'Besluit:' and 'Advies:' lines belong to which case. Malformed
transcripts are refused with the line they go wrong on."""

from pathlib import Path

import pytest

from documents.transcript import CaseMention, TranscriptProblem, read_transcript
from domain.notulen import PointKind

TRANSCRIPTS = Path(__file__).parent / "transcripts"
CASES = [CaseMention("RET-2026-0001", "J.D."), CaseMention("RET-2026-0002", "K.B.")]


def vtt(*cues: str) -> bytes:
    """A transcript of cues, each '<v Name>text', one second apart."""
    blocks = [
        f"00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{cue}" for i, cue in enumerate(cues, start=1)
    ]
    return ("WEBVTT\n\n" + "\n\n".join(blocks) + "\n").encode()


def test_a_teams_transcript_gives_the_present_members_and_the_points_per_case(ret):
    read = read_transcript((TRANSCRIPTS / "ret-2026-03-03.vtt").read_bytes(), ret.members, CASES)

    # "Hofstede, Marieke (RET Jeugd Twente)" is the same person as "Marieke Hofstede".
    assert read.present == ("Marieke Hofstede", "Thijs Wennink", "Joost Bruggink", "Linda Nijhuis")
    assert read.others == 2  # the referrer and a parent: counted, not named
    by_case = [(p.case_number, p.kind, p.text) for p in read.points]
    assert by_case == [
        (
            "RET-2026-0001",
            PointKind.ACTIE,
            "De Bron plant binnen twee weken een intake voor traumabehandeling.",
        ),
        (
            "RET-2026-0001",
            PointKind.AFSPRAAK,
            "Jeugd & Opvoeding Oost zoekt met de gemeente een gezinshuisplek.",
        ),
        (
            "RET-2026-0001",
            PointKind.BESLUIT,
            "de voorzitter houdt de procesregie tot de plaatsing rond is.",
        ),
        (
            "RET-2026-0002",
            PointKind.ADVIES,
            "start met een maatwerktraject op school, twee ochtenden per week.",
        ),
    ]
    assert read.points[0].at == "00:00:32"


def test_initials_place_a_point_and_the_line_itself_wins_over_what_came_before(ret):
    read = read_transcript(
        vtt(
            "<v Marieke Hofstede>Eerst JD, dan kijken we naar de ander.",
            "<v Fatima el Amrani>Besluit: voor K. B. vragen we een LVB-onderzoek aan.",
            "<v Fatima el Amrani>Afspraak: Het Anker belt de school deze week.",
        ),
        ret.members,
        CASES,
    )

    assert [p.case_number for p in read.points] == ["RET-2026-0002", "RET-2026-0002"]


def test_a_point_before_any_case_is_mentioned_goes_to_the_case_named_just_after(ret):
    read = read_transcript(
        vtt(
            "<v Marieke Hofstede>Afspraak: Het Anker doet een LVB-onderzoek.",
            "<v Marieke Hofstede>Dat was voor RET-2026-0002.",
        ),
        ret.members,
        CASES,
    )

    assert read.points[0].case_number == "RET-2026-0002"


def test_a_point_about_no_case_is_kept_without_one(ret):
    read = read_transcript(
        vtt("<v Marieke Hofstede>Besluit: het volgende overleg begint een half uur later."),
        ret.members,
        CASES,
    )

    [point] = read.points
    assert point.case_number is None and point.kind is PointKind.BESLUIT


def test_speakers_not_on_the_roster_are_not_present(ret):
    read = read_transcript(
        vtt("<v Onbekende Gast>Hallo.", "<v Marieke Hofstede>Welkom."), ret.members, CASES
    )

    assert read.present == ("Marieke Hofstede",) and read.others == 1


@pytest.mark.parametrize(
    ("data", "kind", "line"),
    [
        (b"Dit is geen transcript.\n\n00:00:01.000 --> 00:00:02.000\nHallo\n", "not_vtt", 1),
        (b"", "not_vtt", 1),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Jan>caf\xe9\n".encode("latin-1"),
            "not_text",
            None,
        ),
        (b"WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\n<v Marieke Hofstede>Hallo\n", "bad_cue", 3),
        (
            b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Marieke Hofstede>Hallo\n\n"
            b"00:00:03.000 -> 00:00:04.000\n<v Marieke Hofstede>Afspraak: kwijt?\n",
            "bad_cue",
            6,
        ),
        (b"WEBVTT\n\nNOTE alleen een notitie\n", "empty", None),
    ],
    ids=["no header", "empty file", "not utf-8", "bad timestamp", "skipped cue", "no cues"],
)
def test_a_malformed_transcript_is_refused_with_where(ret, data, kind, line):
    with pytest.raises(TranscriptProblem) as problem:
        read_transcript(data, ret.members, CASES)

    assert (problem.value.kind, problem.value.line) == (kind, line)
