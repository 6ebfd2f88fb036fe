"""Word 97 automatic list numbering ([MS-DOC] 2.9.147 PlfLst, LSTF, LVL,
2.9.132 PlfLfo, LFO, LFOData) → a w:numbering element.

A numbered paragraph holds no number in its text: its sprmPIlfo names a
list format override (LFO), which names a list (LSTF, by lsid) and may
restart or redefine its levels; sprmPIlvl gives the level.  Each level
(LVL) has a start, a number format (nfc) and a level text in which the
characters 0–8 stand for the counters of levels 1–9.  Written out as
numbering.xml says it (w:abstractNum per list, w:num per LFO), the .docx
reader's `Numbering` counts and draws them with the rules it already has,
so a .doc numbers as its .docx does.
"""

from __future__ import annotations

import re
import struct

from lxml import etree

from ..docx.wordml import VAL, W

__all__ = ["numbering_xml"]

_LSTF = 28
_LVLF = 28
_LFO = 16
_MAX_LISTS = 10_000  # Word caps a document at 2,047 LFOs; lists are fewer
# nfc → w:numFmt ([MS-DOC] 2.9.173 MSONFC, in ST_NumberFormat's order).
_FORMATS = [
    "decimal",
    "upperRoman",
    "lowerRoman",
    "upperLetter",
    "lowerLetter",
    "ordinal",
    "cardinalText",
    "ordinalText",
    "hex",
    "chicago",
    "ideographDigital",
    "japaneseCounting",
    "aiueo",
    "iroha",
    "decimalFullWidth",
    "decimalHalfWidth",
    "japaneseLegal",
    "japaneseDigitalTenThousand",
    "decimalEnclosedCircle",
    "decimalFullWidth2",
    "aiueoFullWidth",
    "irohaFullWidth",
    "decimalZero",
    "bullet",
    "ganada",
    "chosung",
    "decimalEnclosedFullstop",
    "decimalEnclosedParen",
    "decimalEnclosedCircleChinese",
    "ideographEnclosedCircle",
    "ideographTraditional",
    "ideographZodiac",
    "ideographZodiacTraditional",
    "taiwaneseCounting",
    "ideographLegalTraditional",
    "taiwaneseCountingThousand",
    "taiwaneseDigital",
    "chineseCounting",
    "chineseLegalSimplified",
    "chineseCountingThousand",
    "koreanDigital",
    "koreanCounting",
    "koreanLegal",
    "koreanDigital2",
    "vietnameseCounting",
    "russianLower",
    "russianUpper",
]
_NONE = 255
# What an XML attribute cannot hold: a damaged level text's control
# characters become U+FFFD (a placeholder has become "%n" by then).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _Bytes:
    """A cursor over the table stream that stops at a damaged length
    rather than reading past it."""

    def __init__(self, data: bytes, at: int, end: int) -> None:
        self.data, self.at, self.end = data, at, min(end, len(data))

    def take(self, n: int) -> bytes | None:
        if n < 0 or self.at + n > self.end:
            return None
        out = self.data[self.at : self.at + n]
        self.at += n
        return out


def _level(cur: _Bytes) -> etree._Element | None:
    """One LVL as a w:lvl (None when the bytes end inside it)."""
    head = cur.take(_LVLF)
    if head is None:
        return None
    start = struct.unpack_from("<i", head, 0)[0]
    nfc, info = head[4], head[5]
    places = [b for b in head[6:15] if b]
    cb_chpx, cb_papx, restart_lim = head[24], head[25], head[26]
    if cur.take(cb_papx) is None or cur.take(cb_chpx) is None:
        return None
    size = cur.take(2)
    if size is None:
        return None
    raw = cur.take(2 * struct.unpack_from("<H", size)[0])
    if raw is None:
        return None
    text = raw.decode("utf-16-le", "replace")
    # Placeholders: the characters at the positions rgbxchNums names
    # (1-based), each holding the level (0–8) whose counter goes there.
    out = []
    marks = {p - 1 for p in places if p - 1 < len(text)}
    for i, ch in enumerate(text):
        out.append(f"%{ord(ch) + 1}" if i in marks and ord(ch) < 9 else ch)
    lvl = etree.Element(W + "lvl")
    etree.SubElement(lvl, W + "start").set(VAL, str(max(start, 0)))
    fmt = "none" if nfc == _NONE else (_FORMATS[nfc] if nfc < len(_FORMATS) else "decimal")
    etree.SubElement(lvl, W + "numFmt").set(VAL, fmt)
    if info & 0x08:  # fNoRestart: restarts only after level ilvlRestartLim
        etree.SubElement(lvl, W + "lvlRestart").set(VAL, str(restart_lim))
    if info & 0x04:  # fLegal
        etree.SubElement(lvl, W + "isLgl")
    etree.SubElement(lvl, W + "lvlText").set(VAL, _NOT_XML.sub("\ufffd", "".join(out)))
    return lvl


def numbering_xml(
    table: bytes, lists: tuple[int, int], overrides: tuple[int, int]
) -> etree._Element | None:
    """The lists and LFOs of the table stream as a w:numbering element,
    w:num ids being the 1-based LFO indexes sprmPIlfo uses (None: no lists).
    Damaged list tables end the list read there: the text is still read,
    its numbers as far as they go."""
    fc, lcb = lists
    if not lcb or fc + 2 > len(table):
        return None
    root = etree.Element(W + "numbering")
    cur = _Bytes(table, fc, len(table))  # the LVLs follow the PlfLst, outside its lcb
    head = cur.take(2)
    count = min(struct.unpack_from("<h", head)[0] if head else 0, _MAX_LISTS)
    lstfs = []
    for _ in range(max(count, 0)):
        raw = cur.take(_LSTF)
        if raw is None:
            break
        lstfs.append((struct.unpack_from("<i", raw, 0)[0], bool(raw[26] & 0x01)))
    for lsid, simple in lstfs:
        abstract = etree.SubElement(root, W + "abstractNum")
        abstract.set(W + "abstractNumId", str(lsid))
        for ilvl in range(1 if simple else 9):
            lvl = _level(cur)
            if lvl is None:
                break
            lvl.set(W + "ilvl", str(ilvl))
            abstract.append(lvl)
    _overrides(table, overrides, root)
    return root


def _overrides(table: bytes, where: tuple[int, int], root: etree._Element) -> None:
    """PlfLfo: each LFO as a w:num of its list, with the starts (fStartAt)
    and whole levels (fFormatting) it overrides."""
    fc, lcb = where
    if not lcb or fc + 4 > len(table):
        return
    cur = _Bytes(table, fc, len(table))
    count = min(struct.unpack_from("<i", table, fc)[0], _MAX_LISTS)
    cur.take(4)
    lfos = []
    for _ in range(max(count, 0)):
        raw = cur.take(_LFO)
        if raw is None:
            break
        lfos.append((struct.unpack_from("<i", raw, 0)[0], raw[12]))
    for i, (lsid, levels) in enumerate(lfos, start=1):
        num = etree.SubElement(root, W + "num")
        num.set(W + "numId", str(i))
        etree.SubElement(num, W + "abstractNumId").set(VAL, str(lsid))
        if cur.take(4) is None:  # LFOData's cp: one for every LFO
            return
        for _ in range(levels):
            raw = cur.take(8)
            if raw is None:
                return
            start = struct.unpack_from("<i", raw, 0)[0]
            flags = raw[4]
            ilvl, start_at, formatting = flags & 0x0F, bool(flags & 0x10), bool(flags & 0x20)
            override = etree.SubElement(num, W + "lvlOverride")
            override.set(W + "ilvl", str(ilvl))
            if start_at:
                etree.SubElement(override, W + "startOverride").set(VAL, str(max(start, 0)))
            if formatting:
                lvl = _level(cur)
                if lvl is None:
                    return
                lvl.set(W + "ilvl", str(ilvl))
                override.append(lvl)
