"""Time to build Word documents: each row times one builder over `--builds` runs and prints
p50/p95 in ms as JSON, beside its python-docx floor (the same content written on python-docx's
blank document, no house style, in the same run).

    python -m bench.documents [--builds 200]

(As a module: run as a script, this file's folder comes first on sys.path and its own name
would hide the `documents` package.)

A new document adds a row to ROWS: a name, a function that builds it in the house style, and
one that writes the same content on a blank document.
"""

import argparse
import gc
import io
import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

from docx import Document

from bot.ret_file import load_ret_config
from documents.advies import build_advies, write_advies
from documents.house_style import HouseStyle, load_house_style
from documents.notulen import notulen_docx
from domain.advice import Advice, Afspraak, Attendee, Mandate, MandateAnswer
from domain.advice_sheet import AdviceSheet, advice_sheet
from domain.cases import Case, CaseStatus, Referrer
from domain.notulen import Attendance, CaseMinutes, Minutes, Point, PointKind
from domain.notulen import Attendee as Present

REPO = Path(__file__).resolve().parent.parent
AT = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)
DAY = AT.date()
ORGANISATIONS = (
    "Jeugd-GGZ De Bron",
    "LVB-zorg Het Anker",
    "Jeugd & Opvoeding Oost",
    "Samenwerkingsverband Onderwijs Twente",
    "Gemeente Hengelo",
)


def advies_sheet() -> AdviceSheet:
    """One advies with 5 afspraken, 6 participants and 3 mandate answers."""
    ret = load_ret_config(REPO / "examples" / "ret.example.yaml")
    case = Case(
        "RET-2026-0001",
        CaseStatus.ADVIES,
        Referrer("msteams", "u", "Inge Referent"),
        {"initialen": "J.D.", "geboortejaar": "2011", "aanmelder_organisatie": "Jeugdbescherming"},
        AT,
    )
    afspraken = tuple(
        Afspraak(org, f"Afspraak {i + 1}: een actie van een paar regels tekst voor de jeugdige.",
                 date(2026, 4, 1) + timedelta(days=7 * i), "Thijs Wennink" if i % 2 else None)
        for i, org in enumerate(ORGANISATIONS)
    )  # fmt: skip
    attendees = tuple(
        Attendee(f"Deelnemer {i}", ORGANISATIONS[i % 5], "kernteamlid", i != 5, "ziek")
        for i in range(6)
    )  # fmt: skip
    advice = Advice(
        case.number,
        "Meisje van 15, na breakdown pleeggezin zonder plek.\n\n" * 3,
        "Tijdelijk gezinshuis met traumabehandeling; school blijft betrokken.\n\n" * 3,
        afspraken,
        "Marieke Hofstede",
        AT,
        attendees,
    )
    mandates = {
        org: Mandate(org, MandateAnswer.CONFIRMED, "Iemand", AT) for org in ORGANISATIONS[:3]
    }
    return advice_sheet(ret, case, advice, mandates, None, AT)


def advies_floor(sheet: AdviceSheet) -> bytes:
    document = Document()
    write_advies(document, sheet)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def notulen_minutes() -> Minutes:
    """A meeting day as retbot drafts it after a transcript: 3 cases, each with advice, 3
    afspraken, points said in the meeting, 8 present and 2 absent."""
    present = tuple(
        Present(f"Kernteamlid {i}", f"Organisatie {i}", "kernteamlid") for i in range(8)
    )
    absent = tuple(Present(f"Afwezige {i}", f"Organisatie {i}", "kernteamlid") for i in range(2))
    cases = []
    for n in range(3):
        start = datetime.combine(DAY, clock(12, 30), UTC) + n * timedelta(minutes=50)
        afspraken = tuple(
            Afspraak(f"Organisatie {i}", f"Actie {i} voor casus {n}", DAY + timedelta(days=21))
            for i in range(3)
        )
        cases.append(
            CaseMinutes(
                number=f"RET-2026-000{n + 1}",
                initials="J.D.",
                age_group="13-16",
                soort_vraag="passende_plek",
                start=start,
                samenvatting="Samenvatting van de casus, een alinea lang. " * 6,
                advies=("Het advies, een alinea lang. " * 6, "Uit het overleg: nog een advies."),
                afspraken=afspraken,
                said_afspraken=("Genoemd in het overleg: een extra afspraak.",) * 2,
                besluiten=("Besluit: de voorzitter houdt de procesregie.",),
                mandates=(Mandate("Organisatie 0", MandateAnswer.CONFIRMED, "Lid 0", start),),
                follow_up=DAY + timedelta(days=42),
            )
        )
    unplaced = (Point(PointKind.BESLUIT, "Het volgende overleg begint later.", None, "01:59:00"),)
    attendance = Attendance(present, absent, 2, True)
    return Minutes(
        "RET Jeugd Twente", DAY, clock(13, 30), "Stadskantoor", attendance, tuple(cases), unplaced
    )


def blank_style() -> HouseStyle:
    """python-docx's own blank document as the 'template': the floor of the notulen, which
    write on whatever document the house style gives."""
    blank = io.BytesIO()
    Document().save(blank)
    return HouseStyle(blank.getvalue())


Row = tuple[str, Callable[[HouseStyle], bytes], Callable[[], bytes]]


def rows() -> list[Row]:
    sheet = advies_sheet()
    minutes, blank = notulen_minutes(), blank_style()
    return [
        (
            "advies (5 afspraken)",
            lambda style: build_advies(sheet, style),
            lambda: advies_floor(sheet),
        ),
        (
            "notulen (3 casussen)",
            lambda style: notulen_docx(minutes, style),
            lambda: notulen_docx(minutes, blank),
        ),
    ]


def timings(build: Callable[[], bytes], builds: int) -> list[float]:
    build()  # warm-up: imports, caches
    gc.collect()
    spent = []
    for _ in range(builds):
        start = time.perf_counter()
        build()
        spent.append((time.perf_counter() - start) * 1000)
    return spent


def summary(spent: list[float]) -> dict:
    ordered = sorted(spent)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--builds", type=int, default=200)
    args = parser.parse_args()
    style = load_house_style()
    results = []
    for name, build, floor in rows():
        built = summary(timings(lambda build=build: build(style), args.builds))
        bare = summary(timings(floor, args.builds))
        results.append(
            {
                "document": name,
                "builds": args.builds,
                **built,
                "floor_p50_ms": bare["p50_ms"],
                "floor_p95_ms": bare["p95_ms"],
                "p95_vs_floor": round(built["p95_ms"] / bare["p95_ms"], 2),
            }
        )
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
