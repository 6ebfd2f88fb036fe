"""read/block_copies.py: an editor's line numbers and a 目录 among the
paragraphs of a Word file or a web page, undone as among a text's lines.
Notices invented (specimens 180 and 183 as .docx/.pdf/.html are longer)."""

from __future__ import annotations

import policy_parse
from helpers import units_of
from policy_parse.models import Document, Format, Paragraph, Source, Span
from policy_parse.read.block_copies import without_copy_marks
from policy_parse.read.text.contents import REASON

GUTTERED = [
    "1 某县村庄整治任务分工",
    "2 一、重点任务",
    "3 1.推进户厕改造。（牵头单位：县甲局；配合单位：县乙局）",
    "4 2.开展清洁行动。（牵头单位：县丙局；配合单位：各乡镇）",
]
CONTENTS = [
    "某县方案",
    "目录",
    "一、重点任务……1",
    "1.推进户厕改造……1",
    "2.开展清洁行动……2",
    "一、重点任务",
    "1.推进户厕改造。（牵头单位：县甲局；配合单位：县乙局）",
    "2.开展清洁行动。（牵头单位：县丙局；配合单位：各乡镇）",
]


def _doc(lines: list[str]) -> Document:
    return Document(
        source=Source(path=None, format=Format.DOCX, sha256="0"),
        blocks=tuple(Paragraph(text=t, span=Span(paragraph=k + 1)) for k, t in enumerate(lines)),
    )


def test_a_gutter_among_paragraphs_is_taken_out_and_said():
    out = without_copy_marks(_doc(GUTTERED))
    assert [b.text for b in out.blocks][:2] == ["某县村庄整治任务分工", "一、重点任务"]
    assert [(n.note, dict(n.fields)) for n in out.notes] == [("line_numbers", {"lines": "4"})]


def test_contents_among_paragraphs_are_residue_and_a_clean_document_stays():
    out = without_copy_marks(_doc(CONTENTS))
    assert [r.text for r in out.residue if r.reason == REASON] == CONTENTS[1:5]
    assert len(out.blocks) == 4
    clean = _doc(CONTENTS[5:])
    assert without_copy_marks(clean) is clean


def test_a_word_file_with_a_gutter_reads_its_own_measures():
    # Each of the four measures read wrong with no finding (a .docx of
    # specimen 183): the gutter's numbers counted on as a list.
    notice = policy_parse.notice_from_document(_doc(GUTTERED))
    assert units_of(notice) == [("1", ["县甲局"], ["县乙局"]), ("2", ["县丙局"], ["各乡镇"])]
    assert "line_numbers" in [d.note for d in notice.discrepancies]
    notice = policy_parse.notice_from_document(_doc(CONTENTS))
    assert units_of(notice) == [("1", ["县甲局"], ["县乙局"]), ("2", ["县丙局"], ["各乡镇"])]
