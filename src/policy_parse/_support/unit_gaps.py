"""Units a copy parts by spaces instead of 、: 县财政局 县自然资源局.

A PDF or portal copy keeps the gaps between units and drops the 、.  One
rule, used where segment counts the units of an annotation (one unit
responsible leads; several share the task) and where normalize splits a
unit list into names, so the two never disagree on how many there are.
"""

from __future__ import annotations

from collections.abc import Callable

from .brackets import ANY_BRACKET, ANY_OPENER, top_level_spans

__all__ = ["apart_by_spaces", "pieces_at_gaps"]

# A piece shorter than this is no unit of its own (市委 宣传部 is one name) —
# unless it names every unit of a level (各区, 各地: 各 and one character).
MIN_SPACED_UNIT = 3
_EVERY = "各"


def _whole(piece: str) -> bool:
    return len(piece) >= MIN_SPACED_UNIT or (len(piece) == 2 and piece.startswith(_EVERY))


def apart_by_spaces(item: str, is_unit: Callable[[str], bool]) -> list[str]:
    """The units `item` names apart by spaces, or `[item]`.  When at least
    two pieces, and two in three, are units of their own (three characters
    or more, or 各 and one, and `is_unit`), every gap parts two units — the rest are short or
    unusual names among them (人行, 交投集团 …); otherwise the spaces are
    inside one name (县 财 政 局, 市委 宣传部)."""
    pieces = item.split()  # str.split: whitespace in C, most items have none
    if len(pieces) < 2:
        return [item]
    if ANY_OPENER.search(item) is not None:
        # 相关县（市 区）政府: a gap inside brackets parts no units.
        pieces = [item[a:b].strip() for a, b in top_level_spans(item, " \t\u3000")]
        pieces = [p for p in pieces if p]
        if len(pieces) < 2:
            return [item]
    whole = sum(_whole(p) and is_unit(p) for p in pieces)
    if whole >= 2 and 3 * whole >= 2 * len(pieces):
        return pieces
    return [item]


def pieces_at_gaps(item: str) -> list[str]:
    """The stretches that meet at `item`'s gaps, each cut at a bracket too:
    东城区 西城区政府 → 东城区, 西城区政府; 各县政府（含甲新区 乙区管委会） →
    含甲新区, 乙区管委会 (a copy that made the 、 inside brackets a space);
    相关县（市 区）政府 → 市, 区, no names."""
    pieces = item.split()
    out: list[str] = []
    for k, piece in enumerate(pieces):
        cut = ANY_BRACKET.split(piece)
        if k > 0 and cut[0]:
            out.append(cut[0])  # up to its first bracket, after the gap before it
        if k < len(pieces) - 1 and cut[-1] and (k == 0 or len(cut) > 1):
            out.append(cut[-1])  # from its last bracket, before the gap after it
    return out
