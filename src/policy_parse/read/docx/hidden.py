"""Which Word runs a reader does not see, and why.

Word draws no text for a run marked hidden (w:vanish, the "Hidden" font
effect) and a white run on a white or unshaded page reads as blank paper.
Both are what the HTML, XLSX, OFD and PDF readers already set aside: the
text is kept as residue with the reason, never read into the notice (a
hidden 牵头单位 line would otherwise change who leads).  A run's look comes
from its own properties (w:rPr), then its character style, then its
paragraph's style (each with the styles it is based on), then the
document's defaults: the first that says.  White text is visible on a
shaded run, paragraph or cell, so a fill other than white counts as
shading; a highlight too.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .wordml import VAL, W, is_on

__all__ = ["VANISH_REASON", "WHITE_REASON", "Looks"]

VANISH_REASON = "hidden text: marked hidden in Word (w:vanish)"
WHITE_REASON = "hidden text: white on white"

_RPR = W + "rPr"
_PPR = W + "pPr"
_STYLE = W + "style"
_STYLE_ID = W + "styleId"
_BASED_ON = W + "basedOn"
_VANISH = W + "vanish"
_COLOR = W + "color"
_SHD = W + "shd"
_HIGHLIGHT = W + "highlight"
_WHITE = frozenset(("FFFFFF", "AUTO", ""))  # a fill of auto or none is the page's white
_WHITE_THEME = frozenset(("background1", "light1"))
# A run with no properties: asks the paragraph's style and the defaults.
_NO_RUN = etree.Element(W + "r")
# Style chains deeper than this are damaged or hostile (Word writes a few).
_MAX_BASED_ON = 32


def _is_white_text(color: Any) -> bool:
    return (color.get(VAL) or "").upper() == "FFFFFF" or color.get(W + "themeColor") in _WHITE_THEME


def _is_shaded(props: Any) -> bool:
    """Whether a w:rPr / w:pPr / w:tcPr puts a coloured background under its text."""
    if props is None:
        return False
    shd = props.find(_SHD)
    if shd is not None and (shd.get(W + "fill") or "").upper() not in _WHITE:
        return True
    hl = props.find(_HIGHLIGHT)
    return hl is not None and hl.get(VAL) not in (None, "none", "white")


class Looks:
    """The styles of one document, asked about runs."""

    def __init__(self, styles: Any = None) -> None:
        """`styles`: the w:styles element of styles.xml, or None."""
        self._styles: dict[str, Any] = {}
        self._defaults: Any = None
        self._normal: str | None = None  # the paragraph style a w:p without w:pStyle has
        self._chains: dict[str | None, list[Any]] = {}
        if styles is not None:
            for st in styles.iter(_STYLE):
                sid = st.get(_STYLE_ID)
                if sid is not None:
                    self._styles.setdefault(sid, st)
                if st.get(W + "type") == "paragraph" and _is_default(st):
                    self._normal = self._normal or sid
            defaults = styles.find(W + "docDefaults")
            if defaults is not None:
                self._defaults = defaults.find(W + "rPrDefault/" + _RPR)

    def _style_rprs(self, style_id: str | None) -> list[Any]:
        """The w:rPr of a style and the styles it is based on, nearest first."""
        if style_id not in self._chains:
            self._chains[style_id] = self._walk(style_id)
        return self._chains[style_id]

    def _walk(self, style_id: str | None) -> list[Any]:
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < _MAX_BASED_ON:
            seen.add(style_id)
            st = self._styles.get(style_id)
            if st is None:
                break
            if (rpr := st.find(_RPR)) is not None:
                out.append(rpr)
            based = st.find(_BASED_ON)
            style_id = based.get(VAL) if based is not None else None
        return out

    def _chain(self, run: Any, paragraph: Any) -> list[Any]:
        """Every w:rPr that may set a run's look, in the order Word applies them."""
        chain: list[Any] = []
        rpr = run.find(_RPR)
        if rpr is not None:
            chain.append(rpr)
            rstyle = rpr.find(W + "rStyle")
            if rstyle is not None:
                chain += self._style_rprs(rstyle.get(VAL))
        ppr = paragraph.find(_PPR) if paragraph is not None else None
        pstyle = ppr.find(W + "pStyle") if ppr is not None else None
        chain += self._style_rprs(pstyle.get(VAL) if pstyle is not None else self._normal)
        if self._defaults is not None:
            chain.append(self._defaults)
        return chain

    def mark_hidden(self, paragraph: Any) -> bool:
        """Whether the paragraph mark is hidden (w:vanish in the w:rPr of its
        w:pPr, or its style's): with all its runs hidden, Word shows no line."""
        ppr = paragraph.find(_PPR)
        rpr = ppr.find(_RPR) if ppr is not None else None
        chain = ([rpr] if rpr is not None else []) + self._chain(_NO_RUN, paragraph)
        vanish = next((el for el in (r.find(_VANISH) for r in chain) if el is not None), None)
        return is_on(vanish)

    def why_hidden(self, run: Any, paragraph: Any, shaded: bool) -> str | None:
        """The residue reason for a run nobody sees, or None for a visible run.
        `shaded`: the paragraph or cell around it has a coloured background."""
        chain = self._chain(run, paragraph)
        vanish = next((el for el in (r.find(_VANISH) for r in chain) if el is not None), None)
        if is_on(vanish):
            return VANISH_REASON
        color = next((el for el in (r.find(_COLOR) for r in chain) if el is not None), None)
        if color is None or not _is_white_text(color):
            return None
        if shaded or any(_is_shaded(r) for r in chain):
            return None
        ppr = paragraph.find(_PPR) if paragraph is not None else None
        return None if _is_shaded(ppr) else WHITE_REASON


def _is_default(style: Any) -> bool:
    return style.get(W + "default") in ("1", "true", "on")


def is_shaded(props: Any) -> bool:
    """A cell's w:tcPr with a coloured fill: white text on it is seen."""
    return _is_shaded(props)
