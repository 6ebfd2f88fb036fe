"""The list numbering paragraph styles carry ([MS-DOC] 2.9.271 STSH, 2.9.260
STD): a heading style Word numbers ("一、" on every 标题 1) puts its
sprmPIlfo in the style, not on each paragraph.

Each paragraph style (stk 1) holds a UPX of paragraph sprms and names the
style it is based on (istdBase); the list a style gives is its own, else
its base's.  The result is what the .docx reader's `Numbering` takes for
numbering.xml's styles: {style id: (numId, ilvl)}, the style id being the
istd the walk writes as w:pStyle (`wordml.DocBuilder`).  Damaged style
sheets end the reading where they break: the text is read all the same.
"""

from __future__ import annotations

import struct

from .tables import list_props

__all__ = ["style_lists"]

_PARAGRAPH = 1
_MAX_BASED_ON = 32  # Word's chains are a few styles long; deeper is a loop


def style_lists(table: bytes, where: tuple[int, int]) -> dict[str, tuple[str | None, int | None]]:
    """{istd: (ilfo, ilvl)} of the paragraph styles that number their
    paragraphs (through their bases), from the STSH at (fc, lcb)."""
    fc, lcb = where
    end = min(fc + lcb, len(table))
    if lcb < 2 or fc + 2 > end:
        return {}
    own: dict[int, tuple[int | None, int | None, int]] = {}  # istd: (ilfo, ilvl, istdBase)
    cb_stshi = struct.unpack_from("<H", table, fc)[0]
    at = fc + 2
    if cb_stshi < 4 or at + cb_stshi > end:
        return {}
    cstd, cb_base = struct.unpack_from("<HH", table, at)
    at += cb_stshi
    for istd in range(cstd):
        if at + 2 > end:
            break
        cb_std = struct.unpack_from("<H", table, at)[0]
        at += 2
        std = table[at : min(at + cb_std, end)]
        at += cb_std
        if cb_std == 0 or len(std) < max(cb_base, 10):
            continue
        kind_base = struct.unpack_from("<H", std, 2)[0]
        if kind_base & 0x000F != _PARAGRAPH:
            continue
        papx = _first_upx(std, cb_base)
        if papx is None:
            continue
        ilfo, ilvl = list_props(papx[2:])  # the UPX opens with the istd
        own[istd] = (ilfo, ilvl, kind_base >> 4)
    lists: dict[str, tuple[str | None, int | None]] = {}
    for istd in own:
        ilfo, ilvl = _resolved(istd, own)
        if ilfo:  # 0: the style (or its base) says "no list"
            lists[str(istd)] = (str(ilfo), ilvl if ilvl is not None else 0)
    return lists


def _first_upx(std: bytes, cb_base: int) -> bytes | None:
    """The first UPX of an STD (a paragraph style's paragraph sprms),
    after its Stdf and its name (xstzName: a count, UTF-16, a terminator)."""
    at = cb_base
    if at + 2 > len(std):
        return None
    at += 2 + 2 * struct.unpack_from("<H", std, at)[0] + 2
    if at + 2 > len(std):
        return None
    size = struct.unpack_from("<H", std, at)[0]
    if size < 2 or at + 2 + size > len(std):
        return None
    return std[at + 2 : at + 2 + size]


def _resolved(
    istd: int, own: dict[int, tuple[int | None, int | None, int]]
) -> tuple[int | None, int | None]:
    """The list of style `istd`: its own, each missing part from its bases."""
    ilfo: int | None = None
    ilvl: int | None = None
    seen: set[int] = set()
    at: int | None = istd
    while at is not None and at in own and at not in seen and len(seen) < _MAX_BASED_ON:
        seen.add(at)
        o_ilfo, o_ilvl, base = own[at]
        ilfo = o_ilfo if ilfo is None else ilfo
        ilvl = o_ilvl if ilvl is None else ilvl
        at = None if base == 0x0FFF else base
    return ilfo, ilvl
