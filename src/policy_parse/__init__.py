"""policy_parse: Chinese implementation notices (分工方案) → structured, checked records.

>>> import policy_parse
>>> notice = policy_parse.parse("samples/notice.txt")
>>> len(notice.measures), notice.discrepancies[0].kind
"""

from __future__ import annotations

import attrs

from .emit import SCHEMA_ID, to_dict, to_json, to_text
from .errors import (
    CorruptFileError,
    DecodingError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputNotFoundError,
    InputTooLargeError,
    LegacyFormatError,
    NoTextLayerError,
    PolicyParseError,
    UnsupportedFormatError,
)
from .models import (
    Deadline,
    Discrepancy,
    Document,
    Header,
    Kind,
    Measure,
    MeasureNo,
    Notice,
    Part,
    Residue,
    Section,
    Severity,
    Source,
    Span,
    TableEntry,
    Unit,
    UnitStatus,
)
from .normalize.assemble import segmented_to_notice
from .normalize.script import document_text, is_traditional, restore_written, simplify_document
from .read import Limits, SourceLike, read_document, read_text_document
from .reconcile import reconcile
from .segment import segment

__all__ = [
    "SCHEMA_ID",
    "CorruptFileError",
    "Deadline",
    "DecodingError",
    "Discrepancy",
    "Document",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Header",
    "InputNotFoundError",
    "InputTooLargeError",
    "Kind",
    "LegacyFormatError",
    "Limits",
    "Measure",
    "MeasureNo",
    "NoTextLayerError",
    "Notice",
    "Part",
    "PolicyParseError",
    "Residue",
    "Section",
    "Severity",
    "Source",
    "Span",
    "TableEntry",
    "Unit",
    "UnitStatus",
    "UnsupportedFormatError",
    "parse",
    "parse_text",
    "read_document",
    "reconcile",
    "segment",
    "to_dict",
    "to_json",
    "to_text",
]


def parse(
    source: SourceLike,
    *,
    limits: Limits | None = None,
    password: str | None = None,
    pdf_engine: str = "pdfium",
) -> Notice:
    """Read, segment, normalise and reconcile one notice.

    `source` is a path, the file's bytes, or its decoded text (a `str` holding
    a line break).  `pdf_engine` picks who draws a PDF's pages: "pdfium"
    (fast) or "pdfplumber" (the reference).  The returned notice carries its
    discrepancies.
    """
    return notice_from_document(
        read_document(source, limits=limits, password=password, pdf_engine=pdf_engine)
    )


def parse_text(text: str, *, path: str | None = None) -> Notice:
    """Parse a notice given as its decoded text.  Never touches the filesystem,
    whatever the text looks like: use this for untrusted strings."""
    return notice_from_document(read_text_document(text, path=path))


def notice_from_document(document: Document) -> Notice:
    """Segment, normalise and reconcile a `Document` a reader produced."""
    if is_traditional(document_text(document)):
        simplified = simplify_document(document)
        notice = segmented_to_notice(segment(simplified), document.source)
        notice = restore_written(notice, document, simplified)
    else:
        notice = segmented_to_notice(segment(document), document.source)
    return attrs.evolve(notice, discrepancies=reconcile(notice))
