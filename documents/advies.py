"""The zwaarwegend advies as a Word document, in the RET's house style.

`write_advies` fills any python-docx document (the bench times it on a blank one, the
floor); `build_advies` starts from the house style and returns the .docx bytes.
"""

import io

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from documents.built import DOCUMENTS_BUILT
from documents.house_style import HouseStyle
from documents.labels import label, long_date, names, role_label, short_date
from documents.layout import (
    NO_BREAK,
    no_wrap,
    page_numbers,
    proofing_language,
    repeat_header,
    widths,
)
from domain.advice import MandateAnswer
from domain.advice_sheet import AdviceSheet, Binding
from domain.meetings import AMSTERDAM

TABLE_STYLE = "Table Grid"
DEADLINE_COLUMN = 3  # of the afspraken table
STYLES = ("Title", "Subtitle", "Heading 1")


def build_advies(sheet: AdviceSheet, style: HouseStyle, version: int = 1) -> bytes:
    document = style.new_document()
    write_advies(document, sheet, style.logo, version)
    out = io.BytesIO()
    document.save(out)
    DOCUMENTS_BUILT.labels("advies", "docx").inc()
    return out.getvalue()


def advies_filename(sheet: AdviceSheet) -> str:
    word = "advies" if sheet.language != "en" else "advice"
    return f"{word}-{sheet.case_number}.docx"


def write_advies(
    document: DocxDocument, sheet: AdviceSheet, logo: bytes | None = None, version: int = 1
) -> None:
    """`version`: the number this document is stored under (1 for the first)."""
    language = sheet.language
    proofing_language(document, "en-GB" if language == "en" else "nl-NL")
    page_numbers(document, label("advies.page", language, page="{page}", pages="{pages}"))
    if logo:
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        picture.add_run().add_picture(io.BytesIO(logo), height=Cm(1.6))
    styles = _StyleIds(document)
    styles.add(document, label("advies.title", language), "Title")
    styles.add(document, sheet.ret_name, "Subtitle")
    _facts(document, sheet, version)

    styles.add(document, label("advies.attendance", language), "Heading 1")
    _attendance(document, sheet)
    styles.add(document, label("advies.samenvatting", language), "Heading 1")
    _text(document, sheet.advice.samenvatting)
    styles.add(document, label("advies.advies", language), "Heading 1")
    _text(document, sheet.advice.advies)
    styles.add(document, label("advies.afspraken", language), "Heading 1")
    _afspraken(document, sheet)
    binding = document.add_paragraph()
    binding.paragraph_format.space_before = Pt(10)
    binding.add_run(_binding(sheet)).bold = True

    styles.add(document, label("advies.follow_up", language), "Heading 1")
    cadence = sheet.follow_up
    document.add_paragraph(
        label(
            "advies.follow_up_text",
            language,
            first=cadence.first_after_days,
            every=cadence.every_days,
        )
    )
    styles.add(document, label("advies.distribution", language), "Heading 1")
    for person in sheet.distribution:
        if person.is_family:
            document.add_paragraph("– " + label(f"advies.family.{person.route.name}", language))
            continue
        parts = [person.name, person.organisation, role_label(person.role, language)]
        document.add_paragraph("– " + ", ".join(p for p in parts if p))
    document.add_paragraph(label("advies.distribution_note", language))
    made = document.add_paragraph(
        label("advies.made", language, day=long_date(_local(sheet.made_at), language))
    )
    made.paragraph_format.space_before = Pt(12)
    made.runs[0].font.size = Pt(8)


class _StyleIds:
    """The house style's style ids, looked up once per document: python-docx resolves a
    style name anew for every paragraph, which was a third of the build time."""

    def __init__(self, document: DocxDocument) -> None:
        self._ids = {name: document.styles[name].style_id for name in STYLES}

    def add(self, document: DocxDocument, value: str, style: str):
        paragraph = document.add_paragraph(value)
        paragraph._p.style = self._ids[style]  # the same XML python-docx writes for a name
        return paragraph


def _binding(sheet: AdviceSheet) -> str:
    """What is true of the commitment with the answers this version shows."""
    language, state = sheet.language, sheet.binding
    if state is Binding.CONFIRMED:
        return label("advies.binding.confirmed", language)
    answers = {o: sheet.mandates.get(o) for o in sheet.advice.organisations}
    if state is Binding.REFUSED:
        refused = [o for o, m in answers.items() if m and m.answer is MandateAnswer.DECLINED]
        return label("advies.binding.refused", language, refused=names(refused, language))
    pending = [o for o, m in answers.items() if m is None]
    return label("advies.binding.pending", language, open=names(pending, language))


def _facts(document: DocxDocument, sheet: AdviceSheet, version: int) -> None:
    """Case, version, young person (initials and age group only), the paying gemeente,
    meeting, who recorded it."""
    language = sheet.language
    young = sheet.initials
    if sheet.age_group:
        young = label("advies.young_person_value", language, initials=young, age=sheet.age_group)
    day = long_date(sheet.meeting_day, language)
    if sheet.meeting_place:
        meeting = (
            label("advies.meeting", language),
            label("advies.meeting_value", language, day=day, place=sheet.meeting_place),
        )
    else:
        meeting = (label("advies.consultation", language), day)
    issued = long_date(_local(sheet.advice.issued_at), language)
    shown = (
        label("advies.version_first", language, version=version)
        if version == 1
        else label("advies.version_next", language, version=version, previous=version - 1)
    )
    if not sheet.gemeente:
        gemeente = label("advies.gemeente_unknown", language)
    elif sheet.gemeente_corrected:
        intake = sheet.gemeente_at_intake or "-"
        gemeente = label(
            "advies.gemeente_corrected", language, gemeente=sheet.gemeente, intake=intake
        )
    else:
        gemeente = label("advies.gemeente_value", language, gemeente=sheet.gemeente)
    rows = [
        (label("advies.case", language), sheet.case_number),
        (label("advies.version", language), shown),
        (label("advies.young_person", language), young),
        (label("advies.gemeente", language), gemeente),
        meeting,
        (
            label("advies.recorded_by", language),
            label("advies.recorded_value", language, name=sheet.advice.issued_by, day=issued),
        ),
    ]
    table = document.add_table(rows=0, cols=2)
    for name, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = name, value
        cells[0].paragraphs[0].runs[0].bold = True
    widths(table, (Cm(5), Cm(11.6)))


def _attendance(document: DocxDocument, sheet: AdviceSheet) -> None:
    language = sheet.language
    header = ("advies.name", "advies.organisation", "advies.role", "advies.presence")
    table = _table(document, [label(k, language) for k in header])
    for person in sheet.advice.attendees:
        presence = (
            label("advies.present", language)
            if person.present
            else label("advies.absent", language, reason=person.absence_reason)
        )
        row = (person.name, person.organisation, role_label(person.role, language), presence)
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    widths(table, (Cm(4.2), Cm(4.8), Cm(3.5), Cm(4.1)))
    repeat_header(table)


def _afspraken(document: DocxDocument, sheet: AdviceSheet) -> None:
    language = sheet.language
    header = (
        "advies.organisation",
        "advies.who",
        "advies.what",
        "advies.deadline",
        "advies.mandate",
    )
    table = _table(document, [label(k, language) for k in header])
    for afspraak in sheet.advice.afspraken:
        row = (
            afspraak.organisation,
            afspraak.person or "",
            afspraak.action,
            short_date(afspraak.deadline, language).replace(" ", NO_BREAK),
            _mandate(sheet, afspraak.organisation),
        )
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    widths(table, (Cm(3.2), Cm(2.4), Cm(3.9), Cm(3.6), Cm(3.5)))
    for row in table.rows:
        no_wrap(row.cells[DEADLINE_COLUMN])
    repeat_header(table)


def _mandate(sheet: AdviceSheet, organisation: str) -> str:
    mandate = sheet.mandates.get(organisation)
    language = sheet.language
    if mandate is None:
        return label("advies.mandate_open", language)
    key = (
        "advies.mandate_confirmed"
        if mandate.answer is MandateAnswer.CONFIRMED
        else "advies.mandate_declined"
    )
    return label(key, language, name=mandate.by, day=short_date(_local(mandate.at), language))


def _table(document: DocxDocument, header: list[str]):
    table = document.add_table(rows=1, cols=len(header))
    table._tbl.tblPr.style = document.styles[TABLE_STYLE].style_id
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = value
        cell.paragraphs[0].runs[0].bold = True
    return table


def _text(document: DocxDocument, value: str) -> None:
    """Free text as typed: one paragraph per paragraph, line breaks kept."""
    for block in value.split("\n\n"):
        if block.strip():
            document.add_paragraph(block.strip())


def _local(moment):
    return moment.astimezone(AMSTERDAM).date()
