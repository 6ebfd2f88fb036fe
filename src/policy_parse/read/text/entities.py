"""HTML character references in a text copy, read as the characters they
stand for.

A notice taken from a database field, a CMS's source view or a crawl keeps
the page's references as text: `&nbsp;&nbsp;1.推进…`, `&ldquo;放管服&rdquo;`,
`&#12289;`.  A reader of the page saw the characters; left as they are,
`&nbsp;` before a line hides its outline marker and every measure is lost
(the corpus so copied: every file refused as no notice).

Where the text holds at least three references (named, or numeric), they are
decoded by the standard library's `html.unescape` (every HTML5 name, the
numeric forms, the legacy names without `;` as a browser reads them), with
an `entities_decoded` info finding giving their number.  Fewer stay text: a
notice may write `R&D` or one `&` of its own.
"""

from __future__ import annotations

from ..._support.lazy_regex import lazy_compile

__all__ = ["decoded"]

_REFERENCE = lazy_compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MIN_REFERENCES = 3


def decoded(text: str) -> tuple[str, int] | None:
    """`text` with its HTML character references decoded and their number,
    or None where it holds fewer than three."""
    if "&" not in text:
        return None
    count = len(_REFERENCE.findall(text))
    if count < _MIN_REFERENCES:
        return None
    import html  # its table of 2,000 names: only for a text that needs it (a few ms)

    return html.unescape(text), count
