"""What a web page hides with CSS, so the reader sets it aside as residue.

A page can carry text no visitor sees — planted to slip a measure or a
department past a human check, or left over from a template.  It is hidden
by an inline ``style`` or by a rule in a ``<style>`` element that names the
element's tag, class or id.  Hidden, for this reader, is any of:
``display:none``; ``visibility:hidden|collapse``; ``font-size:0``;
``opacity:0``; white text with no background of its own (the page is white)
or on a white one; off-screen positioning (``position:absolute|fixed`` with
``left``/``top`` of -500px or less, or ``text-indent`` of -500px or less);
zero height (or width) with ``overflow:hidden``; the common "screen reader
only" clip (``clip:rect(0 0 0 0)``, ``clip-path:inset(50%)``, or a box of
1px or less with ``overflow:hidden``).

One hiding is lifted: a page whose main content waits, hidden only by
``visibility:hidden`` or ``opacity:0`` on its container, for a script to show
it (a WeChat article's body) is read as shown, and the reader says so
(`shown_by_script`).  The text hidden inside it by other means stays hidden.

Not a browser's cascade (a real one needs a layout engine): rules whose
selectors are simple — a tag, classes and an id, in a comma list — are
read; selectors with combinators or pseudo-classes, rules inside an
``@media`` query other than ``screen``/``all``, and colours computed from
the parent are not.  docs/security.md lists these gaps.
"""

from __future__ import annotations

import regex
from lxml import etree

from .. import data

_COMMENT = regex.compile(r"/\*.*?\*/", regex.DOTALL)
_RULE = regex.compile(r"([^{}]+)\{([^{}]*)\}")
_COMPOUND = regex.compile(r"(?P<tag>[a-zA-Z][\w-]*)?(?P<rest>(?:[.#][\w-]+)*)")
_PART = regex.compile(r"([.#])([\w-]+)")
_ZERO = regex.compile(r"[-+]?0*\.?0+(px|pt|em|rem|%|vh|vw)?")
_LENGTH = regex.compile(r"([-+]?\d*\.?\d+)(px|pt)?")
_WHITE = regex.compile(r"white|#fff|#ffffff|rgba?\(\s*255\s*,\s*255\s*,\s*255\s*(,\s*[\d.]+\s*)?\)")
_CLIP_NOTHING = regex.compile(r"rect\(\s*0(px)?\s*,?\s*0(px)?\s*,?\s*0(px)?\s*,?\s*0(px)?\s*\)")
_OFF_SCREEN = -500.0

Selector = tuple[str | None, frozenset[str], str | None]  # tag, classes, id


def declarations(style: str) -> dict[str, str]:
    """``a: b; c: d`` as {property: value}, lower case, the last one winning,
    ``!important`` dropped."""
    out: dict[str, str] = {}
    for item in _COMMENT.sub("", style).split(";"):
        name, colon, value = item.partition(":")
        if colon:
            value = value.lower().replace("!important", "").strip()
            out[name.strip().lower()] = " ".join(value.split())
    return out


def _length(value: str | None) -> float | None:
    if value is None:
        return None
    m = _LENGTH.fullmatch(value)
    return float(m[1]) if m else None


def _small(value: str | None) -> bool:
    n = _length(value)
    return n is not None and n <= 1


def hides(d: dict[str, str]) -> bool:
    """Whether declarations `d` hide the element's text (module docstring)."""
    if d.get("display") == "none" or d.get("visibility") in ("hidden", "collapse"):
        return True
    if _ZERO.fullmatch(d.get("font-size", "x")) or _ZERO.fullmatch(d.get("opacity", "x")):
        return True
    colour = d.get("color")
    background = d.get("background-color", d.get("background"))
    if colour and _WHITE.fullmatch(colour) and (background is None or _WHITE.fullmatch(background)):
        return True
    if d.get("position") in ("absolute", "fixed"):
        for side in ("left", "top"):
            n = _length(d.get(side))
            if n is not None and n <= _OFF_SCREEN:
                return True
    indent = _length(d.get("text-indent"))
    if indent is not None and indent <= _OFF_SCREEN:
        return True
    overflow_hidden = d.get("overflow") in ("hidden", "clip")
    if overflow_hidden and any(_ZERO.fullmatch(d.get(k, "x")) for k in ("height", "width")):
        return True
    if overflow_hidden and _small(d.get("height")) and _small(d.get("width")):
        return True
    if _CLIP_NOTHING.fullmatch(d.get("clip", "x")) or d.get("clip-path") == "inset(50%)":
        return True
    return (
        d.get("max-height") is not None
        and bool(_ZERO.fullmatch(d["max-height"]))
        and (overflow_hidden)
    )


def hides_until_script(d: dict[str, str]) -> bool:
    """`d` hides the element only as a page does until its script shows it:
    by ``visibility:hidden`` or ``opacity:0``, nothing else."""
    rest = dict(d)
    if rest.get("visibility") == "hidden":
        del rest["visibility"]
    if _ZERO.fullmatch(rest.get("opacity", "x")):
        del rest["opacity"]
    return len(rest) < len(d) and not hides(rest)


def _without_other_media(css: str) -> str:
    """The stylesheet less its @media blocks for other than the screen."""
    out, i = [], 0
    while (k := css.find("@media", i)) >= 0:
        out.append(css[i:k])
        open_at = css.find("{", k)
        if open_at < 0:
            return "".join(out)
        depth, j = 1, open_at + 1
        while j < len(css) and depth:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        query = css[k + len("@media") : open_at].lower()
        if "screen" in query or "all" in query:
            out.append(css[open_at + 1 : j - 1])
        i = j
    out.append(css[i:])
    return "".join(out)


def _selector(text: str) -> Selector | None:
    m = _COMPOUND.fullmatch(text.strip())
    if m is None or not text.strip():
        return None
    classes = frozenset(v for kind, v in _PART.findall(m["rest"]) if kind == ".")
    ids = [v for kind, v in _PART.findall(m["rest"]) if kind == "#"]
    tag = m["tag"].lower() if m["tag"] else None
    return tag, classes, ids[0] if ids else None


class HiddenRules:
    """The page's hiding rules, matched against elements as they are walked:
    `selectors` hide for good, `until_script` only until a script shows
    (`hides_until_script`)."""

    def __init__(
        self, selectors: list[Selector], until_script: list[Selector] | None = None
    ) -> None:
        self.selectors = selectors
        self.until_script = until_script or []

    @classmethod
    def from_page(cls, root: etree._Element) -> HiddenRules:
        selectors: list[Selector] = []
        until_script: list[Selector] = []
        for style in root.iter("style"):
            text = "".join(t for t in style.itertext() if isinstance(t, str))
            css = _without_other_media(_COMMENT.sub("", text))
            for m in _RULE.finditer(css):
                d = declarations(m[2])
                if not hides(d):
                    continue
                into = until_script if hides_until_script(d) else selectors
                for text in m[1].split(","):
                    if (sel := _selector(text)) is not None:
                        into.append(sel)
        return cls(selectors, until_script)

    def hides(self, el: etree._Element, tag: str) -> bool:
        """Whether `el` is hidden by its own style or by a rule naming it."""
        return self._hidden(el, tag) is not None

    def hides_until_script(self, el: etree._Element, tag: str) -> bool:
        """Whether `el` is hidden, and only until a script shows it."""
        return self._hidden(el, tag) is False

    def _hidden(self, el: etree._Element, tag: str) -> bool | None:
        """None: shown; True: hidden for good; False: hidden only until a
        script shows it (by its style, or rules naming it, all of that kind)."""
        if el.get("hidden") is not None:
            return True
        style = el.get("style")
        d = declarations(style) if style else {}
        if d and hides(d) and not hides_until_script(d):
            return True
        if _names(el, tag, self.selectors):
            return True
        if (d and hides(d)) or _names(el, tag, self.until_script):
            return False
        return None


def _names(el: etree._Element, tag: str, selectors: list[Selector]) -> bool:
    if not selectors:
        return False
    classes = set((el.get("class") or "").split())
    ident = el.get("id")
    return any(
        (t is None or t == tag) and c <= classes and (i is None or i == ident)
        for t, c, i in selectors
    )


def ink(el: etree._Element, skip: frozenset[str]) -> int:
    """The characters other than whitespace under `el`, less those of the
    elements whose tag is in `skip` (code: script, style …)."""
    n = 0
    stack = [el]
    while stack:
        e = stack.pop()
        if e is not el and e.tail:
            n += len("".join(e.tail.split()))
        if not isinstance(e.tag, str) or e.tag.lower() in skip:
            continue
        if e.text:
            n += len("".join(e.text.split()))
        stack.extend(e)
    return n


def shown_by_script(
    root: etree._Element, rules: HiddenRules, code: frozenset[str]
) -> etree._Element | None:
    """The page's main content, hidden only until a script shows it: of the
    containers so hidden (data/html.toml `shown_tags`), the one holding the
    most text (less `code`), when that is at least `shown_min_chars`
    characters and more than the rest of the page holds (a hidden block
    beside the notice, or a hidden line on a short page, stays hidden)."""
    config = data.load("html")
    containers, min_chars = frozenset(config["shown_tags"]), config["shown_min_chars"]
    found = root.find("body")
    body = found if found is not None else root
    best, most = None, 0
    for el in body.iter():
        if not isinstance(el.tag, str) or (tag := el.tag.lower()) not in containers:
            continue
        if rules.hides_until_script(el, tag) and (n := ink(el, code)) > most:
            best, most = el, n
    if best is None or most < min_chars or 2 * most <= ink(body, code):
        return None
    return best
