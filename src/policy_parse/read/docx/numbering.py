"""Word's automatic list numbering, rendered to the text a reader sees.

A paragraph Word numbers itself (w:numPr on the paragraph or its style)
holds no number in its text: Word draws "1." or "（一）" from numbering.xml,
counting in document order.  `Numbering` reads numbering.xml and the styles
of a package, and the Word reader (`docx.reader`) asks it, paragraph by paragraph,
for the number to put in front of the text; `format_number` renders one
counter in a w:numFmt.  Rendered numbers are bounded by
`Limits.max_marker_chars` (docs/formats.md, "Numbering reconstruction").
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import attrs
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ...errors import InputTooLargeError
from ..counters import FORMATS, format_number
from ..limits import Limits
from ..safety import parse_xml
from .wordml import VAL, W, int_val, is_on

__all__ = ["Numbering", "format_number"]


@attrs.frozen(kw_only=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart: None = after any higher level
    legal: bool = False  # w:isLgl: show every level as decimal
    gap: bool = True  # w:suff: Word draws a tab (default) or space after the number


def _parse_level(lvl: Any) -> _Level:
    def val(name: str) -> str | None:
        el = lvl.find(W + name)
        return None if el is None else el.get(VAL)

    restart = val("lvlRestart")
    return _Level(
        start=int_val(lvl.find(W + "start"), 1),
        fmt=val("numFmt") or "decimal",
        text=val("lvlText"),
        restart=int(restart) if restart and restart.isdigit() else None,
        legal=is_on(lvl.find(W + "isLgl")),
        gap=val("suff") != "nothing",
    )


@attrs.define
class _Num:
    abstract: str
    start_overrides: dict[int, int]
    level_overrides: dict[int, _Level]
    applied: set[int] = attrs.field(factory=set)


class Numbering:
    """numbering.xml, and the counters of a walk in document order.

    Counters belong to the abstract list (w:abstractNum), as in Word: two
    w:num of one abstract list continue each other, unless a w:num restarts
    a level with w:lvlOverride/w:startOverride, which takes effect the first
    time that w:num is used at that level.  Using a level restarts the levels
    below it (w:lvlRestart can say otherwise).
    """

    def __init__(
        self,
        abstracts: dict[str, dict[int, _Level]],
        nums: dict[str, _Num],
        style_numpr: dict[str, tuple[str | None, int | None]],
        default_style: str | None,
        max_chars: int = Limits().max_marker_chars,
    ) -> None:
        self.max_chars = max_chars
        self.abstracts = abstracts
        self.nums = nums
        self.style_numpr = style_numpr
        self.default_style = default_style
        self.counters: dict[str, dict[int, int]] = {}
        # w:numFmt names rendered as decimal for want of knowing Word's drawing.
        self.guessed: set[str] = set()

    @classmethod
    def empty(cls) -> Numbering:
        return cls({}, {}, {}, None)

    @classmethod
    def from_package(cls, data: bytes, document: Any, limits: Limits) -> Numbering:
        try:
            part = document.part.part_related_by(RT.NUMBERING)
        except KeyError:
            return cls.empty()
        member = str(part.partname).lstrip("/")
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            try:
                xml = zf.read(member)
            except KeyError:
                return cls.empty()
        return cls.from_element(parse_xml(xml), _style_numpr(document), limits)

    @classmethod
    def from_element(
        cls,
        root: Any,
        styles: tuple[dict[str, tuple[str | None, int | None]], str | None],
        limits: Limits,
    ) -> Numbering:
        """A w:numbering element's lists: numbering.xml's, or the one the
        Word 97 reader writes from a .doc's list tables (`read.doc.lists`);
        `styles` is the numbering paragraph styles carry and the default
        paragraph style."""
        abstracts: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}
        for an in root.iter(W + "abstractNum"):
            aid = an.get(W + "abstractNumId")
            if aid is None:
                continue
            levels = {}
            for lvl in an.iter(W + "lvl"):
                ilvl = lvl.get(W + "ilvl")
                if ilvl is not None and ilvl.isdigit():
                    levels[int(ilvl)] = _parse_level(lvl)
            abstracts[aid] = levels
            link = an.find(W + "numStyleLink")
            style_link = link.get(VAL) if link is not None else None
            if style_link:
                links[aid] = style_link
        nums: dict[str, _Num] = {}
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId")
            ref = num.find(W + "abstractNumId")
            if nid is None or ref is None or ref.get(VAL) is None:
                continue
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for ov in num.iter(W + "lvlOverride"):
                ilvl = ov.get(W + "ilvl")
                if ilvl is None or not ilvl.isdigit():
                    continue
                so = ov.find(W + "startOverride")
                if so is not None:
                    starts[int(ilvl)] = int_val(so, 1)
                override = ov.find(W + "lvl")
                if override is not None:
                    overrides[int(ilvl)] = _parse_level(override)
            nums[nid] = _Num(str(ref.get(VAL)), starts, overrides)
        # An abstract list that only links to a numbering style takes its
        # levels from the list that style points at (one hop is all Word uses).
        for aid, style_id in links.items():
            num_id = styles[0].get(style_id, (None, None))[0]
            target = nums.get(num_id) if num_id else None
            if target is not None and abstracts.get(target.abstract):
                abstracts[aid] = abstracts[target.abstract]
                for linked in nums.values():
                    if linked.abstract == aid:
                        linked.abstract = target.abstract
        return cls(abstracts, nums, styles[0], styles[1], limits.max_marker_chars)

    def label(self, p: Any) -> str:
        """Advance the counters for paragraph `p` and return its number as
        Word draws it ("" when it has none)."""
        return self.label_and_gap(p)[0]

    def numbered(self, p: Any) -> bool:
        """Whether `p` is in a list (no counter is advanced)."""
        num_id, _ = self._num_of(p)
        return num_id is not None and num_id != "0" and num_id in self.nums

    def _num_of(self, p: Any) -> tuple[str | None, int | None]:
        """The w:numId and w:ilvl of `p`, from the paragraph or its style."""
        num_id: str | None = None
        ilvl: int | None = None
        ppr = p.find(W + "pPr")
        style: str | None = self.default_style
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            if ps is not None:
                style = ps.get(VAL)
            numpr = ppr.find(W + "numPr")
            if numpr is not None:
                el = numpr.find(W + "numId")
                if el is not None:
                    num_id = el.get(VAL)
                el = numpr.find(W + "ilvl")
                if el is not None:
                    ilvl = int_val(el, 0)
        if (num_id is None or ilvl is None) and style in self.style_numpr:
            s_num, s_ilvl = self.style_numpr[style]
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        return num_id, ilvl

    def label_and_gap(self, p: Any) -> tuple[str, bool]:
        """`label`, and whether Word draws a gap (w:suff tab or space)
        between the number and the text."""
        if not self.nums:
            return "", False
        num_id, ilvl = self._num_of(p)
        if num_id is None or num_id == "0":
            return "", False
        num = self.nums.get(num_id)
        if num is None:
            return "", False
        levels = self.abstracts.get(num.abstract, {})
        k = ilvl or 0
        level = num.level_overrides.get(k) or levels.get(k)
        if level is None:
            return "", False
        counters = self.counters.setdefault(num.abstract, {})
        if k in num.start_overrides and k not in num.applied:
            num.applied.add(k)
            counters[k] = num.start_overrides[k]
        elif k in counters:
            counters[k] += 1
        else:
            counters[k] = level.start
        for deeper in [j for j in counters if j > k]:
            dl = num.level_overrides.get(deeper) or levels.get(deeper) or _Level()
            bound = deeper if dl.restart is None else dl.restart
            if k < bound:
                del counters[deeper]
        if level.fmt == "bullet" or level.text is None:
            return "", False
        text = _render(level.text, k, counters, num, levels, self.max_chars, self.guessed)
        return text, level.gap


def _render(
    text: str,
    k: int,
    counters: dict[int, int],
    num: _Num,
    levels: dict[int, _Level],
    max_chars: int = Limits().max_marker_chars,
    guessed: set[str] | None = None,
) -> str:
    """Word's level text with every %n replaced; refused once it would pass
    `max_chars` (a huge w:start in letters, a level text of many %1).  A
    format `format_number` does not know is drawn as decimal and its name
    added to `guessed`."""
    legal = (num.level_overrides.get(k) or levels.get(k) or _Level()).legal
    out = []
    size = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
            ref = int(text[i + 1]) - 1
            lvl = num.level_overrides.get(ref) or levels.get(ref) or _Level()
            value = counters.get(ref, lvl.start)
            fmt = "decimal" if legal and lvl.fmt not in ("none", "bullet") else lvl.fmt
            if fmt not in FORMATS and guessed is not None:
                guessed.add(fmt)
            piece = format_number(value, fmt, max_chars - size)
            i += 2
        else:
            piece = ch
            i += 1
        size += len(piece)
        if size > max_chars:
            raise InputTooLargeError(
                f".docx automatic numbering renders a number of over {max_chars} characters "
                f"(level text {text[:40]!r}); refused (Limits.max_marker_chars)"
            )
        out.append(piece)
    return "".join(out)


def _style_numpr(document: Any) -> tuple[dict[str, tuple[str | None, int | None]], str | None]:
    """Numbering that paragraph styles carry (w:basedOn followed), and the
    default paragraph style."""
    styles_el = document.styles.element
    raw: dict[str, tuple[str | None, int | None, str | None]] = {}
    default: str | None = None
    for st in styles_el.iter(W + "style"):
        if st.get(W + "type") not in (None, "paragraph", "numbering"):
            continue
        sid = st.get(W + "styleId")
        if sid is None:
            continue
        if _on_attr(st.get(W + "default")) and st.get(W + "type") == "paragraph":
            default = sid
        based = st.find(W + "basedOn")
        num_id: str | None = None
        ilvl: int | None = None
        numpr = st.find(W + "pPr/" + W + "numPr")
        if numpr is not None:
            el = numpr.find(W + "numId")
            num_id = el.get(VAL) if el is not None else None
            el = numpr.find(W + "ilvl")
            ilvl = int_val(el, 0) if el is not None else None
        raw[sid] = (num_id, ilvl, based.get(VAL) if based is not None else None)
    resolved: dict[str, tuple[str | None, int | None]] = {}
    for sid, (num_id, ilvl, based) in raw.items():
        seen = {sid}
        while (num_id is None or ilvl is None) and based and based in raw and based not in seen:
            seen.add(based)
            b_num, b_ilvl, based_next = raw[based]
            num_id = num_id if num_id is not None else b_num
            ilvl = ilvl if ilvl is not None else b_ilvl
            based = based_next
        if num_id is not None:
            resolved[sid] = (num_id, ilvl if ilvl is not None else 0)
    return resolved, default


def _on_attr(value: str | None) -> bool:
    return value in ("1", "true", "on")
