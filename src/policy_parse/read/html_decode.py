"""A web page's bytes → its text: by BOM, then the charset its meta tag
declares (GB2312 and GBK read as GB18030, their superset), then the text
reader's cascade; a page saved as one MIME file (.mht) unwrapped first.

Kept apart from `read.html`, which walks the decoded page.
"""

from __future__ import annotations

import codecs
import email
import email.policy

import regex

from ..errors import CorruptFileError
from .text.reader import decode as decode_text

__all__ = ["decode_html"]

_CHARSET = regex.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",  # either meta form
    regex.IGNORECASE,
)
_GB = frozenset(("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030"))


def _unwrap_mhtml(raw: bytes) -> bytes:
    """The HTML part of a page saved as one MIME file (.mht), with its
    charset declared in front so that `decode_html` finds it; other input
    unchanged."""
    if not regex.match(rb"\A[\w-]+:", raw[:64]):
        return raw
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    if not message.is_multipart():
        return raw
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset and not _CHARSET.search(payload[:4096]):
                    payload = f'<meta charset="{charset}">'.encode("ascii", "replace") + payload
                return payload
    raise CorruptFileError("a page saved as one file (MHTML) with no HTML part")


def decode_html(raw: bytes) -> str:
    """The page's text, by BOM, then declared charset, then the text cascade."""
    raw = _unwrap_mhtml(raw)
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec, "replace")
    match = _CHARSET.search(raw[:4096])
    if match:
        name = match.group(1).decode("ascii").lower()
        codec = "gb18030" if name in _GB else name
        try:
            codecs.lookup(codec)
            return raw.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong label: the cascade below decides
    return decode_text(raw)
