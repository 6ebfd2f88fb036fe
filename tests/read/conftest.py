"""Fixtures for reader tests: small Word files built on the fly with python-docx."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from policy_parse.models import Document, Format, Source
from policy_parse.read.limits import Limits

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# Namespaces a fixture's body XML may use (text boxes need the drawing ones).
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
_DECLS = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())

BuildDocx = Callable[..., bytes]
ReadDocx = Callable[[bytes], Document]


def _build_docx(body: str, *, numbering: str | None = None, styles: str = "") -> bytes:
    """A .docx whose body is `body` (WordprocessingML, "w:" prefixes, no
    namespace declarations needed), with `numbering` as the content of
    numbering.xml and `styles` appended to styles.xml."""
    d = docx.Document()
    root = d.element.body
    sect = root.sectPr
    for child in list(root):
        if child is not sect:
            root.remove(child)
    wrapper = parse_xml(f"<w:body {_DECLS}>{body}</w:body>")
    for child in list(wrapper):
        sect.addprevious(child)
    if numbering is not None:
        part = d.part.part_related_by(RT.NUMBERING)
        part._element = parse_xml(f"<w:numbering {_DECLS}>{numbering}</w:numbering>")
    if styles:
        for child in parse_xml(f"<w:styles {_DECLS}>{styles}</w:styles>"):
            d.styles.element.append(child)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _read_docx(data: bytes) -> Document:
    from policy_parse.read.docx.reader import read_docx

    source = Source(path=None, format=Format.DOCX, sha256=hashlib.sha256(data).hexdigest())
    return read_docx(data, source, Limits())


@pytest.fixture
def build_docx() -> BuildDocx:
    return _build_docx


@pytest.fixture
def read_docx() -> ReadDocx:
    return _read_docx


@pytest.fixture
def samples() -> Path:
    return SAMPLES
