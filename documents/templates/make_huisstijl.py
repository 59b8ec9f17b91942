"""Makes huisstijl.docx, retbot's default house style.

Run: `python documents/templates/make_huisstijl.py`.

A RET that wants its own style copies the result, changes fonts, colours, header and footer
in Word, and names its copy in the RET file (`documents: template:`).
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
INK = RGBColor(0x1F, 0x3A, 0x5F)


def main() -> None:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    title = styles["Title"]
    title.font.name, title.font.size, title.font.color.rgb = "Calibri", Pt(20), INK
    subtitle = styles["Subtitle"]
    subtitle.font.name, subtitle.font.size = "Calibri", Pt(12)
    for name, size in (("Heading 1", 14), ("Heading 2", 11.5)):
        heading = styles[name]
        heading.font.name, heading.font.size, heading.font.color.rgb = "Calibri", Pt(size), INK
        heading.paragraph_format.space_before = Pt(12)
        heading.paragraph_format.space_after = Pt(4)

    footer = section.footer.paragraphs[0]
    footer.text = "Vertrouwelijk: bevat gegevens van een jeugdige. Niet doorsturen."
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.runs[0].font.size = Pt(8)
    document.save(HERE / "huisstijl.docx")


if __name__ == "__main__":
    main()
