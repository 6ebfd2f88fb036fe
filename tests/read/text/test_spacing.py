"""read/text/spacing.py: a blank line after every line is spacing, not structure.

Specimens are made up (县甲局 …): a notice a PDF copy re-wrapped, pasted into
a portal that gives every line a paragraph of its own.
"""

from __future__ import annotations

import policy_parse
from policy_parse.models import Format, Paragraph, Source, Table
from policy_parse.read.text.reader import read_text
from policy_parse.read.text.spacing import unspaced

SOURCE = Source(path=None, format=Format.TXT, sha256="0" * 64)

# One cell per line, each closed by " |"; the long task cell re-wrapped by a
# PDF copy (its first line ends without the bar).
TABLE = """某县重点工作责任清单
序号 |
重点工作 |
牵头单位 |
配合单位 |
1 |
推进政务服务一网通办，优化企业开办流程，年内实现
全程网上办理。 |
县甲局 |
县乙局、县丙局 |
2 |
完善农村公路养护机制。 |
县丁局 |
县戊局 |
"""


def spaced(text: str) -> str:
    """A blank line after every line holding text, as such a portal copies it."""
    out: list[str] = []
    for line in text.split("\n"):
        out.append(line)
        if line.strip():
            out.append("")
    return "\n".join(out)


def grid(text: str) -> list[list[str]]:
    (table,) = [b for b in read_text(text, SOURCE).blocks if isinstance(b, Table)]
    return [[c.text for c in row.cells] for row in table.rows]


def test_a_wrapped_table_spaced_by_blank_lines_reads_as_the_unspaced_one():
    plain = grid(TABLE)
    assert plain[1][1] == "推进政务服务一网通办，优化企业开办流程，年内实现\n全程网上办理。"
    assert grid(spaced(TABLE)) == plain


def test_line_numbers_point_at_the_spaced_input():
    text = spaced(TABLE)
    lines = text.split("\n")
    document = read_text(text, SOURCE)
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    second = table.rows[2]  # header, row 1, row 2
    assert second.span.start_line is not None
    assert lines[second.span.start_line - 1] == "2 |"
    (title,) = [b for b in document.blocks if isinstance(b, Paragraph)]
    assert title.span.start_line == 1
    # The wrapped cell spans its two input lines with the spacing blank between.
    cell = table.rows[1].cells[1]
    assert (cell.span.start_line, cell.span.end_line) == (13, 15)
    assert lines[14].startswith("全程网上办理")


def test_the_measures_of_a_spaced_copy_are_those_of_the_plain_one():
    def records(text: str) -> list[tuple[str, list[str], list[str]]]:
        notice = policy_parse.parse_text(text)
        return [
            (str(e.number), [u.written for u in e.lead], [u.written for u in e.support])
            for e in notice.table
        ]

    assert records(spaced(TABLE)) == records(TABLE)
    assert [r[0] for r in records(TABLE)] == ["1", "2"]


def test_one_pair_of_adjacent_lines_leaves_the_blank_lines_as_they_are():
    lines = ["甲", "", "乙", "丙", "", "丁", ""]
    assert unspaced(lines, lambda s: not s.strip()) is None


def test_a_line_of_whitespace_alone_needs_no_blank_after_it():
    # A lone tab is an empty cell; the copy adds no blank line after it.
    lines = ["甲", "", "\t", "乙", "", "丙", "", "丁", ""]
    out = unspaced(lines, lambda s: not s.strip() and not s.startswith("\t"))
    assert out is not None
    kept, respacing = out
    assert kept == ["甲", "\t", "乙", "丙", "丁"]
    assert [respacing.line(n) for n in range(1, 6)] == [1, 3, 4, 6, 8]


def test_extra_blank_lines_beyond_the_spacing_are_kept():
    # Two blanks after 乙 in the copy: one was in the original (a row break).
    lines = ["甲", "", "乙", "", "", "丙", ""]
    out = unspaced(lines, lambda s: not s.strip())
    assert out is not None
    assert out[0] == ["甲", "乙", "", "丙"]


def test_a_short_text_shows_no_pattern():
    assert unspaced(["甲", "", "乙", ""], lambda s: not s.strip()) is None


def test_a_copy_spaced_twice_loses_both_layers_and_keeps_its_line_numbers():
    # A spaced copy pasted into such a portal again: two blanks after every
    # line.  One layer taken out would leave a blank between every two cells.
    twice = spaced(spaced(TABLE))
    assert "1 |\n\n\n推进" in twice
    assert grid(twice) == grid(TABLE)
    out = unspaced(twice.split("\n"), lambda s: not s.strip())
    assert out is not None
    kept, respacing = out
    assert kept == TABLE.split("\n")[:-1] + [""]  # the final blank was the original's end
    assert [respacing.line(n) for n in (1, 2, 3)] == [1, 4, 7]
