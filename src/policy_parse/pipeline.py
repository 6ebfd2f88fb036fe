"""The pipeline: read → segment → normalise → reconcile, for one notice.

`policy_parse.parse` and `parse_text` are its entry points; this module is
imported on the first parse, not with the package (so `import policy_parse`
stays quick), and a PDF's
first parse imports it while the page workers run (warmup.py).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .errors import NotANoticeError
from .models import Document, Notice
from .normalize.assemble import segmented_to_notice
from .normalize.script import document_text, is_traditional, restore_written, simplify_document
from .normalize.structure import reader_findings, structure_findings
from .reconcile import reconcile
from .segment import segment

__all__ = ["notice_from_document"]


def notice_from_document(document: Document, aliases: Mapping[str, str] | None = None) -> Notice:
    """Segment, normalise and reconcile a `Document` a reader produced."""
    if is_traditional(document_text(document)):
        simplified = simplify_document(document)
        seg = segment(simplified)
        notice = segmented_to_notice(seg, document.source, aliases)
        notice = restore_written(notice, document, simplified)
    else:
        seg = segment(document)
        notice = segmented_to_notice(seg, document.source, aliases)
    if not notice.measures and not notice.table:
        raise NotANoticeError(
            "no measure and no 分工表 row found: this does not read as an implementation notice"
        )
    # Where the structure was guessed, say so first (normalize/structure.py).
    found = [
        *structure_findings(notice, seg.outline.notes),
        *reader_findings(document.notes),
        *reconcile(notice),
    ]
    if aliases:
        from .aliases import alias_conflicts

        found.extend(alias_conflicts(notice, aliases))
    return attrs.evolve(notice, discrepancies=tuple(found))
