"""Word layout that python-docx has no API for: a table's header row repeated on every page,
rows kept whole, cells that do not wrap, and page numbers in the footer."""

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

NO_BREAK = "\u00a0"  # keeps a date on one line: LibreOffice does not honour w:noWrap


def widths(table, sizes) -> None:
    """Fixed column widths. Word reads the cells' widths, LibreOffice the grid's: set both."""
    table.autofit = False
    for column, width in zip(table.columns, sizes, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, sizes, strict=True):
            cell.width = width


def repeat_header(table) -> None:
    """The first row is repeated at the top of every page the table runs onto, and no row
    breaks across pages (a reader sees a whole afspraak with its column names)."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index == 0:
            properties.append(OxmlElement("w:tblHeader"))


def proofing_language(document: DocxDocument, tag: str) -> None:
    """The language Word checks spelling in ('nl-NL', 'en-GB'), for every style that does
    not set its own: the document defaults, and the styles that name one."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        document.styles.element.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    elements = [properties, *document.styles.element.iter(qn("w:rPr"))]
    for element in elements:
        for lang in element.findall(qn("w:lang")):
            element.remove(lang)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), tag)
    properties.append(language)


def no_wrap(cell) -> None:
    """The cell's text stays on one line (a date)."""
    cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


def footer_note(document: DocxDocument, note: str) -> None:
    """Puts `note` in place of the template's footer line (its formatting kept): the house
    style's line speaks of a young person's data, which a report of counts does not hold."""
    for section in document.sections:
        paragraphs = section.footer.paragraphs
        if paragraphs and paragraphs[0].runs:
            first, *others = paragraphs[0].runs
            first.text = note
            for run in others:
                run.text = ""
        else:
            section.footer.add_paragraph(note)


def page_numbers(document: DocxDocument, template: str) -> None:
    """Adds 'Pagina 1 van 3' under the footer of every section; `template` holds {page}
    and {pages}. Word and LibreOffice fill in the fields when they lay out the pages."""
    for section in document.sections:
        paragraph = section.footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, rest = template.split("{page}", 1)
        between, after = rest.split("{pages}", 1)
        for part, field in ((before, "PAGE"), (between, "NUMPAGES"), (after, None)):
            if part:
                paragraph.add_run(part).font.size = Pt(8)
            if field:
                _field(paragraph, field)


def _field(paragraph, instruction: str) -> None:
    """A complex field (begin, instruction, separate, shown value, end), as Word writes it."""
    pieces = (
        _char("begin"),
        _instruction(instruction),
        _char("separate"),
        _shown("1"),
        _char("end"),
    )
    for piece in pieces:
        run = paragraph.add_run()
        run.font.size = Pt(8)
        run._r.append(piece)


def _char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _instruction(instruction: str):
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {instruction} "
    return element


def _shown(value: str):
    element = OxmlElement("w:t")
    element.text = value
    return element
