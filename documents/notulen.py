"""The notulen of a RET meeting day as a Word document (python-docx).

Dutch by default, English on request; dates as "dinsdag 3 maart 2026" (Babel). The case
sections carry number, initials, age group and kind of question: never a name or a birth
date. Empty parts say what is still to be filled in, so the procesondersteuner sees it.
"""

import io
import zipfile
from datetime import date, datetime

from babel.dates import format_date, format_time
from docx import Document
from docx.document import Document as DocxDocument

from documents.house_style import HouseStyle
from domain.advice import Afspraak
from domain.meetings import AMSTERDAM
from domain.notulen import CaseMinutes, Minutes, Point
from domain.vocabularies import SOORT_VRAAG

BULLET_STYLE = "List Bullet"

_TEXTS: dict[str, dict[str, str]] = {
    "title": {"nl": "Notulen RET-overleg", "en": "Minutes of the RET meeting"},
    "draft": {
        "nl": "Concept, opgesteld door retbot: te controleren door de procesondersteuner.",
        "en": "Draft by retbot: to be checked by the process assistant.",
    },
    "date": {"nl": "Datum", "en": "Date"},
    "time": {"nl": "Tijd", "en": "Time"},
    "place": {"nl": "Plaats", "en": "Place"},
    "present": {"nl": "Aanwezig", "en": "Present"},
    "present.invited": {
        "nl": "Volgens de uitnodiging; graag aanvullen of corrigeren.",
        "en": "As invited; please complete or correct.",
    },
    "present.others": {
        "nl": (
            "Daarnaast {count} deelnemer(s) buiten het RET (zoals verwijzer, jeugdige en "
            "ouders), hier niet bij naam genoemd."
        ),
        "en": (
            "Also {count} participant(s) from outside the RET (such as the referrer, the "
            "young person and the parents), not named here."
        ),
    },
    "absent": {"nl": "Afwezig", "en": "Absent"},
    "absent.none": {"nl": "Niemand afwezig.", "en": "Nobody absent."},
    "case": {
        "nl": "Casus {number} ({initials}), {start} uur",
        "en": "Case {number} ({initials}), {start}",
    },
    "inbreng": {"nl": "Inbreng", "en": "Case presented"},
    "inbreng.text": {
        "nl": "Jeugdige {initials}, leeftijdsgroep {age}. Soort vraag: {vraag}.",
        "en": "Young person {initials}, age group {age}. Kind of question: {vraag}.",
    },
    "bespreking": {"nl": "Bespreking", "en": "Discussion"},
    "advies": {"nl": "Advies", "en": "Advice"},
    "afspraken": {"nl": "Afspraken", "en": "Agreements"},
    "afspraken.said": {
        "nl": "Genoemd in het overleg (nog niet in het advies):",
        "en": "Mentioned in the meeting (not yet in the advice):",
    },
    "besluiten": {"nl": "Besluiten", "en": "Decisions"},
    "follow_up": {"nl": "Follow-up", "en": "Follow-up"},
    "follow_up.on": {
        "nl": "Eerste follow-up op {day}.",
        "en": "First follow-up on {day}.",
    },
    "follow_up.later": {
        "nl": "Wordt gepland zodra het advies is vastgelegd.",
        "en": "Planned once the advice is recorded.",
    },
    "to_fill": {"nl": "(in te vullen)", "en": "(to be filled in)"},
    "none": {"nl": "(geen)", "en": "(none)"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "column.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "column.who": {"nl": "Wie", "en": "Who"},
    "column.what": {"nl": "Wat", "en": "What"},
    "column.deadline": {"nl": "Uiterlijk", "en": "By"},
    "column.mandate": {"nl": "Mandaat", "en": "Mandate"},
    "mandate.open": {"nl": "nog niet bevestigd", "en": "not confirmed yet"},
    "mandate.answer": {"nl": "{answer} door {by}", "en": "{answer} by {by}"},
    "overig": {"nl": "Overig", "en": "Other"},
    "overig.text": {
        "nl": "Uit het transcript, niet bij een casus te plaatsen:",
        "en": "From the transcript, not attributable to a case:",
    },
    "point": {"nl": "{kind}: {text} ({at})", "en": "{kind}: {text} ({at})"},
}


def _t(key: str, language: str, **values: object) -> str:
    template = _TEXTS[key].get(language) or _TEXTS[key]["nl"]
    return template.format(**values) if values else template


def long_date(day: date, language: str = "nl") -> str:
    """'dinsdag 3 maart 2026'."""
    return format_date(day, "EEEE d MMMM y", locale=language)


def _clock(moment: datetime, language: str) -> str:
    return format_time(moment.astimezone(AMSTERDAM), "HH:mm", locale=language)


def notulen_docx(minutes: Minutes, style: HouseStyle, language: str = "nl") -> bytes:
    """The draft notulen as .docx bytes, in the RET's house style."""
    document = style.new_document()
    document.add_heading(f"{_t('title', language)}: {minutes.ret_name}", level=0)
    document.add_paragraph(_t("draft", language))
    _meeting_facts(document, minutes, language)
    _attendance(document, minutes, language)
    for case in minutes.cases:
        _case_section(document, case, language)
    if minutes.unplaced:
        document.add_heading(_t("overig", language), level=1)
        document.add_paragraph(_t("overig.text", language))
        for point in minutes.unplaced:
            _bullet(document, _point(point, language))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def is_docx(data: bytes) -> bool:
    """Whether Word (and python-docx) can open this as a .docx: a zip with a main document,
    not a .doc, a PDF or a renamed file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                return False
        Document(io.BytesIO(data))
    except Exception:  # zipfile, lxml and python-docx each raise their own kinds
        return False
    return True


def _meeting_facts(document: DocxDocument, minutes: Minutes, language: str) -> None:
    rows = [(_t("date", language), long_date(minutes.meeting_date, language))]
    if minutes.start is not None:
        rows.append((_t("time", language), format_time(minutes.start, "HH:mm", locale=language)))
    rows.append((_t("place", language), minutes.location))
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value


def _attendance(document: DocxDocument, minutes: Minutes, language: str) -> None:
    document.add_heading(_t("present", language), level=1)
    if not minutes.from_transcript:
        document.add_paragraph(_t("present.invited", language))
    for person in minutes.present:
        _bullet(document, f"{person.name}, {person.organisation} ({person.role})")
    if minutes.others_present:
        document.add_paragraph(_t("present.others", language, count=minutes.others_present))
    document.add_heading(_t("absent", language), level=1)
    if not minutes.absent:
        document.add_paragraph(_t("absent.none", language))
    for person in minutes.absent:
        _bullet(document, f"{person.name}, {person.organisation} ({person.role})")


def _case_section(document: DocxDocument, case: CaseMinutes, language: str) -> None:
    start = _clock(case.start, language)
    initials = case.initials or "-"
    document.add_heading(
        _t("case", language, number=case.number, initials=initials, start=start), level=1
    )
    unknown = _t("unknown", language)
    vraag = next((t.label(language) for t in SOORT_VRAAG if t.code == case.soort_vraag), unknown)
    document.add_heading(_t("inbreng", language), level=2)
    document.add_paragraph(
        _t("inbreng.text", language, initials=initials, age=case.age_group or unknown, vraag=vraag)
    )
    document.add_heading(_t("bespreking", language), level=2)
    document.add_paragraph(case.samenvatting or _t("to_fill", language))
    document.add_heading(_t("advies", language), level=2)
    for advies in case.advies or (_t("to_fill", language),):
        document.add_paragraph(advies)
    document.add_heading(_t("afspraken", language), level=2)
    if case.afspraken:
        _afspraken_table(document, case, language)
    if case.said_afspraken:
        document.add_paragraph(_t("afspraken.said", language))
        for said in case.said_afspraken:
            _bullet(document, said)
    if not case.afspraken and not case.said_afspraken:
        document.add_paragraph(_t("to_fill", language))
    document.add_heading(_t("besluiten", language), level=2)
    for besluit in case.besluiten:
        _bullet(document, besluit)
    if not case.besluiten:
        document.add_paragraph(_t("none", language))
    document.add_heading(_t("follow_up", language), level=2)
    if case.follow_up:
        document.add_paragraph(
            _t("follow_up.on", language, day=long_date(case.follow_up, language))
        )
    else:
        document.add_paragraph(_t("follow_up.later", language))


def _afspraken_table(document: DocxDocument, case: CaseMinutes, language: str) -> None:
    columns = ("organisation", "who", "what", "deadline", "mandate")
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, columns, strict=True):
        cell.text = _t(f"column.{column}", language)
    mandates = {m.organisation: m for m in case.mandates}
    for afspraak in case.afspraken:
        cells = table.add_row().cells
        values = _afspraak_row(afspraak, mandates.get(afspraak.organisation), language)
        for cell, value in zip(cells, values, strict=True):
            cell.text = value


def _afspraak_row(afspraak: Afspraak, mandate, language: str) -> tuple[str, ...]:
    if mandate is None:
        status = _t("mandate.open", language)
    else:
        status = _t("mandate.answer", language, answer=mandate.answer.value, by=mandate.by)
    return (
        afspraak.organisation,
        afspraak.person or "-",
        afspraak.action,
        long_date(afspraak.deadline, language),
        status,
    )


def _point(point: Point, language: str) -> str:
    return _t("point", language, kind=point.kind.value.capitalize(), text=point.text, at=point.at)


def _bullet(document: DocxDocument, value: str) -> None:
    """A list item: in the template's list style when it has one (a RET's own template
    need not), else as a plain paragraph with a bullet."""
    if BULLET_STYLE in {s.name for s in document.styles}:
        document.add_paragraph(value, style=BULLET_STYLE)
    else:
        document.add_paragraph(f"• {value}")
