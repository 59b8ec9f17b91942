"""The advies aan de moederorganisatie as a short Word letter in the RET's house style:
to the organisation's contact, about a leerpunt of one case (case number and initials
only), with the voorzitter's advice. Always Dutch: it goes to a Dutch organisation."""

import io

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from documents.built import DOCUMENTS_BUILT
from documents.house_style import HouseStyle
from documents.labels import long_date
from documents.layout import page_numbers, proofing_language
from domain.meetings import AMSTERDAM
from domain.organisation_advice import OrganisationAdvice
from domain.ret import OrganisationKind

LANGUAGE = "nl"
KIND_WORDS = {
    OrganisationKind.GEMEENTE: "gemeente",
    OrganisationKind.GI: "gecertificeerde instelling",
    OrganisationKind.AANBIEDER: "zorgaanbieder",
    OrganisationKind.ONDERWIJS: "onderwijsorganisatie",
    OrganisationKind.OVERIG: "organisatie",
}


def letter_filename(advice: OrganisationAdvice) -> str:
    return f"advies-aan-organisatie-{advice.case.number}.docx"


def build_letter(advice: OrganisationAdvice, ret_name: str, style: HouseStyle) -> bytes:
    document = style.new_document()
    proofing_language(document, "nl-NL")
    page_numbers(document, "Pagina {page} van {pages}")
    if style.logo:
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        picture.add_run().add_picture(io.BytesIO(style.logo), height=Cm(1.6))
    contact = advice.organisation.contact
    for line in (contact.name, contact.function, advice.organisation.name):
        if line:
            document.add_paragraph(line).paragraph_format.space_after = Pt(0)
    day = long_date(advice.at.astimezone(AMSTERDAM).date(), LANGUAGE)
    dated = document.add_paragraph(day)
    dated.paragraph_format.space_before = Pt(18)
    number, initials = advice.case.number, advice.case.initials
    document.add_heading("Advies aan de moederorganisatie", level=0)
    subject = document.add_paragraph()
    subject.add_run("Betreft: ").bold = True
    subject.add_run(f"leerpunt uit casus {number} ({initials}), thema {advice.leerpunt.theme}")
    document.add_paragraph(f"Beste {contact.name},")
    document.add_paragraph(
        f"{ret_name} evalueert de vastgelopen zorgvragen die het oppakt, met iedereen die "
        "eraan werkte, en vertaalt wat dat leert naar adviezen aan de moederorganisaties van "
        "de betrokken melders en hulpverleners. Uit de evaluatie van casus "
        f"{number} ({initials}) komt een leerpunt naar voren dat "
        f"{advice.organisation.name} als {KIND_WORDS[advice.organisation.kind]} aangaat."
    )
    document.add_heading("Leerpunt", level=1)
    document.add_paragraph(f"Thema: {advice.leerpunt.theme}")
    _text(document, advice.leerpunt.learned)
    if advice.leerpunt.worked:
        document.add_paragraph("Wat werkte:").runs[0].bold = True
        _text(document, advice.leerpunt.worked)
    document.add_heading("Advies", level=1)
    _text(document, advice.advice)
    document.add_paragraph(
        "Wij horen graag wat u met dit advies doet. Voor vragen kunt u contact opnemen met "
        f"de voorzitter van {ret_name}."
    )
    regards = document.add_paragraph("Met vriendelijke groet,")
    regards.paragraph_format.space_before = Pt(12)
    document.add_paragraph(f"{advice.by}\nvoorzitter {ret_name}")
    note = document.add_paragraph(
        "Deze brief noemt alleen het casusnummer en de initialen van de jeugdige. Deel hem "
        "niet verder dan nodig is."
    )
    note.paragraph_format.space_before = Pt(12)
    note.runs[0].font.size = Pt(8)
    out = io.BytesIO()
    document.save(out)
    DOCUMENTS_BUILT.labels("brief", "docx").inc()
    return out.getvalue()


def _text(document, value: str | None) -> None:
    """Free text as typed: one paragraph per paragraph."""
    for block in (value or "").split("\n\n"):
        if block.strip():
            document.add_paragraph(block.strip())
