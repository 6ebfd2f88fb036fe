"""The text of a w:altChunk: a part that Word shows in place of the
element (HTML or MHT, plain text, or a whole .docx).  The Word reader keeps
it as residue, not outline (docs/formats.md, "Embedded chunks").  A .docx
chunk is read by the Word reader itself, which passes `read_docx` in, so
this module does not import the reader back.
"""

from __future__ import annotations

from typing import Protocol

from lxml import etree

from ...errors import EmptyDocumentError, PolicyParseError
from ...models import Document, Format, Source
from ..limits import Limits

__all__ = ["ReadDocx", "chunk_text"]


class ReadDocx(Protocol):
    """`docx.reader.read_docx`, which reads a .docx chunk."""

    def __call__(
        self, data: bytes, source: Source, limits: Limits, *, depth: int = ...
    ) -> Document: ...


_HTML_BLOCKS = frozenset(
    ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section")
)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "message/rfc822", "multipart/related")


def chunk_text(
    content_type: str, blob: bytes, limits: Limits, depth: int, read_docx: ReadDocx
) -> tuple[str, str]:
    """The kind and visible text of a w:altChunk target part."""
    if content_type.endswith("wordprocessingml.document"):  # a whole .docx file
        return "Word", _docx_chunk_text(blob, limits, depth + 1, read_docx)
    if content_type.startswith("text/plain"):
        from ..text.reader import decode

        return "text", decode(blob)
    if any(content_type.startswith(t) for t in _HTML_TYPES):
        return "HTML", _html_text(blob)
    return f"{content_type!r}", ""


def _docx_chunk_text(blob: bytes, limits: Limits, depth: int, read_docx: ReadDocx) -> str:
    """A whole .docx inside the package (Word's "insert object from file")."""
    try:
        inner = read_docx(
            blob, Source(path=None, format=Format.DOCX, sha256=""), limits, depth=depth
        )
    except EmptyDocumentError:
        return ""
    return "\n".join(inner.texts())


def _html_text(blob: bytes) -> str:
    """Text of an HTML chunk, also when wrapped in MIME (.mht), never fetching
    anything it links to."""
    import email
    from email.message import Message

    if blob.lstrip()[:5].lower() not in (b"<html", b"<!doc", b"<?xml", b"<body", b"<head"):
        msg = email.message_from_bytes(blob)
        for sub in msg.walk() if msg.is_multipart() else [msg]:
            assert isinstance(sub, Message)
            if sub.get_content_type() == "text/html":
                payload = sub.get_payload(decode=True)
                if isinstance(payload, bytes):
                    blob = payload
                    break
    from ..text.reader import decode

    try:
        markup = decode(blob)  # UTF-8 or GB18030, as text files
    except PolicyParseError:
        markup = blob.decode("utf-8", "replace")  # residue only: U+FFFD shows the damage
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(markup, parser)
    except (etree.LxmlError, ValueError):
        root = None
    if root is None:
        return markup
    for el in root.iter():
        if el.tag in ("script", "style"):
            el.text = None
        elif el.tag in _HTML_BLOCKS:  # a block ends a line, as a browser shows it
            el.tail = "\n" + (el.tail or "")
        elif el.tag in ("td", "th"):
            el.tail = "\t" + (el.tail or "")
    text = str(etree.tostring(root, method="text", encoding="unicode"))
    lines = (line.strip().strip("\t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
