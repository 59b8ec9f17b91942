"""The goed voorbeeld as a Word document: an anonymised casusbeschrijving in the RET's
house style, for national moments and peer review between RETs (domain.good_practice
makes its content; nothing here adds a fact about the case)."""

import io

from docx.shared import Pt

from documents.built import DOCUMENTS_BUILT
from documents.house_style import HouseStyle
from documents.labels import long_date
from documents.layout import footer_note, page_numbers, proofing_language
from documents.organisatie_advies import KIND_WORDS
from domain.good_practice import Casusbeschrijving

FOOTER = "Geanonimiseerde casusbeschrijving: zonder namen, initialen, woonplaats of geboortejaar."


def good_practice_filename(number: str) -> str:
    """Named by the case number for the RET's own files; the document itself does not
    mention it."""
    return f"goed-voorbeeld-{number}.docx"


def build_good_practice(description: Casusbeschrijving, style: HouseStyle) -> bytes:
    document = style.new_document()
    proofing_language(document, "nl-NL")
    footer_note(document, FOOTER)
    page_numbers(document, "Pagina {page} van {pages}")
    document.add_heading("Goed voorbeeld", level=0)
    subtitle = document.add_paragraph(
        f"Casusbeschrijving van {description.ret_name}, {long_date(description.made_on, 'nl')}",
        style="Subtitle",
    )
    subtitle.paragraph_format.space_after = Pt(6)
    age = (
        f"De jeugdige valt in de leeftijdsgroep {description.age_group} jaar."
        if description.age_group
        else "De leeftijd van de jeugdige is niet bekend."
    )
    document.add_paragraph(age)
    document.add_heading("Wat zat er vast", level=1)
    _items(document, description.stuck, "Niet beschreven.")
    document.add_heading("Wat de tafel deed", level=1)
    if description.table:
        for block in description.table.split("\n\n"):
            if block.strip():
                document.add_paragraph(block.strip())
    else:
        document.add_paragraph("Er is geen advies vastgelegd.")
    if description.afspraken:
        document.add_paragraph("Afspraken:").runs[0].bold = True
        for afspraak in description.afspraken:
            who = KIND_WORDS[afspraak.kind] if afspraak.kind else "organisatie"
            _bullet(document, f"{who}: {afspraak.action}")
    document.add_heading("Wat werkte", level=1)
    _items(document, description.worked, "Niet beschreven.")
    out = io.BytesIO()
    document.save(out)
    DOCUMENTS_BUILT.labels("goed-voorbeeld", "docx").inc()
    return out.getvalue()


def _items(document, texts: tuple[str, ...], empty: str) -> None:
    if not texts:
        document.add_paragraph(empty)
    for value in texts:
        _bullet(document, value)


def _bullet(document, value: str) -> None:
    """A list item; a template without a list style gets a bullet sign."""
    if "List Bullet" in {s.name for s in document.styles}:
        document.add_paragraph(value, style="List Bullet")
    else:
        document.add_paragraph("• " + value)
