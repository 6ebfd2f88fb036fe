"""Characters that draw nothing: stripped from canonical forms only.

Zero-width joiners and spaces, bidi controls, variation selectors, soft
hyphens and C0/C1 controls such as NUL survive copying from web pages and
damaged files.  Left in a department's canonical name they make 区科技局 and
区科\u200d技局 two departments (and a false alias finding); the written form
keeps them, so nothing read is lost.
"""

from __future__ import annotations

from .._support.lazy_regex import lazy_compile

# Cf: format characters (U+200B-U+200F, U+202A-U+202E, U+2060-U+2069, U+FEFF,
# U+00AD ...); Cc: controls (NUL, DEL, C1); the two variation-selector blocks.
_INVISIBLE = lazy_compile(r"[\p{Cf}\p{Cc}\uFE00-\uFE0F\U000E0100-\U000E01EF]+")


def strip_invisible(text: str) -> str:
    """`text` without characters that have no visible form."""
    return _INVISIBLE.sub("", text)
