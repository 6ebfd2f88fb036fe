"""Units written by reference: （同上）, 牵头单位：同第3项, a 分工表 cell 同上.

A clerk who gives a measure the units of the one above writes 同上 (or
同第3项) instead of the names, for the whole annotation or for one label.
Read as written, 同上 became a unit's name (a lead 同上, support 同上) and a
bracket （同上） closing the text named no unit at all: wrong with no sign.
Here each such reference is replaced by the units of the same role of the
measure it names (the one just above, or the one of that number), and
normalize/structure.py says so on the measure (`units_by_reference`): the
parser read the reference, the notice wrote no name.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._support.chinese_numerals import cn_to_int
from .._support.lazy_regex import lazy_compile
from ..data import load
from .row_units import Pairs

__all__ = ["Reference", "reference", "resolve", "trailing_reference", "written_references"]

# A bracket closing the text that holds only a reference: （同上） / (同第3项).
_TRAILING = lazy_compile(r"[（(【〔]\s*([^（）()【】〔〕]{2,16}?)\s*[）)】〕]\s*[。；;]?\s*$")
_NUMBER = lazy_compile(r"\d{1,3}|[一二三四五六七八九十百]{1,4}")

# What a reference names: None for the measure (or row) just above, else a number.
Reference = str | None


def reference(written: str) -> tuple[bool, Reference]:
    """(whether `written` is a reference, the number it names or None for
    the one above)."""
    text = written.strip().rstrip("。；;")
    words = load("annotations")["references"]
    for head in words["before"]:  # longest first in the data file
        if text.startswith(head) and len(text) > len(head):
            text = text[len(head) :]
            break
    if text in words["above"]:
        return True, None
    for head, tail in words["numbered"]:
        if text.startswith(head) and text.endswith(tail) and len(text) > len(head) + len(tail):
            number = text[len(head) : -len(tail)]
            if _NUMBER.fullmatch(number):
                return True, str(number if number.isdigit() else cn_to_int(number))
    return False, None


def trailing_reference(text: str) -> tuple[str, str] | None:
    """(the text before it, the reference as written) where `text` closes
    with a bracket holding only a reference; else None."""
    m = _TRAILING.search(text)
    if m is None or not reference(m[1])[0]:
        return None
    return text[: m.start()].rstrip(), m[1].strip()


def _target(k: int, ref: Reference, numbers: Sequence[str | None]) -> int | None:
    """The index a reference of item `k` names: the item above, or the last
    one before it numbered `ref`."""
    if ref is None:
        return k - 1 if k > 0 else None
    return next((j for j in range(k - 1, -1, -1) if numbers[j] == ref), None)


def resolve(
    found: Sequence[tuple[Pairs, Pairs]],
    numbers: Sequence[str | None],
    whole: Sequence[tuple[str, Reference] | None] | None = None,
) -> list[tuple[Pairs, Pairs]]:
    """Each item's (lead, support) with its references replaced by the
    units of the same role of the item named, each keeping the reference as
    its written form (its name the unit's).  `whole[k]`, where given, is the
    reference item k writes for its whole annotation (（同上）: both roles)
    as written and what it names; a reference naming no item stays as
    written (the odd-unit finding speaks for it)."""
    out: list[tuple[Pairs, Pairs]] = []
    for k, (lead, support) in enumerate(found):
        given = whole[k] if whole is not None else None
        if given is not None and not lead and not support:
            j = _target(k, given[1], numbers)
            if j is not None:
                out.append(
                    ([(given[0], e) for _, e in out[j][0]], [(given[0], e) for _, e in out[j][1]])
                )
                continue
        roles: list[Pairs] = []
        for role, pairs in enumerate((lead, support)):
            new: Pairs = []
            for written, name in pairs:
                is_ref, ref = reference(written)
                j = _target(k, ref, numbers) if is_ref else None
                if j is None:
                    new.append((written, name))
                    continue
                seen = {e for _, e in new}
                new.extend((written, e) for _, e in out[j][role] if e not in seen)
            roles.append(new)
        out.append((roles[0], roles[1]))
    return out


def written_references(written: Sequence[str]) -> list[str]:
    """The references among units' written forms, each once, in order."""
    return list(dict.fromkeys(w for w in written if reference(w)[0]))
