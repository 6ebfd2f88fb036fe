"""The pipeline: read → segment → normalise → reconcile, for one notice.

`policy_parse.parse` and `parse_text` are its entry points; this module is
imported on the first parse, not with the package (so `import policy_parse`
stays quick), and a PDF's
first parse imports it while the page workers run (warmup.py).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ._support.gc_pause import gc_paused
from .errors import NotANoticeError
from .models import Document, Format, Notice
from .normalize.assemble import segmented_to_notice
from .normalize.script import document_text, is_traditional, restore_written, simplify_document
from .normalize.structure import reader_findings, structure_findings
from .read.block_copies import without_copy_marks
from .read.footer import set_footer_aside
from .read.invisible import strip_document
from .read.lookalikes import ideographs_document
from .reconcile import reconcile
from .segment import segment

__all__ = ["notice_from_document"]


def notice_from_document(document: Document, aliases: Mapping[str, str] | None = None) -> Notice:
    """Segment, normalise and reconcile a `Document` a reader produced.

    The cyclic collector is paused meanwhile (_support/gc_pause.py): these
    stages build tens of thousands of small records that hold no cycles, and
    the collections their allocations set off walked every object the
    imports had made, to free nothing (13M of the txt CLI's ~350M
    instructions on one notice).  Nothing here forks or starts a process."""
    with gc_paused():
        return _notice(document, aliases)


def _notice(document: Document, aliases: Mapping[str, str] | None) -> Notice:
    if document.source.format is not Format.TXT:  # the text reader does these itself
        document = ideographs_document(strip_document(document))
        document = set_footer_aside(document)  # a web page's footer, printed
        document = without_copy_marks(document)  # line numbers, a 目录 (read/block_copies.py)
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
