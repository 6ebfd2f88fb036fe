"""Where each text box is anchored ([MS-DOC] 2.8.25 PlcfSpa, 2.9.253 FSPA,
2.8.37 PlcftxbxTxt, 2.9.90 FTXBXS).

A text box's text is not in the main text: the main text holds its
anchor (a 0x08 character at a CP that PlcSpaMom lists with the shape's
id, FSPA.spid), and the text box story holds the text, box after box, each
naming the shape that shows it (FTXBXS.lid).  Matching the two ids places
a box where it is drawn, as the .docx reader reads w:txbxContent after its
anchoring paragraph; a box whose shape is not listed (one inside a group
of shapes, whose anchor is the group's) is left for the caller to keep as
residue.
"""

from __future__ import annotations

import struct

__all__ = ["Boxes", "text_boxes"]

_FSPA, _FTXBXS = 26, 22
_LID = 14  # FTXBXS: cTxbx/iNextReuse, cReusable, fReusable, reserved, then lid


class Boxes:
    """The text boxes of a document: `anchored` {anchor CP: [box CP range]}
    (in drawing order), `loose` the boxes no anchor names; CP ranges are of
    the whole document (the story's start added)."""

    def __init__(self) -> None:
        self.anchored: dict[int, list[tuple[int, int]]] = {}
        self.loose: list[tuple[int, int]] = []


def text_boxes(
    table: bytes, shapes: tuple[int, int], boxes: tuple[int, int], start: int, size: int
) -> Boxes | None:
    """The boxes of the text box story at CP `start` (`size` CPs), placed by
    the PlcSpaMom at `shapes` and the PlcftxbxTxt at `boxes` (fc, lcb in
    the table stream); None when there is no box table to go by."""
    out = Boxes()
    listed = _plc(table, boxes, _FTXBXS)
    if listed is None or size <= 0:
        return None
    anchors: dict[int, int] = {}
    for cp, _, record in _plc(table, shapes, _FSPA) or []:
        anchors.setdefault(struct.unpack_from("<i", record, 0)[0], cp)
    done = 0  # boxes never overlap: each character of the story is read once
    for first, last, record in listed:
        lo, hi = max(first, done, 0), min(last, size)
        if hi <= lo:
            continue
        done = hi
        lid = struct.unpack_from("<i", record, _LID)[0]
        where = (start + lo, start + hi)
        if lid in anchors:
            out.anchored.setdefault(anchors[lid], []).append(where)
        else:
            out.loose.append(where)
    return out


def _plc(table: bytes, where: tuple[int, int], size: int) -> list[tuple[int, int, bytes]] | None:
    """A PLC's entries (CP, next CP, data), None when it is absent or
    misshapen (its lcb no whole number of entries, or past the stream)."""
    fc, lcb = where
    if lcb < 4 or fc + lcb > len(table) or (lcb - 4) % (4 + size):
        return None
    n = (lcb - 4) // (4 + size)
    cps = struct.unpack_from(f"<{n + 1}i", table, fc)
    data = fc + 4 * (n + 1)
    return [(cps[i], cps[i + 1], table[data + size * i : data + size * (i + 1)]) for i in range(n)]
