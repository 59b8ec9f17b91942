"""The periodic report as Word (a table, a chart and a sentence per figure, in the RET's
house style like its other documents), xlsx (one sheet per table) and csv (one row per
table row)."""

import csv
import io
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from matplotlib.figure import Figure
from openpyxl import Workbook
from openpyxl.styles import Font

from documents.built import DOCUMENTS_BUILT
from documents.house_style import HouseStyle
from documents.layout import footer_note, page_numbers, proofing_language
from domain.evaluation import Judgement, RespondentKind
from domain.report import Report, Table

CSV_HEADER = ("tabel", "categorie", "aantal", "aandeel (%)", "vorige periode")
TABLE_STYLE, BULLET_STYLE = "Table Grid", "List Bullet"
SHARE, PREVIOUS = "Aandeel (%)", "Vorige periode"
NO_SIGNALS = "In deze periode zijn geen rode draden vastgelegd."
FOOTER = "Rapportage in aantallen: zonder namen of andere gegevens van personen."
NO_EVALUATIONS = "In deze periode zijn geen evaluaties ingevuld."
NO_LEERPUNTEN = "In deze periode zijn geen leerpunten vastgelegd."
GROUPS = {
    RespondentKind.VERWIJZER.value: "verwijzers",
    RespondentKind.KERNTEAMLID.value: "kernteamleden",
}
FAMILY_HEARD = "Gezin voelde zich gehoord, gemiddeld (1-5)"
FAMILY_WISH = "Wens van jeugdige en ouders het vertrekpunt"
FAMILY_NOW = "Hoe het nu gaat volgens het gezin, gemiddeld (1-5)"
LEEROVERZICHT_PER_THEME = 2  # texts of each kind per theme: the overview stays one page
JUDGEMENTS = {"ja": "ja", "deels": "deels", "nee": "nee", "weet_niet": "weet niet"}
DEFINITIONS = (
    "Aanmeldingen zijn de aanvragen die in de periode zijn ingediend; overleggen, "
    "afsluitingen en escalaties zijn die welke in de periode plaatsvonden. Percentages zijn "
    "afgerond op hele procenten, van het totaal van de tabel tenzij erbij staat waarvan. "
    "Een totaal staat alleen onder een tabel waarin elke aanmelding of casus één keer "
    "voorkomt."
)


def write_report(report: Report, fmt: str, out: Path, style: HouseStyle) -> None:
    """`fmt`: docx, xlsx or csv; `style` is for the Word document."""
    if fmt == "docx":
        write_docx(report, out, style)
    else:
        {"xlsx": write_xlsx, "csv": write_csv}[fmt](report, out)
    DOCUMENTS_BUILT.labels("rapportage", fmt).inc()


def new_report_document(style: HouseStyle, title: str, period: str):
    """A report's first lines in the house style: Dutch proofing, the footer about counts,
    page numbers, the logo, the title and the period (the RET's and the network's)."""
    document = style.new_document()
    proofing_language(document, "nl-NL")
    footer_note(document, FOOTER)
    page_numbers(document, "Pagina {page} van {pages}")
    if style.logo:
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        picture.add_run().add_picture(io.BytesIO(style.logo), height=Cm(1.6))
    document.add_heading(title, level=0)
    document.add_paragraph(f"Periode: {period}")
    return document


def write_docx(report: Report, out: Path, style: HouseStyle) -> None:
    document = new_report_document(style, f"Rapportage {report.ret_name}", report.period.label)
    if report.cut_off:
        document.add_paragraph(f"{report.cut_off}: de cijfers zoals ze toen waren vastgelegd.")
    if report.previous:
        document.add_paragraph(f"{PREVIOUS} (ter vergelijking): {report.previous.label}.")
    document.add_paragraph(DEFINITIONS)
    for section in report.sections:
        document.add_heading(section.title, level=1)
        for table in section.tables:
            document.add_heading(table.title, level=2)
            document.add_paragraph(table.sentence)
            _docx_table(document, table)
            if table.note:
                document.add_paragraph(table.note)
            if table.charted:
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
            _bullet(document, note)
        if signal.advies:
            advies = document.add_paragraph()
            advies.add_run("Advies: ").bold = True
            advies.add_run(signal.advies)
    document.save(out)


def write_leeroverzicht(report: Report, out: Path, style: HouseStyle) -> None:
    """One page for the stuurgroep: what the evaluations of closed cases say, and the
    leerpunten with what worked (leren van vastgelopen zorgvragen), in the house style."""
    document = style.new_document()
    proofing_language(document, "nl-NL")
    footer_note(document, FOOTER)
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
    if figures.families:
        rows += [
            ("Antwoorden van gezinnen", figures.families),
            (FAMILY_HEARD, figures.heard),
            *((f"{FAMILY_WISH}: {JUDGEMENTS[j.value]}", figures.wish[j.value]) for j in Judgement),
            (FAMILY_NOW, figures.now),
        ]
    return rows


def evaluation_lines(report: Report) -> list[str]:
    """The Evaluaties section in five lines, for Word; four more when families answered."""
    figures = report.evaluations
    if figures is None or not figures.cases:
        return []

    def spread(counts) -> str:
        return ", ".join(f"{JUDGEMENTS[j.value]} {counts[j.value]}" for j in Judgement)

    def decimal(average: float | None) -> str:
        return "-" if average is None else f"{average:.1f}".replace(".", ",")

    answers = ", ".join(f"{n} van {GROUPS[k]}" for k, n in figures.answers.items())
    lines = [
        f"Casussen met een evaluatie: {figures.cases}",
        f"Antwoorden: {answers}",
        f"Gemiddeld cijfer samenwerking (1-5): {decimal(figures.average_score)}",
        f"Advies uitgevoerd: {spread(figures.advies)}",
        f"Jeugdige beter af: {spread(figures.beter_af)}",
    ]
    if figures.families:
        lines += [
            f"Antwoorden van gezinnen: {figures.families}",
            f"{FAMILY_HEARD}: {decimal(figures.heard)}",
            f"{FAMILY_WISH}: {spread(figures.wish)}",
            f"{FAMILY_NOW}: {decimal(figures.now)}",
        ]
    return lines


def _docx_learning(document, report: Report, per_theme: int | None = None) -> None:
    """Leren van vastgelopen zorgvragen: the evaluations' figures, then the leerpunten per
    theme with what worked (each text once; at most `per_theme` of each, the newest).
    Paragraphs only: the figures' tables and charts stay those of the counted facts."""
    document.add_heading("Evaluaties", level=1)
    lines = evaluation_lines(report)
    if not lines:
        document.add_paragraph(NO_EVALUATIONS)
    for line in lines:
        _bullet(document, line)
    document.add_heading("Leerpunten", level=1)
    if not report.leerpunten:
        document.add_paragraph(NO_LEERPUNTEN)
    for theme in report.leerpunten:
        cases = f"{theme.cases} casus" if theme.cases == 1 else f"{theme.cases} casussen"
        document.add_heading(f"{theme.theme} ({theme.count}×, bij {cases})", level=2)
        for learned in _newest(theme.learned, per_theme):
            _bullet(document, f"Geleerd: {learned}")
        for worked in _newest(theme.worked, per_theme):
            _bullet(document, f"Wat werkte: {worked}")
    if report.organisation_advice:  # one line: the leeroverzicht stays one page
        document.add_paragraph(advice_line(report)).paragraph_format.space_before = Pt(8)


def advice_line(report: Report) -> str:
    """The advies aan de moederorganisaties sent in the period, per kind of organisation."""
    counts = ", ".join(f"{kind} {count}" for kind, count in report.organisation_advice.items())
    return f"Advies aan organisaties (brieven): {counts}"


def _newest(texts: tuple[str, ...], limit: int | None) -> list[str]:
    """Each text once, oldest first; with a limit, only the newest ones."""
    unique = list(dict.fromkeys(reversed(texts)))[:limit]
    return unique[::-1]


def _bullet(document, value: str) -> None:
    """A list item; a RET's template without a list style gets a bullet sign."""
    if BULLET_STYLE in {s.name for s in document.styles}:
        document.add_paragraph(value, style=BULLET_STYLE)
    else:
        document.add_paragraph(f"• {value}")


def _docx_table(document, table: Table) -> None:
    header = _header(table)
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = TABLE_STYLE  # one the house style must have
    for cell, value in zip(grid.rows[0].cells, header, strict=True):
        cell.text = value
    for row in _rows(table):
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def _header(table: Table) -> list[str]:
    header = ["Categorie", table.column]
    header += [SHARE] if table.share_of is not None else []
    return header + ([PREVIOUS] if table.previous is not None else [])


def _rows(table: Table) -> list[list[object]]:
    """Each category with its count (and share, and its count in the previous period);
    the total only under a partition."""
    shown = [*table.rows, ("Totaal", table.total)] if table.partition else list(table.rows)
    before = list(table.previous) if table.previous is not None else None
    if before is not None and table.partition:
        before.append(sum(before))
    rows = []
    for index, (label, count) in enumerate(shown):
        row = [label, count] + ([table.share(count)] if table.share_of is not None else [])
        rows.append(row + ([before[index]] if before is not None else []))
    return rows


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
        sheet.append([_about(report)])
        sheet.append(_header(table))
        for row in _rows(table):
            sheet.append(row)
        sheet.append([])
        sheet.append([table.sentence])
        if table.note:
            sheet.append([table.note])
        sheet["A1"].font = Font(bold=True)
        sheet.column_dimensions["A"].width = 50
    signals = workbook.create_sheet("Rode draden")
    signals.append([_about(report)])
    signals.append(["Thema", "Aantal", "Bij een casus", "Punten", "Advies"])
    for signal in report.signals:
        signals.append(
            [signal.theme, signal.count, signal.cases, " | ".join(signal.notes), signal.advies]
        )
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
    if report.organisation_advice:
        leerpunten.append([])
        leerpunten.append(["Advies aan organisaties", "Brieven"])
        for kind, count in report.organisation_advice.items():
            leerpunten.append([kind, count])
    workbook.save(out)


def _about(report: Report) -> str:
    """The RET, the period and the cut-off, at the top of every sheet."""
    about = f"{report.ret_name}, periode {report.period.label}"
    return f"{about} ({report.cut_off.lower()})" if report.cut_off else about


def write_csv(report: Report, out: Path) -> None:
    """As Dutch Excel opens it with a double click: UTF-8 with a BOM, semicolons."""
    with out.open("w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(CSV_HEADER)
        for table in report.tables:
            before = table.previous or ("",) * len(table.rows)
            writer.writerows(
                (table.key, label, count, _blank(table.share(count)), then)
                for (label, count), then in zip(table.rows, before, strict=True)
            )
        writer.writerows(("Rode draden", s.theme, s.count, "", "") for s in report.signals)
        writer.writerows(
            ("Evaluaties", label, figure, "", "") for label, figure in evaluation_rows(report)
        )
        writer.writerows(("Leerpunten", t.theme, t.count, "", "") for t in report.leerpunten)
        writer.writerows(
            ("Advies aan organisaties", kind, count, "", "")
            for kind, count in report.organisation_advice.items()
        )


def _blank(value: int | None) -> int | str:
    return "" if value is None else value
