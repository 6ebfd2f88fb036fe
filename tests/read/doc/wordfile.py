"""Invented Word 97 files for the native reader's tests: a compound file
(one FAT sector, one directory sector, streams of at least 4096 bytes so
that no mini stream is needed) holding a WordDocument stream (FIB, text,
FKP pages) and a 1Table stream (piece table, bin tables, lists), written
from paragraphs and their sprms as [MS-DOC] lays them out.  Small enough
to read beside the spec; no notice's text."""

from __future__ import annotations

import struct

FREE, END, FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
SECTOR = 512
FIB_END = 154 + 8 * 93


def sprm(op: int, operand: bytes) -> bytes:
    """One sprm: its opcode, then its operand (with a size byte if variable)."""
    if op >> 13 == 6 and op != 0xD608:
        operand = bytes((len(operand),)) + operand
    elif op == 0xD608:
        operand = struct.pack("<H", len(operand) + 1) + operand
    return struct.pack("<H", op) + operand


IN_TABLE = sprm(0x2416, b"\x01")
ROW_END = sprm(0x2417, b"\x01")
VANISH = sprm(0x083C, b"\x01")
DELETED = sprm(0x0800, b"\x01")
WHITE = sprm(0x2A42, b"\x08")


def itap(n: int) -> bytes:
    return sprm(0x6649, struct.pack("<i", n))


def numbered(ilfo: int, ilvl: int = 0) -> bytes:
    return sprm(0x460B, struct.pack("<h", ilfo)) + sprm(0x260A, bytes((ilvl,)))


def row(edges: list[int], merges: dict[int, int] | None = None) -> bytes:
    """sprmTDefTable for cells between `edges` (twips); `merges` gives a
    cell's TC80 flags (1 first merged, 2 merged, 0x20|0x40 vertical start,
    0x20 vertical continuation)."""
    n = len(edges) - 1
    tcs = b"".join(struct.pack("<H", (merges or {}).get(i, 0)) + b"\x00" * 18 for i in range(n))
    return sprm(0xD608, bytes((n,)) + struct.pack(f"<{n + 1}h", *edges) + tcs)


def _fkp(
    runs: list[tuple[int, int, bytes]], *, paragraphs: bool, styles: list[int] | None = None
) -> list[tuple[int, bytes]]:
    """FKP pages for runs (fc start, fc end, grpprl): (first fc, page);
    `styles` are the paragraph runs' istds."""
    pages = []
    per = 20 if paragraphs else 60
    for k in range(0, len(runs), per):
        chunk = runs[k : k + per]
        page = bytearray(SECTOR)
        crun = len(chunk)
        struct.pack_into(f"<{crun + 1}I", page, 0, *[r[0] for r in chunk], chunk[-1][1])
        base = 4 * (crun + 1)
        width = 13 if paragraphs else 1
        free = SECTOR - 1
        for i, (_, _, grpprl) in enumerate(chunk):
            if paragraphs:
                istd = styles[k + i] if styles else 0
                body = struct.pack("<H", istd) + grpprl  # the style, then the sprms
                if len(body) % 2:
                    body += b"\x00"
                blob = b"\x00" + bytes((len(body) // 2,)) + body
            else:
                blob = bytes((len(grpprl),)) + grpprl
            free = (free - len(blob)) & ~1
            assert free > base + width * crun, "too many sprms for one FKP page"
            page[free : free + len(blob)] = blob
            page[base + width * i] = free // 2
        page[SECTOR - 1] = crun
        pages.append((chunk[0][0], bytes(page)))
    return pages


def _lists(lists: list[tuple[int, list[tuple[int, int, str]]]]) -> bytes:
    """PlfLst then its LVLs: (lsid, levels of (start, nfc, text)); a level
    text's characters "\\x00".."\\x08" are the placeholders of levels 1–9."""
    out = struct.pack("<h", len(lists))
    lvls = b""
    for lsid, levels in lists:
        simple = len(levels) == 1
        out += struct.pack("<iI", lsid, 0) + b"\xff\xff" * 9 + bytes((int(simple), 0))
        for start, nfc, text in levels:
            places = [i + 1 for i, ch in enumerate(text) if ord(ch) < 9][:9]
            head = struct.pack("<iBB", start, nfc, 0) + bytes(places + [0] * (9 - len(places)))
            head += b"\x00" + b"\x00" * 8 + bytes((0, 0, 0, 0))
            lvls += head + struct.pack("<H", len(text)) + text.encode("utf-16-le")
    return out + lvls


def _lfos(lfos: list[tuple[int, list[tuple[int, int]]]]) -> bytes:
    """PlfLfo: (lsid, start overrides of (ilvl, start))."""
    out = struct.pack("<i", len(lfos))
    data = b""
    for lsid, starts in lfos:
        out += struct.pack("<iII", lsid, 0, 0) + bytes((len(starts), 0, 0, 0))
        data += struct.pack("<i", -1)
        for ilvl, start in starts:
            data += struct.pack("<i", start) + bytes((ilvl | 0x10, 0, 0, 0))
    return out + data


def _stsh(styles: list[tuple[int, int, bytes]]) -> bytes:
    """An STSH of paragraph styles (istd, istdBase, paragraph sprms), the
    istds not listed left empty."""
    by_istd = {istd: (base, grpprl) for istd, base, grpprl in styles}
    count = max(by_istd) + 1
    out = struct.pack("<H", 18) + struct.pack("<HH", count, 10) + b"\x00" * 14
    for istd in range(count):
        if istd not in by_istd:
            out += struct.pack("<H", 0)
            continue
        base, grpprl = by_istd[istd]
        name = f"S{istd}".encode("utf-16-le")
        stdf = struct.pack("<HHHHH", 0, 1 | base << 4, 2 << 12, 0, 0)
        upx = struct.pack("<H", istd) + grpprl
        std = stdf + struct.pack("<H", len(name) // 2) + name + b"\x00\x00"
        std += struct.pack("<H", len(upx)) + upx + b"\x00" * (len(upx) % 2)
        std += struct.pack("<H", 0)  # the character UPX, empty
        out += struct.pack("<H", len(std)) + std
    return out


def word_file(
    paragraphs: list[tuple[str, bytes]] | list[tuple[str, bytes, int]],
    chars: list[tuple[int, int, bytes]] = (),  # type: ignore[assignment]
    *,
    compressed: bool = False,
    lists: list[tuple[int, list[tuple[int, int, str]]]] | None = None,
    lfos: list[tuple[int, list[tuple[int, int]]]] | None = None,
    nfib: int = 0xC1,
    flags: int = 0x0200,
    stream: str = "WordDocument",
    styles: list[tuple[int, int, bytes]] | None = None,
    stories: tuple[str, ...] = (),
    anchors: list[tuple[int, int]] | None = None,
    boxes: list[tuple[int, int, int]] | None = None,
) -> bytes:
    """A .doc of `paragraphs` (each text ends with its mark: \\r, or \\x07 for a
    cell or row mark) with their sprms; `chars` are character runs (cp start,
    cp end, sprms); `stories` the texts after the main one, in the FIB's
    order (footnotes, headers, macros, comments, endnotes, text boxes);
    `anchors` the shapes (anchor CP, shape id) and `boxes` the text boxes
    (first CP, end CP in their story, the id of the shape showing it)."""
    text = "".join(p[0] for p in paragraphs)
    istds = [p[2] if len(p) > 2 else 0 for p in paragraphs]  # type: ignore[misc]
    main = len(text)
    text += "".join(stories)  # footnotes, headers, macros, comments, endnotes, text boxes
    encoded = text.encode("cp1252") if compressed else text.encode("utf-16-le")
    width = 1 if compressed else 2
    fc_text = 1024
    word = bytearray(fc_text) + encoded
    word += b"\x00" * (-len(word) % SECTOR)
    pruns, at = [], 0
    for t, grpprl, *_ in paragraphs:
        pruns.append((fc_text + at * width, fc_text + (at + len(t)) * width, grpprl))
        at += len(t)
    cruns = [(fc_text + s * width, fc_text + e * width, g) for s, e, g in sorted(chars)] or [
        (fc_text, fc_text + len(text) * width, b"")
    ]
    if pruns[-1][1] < fc_text + len(text) * width:  # the stories' paragraphs: no properties
        pruns.append((pruns[-1][1], fc_text + len(text) * width, b""))
        istds.append(0)
    bins = {}
    for name, runs, para in (("papx", pruns, True), ("chpx", cruns, False)):
        pns, fcs = [], []
        for first, page in _fkp(runs, paragraphs=para, styles=istds if para else None):
            pns.append(len(word) // SECTOR)
            fcs.append(first)
            word += page
        bins[name] = struct.pack(f"<{len(fcs) + 1}I", *fcs, runs[-1][1]) + struct.pack(
            f"<{len(pns)}I", *pns
        )
    table = bytearray(b"\x00" * 16)
    pairs: dict[int, tuple[int, int]] = {}
    fc_raw = fc_text * 2 if compressed else fc_text
    plc = struct.pack("<ii", 0, len(text)) + struct.pack(
        "<HIH", 0, fc_raw | (0x40000000 if compressed else 0), 0
    )
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    for index, blob in (
        (33, clx),
        (12, bins["chpx"]),
        (13, bins["papx"]),
        (73, _lists(lists) if lists else b""),
        (74, _lfos(lfos) if lfos else b""),
        (1, _stsh(styles) if styles else b""),
        (
            40,
            _plc([cp for cp, _ in anchors], [_fspa(spid) for _, spid in anchors])
            if anchors
            else b"",
        ),
        (
            56,
            _plc([b[0] for b in boxes] + [boxes[-1][1]], [_box(b[2]) for b in boxes], end=True)
            if boxes
            else b"",
        ),
    ):
        pairs[index] = (len(table), len(blob))
        table += blob
    fib = bytearray(FIB_END)
    struct.pack_into("<HH", fib, 0, 0xA5EC, nfib)
    struct.pack_into("<H", fib, 0x0A, flags)
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    struct.pack_into("<i", fib, 76, main)
    for k, story in enumerate(stories):
        struct.pack_into("<i", fib, 80 + 4 * k, len(story))
    struct.pack_into("<H", fib, 152, 93)
    for index, (fc, lcb) in pairs.items():
        struct.pack_into("<II", fib, 154 + 8 * index, fc, lcb)
    word[: len(fib)] = fib
    return compound({stream: bytes(word), "1Table": bytes(table)})


def _plc(cps: list[int], records: list[bytes], *, end: bool = False) -> bytes:
    """A PLC: its CPs (one more than its records: the last end given, or
    the last CP + 1), then its records."""
    bounds = cps if end else [*cps, cps[-1] + 1]
    return struct.pack(f"<{len(bounds)}i", *bounds) + b"".join(records)


def _fspa(spid: int) -> bytes:
    return struct.pack("<i", spid) + b"\x00" * 22


def _box(lid: int) -> bytes:
    return struct.pack("<iiHi", 1, 0, 0, -1) + struct.pack("<ii", lid, 0)


def compound(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding `streams` (each padded to 4096 bytes)."""
    names = list(streams)
    assert len(names) <= 3
    blobs = [s + b"\x00" * max(4096 - len(s), -len(s) % SECTOR) for s in streams.values()]
    fat = [FAT, END]  # sector 0: the FAT; sector 1: the directory
    starts = []
    for blob in blobs:
        n = len(blob) // SECTOR
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(n - 1)] + [END]
    assert len(fat) <= SECTOR // 4
    fat += [FREE] * (SECTOR // 4 - len(fat))
    header = bytearray(SECTOR)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, END, 0, END)
    struct.pack_into("<109I", header, 76, 0, *([FREE] * 108))
    directory = _entry("Root Entry", 5, END, 0, child=1)
    for i, (name, blob) in enumerate(zip(names, blobs, strict=True)):
        right = i + 2 if i + 1 < len(names) else FREE
        size = max(len(streams[name]), 4096)  # no mini stream
        directory += _entry(name, 2, starts[i], size, right=right)
    directory += b"\x00" * (SECTOR - len(directory))
    return bytes(header) + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + b"".join(blobs)


def _entry(
    name: str, kind: int, start: int, size: int, *, child: int = FREE, right: int = FREE
) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    entry = bytearray(128)
    entry[: len(raw)] = raw
    struct.pack_into("<HBB", entry, 64, len(raw), kind, 1)
    struct.pack_into("<III", entry, 68, FREE, right, child)
    struct.pack_into("<II", entry, 116, start, size)
    return bytes(entry)
