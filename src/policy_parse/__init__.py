"""policy_parse: Chinese implementation notices (分工方案) → structured, checked records.

>>> import policy_parse
>>> notice = policy_parse.parse("samples/notice.txt")
>>> len(notice.measures), notice.discrepancies[0].kind
(78, <Kind.ALIAS: 'alias'>)
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .emit import SCHEMA_ID, to_dict, to_json, to_text
from .errors import (
    AliasFileError,
    CorruptFileError,
    DecodingError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputNotFoundError,
    InputTooLargeError,
    LegacyFormatError,
    NotANoticeError,
    NoTextLayerError,
    PolicyParseError,
    UnsupportedFormatError,
)
from .messages import Lang
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
from .normalize.structure import structure_findings
from .read import Limits, SourceLike, read_document, read_text_document
from .reconcile import reconcile
from .segment import segment

__all__ = [
    "SCHEMA_ID",
    "AliasFileError",
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
    "NotANoticeError",
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
    "__version__",
    "load_aliases",
    "parse",
    "parse_many",
    "parse_text",
    "read_document",
    "reconcile",
    "segment",
    "to_csv",
    "to_dict",
    "to_frames",
    "to_html",
    "to_json",
    "to_text",
    "to_xlsx",
]

if TYPE_CHECKING:
    import pandas

    from .aliases import load_aliases
    from .batch import parse_many
    from .emit_html import to_html
    from .emit_tabular import to_csv, to_xlsx

    __version__: str

# Rarely used names load on first access (PEP 562): batch pulls in
# multiprocessing, emit_html/emit_tabular their own tables, and
# importlib.metadata the email package, together most of `import policy_parse`.
_LAZY = {
    "load_aliases": ".aliases",
    "parse_many": ".batch",
    "to_html": ".emit_html",
    "to_csv": ".emit_tabular",
    "to_xlsx": ".emit_tabular",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib import metadata

        try:
            version = metadata.version("policy_parse")
        except metadata.PackageNotFoundError:  # pragma: no cover - a source tree not installed
            version = "0+unknown"
        globals()["__version__"] = version
        return version
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def to_frames(notice: Notice, *, lang: Lang = "zh") -> dict[str, pandas.DataFrame]:
    """pandas DataFrames of the measures, table rows, discrepancies and
    residue (needs the `[pandas]` extra)."""
    from .frames import to_frames as _to_frames

    return _to_frames(notice, lang=lang)


def parse(
    source: SourceLike,
    *,
    limits: Limits | None = None,
    password: str | None = None,
    aliases: Mapping[str, str] | None = None,
    pdf_engine: str = "pdfium",
) -> Notice:
    """Read, segment, normalise and reconcile one notice.

    `source` is a path, the file's bytes, or its decoded text (a `str` holding
    a line break).  The returned notice carries its discrepancies.  `aliases`
    maps abbreviations to the user's canonical department names
    (`aliases.load_aliases` reads them from TOML); the notice's own names win.
    `pdf_engine` picks who draws a PDF's pages: "pdfium" (fast, the default)
    or "pdfplumber" (the reference engine).
    """
    from .warmup import prepare_text_stages

    document = read_document(
        source,
        limits=limits,
        password=password,
        pdf_engine=pdf_engine,
        while_waiting=prepare_text_stages,
    )
    return notice_from_document(document, aliases=aliases)


def parse_text(
    text: str, *, path: str | None = None, aliases: Mapping[str, str] | None = None
) -> Notice:
    """Parse a notice given as its decoded text.  Never touches the filesystem,
    whatever the text looks like: use this for untrusted strings."""
    return notice_from_document(read_text_document(text, path=path), aliases=aliases)


def notice_from_document(document: Document, aliases: Mapping[str, str] | None = None) -> Notice:
    """Segment, normalise and reconcile a `Document` a reader produced."""
    if is_traditional(document_text(document)):
        simplified = simplify_document(document)
        seg = segment(simplified)
        notice = segmented_to_notice(seg, document.source, aliases)
        notice = restore_written(notice, document, simplified)
    else:
        seg = segment(document)
        notice = segmented_to_notice(seg, document.source, aliases)
    if not notice.measures and not notice.table:
        raise NotANoticeError(
            "no measure and no 分工表 row found: this does not read as an implementation notice"
        )
    # Where the structure was guessed, say so first (normalize/structure.py).
    found = [*structure_findings(notice, seg.outline.notes), *reconcile(notice)]
    if aliases:
        from .aliases import alias_conflicts

        found.extend(alias_conflicts(notice, aliases))
    return attrs.evolve(notice, discrepancies=tuple(found))
