"""The house style of retbot's Word documents: a template .docx a RET can replace.

The template gives the styles (fonts, colours, headings, the table style), the page set-up
and the header and footer; its body is left out, the documents write their own. It is read
and checked once at start-up, so a broken file is one clear line then, not a failed
document later.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.oxml.ns import qn

from domain.ret import DocumentSettings

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_TEMPLATE = TEMPLATES / "huisstijl.docx"
# The styles the documents use; a template must define each (not only as a latent style).
REQUIRED_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Table Grid")


class TemplateError(Exception):
    """The template or logo is missing or unusable; the message names the file and why."""


@dataclass(frozen=True)
class HouseStyle:
    template: bytes
    logo: bytes | None = None
    path: Path = DEFAULT_TEMPLATE

    def new_document(self) -> DocxDocument:
        """An empty document in the house style (the template's body removed)."""
        document = Document(io.BytesIO(self.template))
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        return document


def load_house_style(template: Path | None = None, logo: Path | None = None) -> HouseStyle:
    """Reads and checks the template (the shipped one when None) and the optional logo."""
    path = template or DEFAULT_TEMPLATE
    data = _read(path, "template")
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateError(f"{path}: not a Word .docx file ({type(error).__name__})") from None
    defined = {style.name for style in document.styles}
    missing = [name for name in REQUIRED_STYLES if name not in defined]
    if missing:
        raise TemplateError(
            f"{path}: style {', '.join(repr(m) for m in missing)} missing "
            "(use it once in Word and save, or start from documents/templates/huisstijl.docx)"
        )
    logo_data = None
    if logo is not None:
        logo_data = _read(logo, "logo")
        try:
            Image.from_blob(logo_data)
        except UnrecognizedImageError:
            raise TemplateError(f"{logo}: logo is not a PNG, JPEG, GIF or BMP image") from None
    return HouseStyle(data, logo_data, path)


def house_style_for(settings: DocumentSettings) -> HouseStyle:
    """The house style the RET file names (paths already resolved by the loader)."""
    template = Path(settings.template) if settings.template else None
    return load_house_style(template, Path(settings.logo) if settings.logo else None)


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TemplateError(f"{path}: {what} file not found") from None
    except OSError as error:
        raise TemplateError(f"{path}: {what} cannot be read ({error.strerror})") from None
