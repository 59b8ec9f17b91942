"""The house-style template: the shipped one works, a replaced one is used, and a broken or
missing one (or logo) is one clear line naming the file and the problem."""

import io
import struct
import zlib
from string import Formatter

import pytest
from docx import Document
from docx.shared import Pt

from bot.ret_file import load_ret_config
from documents.house_style import (
    DEFAULT_TEMPLATE,
    TemplateError,
    house_style_for,
    load_house_style,
)
from documents.labels import LABELS
from tests.support import EXAMPLE_RET


def png(width: int = 40, height: int = 20) -> bytes:
    """A plain blue PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\x1f\x3a\x5f" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG = png()


def test_the_shipped_template_gives_an_empty_document_in_its_style():
    document = load_house_style().new_document()
    assert document.paragraphs == [] and document.tables == []
    assert document.styles["Title"].font.name == "Calibri"


def test_a_missing_template_names_the_file(tmp_path):
    with pytest.raises(TemplateError, match=r"nergens\.docx: template file not found"):
        load_house_style(tmp_path / "nergens.docx")


def test_a_file_that_is_not_docx_is_refused(tmp_path):
    broken = tmp_path / "huisstijl.docx"
    broken.write_text("geen Word-bestand")
    with pytest.raises(TemplateError, match=r"huisstijl\.docx: not a Word \.docx file"):
        load_house_style(broken)


def test_a_template_without_a_needed_style_says_which(tmp_path):
    document = Document(str(DEFAULT_TEMPLATE))
    document.styles["Subtitle"].delete()
    path = tmp_path / "eigen.docx"
    document.save(path)
    with pytest.raises(TemplateError, match=r"eigen\.docx: style 'Subtitle' missing"):
        load_house_style(path)


def test_a_logo_that_is_no_image_is_refused(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_text("tekst")
    with pytest.raises(TemplateError, match=r"logo\.png: logo is not a PNG"):
        load_house_style(None, logo)


def test_the_ret_file_names_template_and_logo_relative_to_itself(tmp_path):
    document = Document(str(DEFAULT_TEMPLATE))
    document.styles["Normal"].font.size = Pt(13)
    document.save(tmp_path / "twente.docx")
    (tmp_path / "logo.png").write_bytes(PNG)
    ret_file = tmp_path / "ret.yaml"
    ret_file.write_text(
        EXAMPLE_RET.read_text(encoding="utf-8")
        + "\ndocuments:\n  template: twente.docx\n  logo: logo.png\n",
        encoding="utf-8",
    )

    style = house_style_for(load_ret_config(ret_file).documents)

    assert style.logo == PNG
    made = Document(io.BytesIO(style.template))
    assert made.styles["Normal"].font.size == Pt(13)


def test_document_labels_have_dutch_and_english_with_the_same_placeholders():
    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(template) if name}

    for key, languages in LABELS.items():
        assert set(languages) == {"nl", "en"}, key
        assert fields(languages["nl"]) == fields(languages["en"]), key
