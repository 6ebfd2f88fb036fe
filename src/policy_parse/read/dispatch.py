"""Read a notice from a path or bytes (or text: `read_text_document`): load it within the limits, tell
its format by content, hand it to that format's reader (`policy_parse.read`
re-exports what is public here).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from .._support.lazy_regex import lazy_compile
from .._support.paths import path_text
from ..errors import DecodingError, InputNotFoundError, InputTooLargeError
from ..models import Document, Format, ReadNote, Source
from .detect import detect_format
from .limits import Limits

if TYPE_CHECKING:
    from . import SourceLike
    from .pdf.pages import StartedPages

__all__ = ["read_document", "read_started_pdf", "read_text_document"]


def _load(source: SourceLike, limits: Limits) -> tuple[bytes, str | None]:
    """The bytes of `source` and its path (None for bytes).  A `str` or a
    path-like is always a path, whatever it holds: a file may be named
    after a notice's first lines, or sit under a very long path.  Text
    goes through `read_text_document`, never through a guess."""
    if isinstance(source, bytes):
        return source, None
    # As str(Path(source)) names it (_support/paths.py): pathlib's import is
    # not part of a text notice's start-up.
    path = path_text(os.fspath(source))
    try:
        size = os.stat(path).st_size
    except FileNotFoundError as exc:
        raise InputNotFoundError(f"{_shown(path)}: no such file{_text_hint(path)}") from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise InputNotFoundError(
            f"{_shown(path)}: cannot read ({reason}){_text_hint(path)}"
        ) from exc
    if not os.path.isfile(path):
        raise InputNotFoundError(f"{path}: not a regular file")
    if size > limits.max_input_bytes:
        raise InputTooLargeError(
            f"{path}: {size} bytes is over the {limits.max_input_bytes}-byte input limit; "
            "raise Limits.max_input_bytes if the file is genuine"
        )
    try:
        with open(path, "rb") as f:
            return f.read(), path
    except OSError as exc:
        raise InputNotFoundError(f"{path}: cannot read ({exc.strerror})") from exc


def _shown(path: object) -> str:
    """A path for a message: in full unless it is longer than any real one."""
    text = str(path)
    return text if len(text) <= 4096 else f"{text[:200]}… ({len(text)} characters)"


def _text_hint(path: object) -> str:
    text = str(path)
    if "\n" in text or len(text) > 4096:
        return "; a str is always a path: give a notice's text to parse_text / read_text_document"
    return ""


_SURROGATE = lazy_compile(r"[\ud800-\udfff]")


def _text_bytes(text: str) -> bytes:
    """UTF-8 of text a caller passed; a lone surrogate (what a lax decoder or
    `surrogateescape` leaves behind) is no character and cannot be output."""
    if m := _SURROGATE.search(text):
        line = text.count("\n", 0, m.start()) + 1
        raise DecodingError(
            f"text holds a lone surrogate U+{ord(m[0]):04X} at character {m.start()}, "
            f"line {line}: not valid Unicode (decoded with errors='surrogateescape'?)"
        )
    return text.encode("utf-8")


def _memory_is_input_too_large(read: Callable[[], Document], size: int) -> Document:
    """Run a reader; running out of memory on one input is that input's fault."""
    try:
        return read()
    except MemoryError as exc:
        raise InputTooLargeError(
            f"ran out of memory reading an input of {size} bytes; lower the limits "
            "(policy_parse.Limits) or give the process more memory if the file is genuine"
        ) from exc


def read_text_document(
    text: str, *, path: str | None = None, limits: Limits | None = None
) -> Document:
    """A `Document` from already-decoded text; no file is ever opened.  Its
    UTF-8 bytes obey `Limits.max_input_bytes` as a file's would."""
    from .text import reader as txt

    limits = limits or Limits()
    if len(text) > limits.max_input_bytes:  # at least a byte a character: before encoding it
        raise _text_too_large(len(text), "characters", limits)
    raw = _text_bytes(text)
    if len(raw) > limits.max_input_bytes:
        raise _text_too_large(len(raw), "bytes of UTF-8", limits)
    src = Source(path=path, format=Format.TXT, sha256=_sha256(raw))
    return _memory_is_input_too_large(lambda: txt.read_text(text, src), len(raw))


def _text_too_large(size: int, unit: str, limits: Limits) -> InputTooLargeError:
    return InputTooLargeError(
        f"text of {size} {unit} is over the {limits.max_input_bytes}-byte input limit; "
        "raise Limits.max_input_bytes if the notice is genuine"
    )


def read_document(
    source: SourceLike,
    *,
    limits: Limits | None = None,
    password: str | None = None,
    pdf_engine: str = "pdfium",
    while_waiting: Callable[[], None] | None = None,
    allow_ocr: bool = True,
) -> Document:
    """Read a notice from a path (a `str` or path-like, always a path, even
    one holding a line break) or a file's raw bytes; already-decoded text
    goes to `read_text_document`.  `pdf_engine` ("pdfium", "pdfplumber", or "ocr": every page
    read from its image, read.ocr) matters for PDFs only, and so
    does `while_waiting`: run in this process while workers read the pages
    (the pipeline readies its text stages then, warmup.py).  `allow_ocr=False`
    reads no page by OCR, even with the `[ocr]` extra installed (PDF, OFD)."""
    limits = limits or Limits()
    if pdf_engine not in ("pdfium", "pdfplumber", "ocr"):
        raise ValueError(f"unknown PDF engine {pdf_engine!r}: choose pdfium, pdfplumber or ocr")
    data, path = _load(source, limits)
    return _memory_is_input_too_large(
        lambda: _read_bytes(data, path, limits, password, pdf_engine, while_waiting, allow_ocr),
        len(data),
    )


def _sha256(data: bytes) -> str:
    """The input's SHA-256.  A small input's from the interpreter's own C
    module: hashlib loads OpenSSL (~3 ms, a tenth of `import policy_parse`)
    and is faster only past a megabyte or so."""
    if len(data) < 1 << 20:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found]
        except ImportError:  # pragma: no cover - Python 3.12 renamed it (_sha2)
            from hashlib import sha256
        return str(sha256(data).hexdigest())
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _read_pdf(
    data: bytes | None,
    path: str | None,
    limits: Limits,
    password: str | None,
    pdf_engine: str,
    while_waiting: Callable[[], None] | None,
    started: StartedPages | None = None,
    allow_ocr: bool = True,
) -> Document:
    """The PDF reader, the file's hash taken while its workers read the pages
    (the hash is of no use to them, and the workers start sooner).  `data`
    None: the bytes are `started`'s, read through it and not held here, so
    that once hashed they are let go of (`StartedPages.let_go`)."""
    from .pdf import reader as pdf

    def held() -> bytes:
        if data is not None:
            return data
        assert started is not None
        return started.data

    digest: list[str] = []

    def meanwhile() -> None:
        digest.append(_sha256(held()))
        if started is not None:
            started.let_go()
        if while_waiting is not None:
            while_waiting()

    document = pdf.read_pdf(
        b"" if data is None else data,
        Source(path=path, format=Format.PDF, sha256=""),
        limits,
        password=password,
        engine="pdfplumber"
        if pdf_engine == "pdfplumber"
        else "ocr"
        if pdf_engine == "ocr"
        else "pdfium",
        while_waiting=meanwhile,
        started=started,
        allow_ocr=allow_ocr,
    )
    # Workers run one after another (other threads alive): no wait was filled.
    sha256 = digest[0] if digest else _sha256(held())
    return attrs.evolve(document, source=attrs.evolve(document.source, sha256=sha256))


def read_started_pdf(
    started: StartedPages,
    *,
    limits: Limits | None = None,
    while_waiting: Callable[[], None] | None = None,
) -> Document:
    """The `Document` of a PDF whose page workers were started already
    (`read.pdf.pages.start_pages`: the CLI starts them before it imports the
    rest of the pipeline), as `read_document(path)` would read it.  The
    workers were started with `limits`' PDF budget (the defaults if None).
    `started` lets go of the file's bytes once they are hashed."""
    limits = limits or Limits()
    size = len(started.data)
    return _memory_is_input_too_large(
        lambda: _read_pdf(
            None,
            started.what,
            limits,
            started.password,
            started.engine,
            while_waiting,
            started,
            started.allow_ocr,
        ),
        size,
    )


def _read_bytes(
    data: bytes,
    path: str | None,
    limits: Limits,
    password: str | None,
    pdf_engine: str,
    while_waiting: Callable[[], None] | None = None,
    allow_ocr: bool = True,
) -> Document:
    if len(data) > limits.max_input_bytes:
        raise InputTooLargeError(
            f"input of {len(data)} bytes is over the {limits.max_input_bytes}-byte limit"
        )
    fmt = detect_format(data, path)
    if fmt is Format.PDF:
        return _read_pdf(
            data, path, limits, password, pdf_engine, while_waiting, allow_ocr=allow_ocr
        )
    src = Source(path=path, format=fmt, sha256=_sha256(data))
    if fmt is Format.DOCX:
        from .docx import reader as docx

        return docx.read_docx(data, src, limits)
    if fmt is Format.HTML:
        from . import html

        return html.read_html(data, src, limits)
    if fmt is Format.OFD:
        from . import ofd

        return ofd.read_ofd(data, src, limits, allow_ocr=allow_ocr)
    if fmt is Format.RTF:
        from . import rtf

        if not rtf.wants_libreoffice():
            return rtf.read_rtf(data, src, limits)
    if fmt is Format.DOC:
        from . import doc

        if not doc.wants_libreoffice():
            try:
                return doc.read_doc(data, src, limits)
            except doc.NotNativeError as why:
                return _by_libreoffice(data, src, limits, str(why))
    if fmt is Format.XLS:
        from . import xls

        if xls.available():
            return xls.read_xls(data, src, limits)
    if fmt in (Format.DOC, Format.RTF, Format.XLS):
        from . import legacy

        return legacy.read_legacy(data, src, limits)
    if fmt is Format.XLSX:
        from . import xlsx

        return xlsx.read_xlsx(data, src, limits)
    from .text import reader as txt

    return txt.read_text(txt.decode(data), src)


def _by_libreoffice(data: bytes, src: Source, limits: Limits, why: str) -> Document:
    """A .doc/.wps the native reader leaves to LibreOffice (`doc.NotNativeError`),
    read so, and the output says which way and why (a note: the two ways
    may differ in what they keep)."""
    from . import legacy

    document = legacy.read_legacy(data, src, limits)
    note = ReadNote(note="doc_by_libreoffice", fields=(("reason", why),))
    return attrs.evolve(document, notes=(*document.notes, note))
