"""RTF tokens → text, paragraphs, cells and rows, group by group.

RTF keeps all its state in groups: a `{` saves the character and
paragraph properties, the `}` that closes it restores them.  A group may
open with a destination word that says what its text is: a font table, a
picture, a footnote, the number Word drew for a list item.  The walker keeps
one `_State` per open group and hands the document's text to a `Sink` (the
builder, `rtf.wordml`) in order, as runs, paragraph ends, cell ends and row
ends with their row definitions.

What each construct becomes (docs/formats.md, "RTF"):

* text bytes and `\\'hh` escapes are decoded in the code page of the font in
  force (`\\fcharsetN` in the font table, `\\cpgN`), else the document's
  (`\\ansicpgN`); bytes are gathered until the next other token, so a
  double-byte character written as two escapes is one character.  `\\uN`
  is the character N (negative: N + 65536; surrogate pairs joined), and
  the `\\ucN` characters after it, the fallback for old readers, are passed
  over.  Undecodable bytes become U+FFFD, never nothing;
* `\\par` ends a paragraph, `\\line` is a line break, `\\tab` a tab;
* `\\cell`/`\\row` end a cell and a row of the table the paragraph is in
  (`\\intbl`, `\\itapN` for the nesting level); `\\nestcell`/`\\nestrow` the
  same for a nested table, whose row definition Word writes in
  `{\\*\\nesttableprops …}`.  Row definitions (`\\trowd` … `\\cellxN`, with
  `\\clvmgf`/`\\clvmrg`/`\\clmgf`/`\\clmrg` merges and `\\trhdr`) go with the
  row they end;
* `{\\listtext …}` / `{\\pntext …}`: the number Word drew, put in front of
  the paragraph's text as the .docx reader puts a rendered number, without
  the tab or space Word draws after it;
* what a reader does not see: `\\v` hidden runs, and white runs (`\\cfN`
  naming white in the colour table) with no highlight or background on the
  run, paragraph or cell (`\\highlightN`, `\\cbN`/`\\chcbpatN`, `\\cbpatN`,
  `\\clcbpatN`) — the .docx reader's rules (docx.hidden): set aside as
  residue with its reasons;
* fields: the result (`\\fldrslt`) is read, the instruction is not;
* footnotes, comments, text boxes (`\\shptxt`) and objects' shown results:
  residue with the reason (data/rtf.toml), never outline;
* pictures, font/colour/style/list tables, headers and footers, and every
  group opened by `\\*` that data/rtf.toml does not name: passed over.
  Any other group's text is read: an unknown destination is never dropped.
"""

from __future__ import annotations

import codecs
import functools
from typing import Any, Protocol

from ...data import load
from ...errors import CorruptFileError, InputTooLargeError
from .tokens import Token, scan

__all__ = ["MAX_DEPTH", "MAX_TABLE_DEPTH", "RowDef", "Sink", "walk"]

# Groups nested deeper than this are hostile: Word writes a dozen or so.
MAX_DEPTH = 512
# Tables nested deeper than this (\itapN) are too: Word allows 64.
MAX_TABLE_DEPTH = 64

# What a group's text is: read as text, a list number, residue (the three
# that collect text, hence first), or none.
_TEXT, _NUMBER, _RESIDUE, _SKIP, _FONTS, _NESTPROPS, _UPR, _COLORS = range(8)

# A run's look, as bits of `_State.look`: what decides whether it is seen.
HIDDEN = 1  # \v
WHITE = 2  # \cfN, N white in the colour table
HIGHLIGHT = 4  # \highlightN, N not white
BACKGROUND = 8  # \cbN / \chcbpatN, N not white
PARA_SHADED = 16  # \cbpatN on the paragraph, N not white
SHADED = HIGHLIGHT | BACKGROUND | PARA_SHADED
_CHARACTER = HIDDEN | WHITE | HIGHLIGHT | BACKGROUND  # what \plain resets


class RowDef:
    """One row definition: `\\trowd` … `\\cellxN` for each cell."""

    __slots__ = ("cells", "fill", "header", "left", "pending", "shaded")

    def __init__(self) -> None:
        self.left = 0  # \trleftN: where the first cell starts, in twips
        self.header = False  # \trhdr: repeated at the top of every page
        # (right edge in twips, vertical merge: "" | "restart" | "continue",
        #  horizontal merge: the same) of each cell, left to right
        self.cells: list[tuple[int, str, str]] = []
        self.pending = ["", ""]  # merges read for the next \cellx
        self.shaded: set[int] = set()  # cells (by position) with a coloured fill
        self.fill = False  # \clcbpatN read for the next \cellx


class Sink(Protocol):
    """What the walker hands on (`rtf.wordml.Builder`)."""

    def text(self, text: str, look: int) -> None: ...
    def end_paragraph(self, level: int) -> None: ...
    def end_cell(self, level: int) -> None: ...
    def end_row(self, level: int, row: RowDef | None) -> None: ...
    def residue(self, text: str, reason: str) -> None: ...
    def end_document(self, level: int) -> None: ...


class _State:
    """The properties a group saves and restores."""

    __slots__ = ("codec", "dest", "intbl", "itap", "look", "outer", "uc")

    def __init__(self) -> None:
        self.dest = _TEXT
        self.codec = "cp1252"
        self.uc = 1
        self.look = 0  # HIDDEN | WHITE | ... bits
        self.intbl = False
        self.itap = 0
        self.outer = _TEXT  # the destination an \upr group returns to for \*\ud

    def copy(self) -> _State:
        new = _State.__new__(_State)
        new.dest, new.codec, new.uc, new.look = self.dest, self.codec, self.uc, self.look
        new.intbl, new.itap, new.outer = self.intbl, self.itap, self.outer
        return new

    def level(self) -> int:
        """The table nesting level of the paragraph (0: body)."""
        return self.itap or (1 if self.intbl else 0)


@functools.cache
def _data() -> tuple[
    dict[int, int], dict[int, str], dict[str, str], frozenset[str], frozenset[str], dict[str, str]
]:
    raw = load("rtf")
    charsets = {int(k): int(v) for k, v in raw["charsets"].items()}
    names = {int(k): str(v) for k, v in raw["codecs"].items()}
    dest = raw["destinations"]
    return (
        charsets,
        names,
        dict(raw["symbols"]),
        frozenset(dest["skip"]),
        frozenset(dest["read_ignorable"]),
        dict(raw["residue"]),
    )


def _codec(codepage: int) -> str:
    """The Python codec of a Windows code page; 1252 for one Python lacks."""
    name = _data()[1].get(codepage, f"cp{codepage}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"


def walk(data: bytes, sink: Sink, max_paragraphs: int) -> None:
    """Walk the RTF document `data`, handing its content to `sink`."""
    _Walker(sink, max_paragraphs).run(data)


class _Walker:
    def __init__(self, sink: Sink, max_paragraphs: int) -> None:
        charsets, _, symbols, skip, readable, residue = _data()
        self.sink = sink
        self.charsets, self.symbols, self.skip_words = charsets, symbols, skip
        self.readable, self.residue_words = readable, residue
        self.max_paragraphs = max_paragraphs
        self.paragraphs = 0
        self.ansi = "cp1252"
        self.deff: int | None = None
        self.fonts: dict[int, str | None] = {}  # font number → codec (None: the document's)
        self.font = -1  # the font being defined in the font table
        self.state = _State()
        self.stack: list[_State] = []
        self.pending = bytearray()  # text bytes not yet decoded
        self.pending_codec = "cp1252"
        self.unicode_skip = 0  # fallback characters still to pass over after \uN
        self.high = ""  # a high surrogate waiting for its low half
        self.star = False  # the last token was \*
        self.fresh = False  # no token yet in the group just opened
        self.rows: dict[int, RowDef] = {}  # the row definition in force, by level
        self.colors: list[int | None] = []  # the colour table: 0xRRGGBB, None for auto
        self.rgb = -1  # the colour being defined (-1: none yet: auto)
        # Groups collecting text for themselves: (depth, kind, reason, parts)
        self.collecting: list[tuple[int, int, str, list[str]]] = []

    # -- the loop -------------------------------------------------------------

    def run(self, data: bytes) -> None:
        skipping = 0  # depth of a group being passed over whole (0: none)
        stack = self.stack
        found = scan(data, _KEEP)
        for i, (word, digits, hexa, sym, group, text) in enumerate(found):
            if skipping:
                if group:
                    if group == b"{":
                        skipping += 1
                    else:
                        skipping -= 1
                        if not skipping:
                            self.close_group()
                continue
            if self.unicode_skip and not group:
                if text:
                    n = min(self.unicode_skip, len(text))
                    self.unicode_skip -= n
                    text = text[n:]
                    if not text:
                        continue
                elif word or hexa or sym:
                    self.unicode_skip -= 1
                    continue
            if text or hexa:
                self.fresh = self.star = False
                st = self.state
                if st.dest == _COLORS and text:
                    for _ in range(text.count(b";")):
                        self.colors.append(None if self.rgb < 0 else self.rgb)
                        self.rgb = -1
                elif st.dest <= _RESIDUE:
                    if self.pending and self.pending_codec != st.codec:
                        self.flush()
                    self.pending_codec = st.codec
                    if text:
                        self.pending += text
                    else:
                        self.pending.append(int(hexa, 16))
                continue
            if not (word or sym or group):
                continue  # a line break between tokens
            if self.pending:
                self.flush()
            if group:
                self.unicode_skip = 0
                if group == b"{":
                    if len(stack) >= MAX_DEPTH:
                        raise InputTooLargeError(
                            f"RTF nests groups over {MAX_DEPTH} deep: no writer does "
                            "(a hostile or damaged file)"
                        )
                    stack.append(self.state)
                    self.state = self.state.copy()
                    self.fresh, self.star = True, False
                else:
                    if not stack:
                        raise CorruptFileError("RTF closes a group it never opened: damaged file")
                    self.close_group()
                    if not stack:
                        self.end_document(found[i + 1 :])
                        return
            elif word == b"u" and digits and not self.high:
                # \uN, a fifth of a notice's tokens: the common case inline
                self.fresh = self.star = False
                st = self.state
                n = _param("u", digits) or 0
                code = n + 65536 if -32768 <= n < 0 else n
                if not (0 <= code < 0xD800 or 0xE000 <= code <= 0xFFFF):
                    self.unicode(n)  # surrogates, and numbers no 16-bit \uN can be
                else:
                    if st.dest == _TEXT:
                        self.sink.text(chr(code), st.look)
                    elif st.dest <= _RESIDUE:
                        self.emit_to(chr(code), st)
                    self.unicode_skip = st.uc
            elif word:
                name = word.decode("ascii")
                if self.star and self.fresh:
                    self.star = self.fresh = False
                    if name not in self.readable and name not in self.residue_words:
                        skipping = 1  # an ignorable destination: passed over whole
                        continue
                self.fresh = self.star = False
                if self.word(name, _param(name, digits)):
                    skipping = 1
            else:
                if sym == b"*":
                    self.star = True
                    continue
                self.fresh = self.star = False
                if sym in b"\r\n":
                    self.word("par", None)
                else:
                    symbol = self.symbols.get(sym.decode("latin-1"))
                    if symbol is not None:
                        self.emit(symbol)
        if stack:
            raise CorruptFileError(
                f"RTF ends inside {len(stack)} open group(s): the file is truncated or damaged"
            )
        raise CorruptFileError("not an RTF document: no group opens it")

    def close_group(self) -> None:
        """Restore the enclosing group's state; a group that collected text
        (a list number, a footnote) hands it on."""
        depth = len(self.stack)
        if self.collecting and self.collecting[-1][0] == depth:
            _, kind, reason, parts = self.collecting.pop()
            self.flush_high()
            text = "".join(parts)
            if kind == _NUMBER:
                text = text.rstrip()
                if text:
                    self.emit_to(text, self.stack[-1])
            elif text.strip():
                self.sink.residue(text.strip(), reason)
        self.state = self.stack.pop()

    def end_document(self, after: list[Token]) -> None:
        """The document's group has closed: what is open ends, and text
        after it (Word ignores it; a file pasted onto another?) is residue."""
        self.flush_high()
        self.sink.end_document(self.state.level())
        left = b"".join(t[5] for t in after).strip(b" \t\x00\x1a")
        if left:
            self.sink.residue(
                left.decode(self.ansi, "replace"), "text after the end of the RTF document"
            )

    # -- text -----------------------------------------------------------------

    def flush(self) -> None:
        text = bytes(self.pending).decode(self.pending_codec, "replace")
        self.pending.clear()
        self.emit(text)

    def emit(self, text: str) -> None:
        if self.high:
            text, self.high = self.high + text, ""
        self.emit_to(text, self.state)

    def emit_to(self, text: str, state: _State) -> None:
        dest = state.dest
        if dest == _TEXT:
            self.sink.text(text, state.look)
        elif (dest == _NUMBER or dest == _RESIDUE) and self.collecting:
            self.collecting[-1][3].append(text)

    def flush_high(self) -> None:
        if self.high:
            high, self.high = self.high, ""
            self.emit_to(
                high.encode("utf-16", "surrogatepass").decode("utf-16", "replace"), self.state
            )

    def unicode(self, n: int) -> None:
        code = n + 65536 if -32768 <= n < 0 else n
        if 0xD800 <= code < 0xDC00:
            self.flush_high()
            self.high = chr(code)
        elif 0xDC00 <= code < 0xE000 and self.high:
            pair = self.high + chr(code)
            self.high = ""
            self.emit(pair.encode("utf-16", "surrogatepass").decode("utf-16"))
        else:
            self.flush_high()
            self.emit(chr(code) if 0 <= code < 0x110000 else "\ufffd")
        self.unicode_skip = self.state.uc

    # -- control words ------------------------------------------------------

    def word(self, name: str, param: int | None) -> bool:
        """Act on a control word; True when its group is to be passed over."""
        st = self.state
        dest = st.dest
        if dest == _FONTS:
            self.font_word(name, param)
            return False
        if name == "u" and param is not None:
            if dest == _UPR:
                return False
            self.unicode(param)
            return False
        self.flush_high()
        if name in self.skip_words:
            return True
        handler = _WORDS.get(name)
        if handler is not None:
            handler(self, st, param)
            return False
        text = self.symbols.get(name)
        if text is not None:
            self.emit(text)
        elif name in self.residue_words:
            self.collect(_RESIDUE, self.residue_words[name])
        return False

    def is_white(self, n: int | None) -> bool:
        color = self.colors[n] if n is not None and 0 <= n < len(self.colors) else None
        return color == 0xFFFFFF

    def collect(self, kind: int, reason: str) -> None:
        self.state.dest = kind
        self.collecting.append((len(self.stack), kind, reason, []))

    def font_word(self, name: str, param: int | None) -> None:
        if name == "f" and param is not None:
            self.font = param
            self.fonts.setdefault(param, None)
        elif name == "fcharset" and param is not None and self.font >= 0:
            cp = self.charsets.get(param, 0)
            self.fonts[self.font] = _codec(cp) if cp else None
        elif name == "cpg" and param is not None and self.font >= 0:
            self.fonts[self.font] = _codec(param)

    def use_font(self, st: _State, number: int | None) -> None:
        codec = self.fonts.get(number) if number is not None else None
        st.codec = codec or self.ansi

    def paragraph_end(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > self.max_paragraphs:
            raise InputTooLargeError(
                f"RTF has over {self.max_paragraphs} paragraphs (Limits.max_paragraphs); "
                "raise the limit if the file is genuine"
            )

    def row_def(self, st: _State) -> RowDef:
        level = max(st.itap, 2) if self.in_nestprops() else 1
        row = self.rows.get(level)
        if row is None:
            row = self.rows[level] = RowDef()
        return row

    def in_nestprops(self) -> bool:
        return self.state.dest == _NESTPROPS


def _par(w: _Walker, st: _State, _: int | None) -> None:
    if st.dest == _TEXT:
        w.paragraph_end()
        w.sink.end_paragraph(st.level())
    else:
        w.emit("\n")


def _cell(w: _Walker, st: _State, _: int | None) -> None:
    if st.dest == _TEXT:
        w.paragraph_end()
        w.sink.end_cell(max(st.itap, 1))
    else:
        w.emit("\t")


def _nestcell(w: _Walker, st: _State, _: int | None) -> None:
    if st.dest == _TEXT:
        w.paragraph_end()
        w.sink.end_cell(max(st.itap, 2))
    else:
        w.emit("\t")


def _row(w: _Walker, st: _State, _: int | None) -> None:
    if st.dest == _TEXT:
        w.sink.end_row(1, w.rows.get(1))
    else:
        w.emit("\n")


def _nestrow(w: _Walker, st: _State, _: int | None) -> None:
    level = max(st.itap, 2)
    if st.dest in (_TEXT, _NESTPROPS):
        w.sink.end_row(level, w.rows.get(level))


def _trowd(w: _Walker, st: _State, _: int | None) -> None:
    level = max(st.itap, 2) if st.dest == _NESTPROPS else 1
    w.rows[level] = RowDef()


def _trleft(w: _Walker, st: _State, p: int | None) -> None:
    w.row_def(st).left = p or 0


def _trhdr(w: _Walker, st: _State, p: int | None) -> None:
    w.row_def(st).header = p != 0


def _merge(axis: int, how: str) -> Any:
    def handler(w: _Walker, st: _State, _: int | None) -> None:
        w.row_def(st).pending[axis] = how

    return handler


def _cellx(w: _Walker, st: _State, p: int | None) -> None:
    row = w.row_def(st)
    if row.fill:
        row.shaded.add(len(row.cells))
    row.cells.append((p or 0, row.pending[0], row.pending[1]))
    row.pending, row.fill = ["", ""], False


def _pard(w: _Walker, st: _State, _: int | None) -> None:
    st.intbl, st.itap = False, 0
    st.look &= ~PARA_SHADED


def _colortbl(w: _Walker, st: _State, _: int | None) -> None:
    st.dest = _COLORS


def _color_part(shift: int) -> Any:
    def handler(w: _Walker, st: _State, p: int | None) -> None:
        rgb = max(w.rgb, 0)
        w.rgb = (rgb & ~(0xFF << shift)) | ((p or 0) & 0xFF) << shift

    return handler


def _look(bit: int) -> Any:
    """\\cfN sets WHITE when N is white; the others set their bit when N
    is a colour other than white (0: none, or auto)."""

    def handler(w: _Walker, st: _State, p: int | None) -> None:
        white = w.is_white(p)
        on = white if bit == WHITE else bool(p) and not white
        st.look = st.look | bit if on else st.look & ~bit

    return handler


def _clcbpat(w: _Walker, st: _State, p: int | None) -> None:
    w.row_def(st).fill = bool(p) and not w.is_white(p)


def _intbl(w: _Walker, st: _State, _: int | None) -> None:
    st.intbl = True


def _itap(w: _Walker, st: _State, p: int | None) -> None:
    if p is not None and p > MAX_TABLE_DEPTH:
        raise InputTooLargeError(
            f"RTF nests a table {p} deep (\\itap{p}); Word nests at most "
            f"{MAX_TABLE_DEPTH} (a hostile or damaged file)"
        )
    st.itap = max(p or 0, 0)


def _plain(w: _Walker, st: _State, _: int | None) -> None:
    st.look &= ~_CHARACTER
    w.use_font(st, w.deff)


def _v(w: _Walker, st: _State, p: int | None) -> None:
    st.look = st.look | HIDDEN if p != 0 else st.look & ~HIDDEN


def _f(w: _Walker, st: _State, p: int | None) -> None:
    w.use_font(st, p)


def _uc(w: _Walker, st: _State, p: int | None) -> None:
    st.uc = max(p or 0, 0)


def _ansicpg(w: _Walker, st: _State, p: int | None) -> None:
    if p:
        w.ansi = _codec(p)
        w.use_font(st, w.deff)


def _charset(codepage: int) -> Any:
    def handler(w: _Walker, st: _State, _: int | None) -> None:
        w.ansi = _codec(codepage)
        st.codec = w.ansi

    return handler


def _deff(w: _Walker, st: _State, p: int | None) -> None:
    w.deff = p


def _fonttbl(w: _Walker, st: _State, _: int | None) -> None:
    st.dest = _FONTS


def _number(w: _Walker, st: _State, _: int | None) -> None:
    w.collect(_NUMBER, "")


def _nesttableprops(w: _Walker, st: _State, _: int | None) -> None:
    st.dest = _NESTPROPS


def _upr(w: _Walker, st: _State, _: int | None) -> None:
    st.outer, st.dest = st.dest, _UPR


def _ud(w: _Walker, st: _State, _: int | None) -> None:
    if st.dest == _UPR:
        st.dest = st.outer


def _shpinst(w: _Walker, st: _State, _: int | None) -> None:
    # The drawing's properties are passed over (\sp is in the skip list);
    # only a text box it holds (\shptxt) is read, as residue.
    st.dest = _NESTPROPS if st.dest == _NESTPROPS else _UPR
    st.outer = _TEXT


def _param(name: str, digits: bytes) -> int | None:
    if not digits or digits == b"-":
        return None
    if len(digits) > 11:
        raise CorruptFileError(
            f"RTF control word \\{name[:32]} has a {len(digits)}-digit parameter: "
            "no RTF writer writes one (damaged file)"
        )
    return int(digits)


_WORDS: dict[str, Any] = {
    "par": _par,
    "sect": _par,
    "cell": _cell,
    "nestcell": _nestcell,
    "row": _row,
    "nestrow": _nestrow,
    "trowd": _trowd,
    "trleft": _trleft,
    "trhdr": _trhdr,
    "clvmgf": _merge(0, "restart"),
    "clvmrg": _merge(0, "continue"),
    "clmgf": _merge(1, "restart"),
    "clmrg": _merge(1, "continue"),
    "cellx": _cellx,
    "pard": _pard,
    "intbl": _intbl,
    "itap": _itap,
    "plain": _plain,
    "v": _v,
    "f": _f,
    "uc": _uc,
    "ansicpg": _ansicpg,
    "ansi": _charset(1252),
    "mac": _charset(10000),
    "pc": _charset(437),
    "pca": _charset(850),
    "deff": _deff,
    "fonttbl": _fonttbl,
    "colortbl": _colortbl,
    "red": _color_part(16),
    "green": _color_part(8),
    "blue": _color_part(0),
    "cf": _look(WHITE),
    "highlight": _look(HIGHLIGHT),
    "cb": _look(BACKGROUND),
    "chcbpat": _look(BACKGROUND),
    "cbpat": _look(PARA_SHADED),
    "clcbpat": _clcbpat,
    "listtext": _number,
    "pntext": _number,
    "nesttableprops": _nesttableprops,
    "upr": _upr,
    "ud": _ud,
    "shpinst": _shpinst,
}


def _keep() -> frozenset[str]:
    """Every control word the walker acts on: the others never reach it."""
    _, _, symbols, skip, readable, residue = _data()
    fonts = ("f", "fcharset", "cpg", "u")
    return frozenset((*_WORDS, *symbols, *skip, *readable, *residue, *fonts))


_KEEP = _keep()
