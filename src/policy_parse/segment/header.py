"""The notice's header: 版头, 主体 and the attachment's title and preamble.

Input is the list of lines before the prose outline; output a `Header` and the
lines it could not place (which become residue, never dropped).
"""

from __future__ import annotations

import attrs
import regex

from ..data import load
from ..models import Header, Residue, Span
from ..normalize.numbers import cn_to_int
from . import grammar as g


@attrs.frozen
class Line:
    text: str
    span: Span


def _iso_date(m: regex.Match[str]) -> str | None:
    try:
        y, mo, d = cn_to_int(m["y"]), cn_to_int(m["m"]), cn_to_int(m["d"])
    except (ValueError, KeyError):
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


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
    portal = tuple(load("header")["portal_words"])
    while notice_lines and any(w in notice_lines[0].text for w in portal):
        residue.append(
            Residue(
                text=notice_lines[0].text,
                reason="web portal line above the notice",
                span=notice_lines[0].span,
            )
        )
        notice_lines = notice_lines[1:]
    n = len(notice_lines)

    title: list[str] = []
    dn = next((k for k, ln in enumerate(notice_lines) if g.DOC_NUMBER.match(ln.text)), None)
    if dn is not None:
        fields["doc_number"] = notice_lines[dn].text.strip()
        before = [ln.text.strip() for ln in notice_lines[:dn]]
        if before and before[-1].endswith(tuple(load("header")["title_endings"])):
            # Title first, number under it (as portals republish): no 版头.
            title = before
        elif before:
            # The 发文机关标志 as printed, 文件 included (DOMAIN.md).
            fields["issuer"] = "".join(before)
        i = dn + 1
    while i < n and not (
        g.RECIPIENTS.match(notice_lines[i].text) or g.SENTENCE_END.search(notice_lines[i].text)
    ):
        title.append(notice_lines[i].text.strip())
        i += 1
    if title:
        fields["title"] = "".join(title)
    if i < n and (m := g.RECIPIENTS.match(notice_lines[i].text)):
        fields["recipients"] = tuple(
            r for r in regex.split(r"[、，,；;]", m["who"].strip()) if r.strip()
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
        if (m := g.DATE.match(text)) and "date_written" not in fields:
            fields["date_written"] = text
            fields["date"] = _iso_date(m)
        elif (m := g.NOTE.match(text)) and "note" not in fields:
            fields["note"] = m["note"].strip()
        elif g.DATE.match(text) or g.NOTE.match(text) or g.ATTACHMENT_LIST.match(text):
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
