"""The notulen of a RET meeting day as a Word document (python-docx).

Dutch by default, English on request; dates as "dinsdag 3 maart 2026" (Babel). The case
sections carry number, initials, age group and kind of question: never a name or a birth
date. Empty parts say what is still to be filled in, so the procesondersteuner sees it.
"""

import io
import zipfile
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, format_time
from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm

from documents.built import DOCUMENTS_BUILT
from documents.house_style import HouseStyle
from documents.labels import short_date
from documents.layout import NO_BREAK, page_numbers, proofing_language, repeat_header, widths
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
            "Daarnaast {count} {people} buiten het RET (zoals verwijzer, jeugdige en ouders), "
            "hier niet bij naam genoemd."
        ),
        "en": (
            "Also {count} {people} from outside the RET (such as the referrer, the young "
            "person and the parents), not named here."
        ),
    },
    "people.one": {"nl": "deelnemer", "en": "participant"},
    "people.other": {"nl": "deelnemers", "en": "participants"},
    "absent": {"nl": "Afwezig", "en": "Absent"},
    "absent.none": {"nl": "Niemand afwezig.", "en": "Nobody absent."},
    "absent.declined": {"nl": "afgemeld", "en": "sent apologies"},
    "absent.stand_in": {"nl": "vervangen door {name}", "en": "replaced by {name}"},
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
    "page": {"nl": "Pagina {page} van {pages}", "en": "Page {page} of {pages}"},
}


def _t(key: str, language: str, **values: object) -> str:
    template = _TEXTS[key].get(language) or _TEXTS[key]["nl"]
    return template.format(**values) if values else template


def long_date(day: date, language: str = "nl") -> str:
    """'dinsdag 3 maart 2026'."""
    return format_date(day, "EEEE d MMMM y", locale=language)


def _clock(moment: datetime, language: str) -> str:
    return format_time(moment.astimezone(AMSTERDAM), "HH:mm", locale=language)


class _Writer:
    """Adds paragraphs with the template's style ids looked up once. python-docx looks a
    style name up anew for every paragraph (walking all styles, twice), which was most
    of a build's time; setting the id on the paragraph's XML skips that."""

    def __init__(self, document: DocxDocument, language: str) -> None:
        self.document = document
        self.language = language
        ids = {style.name: style.style_id for style in document.styles}
        self._headings = {0: ids.get("Title"), 1: ids.get("Heading 1"), 2: ids.get("Heading 2")}
        self._bullet = ids.get(BULLET_STYLE)
        self.table_style = ids.get("Table Grid")

    def t(self, key: str, **values: object) -> str:
        return _t(key, self.language, **values)

    def heading(self, value: str, level: int) -> None:
        self._add(value, self._headings[level])

    def paragraph(self, value: str) -> None:
        self._add(value, None)

    def bullet(self, value: str) -> None:
        """In the template's list style; a RET's own template may lack one: a bullet then."""
        if self._bullet:
            self._add(value, self._bullet)
        else:
            self._add(f"• {value}", None)

    def _add(self, value: str, style_id: str | None) -> None:
        paragraph = self.document.add_paragraph(value)
        if style_id:
            paragraph._p.style = style_id


def notulen_docx(minutes: Minutes, style: HouseStyle, language: str = "nl") -> bytes:
    """The draft notulen as .docx bytes, in the RET's house style."""
    w = _Writer(style.new_document(), language)
    proofing_language(w.document, "en-GB" if language == "en" else "nl-NL")
    page_numbers(w.document, w.t("page", page="{page}", pages="{pages}"))
    w.heading(f"{w.t('title')}: {minutes.ret_name}", 0)
    w.paragraph(w.t("draft"))
    _meeting_facts(w, minutes)
    _attendance(w, minutes)
    for case in minutes.cases:
        _case_section(w, case)
    if minutes.unplaced:
        w.heading(w.t("overig"), 1)
        w.paragraph(w.t("overig.text"))
        for point in minutes.unplaced:
            w.bullet(_point(point, language))
    out = io.BytesIO()
    w.document.save(out)
    DOCUMENTS_BUILT.labels("notulen", "docx").inc()
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


def _meeting_facts(w: _Writer, minutes: Minutes) -> None:
    rows = [(w.t("date"), long_date(minutes.meeting_date, w.language))]
    if minutes.start is not None:
        rows.append((w.t("time"), format_time(minutes.start, "HH:mm", locale=w.language)))
    rows.append((w.t("place"), minutes.location))
    _table(w, None, rows)


def _attendance(w: _Writer, minutes: Minutes) -> None:
    attendance = minutes.attendance
    w.heading(w.t("present"), 1)
    if not attendance.recorded:
        w.paragraph(w.t("present.invited"))
    for person in attendance.present:
        w.bullet(f"{person.name}, {person.organisation} ({person.role})")
    if attendance.others:
        people = w.t(f"people.{Locale.parse(w.language).plural_form(attendance.others)}")
        w.paragraph(w.t("present.others", count=attendance.others, people=people))
    w.heading(w.t("absent"), 1)
    if not attendance.absent:
        w.paragraph(w.t("absent.none"))
    for person in attendance.absent:
        reasons = [person.absence_reason or (w.t("absent.declined") if person.declined else "")]
        if person.stand_in:
            reasons.append(w.t("absent.stand_in", name=person.stand_in))
        reason = ", ".join(r for r in reasons if r)
        line = f"{person.name}, {person.organisation} ({person.role})"
        w.bullet(f"{line}: {reason}" if reason else line)


def _case_section(w: _Writer, case: CaseMinutes) -> None:
    initials = case.initials or "-"
    start = _clock(case.start, w.language)
    w.heading(w.t("case", number=case.number, initials=initials, start=start), 1)
    unknown = w.t("unknown")
    vraag = next((t.label(w.language) for t in SOORT_VRAAG if t.code == case.soort_vraag), unknown)
    w.heading(w.t("inbreng"), 2)
    w.paragraph(w.t("inbreng.text", initials=initials, age=case.age_group or unknown, vraag=vraag))
    w.heading(w.t("bespreking"), 2)
    w.paragraph(case.samenvatting or w.t("to_fill"))
    w.heading(w.t("advies"), 2)
    for advies in case.advies or (w.t("to_fill"),):
        w.paragraph(advies)
    w.heading(w.t("afspraken"), 2)
    if case.afspraken:
        _afspraken_table(w, case)
    if case.said_afspraken:
        w.paragraph(w.t("afspraken.said"))
        for said in case.said_afspraken:
            w.bullet(said)
    if not case.afspraken and not case.said_afspraken:
        w.paragraph(w.t("to_fill"))
    w.heading(w.t("besluiten"), 2)
    for besluit in case.besluiten:
        w.bullet(besluit)
    if not case.besluiten:
        w.paragraph(w.t("none"))
    w.heading(w.t("follow_up"), 2)
    if case.follow_up:
        w.paragraph(w.t("follow_up.on", day=long_date(case.follow_up, w.language)))
    else:
        w.paragraph(w.t("follow_up.later"))


def _afspraken_table(w: _Writer, case: CaseMinutes) -> None:
    columns = ("organisation", "who", "what", "deadline", "mandate")
    mandates = {m.organisation: m for m in case.mandates}
    rows = [tuple(w.t(f"column.{column}") for column in columns)]
    rows += [_afspraak_row(a, mandates.get(a.organisation), w.language) for a in case.afspraken]
    table = _table(w, w.table_style, rows)
    # Wide enough that words stay whole (LibreOffice splits a word a column cannot hold).
    widths(table, (Cm(3.3), Cm(2.5), Cm(4.2), Cm(3.5), Cm(3.1)))
    repeat_header(table)


def _table(w: _Writer, style_id: str | None, rows: list[tuple[str, ...]]):
    table = w.document.add_table(rows=len(rows), cols=len(rows[0]))
    if style_id:
        table._tbl.tblPr.style = style_id  # by id, as _Writer does for paragraphs
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    return table


def _afspraak_row(afspraak: Afspraak, mandate, language: str) -> tuple[str, ...]:
    if mandate is None:
        status = _t("mandate.open", language)
    else:
        status = _t("mandate.answer", language, answer=mandate.answer.value, by=mandate.by)
    return (
        afspraak.organisation,
        afspraak.person or "-",
        afspraak.action,
        short_date(afspraak.deadline, language).replace(" ", NO_BREAK),
        status,
    )


def _point(point: Point, language: str) -> str:
    return _t("point", language, kind=point.kind.value.capitalize(), text=point.text, at=point.at)
