"""Time to build the notulen of a meeting day with 3 cases (.docx, python-docx), p50/p95
over 200 builds: in the house style (the shipped template), and the python-docx floor of
the same content in python-docx's own default template, in the same run.
Run: python bench/notulen.py [builds]
"""

import io
import statistics
import sys
import time as clock
from datetime import UTC, date, datetime, time, timedelta

from docx import Document

from documents.house_style import HouseStyle, load_house_style
from documents.notulen import notulen_docx
from domain.advice import Afspraak, Mandate, MandateAnswer
from domain.notulen import Attendance, Attendee, CaseMinutes, Minutes, Point, PointKind

DAY = date(2026, 3, 3)


def sample_minutes() -> Minutes:
    """A meeting day as retbot drafts it after a transcript: 3 cases, each with advice, 3
    afspraken, points said in the meeting, 8 present and 2 absent."""
    present = tuple(
        Attendee(f"Kernteamlid {i}", f"Organisatie {i}", "kernteamlid") for i in range(8)
    )
    absent = tuple(Attendee(f"Afwezige {i}", f"Organisatie {i}", "kernteamlid") for i in range(2))
    cases = []
    for n in range(3):
        start = datetime.combine(DAY, time(12, 30), UTC) + n * timedelta(minutes=50)
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
        "RET Jeugd Twente", DAY, time(13, 30), "Stadskantoor", attendance, tuple(cases), unplaced
    )


def timings(style: HouseStyle, minutes: Minutes, builds: int) -> list[float]:
    taken = []
    for _ in range(builds):
        started = clock.perf_counter()
        notulen_docx(minutes, style)
        taken.append((clock.perf_counter() - started) * 1000)
    return taken


def row(label: str, taken: list[float]) -> str:
    p95 = statistics.quantiles(taken, n=20)[-1]
    return f"{label:<40} p50 {statistics.median(taken):6.1f} ms   p95 {p95:6.1f} ms"


def main(builds: int = 200) -> None:
    minutes = sample_minutes()
    plain = io.BytesIO()
    Document().save(plain)
    floor = HouseStyle(plain.getvalue())
    house = load_house_style()
    timings(house, minutes, 5)  # warm up imports and caches
    print(f"notulen, 3 casussen, {builds} keer gebouwd")
    print(row("huisstijl (documents/templates)", timings(house, minutes, builds)))
    print(row("python-docx floor (eigen sjabloon)", timings(floor, minutes, builds)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
