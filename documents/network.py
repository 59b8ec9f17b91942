"""The expertisenetwerk's report as Word: per table a column per RET and the total, with
the total's share, sentence and chart, in the house style of the RET that makes it."""

from pathlib import Path

from docx.shared import Cm

from documents.built import DOCUMENTS_BUILT
from documents.house_style import HouseStyle
from documents.layout import repeat_header, widths
from documents.report import SHARE, TABLE_STYLE, chart_png, new_report_document
from domain.disclosure import IN_WORDS, K
from domain.network import TOTAL, NetworkReport, NetworkTable

WIDTH, LABEL_WIDTH = 16.0, 6.0  # cm: the category's words on one or two lines
ABOUT = (
    "Gemaakt uit de monitor-exports van de RET's: gepseudonimiseerde regels per casus, zonder "
    "namen, casusnummers of vrije tekst. Elke RET telt de casussen die in de periode zijn "
    "aangemeld, met wat er daarna mee gebeurde. Percentages zijn van de kolom Totaal. De open "
    "casussen op de peildatum staan niet in een export en ontbreken hier; de trend staat per "
    "maand of per kwartaal, zoals de exports hem geven."
)


def write_network_docx(report: NetworkReport, out: Path, style: HouseStyle) -> None:
    names = [e.ret for e in report.exports]
    document = new_report_document(style, "Rapportage expertisenetwerk", report.period.label)
    document.add_paragraph("RET's: " + ", ".join(f"{e.ret} ({e.regio})" for e in report.exports))
    document.add_paragraph(ABOUT)
    document.add_heading("Herleidbaarheid", level=1)
    document.add_paragraph(
        f"Een combinatie van {', '.join(IN_WORDS[:-1])} en {IN_WORDS[-1]} die minder dan {K} "
        "jeugdigen heeft, kan een kind herkenbaar maken; de export van elke RET schermt die af "
        "(als 'Afgeschermd' in de tabellen). Per RET: regels die uniek zijn op die kenmerken, "
        f"regels in een groep kleiner dan {K}, en de kleinste groep."
    )
    for export in report.exports:
        document.add_paragraph(f"{export.ret}: {export.disclosure.line}.")
    for title, tables in report.sections:
        document.add_heading(title, level=1)
        for table in tables:
            document.add_heading(table.total.title, level=2)
            document.add_paragraph(table.total.sentence)
            _grid(document, table, names)
            if table.total.note:
                document.add_paragraph(table.total.note)
            if table.total.charted:
                document.add_picture(chart_png(table.total), width=Cm(15))
    document.save(out)
    DOCUMENTS_BUILT.labels("netwerkrapportage", "docx").inc()


def network_rows(table: NetworkTable) -> list[list[object]]:
    """Category, a count per RET, the total and its share; a Totaal row under a partition."""
    total = table.total
    rows = [
        [label, *(counts[index] for counts in table.per_ret), count]
        + ([total.share(count)] if total.share_of is not None else [])
        for index, (label, count) in enumerate(total.rows)
    ]
    if total.partition:
        rows.append(
            [TOTAL, *(sum(counts) for counts in table.per_ret), total.total]
            + ([total.share(total.total)] if total.share_of is not None else [])
        )
    return rows


def _grid(document, table: NetworkTable, names: list[str]) -> None:
    header = ["Categorie", *names, TOTAL] + ([SHARE] if table.total.share_of is not None else [])
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = TABLE_STYLE
    for cell, value in zip(grid.rows[0].cells, header, strict=True):
        cell.text = value
    for row in network_rows(table):
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    rest = (WIDTH - LABEL_WIDTH) / (len(header) - 1)
    widths(grid, [Cm(LABEL_WIDTH), *(Cm(rest) for _ in header[1:])])
    repeat_header(grid)
