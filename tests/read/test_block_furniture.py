"""read/block_furniture.py: page furniture among a Word file's or a web
page's paragraphs is residue, as the text reader takes it out of lines."""

from __future__ import annotations

from policy_parse.models import Paragraph, Span
from policy_parse.read.block_furniture import without_page_furniture
from policy_parse.read.text.repeated_heads import REASON

TITLE = "丁县2025年甲乙丙工作任务分工方案"


def _paragraphs(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(text=t, span=Span(paragraph=k + 1)) for k, t in enumerate(texts)]


def test_the_title_repeated_inside_an_open_annotation_is_residue():
    # A Word copy of a text whose page numbers were stripped: the running
    # head was glued to the unit after it (probe9, specimen 153 as .docx).
    blocks = _paragraphs(
        [TITLE, "1.推进甲项工作。（丁县甲局牵头，丁县乙局、", TITLE, "丁县丙局配合）"]
    )
    kept, residue = without_page_furniture(list(blocks))
    assert [b.text for b in kept] == [TITLE, blocks[1].text, "丁县丙局配合）"]
    assert [(r.text, r.reason) for r in residue] == [(TITLE, REASON)]


def test_the_title_after_a_closed_paragraph_stays():
    blocks = _paragraphs([TITLE, "附件", TITLE, "1.推进甲项工作。（丁县甲局负责）"])
    kept, residue = without_page_furniture(list(blocks))
    assert len(kept) == 4 and residue == []
