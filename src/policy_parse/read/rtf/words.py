"""What each control word the walker acts on does (read/rtf/walker.py runs
them: a handler gets the walker, the group's state and the parameter)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...errors import InputTooLargeError
from .state import (
    BACKGROUND,
    BOX,
    CHARACTER,
    COLORS,
    FONTS,
    HIDDEN,
    HIGHLIGHT,
    MAX_TABLE_DEPTH,
    NESTPROPS,
    NUMBER,
    PARA_SHADED,
    TEXT,
    UPR,
    WHITE,
    RowDef,
    State,
    codec,
    vocabulary,
)

if TYPE_CHECKING:
    from .walker import Walker

__all__ = ["WORDS", "keep_words"]


def _sect(w: Walker, st: State, p: int | None) -> None:
    """A section break ends a paragraph, an empty one after `\\par`: so
    LibreOffice's .docx of samples/notice.rtf holds it (an empty w:p carrying
    the sectPr before the landscape 分工表), and spans number paragraphs as
    they did through it.  (For a break between two paragraphs of one page
    size LibreOffice makes none: there spans after it are one higher.)"""
    _par(w, st, p)


def _text_box(w: Walker, st: State, _: int | None) -> None:
    w.collect(BOX, "")


def _par(w: Walker, st: State, _: int | None) -> None:
    if st.dest == TEXT:
        w.paragraph_end()
        w.sink.end_paragraph(st.level())
    else:
        w.emit("\n")


def _cell(w: Walker, st: State, _: int | None) -> None:
    if st.dest == TEXT:
        w.paragraph_end()
        w.sink.end_cell(max(st.itap, 1))
    else:
        w.emit("\t")


def _nestcell(w: Walker, st: State, _: int | None) -> None:
    if st.dest == TEXT:
        w.paragraph_end()
        w.sink.end_cell(max(st.itap, 2))
    else:
        w.emit("\t")


def _row(w: Walker, st: State, _: int | None) -> None:
    if st.dest == TEXT:
        w.sink.end_row(1, w.rows.get(1))
    else:
        w.emit("\n")


def _nestrow(w: Walker, st: State, _: int | None) -> None:
    level = max(st.itap, 2)
    if st.dest in (TEXT, NESTPROPS):
        w.sink.end_row(level, w.rows.get(level))


def _trowd(w: Walker, st: State, _: int | None) -> None:
    level = max(st.itap, 2) if st.dest == NESTPROPS else 1
    w.rows[level] = RowDef()


def _trleft(w: Walker, st: State, p: int | None) -> None:
    w.row_def(st).left = p or 0


def _trhdr(w: Walker, st: State, p: int | None) -> None:
    w.row_def(st).header = p != 0


def _merge(axis: int, how: str) -> Any:
    def handler(w: Walker, st: State, _: int | None) -> None:
        w.row_def(st).pending[axis] = how

    return handler


def _cellx(w: Walker, st: State, p: int | None) -> None:
    row = w.row_def(st)
    if row.fill:
        row.shaded.add(len(row.cells))
    row.cells.append((p or 0, row.pending[0], row.pending[1]))
    row.pending, row.fill = ["", ""], False


def _pard(w: Walker, st: State, _: int | None) -> None:
    st.intbl, st.itap = False, 0
    st.look &= ~PARA_SHADED


def _colortbl(w: Walker, st: State, _: int | None) -> None:
    st.dest = COLORS


def _color_part(shift: int) -> Any:
    def handler(w: Walker, st: State, p: int | None) -> None:
        rgb = max(w.rgb, 0)
        w.rgb = (rgb & ~(0xFF << shift)) | ((p or 0) & 0xFF) << shift

    return handler


def _look(bit: int) -> Any:
    """\\cfN sets WHITE when N is white; the others set their bit when N
    is a colour other than white (0: none, or auto)."""

    def handler(w: Walker, st: State, p: int | None) -> None:
        white = w.is_white(p)
        on = white if bit == WHITE else bool(p) and not white
        st.look = st.look | bit if on else st.look & ~bit

    return handler


def _clcbpat(w: Walker, st: State, p: int | None) -> None:
    w.row_def(st).fill = bool(p) and not w.is_white(p)


def _intbl(w: Walker, st: State, _: int | None) -> None:
    st.intbl = True


def _itap(w: Walker, st: State, p: int | None) -> None:
    if p is not None and p > MAX_TABLE_DEPTH:
        raise InputTooLargeError(
            f"RTF nests a table {p} deep (\\itap{p}); Word nests at most "
            f"{MAX_TABLE_DEPTH} (a hostile or damaged file)"
        )
    st.itap = max(p or 0, 0)


def _plain(w: Walker, st: State, _: int | None) -> None:
    st.look &= ~CHARACTER
    w.use_font(st, w.deff)


def _v(w: Walker, st: State, p: int | None) -> None:
    st.look = st.look | HIDDEN if p != 0 else st.look & ~HIDDEN


def _f(w: Walker, st: State, p: int | None) -> None:
    w.use_font(st, p)


def _uc(w: Walker, st: State, p: int | None) -> None:
    st.uc = max(p or 0, 0)


def _ansicpg(w: Walker, st: State, p: int | None) -> None:
    if p:
        w.ansi = codec(p)
        w.use_font(st, w.deff)


def _charset(codepage: int) -> Any:
    def handler(w: Walker, st: State, _: int | None) -> None:
        w.ansi = codec(codepage)
        st.codec = w.ansi

    return handler


def _deff(w: Walker, st: State, p: int | None) -> None:
    w.deff = p


def _fonttbl(w: Walker, st: State, _: int | None) -> None:
    st.dest = FONTS


def _number(w: Walker, st: State, _: int | None) -> None:
    w.collect(NUMBER, "")


def _nesttableprops(w: Walker, st: State, _: int | None) -> None:
    st.dest = NESTPROPS


def _upr(w: Walker, st: State, _: int | None) -> None:
    st.outer, st.dest = st.dest, UPR


def _ud(w: Walker, st: State, _: int | None) -> None:
    if st.dest == UPR:
        st.dest = st.outer


def _shpinst(w: Walker, st: State, _: int | None) -> None:
    # The drawing's properties are passed over (\sp is in the skip list);
    # only a text box it holds (\shptxt) is read.
    st.dest = NESTPROPS if st.dest == NESTPROPS else UPR
    st.outer = TEXT


WORDS: dict[str, Any] = {
    "par": _par,
    "sect": _sect,  # as \par (_sect says why)
    "shptxt": _text_box,
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


def keep_words() -> frozenset[str]:
    """Every control word the walker acts on: the others never reach it."""
    _, _, symbols, skip, readable, residue = vocabulary()
    fonts = ("f", "fcharset", "cpg", "u")
    return frozenset((*WORDS, *symbols, *skip, *readable, *residue, *fonts))
