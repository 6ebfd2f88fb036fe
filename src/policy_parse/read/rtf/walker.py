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
* a text box (`\\shptxt` in a shape) is read where it is anchored, its
  paragraphs after the anchoring one, as the .docx reader reads w:txbxContent;
* footnotes, comments and objects' shown results: residue with the reason
  (data/rtf.toml), never outline;
* pictures, font/colour/style/list tables, headers and footers, and every
  group opened by `\\*` that data/rtf.toml does not name: passed over.
  Any other group's text is read: an unknown destination is never dropped.
"""

from __future__ import annotations

from ...errors import CorruptFileError, InputTooLargeError
from .state import (
    BOX,
    COLORS,
    FONTS,
    MAX_DEPTH,
    NESTPROPS,
    NUMBER,
    RESIDUE,
    TEXT,
    UPR,
    RowDef,
    Sink,
    State,
    codec,
    vocabulary,
)
from .tokens import Token, scan
from .words import WORDS, keep_words

__all__ = ["Walker", "walk"]


def walk(data: bytes, sink: Sink, max_paragraphs: int) -> None:
    """Walk the RTF document `data`, handing its content to `sink`."""
    Walker(sink, max_paragraphs).run(data)


class Walker:
    def __init__(self, sink: Sink, max_paragraphs: int) -> None:
        charsets, _, symbols, skip, readable, residue = vocabulary()
        self.sink = sink
        self.charsets, self.symbols, self.skip_words = charsets, symbols, skip
        self.readable, self.residue_words = readable, residue
        self.max_paragraphs = max_paragraphs
        self.paragraphs = 0
        self.ansi = "cp1252"
        self.deff: int | None = None
        self.fonts: dict[int, str | None] = {}  # font number → codec (None: the document's)
        self.font = -1  # the font being defined in the font table
        self.state = State()
        self.stack: list[State] = []
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
                if st.dest == COLORS and text:
                    for _ in range(text.count(b";")):
                        self.colors.append(None if self.rgb < 0 else self.rgb)
                        self.rgb = -1
                elif st.dest <= RESIDUE:
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
                    if st.dest == TEXT:
                        self.sink.text(chr(code), st.look)
                    elif st.dest <= RESIDUE:
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
            if kind == NUMBER:
                text = text.rstrip()
                if text:
                    self.emit_to(text, self.stack[-1])
            elif kind == BOX:
                self.sink.text_box([line for line in text.split("\n") if line.strip()])
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

    def emit_to(self, text: str, state: State) -> None:
        dest = state.dest
        if dest == TEXT:
            self.sink.text(text, state.look)
        elif NUMBER <= dest <= RESIDUE and self.collecting:
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
        if dest == FONTS:
            self.font_word(name, param)
            return False
        if name == "u" and param is not None:
            if dest == UPR:
                return False
            self.unicode(param)
            return False
        self.flush_high()
        if name in self.skip_words:
            return True
        handler = WORDS.get(name)
        if handler is not None:
            handler(self, st, param)
            return False
        text = self.symbols.get(name)
        if text is not None:
            self.emit(text)
        elif name in self.residue_words:
            self.collect(RESIDUE, self.residue_words[name])
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
            self.fonts[self.font] = codec(cp) if cp else None
        elif name == "cpg" and param is not None and self.font >= 0:
            self.fonts[self.font] = codec(param)

    def use_font(self, st: State, number: int | None) -> None:
        codec = self.fonts.get(number) if number is not None else None
        st.codec = codec or self.ansi

    def paragraph_end(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > self.max_paragraphs:
            raise InputTooLargeError(
                f"RTF has over {self.max_paragraphs} paragraphs (Limits.max_paragraphs); "
                "raise the limit if the file is genuine"
            )

    def row_def(self, st: State) -> RowDef:
        level = max(st.itap, 2) if self.in_nestprops() else 1
        row = self.rows.get(level)
        if row is None:
            row = self.rows[level] = RowDef()
        return row

    def in_nestprops(self) -> bool:
        return self.state.dest == NESTPROPS


def _param(name: str, digits: bytes) -> int | None:
    if not digits or digits == b"-":
        return None
    if len(digits) > 11:
        raise CorruptFileError(
            f"RTF control word \\{name[:32]} has a {len(digits)}-digit parameter: "
            "no RTF writer writes one (damaged file)"
        )
    return int(digits)


_KEEP = keep_words()
