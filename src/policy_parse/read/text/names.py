"""A line break that cut one unit name before its organ word (…甲经开区 / 管委会).

A copy re-wrapped at a width (a PDF's lines, a converter's ``<br>``) may cut
a name where its place ends and its organ word begins; read as a break
between units, the organ word (管委会) would be a unit naming nobody, with
no finding.  Shared by the text table grid (read/text/grid.py) and the web
page's cells (read/html.py); small, so that neither loads the other's path.
"""

from __future__ import annotations

import functools

from ..._support.lazy_regex import lazy_compile
from ...data import load

__all__ = ["name_cut_before_organ"]

# Where a name ends in a units cell: a separator of a list, a space, a sentence end.
_ITEM_END = lazy_compile(r"[、，,；;／/\s。]")
# A line shorter than this was not cut by a wrap (no copy wraps narrower).
_WRAPPED = 20


@functools.cache
def _organ_words() -> tuple[tuple[str, ...], str]:
    """The bare organ words (data/units.toml `shared_suffixes` that open with
    no level of government: 管委会, 管理委员会 …) and the characters a place
    ends with (`place_ends`)."""
    units = load("units")
    heads = units["suffix_heads"]
    organs = tuple(w for w in units["shared_suffixes"] if w[0] not in heads)
    return organs, units["place_ends"]


def name_cut_before_organ(before: str, after: str) -> bool:
    """A line break inside a units cell that cut one name: the line before
    ends on a place with no separator (…甲经开区) and the line after opens
    with a bare organ word that ends there (管委会, …) — the organ of that
    place, which no clerk writes on a line of its own.  The line before is
    one a wrap could have cut (`_WRAPPED` characters or more): a cell of
    one unit a line (各乡镇 / 管委会) is left as written.  A copy re-wrapped
    where no width can be read off (too few long lines) leaves just this;
    read as two units, 管委会 would name nobody, with no finding."""
    organs, place_ends = _organ_words()
    if len(before) < _WRAPPED or before[-1] not in place_ends:
        return False
    head = _ITEM_END.split(after.strip(), maxsplit=1)[0]
    return head in organs
