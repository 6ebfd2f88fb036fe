"""The notice's header: 版头, 主体 and the attachment's title and preamble.

Input is the list of lines before the prose outline; output a `Header` and the
lines it could not place (which become residue, never dropped).
"""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING

from .._support.chinese_numerals import cn_to_int
from .._support.lazy_regex import VERBOSE, lazy_compile
from ..data import load
from ..models import Header, Residue, Span
from . import grammar as g

if TYPE_CHECKING:
    import regex


class Line:
    """One line of the text and where it came from: segment's working
    record, made for every line (~1,000 for a 23-page notice).  A plain
    class: an attrs class costs each process its build and each instance
    a frozen `__setattr__` per field; equal and hashed by its two values
    (tasks.py counts distinct lines with a set)."""

    __slots__ = ("span", "text")

    def __init__(self, text: str, span: Span) -> None:
        self.text = text
        self.span = span

    def __eq__(self, other: object) -> bool:
        if type(other) is not Line:
            return NotImplemented
        return self.text == other.text and self.span == other.span

    def __hash__(self) -> int:
        return hash((self.text, self.span))

    def __repr__(self) -> str:
        return f"Line(text={self.text!r}, span={self.span!r})"


def _iso_date(m: regex.Match[str]) -> str | None:
    try:
        y, mo, d = cn_to_int(m["y"]), cn_to_int(m["m"]), cn_to_int(m["d"])
    except (ValueError, KeyError):
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _flat(text: str) -> str:
    """A line compared without width or whitespace: 来 源 : = 来源："""
    return g.WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


@functools.cache
def _words(key: str) -> tuple[str, ...]:
    return tuple(_flat(w) for w in load("header")[key])


# A portal timestamp at the start of a line, after a list bullet:
# 2023-01-05 10:00 / • 2021-03-05 / 2017/11/24 / 13.03.2015 07:51.
_TIMESTAMP = lazy_compile(
    r"""
    ^[•·●▪◆\-\s]*                              # a bullet the page put before it
    (?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}           # 2023-01-05, 2017/11/24
      |\d{1,2}[.]\d{1,2}[.]\d{4})              # 13.03.2015
    (?:\s+\d{1,2}:\d{2}(?::\d{2})?)?             # 10:00 / 10:12:15
    (?:\s|$)
    """,
    VERBOSE,
)
_BULLET_ONLY = lazy_compile(r"^[•·●▪◆\-\s]+$")  # • - : a widget whose text was an icon


def is_furniture(text: str) -> bool:
    """A line a web page put around the notice: metadata (来源: 发布时间: 时间:),
    a breadcrumb (当前位置: 首页 > …), a widget (• 分享到) or a timestamp."""
    flat = _flat(text).lstrip("•·●▪◆-")
    if not flat or _BULLET_ONLY.match(text) or _TIMESTAMP.match(text):
        return True
    h = load("header")
    home = _flat(h["breadcrumb_home"])
    return (
        flat.startswith(
            _words("portal_words") + _words("portal_starts") + _words("breadcrumb_starts")
        )
        or any(home + sign in flat for sign in _words("breadcrumb_signs"))
        or any(map(flat.__contains__, _words("widgets")))
    )


def _one_title(title: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """A title the portal printed twice (above its metadata, then in the
    document): (lines above the first copy — the portal's own name —, the
    title, the repeat), whatever the line breaks of each copy."""
    flat = [_flat(ln.text) for ln in title]
    for j in range(len(title) - 1, 0, -1):
        tail = "".join(flat[j:])
        for i in range(j):
            if "".join(flat[i:j]) == tail:
                return title[:i], title[i:j], title[j:]
    return [], title, []


# A year in Chinese digits with a zero typed as ○ / Ｏ / 0 (二○二○年).
_CN_YEAR = lazy_compile(r"[一二三四五六七八九〇零○◯ＯｏO０o0]{4}(?=\s*年)")


def _date_match(text: str) -> regex.Match[str] | None:
    """DATE, with the zero look-alikes of a Chinese year read as 〇."""
    zeros = "".join(load("header")["zero_lookalikes"])
    table = str.maketrans(zeros, "〇" * len(zeros))

    def fix(m: regex.Match[str]) -> str:
        run = m[0]
        return run.translate(table) if any(c in "一二三四五六七八九" for c in run) else run

    return g.DATE.match(_CN_YEAR.sub(fix, text))


# 津政办规〔2023〕4号   2023-04-11: the number with the page's timestamp beside it.
_STAMPED_NUMBER = lazy_compile(
    r"^(?P<number>\S+号)\s+(?P<stamp>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)


def _split_stamped_number(lines: list[Line], residue: list[Residue]) -> list[Line]:
    """A document number followed by a portal timestamp: the number stays,
    the timestamp becomes residue."""
    out: list[Line] = []
    for ln in lines:
        m = _STAMPED_NUMBER.match(ln.text.strip())
        if m and g.DOC_NUMBER.match(m["number"]):
            out.append(Line(m["number"], ln.span))
            residue.append(
                Residue(
                    text=m["stamp"], reason="web portal timestamp beside the 文号", span=ln.span
                )
            )
        else:
            out.append(ln)
    return out


_WHO_SEPARATORS = lazy_compile(r"[、，,；;]")
_SIGNATURE_MAX = 30  # a 署名 names a body or two; longer lines are text


def lines_to_header(lines: list[Line]) -> tuple[Header, list[Residue]]:
    """Recognise header elements in order; what is left over is residue."""
    fields: dict[str, object] = {}
    residue: list[Residue] = []
    body: list[str] = []
    attachments: list[str] = []
    i, n = 0, len(lines)

    # The attachment mark splits the covering notice from the plan itself.
    mark = next((k for k, ln in enumerate(lines) if g.ATTACHMENT_MARK.match(ln.text)), None)
    notice_lines = lines if mark is None else lines[:mark]
    plan_lines = [] if mark is None else lines[mark + 1 :]
    if mark is not None:
        fields["attachment_mark"] = lines[mark].text.strip()
    n = len(notice_lines)

    # Lines a web portal put above a republished notice.
    portal = _words("portal_words")
    while notice_lines and any(w in _flat(notice_lines[0].text) for w in portal):
        residue.append(
            Residue(
                text=notice_lines[0].text,
                reason="web portal line above the notice",
                span=notice_lines[0].span,
            )
        )
        notice_lines = notice_lines[1:]
    # Furniture further down, above the recipients or the first sentence.
    kept: list[Line] = []
    for k, ln in enumerate(notice_lines):
        if is_furniture(ln.text):
            residue.append(
                Residue(text=ln.text, reason="web portal line above the notice", span=ln.span)
            )
        elif g.RECIPIENTS.match(ln.text) or g.SENTENCE_END.search(ln.text):
            kept.extend(notice_lines[k:])
            break
        else:
            kept.append(ln)
    notice_lines = kept
    n = len(notice_lines)

    notice_lines = _split_stamped_number(notice_lines, residue)
    title: list[Line] = []
    dn = next((k for k, ln in enumerate(notice_lines) if g.DOC_NUMBER.match(ln.text)), None)
    if dn is not None:
        fields["doc_number"] = notice_lines[dn].text.strip()
        before = []
        for ln in notice_lines[:dn]:
            head = ln.text.split(maxsplit=1)
            if len(head) == 2 and g.DOC_NUMBER.match(head[0]):
                # The page's heading "文号 title" above the document itself.
                residue.append(
                    Residue(text=ln.text, reason="web portal line above the notice", span=ln.span)
                )
            else:
                before.append(ln)
        if before and before[-1].text.strip().endswith(tuple(load("header")["title_endings"])):
            # Title first, number under it (as portals republish): no 版头.
            title = list(before)
        elif before:
            # The 发文机关标志 as printed, 文件 included (DOMAIN.md).
            fields["issuer"] = "".join(ln.text.strip() for ln in before)
        i = dn + 1
    while i < n and not (
        g.RECIPIENTS.match(notice_lines[i].text) or g.SENTENCE_END.search(notice_lines[i].text)
    ):
        title.append(notice_lines[i])
        i += 1
    above, title, repeat = _one_title(title)
    if (
        above
        and "issuer" not in fields
        and above[-1].text.strip().endswith(tuple(load("header")["issuer_endings"]))
    ):
        fields["issuer"] = above.pop().text.strip()  # the 版头 above a doubled title
    residue.extend(
        Residue(text=ln.text, reason="web portal line above the notice", span=ln.span)
        for ln in above
    )
    residue.extend(
        Residue(text=ln.text, reason="title repeated by the web portal", span=ln.span)
        for ln in repeat
    )
    if title:
        fields["title"] = "".join(ln.text.strip() for ln in title)
    if i < n and (m := g.RECIPIENTS.match(notice_lines[i].text)):
        fields["recipients"] = tuple(
            r for r in _WHO_SEPARATORS.split(m["who"].strip()) if r.strip()
        )
        i += 1
    signature: list[str] = []
    while i < n:
        text = notice_lines[i].text.strip()
        if (m := g.ATTACHMENT_LIST.match(text)) and not attachments:
            # Items as written, numbers included (1.xxx / 2.yyy): only the
            # 附件： label is consumed.
            rest = m["rest"].strip()
            if rest:
                attachments.append(rest)
            i += 1
            while i < n and g.ATTACHMENT_ITEM.match(notice_lines[i].text):
                attachments.append(notice_lines[i].text.strip())
                i += 1
            continue
        if (m := _date_match(text)) and "date_written" not in fields:
            fields["date_written"] = text
            fields["date"] = _iso_date(m)
            # No 附件 line between body and date: the short lines with no
            # sentence end right above the date are the 署名, not body.
            if not signature and not attachments:
                while (
                    body and not g.SENTENCE_END.search(body[-1]) and len(body[-1]) <= _SIGNATURE_MAX
                ):
                    signature.insert(0, body.pop())
        elif (m := g.NOTE.match(text)) and "note" not in fields:
            fields["note"] = m["note"].strip()
        elif _date_match(text) or g.NOTE.match(text) or g.ATTACHMENT_LIST.match(text):
            residue.append(
                Residue(
                    text=text,
                    reason="a second date, 附注 or 附件 line in the header",
                    span=notice_lines[i].span,
                )
            )
        elif "date_written" in fields or attachments:
            # After the body: the signature (署名) or something unexpected.
            if "date_written" not in fields and not g.SENTENCE_END.search(text):
                signature.append(text)
            else:
                residue.append(
                    Residue(
                        text=text, reason="header line after the date", span=notice_lines[i].span
                    )
                )
        else:
            body.append(text)
        i += 1

    # The plan: its title (short lines, no sentence end), then its preamble.
    plan_title: list[str] = []
    preamble: list[str] = []
    k = 0
    while (
        k < len(plan_lines)
        and not g.SENTENCE_END.search(plan_lines[k].text)
        and not g.LEADS_ON.search(plan_lines[k].text)
        and len(plan_title) < 4
    ):
        plan_title.append(plan_lines[k].text.strip())
        k += 1
    preamble = [ln.text.strip() for ln in plan_lines[k:]]

    if "issuer" not in fields and signature:
        fields["issuer"] = signature.pop()  # no 版头: the 署名 names the issuer
    header = Header(
        issuer=fields.get("issuer"),  # type: ignore[arg-type]
        doc_number=fields.get("doc_number"),  # type: ignore[arg-type]
        title=fields.get("title"),  # type: ignore[arg-type]
        recipients=fields.get("recipients", ()),  # type: ignore[arg-type]
        body=tuple(body),
        attachments=tuple(attachments),
        signature=tuple(signature),
        date=fields.get("date"),  # type: ignore[arg-type]
        date_written=fields.get("date_written"),  # type: ignore[arg-type]
        note=fields.get("note"),  # type: ignore[arg-type]
        attachment_mark=fields.get("attachment_mark"),  # type: ignore[arg-type]
        plan_title="".join(plan_title) or None,
        preamble=tuple(preamble),
    )
    return header, residue
