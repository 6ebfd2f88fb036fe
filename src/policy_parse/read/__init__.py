"""Readers: turn a path, a file's bytes or decoded text into a `Document` of blocks.

This is the only package that touches files and third-party parsers; it
translates their exceptions into `PolicyParseError`s at this boundary.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING

from .._support.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from .detect import detect_format
    from .dispatch import read_document, read_started_pdf, read_text_document
    from .limits import Limits

__all__ = [
    "Limits",
    "SourceLike",
    "detect_format",
    "read_document",
    "read_started_pdf",
    "read_text_document",
]

SourceLike = str | bytes | PathLike[str]
"""A path (a `str` or path-like, whatever it holds) or a file's raw bytes.
Decoded text is no source: it goes to `read_text_document` / `parse_text`."""

# Loaded on first use (PEP 562): importing a module of this package runs
# this file first, and a PDF's page workers (`read.pdf.pages`, forked by the CLI
# before attrs and the models are imported) must not pay for the readers'
# entry and its models.
_LAZY = {
    "Limits": ".limits",
    "detect_format": ".detect",
    "read_document": ".dispatch",
    "read_started_pdf": ".dispatch",
    "read_text_document": ".dispatch",
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
