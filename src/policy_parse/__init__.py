"""policy_parse: Chinese implementation notices (分工方案) → structured, checked records.

>>> import policy_parse
>>> notice = policy_parse.parse("samples/notice.txt")
>>> len(notice.measures), notice.discrepancies[0].kind
(78, <Kind.ALIAS: 'alias'>)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._support.lazy_names import lazy_getattr
from .errors import (
    AliasFileError,
    CorruptFileError,
    DecodingError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputNotFoundError,
    InputTooLargeError,
    LegacyFormatError,
    NoParentItemsError,
    NotANoticeError,
    NoTextLayerError,
    PolicyParseError,
    UnsupportedFormatError,
)

__all__ = [
    "SCHEMA_ID",
    "AliasFileError",
    "CorruptFileError",
    "Cover",
    "Deadline",
    "DecodingError",
    "Discrepancy",
    "Document",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Evidence",
    "Header",
    "InputNotFoundError",
    "InputTooLargeError",
    "Kind",
    "LegacyFormatError",
    "Limits",
    "Measure",
    "MeasureNo",
    "NoParentItemsError",
    "NoTextLayerError",
    "NotANoticeError",
    "Notice",
    "NoticeDiff",
    "Part",
    "PolicyParseError",
    "Registry",
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
    "cover",
    "diff",
    "load_aliases",
    "name_registry",
    "notice_from_document",
    "parse",
    "parse_many",
    "parse_text",
    "read_document",
    "read_text_document",
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
    from .compare.cover import Cover
    from .compare.diff import NoticeDiff
    from .compare.registry import Registry
    from .emit.html import to_html
    from .emit.json import SCHEMA_ID, to_dict, to_json
    from .emit.tabular import to_csv, to_xlsx
    from .emit.text import to_text
    from .messages import Lang
    from .models import (
        Deadline,
        Discrepancy,
        Document,
        Evidence,
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
    from .pipeline import notice_from_document
    from .read import SourceLike, read_document, read_text_document
    from .read.limits import Limits
    from .reconcile import reconcile
    from .segment import segment

    __version__: str

# Names load on first access (PEP 562), so `import policy_parse` costs the
# errors only: the models and `Limits` (attrs and its class building) with
# the first name that needs them — the CLI forks a PDF's page workers before
# that, so they read while the rest is imported — the stages with the first
# parse (a PDF's while its page workers run, warmup.py), batch with
# multiprocessing, emit.html/emit.tabular with their own tables, and
# __version__ with importlib.metadata and the email package.
_MODELS = (
    "Deadline",
    "Discrepancy",
    "Document",
    "Evidence",
    "Header",
    "Kind",
    "Measure",
    "MeasureNo",
    "Notice",
    "Part",
    "Residue",
    "Section",
    "Severity",
    "Source",
    "Span",
    "TableEntry",
    "Unit",
    "UnitStatus",
)
_LAZY = {
    **dict.fromkeys(_MODELS, ".models"),
    "Limits": ".read.limits",
    "SCHEMA_ID": ".emit.json",
    "to_dict": ".emit.json",
    "to_json": ".emit.json",
    "to_text": ".emit.text",
    "read_document": ".read",
    "read_text_document": ".read",
    "notice_from_document": ".pipeline",
    "reconcile": ".reconcile",
    "segment": ".segment",
    "load_aliases": ".aliases",
    "parse_many": ".batch",
    "NoticeDiff": ".compare.diff",
    "to_html": ".emit.html",
    "to_csv": ".emit.tabular",
    "to_xlsx": ".emit.tabular",
    "Cover": ".compare.cover",
    "Registry": ".compare.registry",
}


_load = lazy_getattr(__name__, _LAZY, globals())


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib import metadata

        try:
            version = metadata.version("policy_parse")
        except metadata.PackageNotFoundError:  # pragma: no cover - a source tree not installed
            version = "0+unknown"
        globals()["__version__"] = version
        return version
    if name == "audit":  # the module, as `policy_parse.audit` (README "Nothing lost")
        import importlib

        return importlib.import_module(".audit", __name__)
    return _load(name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def to_frames(notice: Notice, *, lang: Lang = "zh") -> dict[str, pandas.DataFrame]:
    """pandas DataFrames of the measures, table rows, discrepancies and
    residue (needs the `[pandas]` extra)."""
    from .emit.frames import to_frames as _to_frames

    return _to_frames(notice, lang=lang)


def parse(
    source: SourceLike,
    *,
    limits: Limits | None = None,
    password: str | None = None,
    aliases: Mapping[str, str] | None = None,
    pdf_engine: str = "pdfium",
    ocr: bool | None = None,
) -> Notice:
    """Read, segment, normalise and reconcile one notice.

    `source` is a path (a `str` or path-like is always a path, even one
    holding a line break) or the file's bytes; give decoded text to
    `parse_text`.  The returned notice carries its discrepancies.  `aliases`
    maps abbreviations to the user's canonical department names
    (`aliases.load_aliases` reads them from TOML); the notice's own names win.
    `pdf_engine` picks who draws a PDF's pages: "pdfium" (fast, the default)
    or "pdfplumber" (the reference engine).  `limits.document_seconds`
    bounds the whole parse (`DocumentTimeoutError`; _support/deadline.py).
    A PDF or OFD page with no text layer is read from its image by OCR when
    the `[ocr]` extra is installed (`ocr=None`, the default); `ocr=True`
    reads every PDF page that way (`source.ocr` says so either way);
    `ocr=False` never runs OCR: an image-only page is `NoTextLayerError`.
    """
    from .read import read_document
    from .warmup import import_text_stages

    try:
        with _clock(limits):
            document = read_document(
                source,
                limits=limits,
                password=password,
                pdf_engine="ocr" if ocr else pdf_engine,
                while_waiting=import_text_stages,
                allow_ocr=ocr is not False,
            )
            from .pipeline import notice_from_document

            return notice_from_document(document, aliases=aliases)
    except PolicyParseError as exc:
        if exc.path is None:
            exc.path = _path_of(source)
        raise


def _clock(limits: Limits | None) -> contextlib.AbstractContextManager[None]:
    """`limits.document_seconds` over one parse, or nothing."""
    seconds = limits.document_seconds if limits is not None else None
    if seconds is None:
        return contextlib.nullcontext()
    from ._support.deadline import deadline
    from .errors import DocumentTimeoutError

    return deadline(
        seconds,
        lambda: DocumentTimeoutError(
            f"took longer than {seconds:g} s (Limits.document_seconds, --timeout)"
        ),
    )


def _path_of(source: object) -> str | None:
    """The file a source names: a path, or a str that is no notice's text."""
    import os

    if isinstance(source, os.PathLike):
        return os.fspath(source)  # type: ignore[no-any-return]
    if isinstance(source, str) and "\n" not in source and "\r" not in source:
        return source
    return None


def diff(
    old: Notice | SourceLike,
    new: Notice | SourceLike,
    *,
    aliases: Mapping[str, str] | None = None,
    **options: Any,
) -> NoticeDiff:
    """What changed from `old` to `new`, two versions of a notice: parsed
    notices, or sources `parse` reads (with `options`: password, limits,
    pdf_engine).  Measures are matched by content, not number; see
    docs/diff.md.  `aliases` map abbreviations to canonical names, for
    the units of both."""
    from .compare.diff import diff as compare
    from .models import Notice

    a = old if isinstance(old, Notice) else parse(old, aliases=aliases, **options)
    b = new if isinstance(new, Notice) else parse(new, aliases=aliases, **options)
    return compare(a, b, aliases=aliases)


def parse_text(
    text: str,
    *,
    path: str | None = None,
    aliases: Mapping[str, str] | None = None,
    limits: Limits | None = None,
) -> Notice:
    """Parse a notice given as its decoded text.  Never touches the filesystem,
    whatever the text looks like: use this for untrusted strings.  The text
    obeys `limits.max_input_bytes` (its UTF-8 bytes) as a file would."""
    from .pipeline import notice_from_document
    from .read import read_text_document

    with _clock(limits):
        document = read_text_document(text, path=path, limits=limits)
        return notice_from_document(document, aliases=aliases)


def cover(
    parent: SourceLike | Notice,
    notice: SourceLike | Notice,
    *,
    aliases: Mapping[str, str] | None = None,
    password: str | None = None,
) -> Cover:
    """Which items of `parent` (a policy's numbered items) each measure of
    `notice` implements, and which items none does (compare/cover.py).
    Either may be a path, bytes, or a notice parsed already.  Raises
    NoParentItemsError when the parent yields no numbered item."""
    from .compare.cover import cover as _cover
    from .models import Notice

    def parsed(source: SourceLike | Notice, names: Mapping[str, str] | None) -> Notice:
        if isinstance(source, Notice):
            return source
        return parse(source, password=password, aliases=names)

    return _cover(parsed(parent, None), parsed(notice, aliases))


def name_registry(
    notices: Iterable[Notice | tuple[str, Notice]], *, aliases: Mapping[str, str] | None = None
) -> Registry:
    """One canonical name per department across a batch of parsed notices
    (or (file, notice) pairs): every merge with its evidence, every merge the
    evidence does not support refused (compare/registry.py)."""
    from .compare.registry import name_registry as _registry

    return _registry(notices, aliases=aliases)
