"""The column labels a 分工表 header is known by, for the page layout
(layout.borderless): the words of data/columns.toml, matched after NFKC and
whitespace removal.  The text reader's `column_role` (read/text/tables.py)
knows more (OpenCC for Traditional labels) but loads attrs and the models,
which the page workers must not."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

from ... import data

__all__ = ["is_header", "label_role", "norm"]


def norm(text: str) -> str:
    """`text` in NFKC without whitespace.  NFKC is taken of the characters'
    own NFKC forms joined, which is the text's own: a normal form is that
    of an equivalence class, and equivalent strings joined stay
    equivalent.  Each character's form is kept (`_NFKC`), and the joined
    forms nearly always pass `normalize`'s quick check, where a line of CJK
    text with full-width punctuation fails it and is decomposed and
    recomposed character by character: 40% less time, ~15M fewer
    instructions in the 23-page sample's worker (benchmarks/README.md,
    "Issue 26: the page worker, round 4")."""
    return "".join(unicodedata.normalize("NFKC", text.translate(_NFKC)).split())


class _Forms(dict[int, str]):
    """Code point → that character's NFKC, filled as `str.translate` asks
    (up to `_KEPT` characters: a text of every code point keeps no more)."""

    def __missing__(self, code: int) -> str:
        form = unicodedata.normalize("NFKC", chr(code))
        if len(self) < _KEPT:
            self[code] = form
        return form


_KEPT = 1 << 15


_NFKC = _Forms()


@functools.cache
def _labels() -> tuple[dict[str, str], tuple[str, ...], dict[str, str]]:
    """Every label → its role ("extra" for a remarks column); the unit nouns;
    every role word a noun may follow → its role (牵头 + 单位, 高新区 + 责任部门)."""
    cols = data.load("columns")
    words: dict[str, str] = {}
    for role, names in cols["roles"].items():
        for name in names:
            words[norm(name)] = role
    for name in cols.get("extra", {}).get("words", []):
        words.setdefault(norm(name), "extra")
    pattern = cols["pattern"]
    stems: dict[str, str] = {}
    for role in ("lead", "support", "responsible"):
        for w in pattern.get(role, []):
            stems[norm(w)] = role
    return words, tuple(norm(n) for n in pattern["nouns"]), stems


@functools.cache
def label_role(text: str) -> str | None:
    """The role a header label names, from the column words alone: a listed
    word, a role word followed by a unit noun (牵头负责部门), or either after
    a level prefix (高新区责任部门, 市级牵头单位).  Traditional labels are
    not converted here (the workers load no OpenCC)."""
    h = norm(text)
    if not h or len(h) > 16:
        return None
    words, nouns, stems = _labels()
    prefixes = data.load("columns")["prefixes"]
    candidates = [h] + [
        h[len(p) :]
        for p in (*prefixes["local"], *prefixes["upper"])
        if h.startswith(p) and len(h) > len(p)
    ]
    for c in candidates:
        if c in words:
            return words[c]
        for noun in nouns:
            if c.endswith(noun) and c[: -len(noun)] in stems:
                return stems[c[: -len(noun)]]
    return None


def is_header(roles: Sequence[str | None]) -> bool:
    """Two labels naming roles, one the 序号 or the measure text (as the text
    reader's `looks_like_header`), and most chunks labels."""
    named = [r for r in roles if r is not None and r != "extra"]
    known = sum(r is not None for r in roles)
    return len(named) >= 2 and bool({"number", "text"} & set(named)) and 2 * known > len(roles)
