"""A short digest for the caches' file names, without hashlib.

`import hashlib` loads OpenSSL (~3 ms); the caches only need a name that
changes with what it names, so they take blake2b from the C module hashlib
itself takes it from.
"""

from __future__ import annotations

__all__ = ["short_digest"]


def short_digest(text: str | bytes, *more: str) -> str:
    """blake2b of `text` then of each of `more` (UTF-8), 16 bytes as hex."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - an interpreter built without it
        from hashlib import blake2b

    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    h = blake2b(raw, digest_size=16)
    for part in more:
        h.update(part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()
