"""The periodic report as Word (a table, a chart and a sentence per figure), xlsx (one
sheet per table) and csv (one row per table row)."""

import csv
import io
from pathlib import Path

from docx import Document
from docx.shared import Cm
from matplotlib.figure import Figure
from openpyxl import Workbook
from openpyxl.styles import Font

from documents.built import DOCUMENTS_BUILT
from domain.evaluation import Judgement, RespondentKind
from domain.report import Report, Table

CSV_HEADER = ("tabel", "categorie", "aantal")
NO_SIGNALS = "In deze periode zijn geen rode draden vastgelegd."
NO_EVALUATIONS = "In deze periode zijn geen evaluaties ingevuld."
NO_LEERPUNTEN = "In deze periode zijn geen leerpunten vastgelegd."
GROUPS = {
    RespondentKind.VERWIJZER.value: "verwijzers",
    RespondentKind.KERNTEAMLID.value: "kernteamleden",
}
LEEROVERZICHT_PER_THEME = 2  # texts of each kind per theme: the overview stays one page
JUDGEMENTS = {"ja": "ja", "deels": "deels", "nee": "nee", "weet_niet": "weet niet"}


def write_report(report: Report, fmt: str, out: Path) -> None:
    """`fmt`: docx, xlsx or csv."""
    {"docx": write_docx, "xlsx": write_xlsx, "csv": write_csv}[fmt](report, out)
    DOCUMENTS_BUILT.labels("rapportage", fmt).inc()


def write_docx(report: Report, out: Path) -> None:
    document = Document()
    document.add_heading(f"Rapportage {report.ret_name}", level=0)
    document.add_paragraph(f"Periode: {report.period.label}")
    for section in report.sections:
        document.add_heading(section.title, level=1)
        for table in section.tables:
            document.add_heading(table.title, level=2)
            document.add_paragraph(table.sentence)
            _docx_table(document, table)
            document.add_picture(chart_png(table), width=Cm(15))
    _docx_learning(document, report)
    document.add_heading("Rode draden", level=1)
    if not report.signals:
        document.add_paragraph(NO_SIGNALS)
    for signal in report.signals:
        document.add_heading(f"{signal.theme} ({signal.count}×)", level=2)
        document.add_paragraph(
            f"{signal.count} keer gesignaleerd, waarvan {signal.cases} bij een casus."
        )
        for note in signal.notes:
            document.add_paragraph(note, style="List Bullet")
    document.save(out)


def write_leeroverzicht(report: Report, out: Path) -> None:
    """One page for the stuurgroep: what the evaluations of closed cases say, and the
    leerpunten with what worked (leren van vastgelopen zorgvragen)."""
    document = Document()
    for section in document.sections:  # one page: the default margins are wide
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin = section.right_margin = Cm(2.2)
    document.add_heading(f"Leeroverzicht {report.ret_name}", level=0)
    document.add_paragraph(f"Periode: {report.period.label}")
    _docx_learning(document, report, per_theme=LEEROVERZICHT_PER_THEME)
    document.save(out)
    DOCUMENTS_BUILT.labels("leeroverzicht", "docx").inc()


def evaluation_rows(report: Report) -> list[tuple[str, int | float]]:
    """The Evaluaties section as (label, figure) rows, for every format."""
    figures = report.evaluations
    if figures is None or not figures.cases:
        return []
    rows: list[tuple[str, int | float]] = [("Casussen met een evaluatie", figures.cases)]
    rows += [(f"Antwoorden van {GROUPS[k]}", n) for k, n in figures.answers.items()]
    rows.append(("Gemiddeld cijfer samenwerking (1-5)", figures.average_score))
    rows += [
        (f"Advies uitgevoerd: {JUDGEMENTS[j.value]}", figures.advies[j.value]) for j in Judgement
    ]
    rows += [
        (f"Jeugdige beter af: {JUDGEMENTS[j.value]}", figures.beter_af[j.value]) for j in Judgement
    ]
    return rows


def evaluation_lines(report: Report) -> list[str]:
    """The Evaluaties section in five lines, for Word."""
    figures = report.evaluations
    if figures is None or not figures.cases:
        return []

    def spread(counts) -> str:
        return ", ".join(f"{JUDGEMENTS[j.value]} {counts[j.value]}" for j in Judgement)

    answers = ", ".join(f"{n} van {GROUPS[k]}" for k, n in figures.answers.items())
    score = f"{figures.average_score:.1f}".replace(".", ",")
    return [
        f"Casussen met een evaluatie: {figures.cases}",
        f"Antwoorden: {answers}",
        f"Gemiddeld cijfer samenwerking (1-5): {score}",
        f"Advies uitgevoerd: {spread(figures.advies)}",
        f"Jeugdige beter af: {spread(figures.beter_af)}",
    ]


def _docx_learning(document, report: Report, per_theme: int | None = None) -> None:
    """Leren van vastgelopen zorgvragen: the evaluations' figures, then the leerpunten per
    theme with what worked (each text once; at most `per_theme` of each, the newest).
    Paragraphs only: the figures' tables and charts stay those of the counted facts."""
    document.add_heading("Evaluaties", level=1)
    lines = evaluation_lines(report)
    if not lines:
        document.add_paragraph(NO_EVALUATIONS)
    for line in lines:
        document.add_paragraph(line, style="List Bullet")
    document.add_heading("Leerpunten", level=1)
    if not report.leerpunten:
        document.add_paragraph(NO_LEERPUNTEN)
    for theme in report.leerpunten:
        cases = f"{theme.cases} casus" if theme.cases == 1 else f"{theme.cases} casussen"
        document.add_heading(f"{theme.theme} ({theme.count}×, bij {cases})", level=2)
        for learned in _newest(theme.learned, per_theme):
            document.add_paragraph(f"Geleerd: {learned}", style="List Bullet")
        for worked in _newest(theme.worked, per_theme):
            document.add_paragraph(f"Wat werkte: {worked}", style="List Bullet")


def _newest(texts: tuple[str, ...], limit: int | None) -> list[str]:
    """Each text once, oldest first; with a limit, only the newest ones."""
    unique = list(dict.fromkeys(reversed(texts)))[:limit]
    return unique[::-1]


def _docx_table(document, table: Table) -> None:
    grid = document.add_table(rows=1, cols=2)
    grid.style = "Light Grid Accent 1"
    grid.rows[0].cells[0].text = "Categorie"
    grid.rows[0].cells[1].text = table.column
    for label, count in (*table.rows, ("Totaal", table.total)):
        cells = grid.add_row().cells
        cells[0].text, cells[1].text = label, str(count)


def chart_png(table: Table) -> io.BytesIO:
    """A horizontal bar per row. A bare Figure draws with the Agg canvas: no display, no
    pyplot state shared between reports."""
    labels = [label for label, _ in table.rows][::-1]
    counts = [count for _, count in table.rows][::-1]
    figure = Figure(figsize=(7, 0.35 * len(labels) + 1))
    axes = figure.subplots()
    bars = axes.barh(labels, counts, color="#2f6f8f")
    axes.bar_label(bars, padding=3)
    axes.set_title(table.title)
    axes.set_xlabel(table.column)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    buffer.seek(0)
    return buffer


def write_xlsx(report: Report, out: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in report.tables:
        sheet = workbook.create_sheet(table.key[:31])
        sheet.append([table.title])
        sheet.append(["Categorie", table.column])
        for row in table.rows:
            sheet.append(list(row))
        sheet.append(["Totaal", table.total])
        sheet.append([])
        sheet.append([table.sentence])
        sheet["A1"].font = Font(bold=True)
        sheet.column_dimensions["A"].width = 50
    signals = workbook.create_sheet("Rode draden")
    signals.append(["Thema", "Aantal", "Bij een casus", "Punten"])
    for signal in report.signals:
        signals.append([signal.theme, signal.count, signal.cases, " | ".join(signal.notes)])
    evaluations = workbook.create_sheet("Evaluaties")
    evaluations.append(["Categorie", "Aantal"])
    for row in evaluation_rows(report):
        evaluations.append(list(row))
    leerpunten = workbook.create_sheet("Leerpunten")
    leerpunten.append(["Thema", "Aantal", "Casussen", "Geleerd", "Wat werkte"])
    for theme in report.leerpunten:
        leerpunten.append(
            [
                theme.theme,
                theme.count,
                theme.cases,
                " | ".join(theme.learned),
                " | ".join(theme.worked),
            ]
        )
    workbook.save(out)


def write_csv(report: Report, out: Path) -> None:
    with out.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_HEADER)
        for table in report.tables:
            writer.writerows((table.key, label, count) for label, count in table.rows)
        writer.writerows(("Rode draden", s.theme, s.count) for s in report.signals)
        writer.writerows(("Evaluaties", label, figure) for label, figure in evaluation_rows(report))
        writer.writerows(("Leerpunten", t.theme, t.count) for t in report.leerpunten)
