"""The byte signatures formats are told apart by (`detect.detect_format`),
as plain data with no import: the CLI checks whether an input is a PDF
before the models are loaded, to start its page workers early (they read the
pages while the rest of the pipeline is imported)."""

from __future__ import annotations

__all__ = ["OLE", "PDF", "RTF", "ZIP", "looks_like_pdf"]

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .doc/.wps/.xls
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
PDF = b"%PDF-"
RTF = b"{\\rtf"

HEAD = 1024
"""How much of a file's start the signatures are looked for in."""


def looks_like_pdf(data: bytes) -> bool:
    """Whether `detect_format` calls `data` a PDF: the PDF header within the
    first kilobyte, unless the file starts as a Compound File or a zip (those
    are looked at first: a .docx may quote a PDF)."""
    head = data[:HEAD]
    return PDF in head and not head.startswith((OLE, *ZIP))
