"""OCR lines → characters (read/ocr/chars.py): pure geometry, no OCR model
needed, so these run whether or not the [ocr] extra is installed.  The
lines are invented specimens in points, shaped like a recogniser's output."""

from __future__ import annotations

from policy_parse.read.ocr.chars import (
    LOW_REASON,
    SEAL_REASON,
    VERTICAL_REASON,
    OcrLine,
    full_width,
    place_lines,
)


def _line(text: str, x0: float, top: float, em: float = 16.0, score: float = 0.99) -> OcrLine:
    width = sum(1.0 if "\u4e00" <= ch <= "\u9fff" or ch in "，。（）：；" else 0.5 for ch in text)
    return OcrLine(text, (x0, top, x0 + width * em, top + em), score)


def test_ascii_punctuation_next_to_chinese_becomes_full_width() -> None:
    assert full_width("牵头部门:某局;配合(试行);") == "牵头部门：某局；配合（试行）；"
    # A comma is read as typed: the recogniser tells , from ，.
    assert full_width("某局,某办，某委") == "某局,某办，某委"
    # Between digits or Latin letters it stays ASCII: a time, a version.
    assert full_width("8:30 v1.2 (a)") == "8:30 v1.2 (a)"
    assert full_width("号)") == "号）"
    # A 文号's year: 〔〕 beside Chinese, left alone elsewhere.
    assert full_width("某发[2021]7号") == "某发〔2021〕7号"
    assert full_width("see [2021] and [12345]") == "see [2021] and [12345]"


def test_line_starts_wandering_within_half_an_em_snap_to_the_margin() -> None:
    body = "某某某某某某某某某某某某某某某某某某某某"  # 20 em
    lines = [
        _line(body, 72.0, 100.0),
        _line(body, 76.0, 124.0),  # 0.25 em right of the margin
        _line(body, 69.0, 148.0),
        _line(body, 72.0 + 32.0 + 5.0, 172.0),  # a two-em indent, 0.3 em off
    ]
    placed = place_lines(lines)
    starts = sorted({round(c.x0, 1) for c in placed.chars if c.top < 170})
    assert starts[0] == 69.0  # the leftmost start shared by three lines
    by_line: dict[float, float] = {}
    for c in placed.chars:
        by_line[c.top] = min(by_line.get(c.top, 1e9), c.x0)
    assert sorted(by_line.values()) == [69.0, 69.0, 69.0, 69.0 + 2 * placed.em]


def test_lines_of_one_size_end_together_whatever_their_boxes_say() -> None:
    body = "某某某某某某某某某某"
    a = OcrLine(body, (72.0, 100.0, 72.0 + 160.0 + 6.0, 116.0), 0.99)  # box 0.6 em long
    b = OcrLine(body, (72.0, 124.0, 72.0 + 160.0 - 5.0, 140.0), 0.99)
    c = OcrLine(body, (72.0, 148.0, 72.0 + 160.0, 164.0), 0.99)
    placed = place_lines([a, b, c])
    ends = {
        round(max(ch.x1 for ch in placed.chars if ch.top < y < ch.bottom), 3)
        for y in (108, 132, 156)
    }
    assert len(ends) == 1


def test_a_title_in_a_larger_size_keeps_its_own_em() -> None:
    body = "某某某某某某某某某某"
    lines = [_line(body, 72.0, 100.0 + 24 * k) for k in range(3)]
    lines.append(_line("标题标题", 150.0, 40.0, em=24.0))
    placed = place_lines(lines)
    title = [c for c in placed.chars if c.top < 70]
    assert [c.text for c in title] == list("标题标题")
    assert abs((title[-1].x1 - title[0].x0) - 4 * 24.0) < 0.01
    assert title[0].size > 20


def test_set_aside_lines_reach_hidden_with_their_reason_and_doubts_are_kept() -> None:
    lines = [
        _line("某某某某某某某某", 72.0, 100.0),
        _line("看不清的一行", 72.0, 124.0, score=0.41),
        _line("有点存疑的一行", 72.0, 148.0, score=0.8),
        OcrLine("专用章", (300.0, 100.0, 316.0, 160.0), 0.95),  # tall and narrow
        OcrLine("某某委员会", (300.0, 200.0, 380.0, 216.0), 0.9, red=0.95),
    ]
    placed = place_lines(lines)
    kept = "".join(c.text for c in placed.chars)
    assert "看不清" not in kept and "有点存疑的一行" in kept
    reasons = {
        reason: "".join(c.text for c, r in placed.hidden if r == reason)
        for _, reason in placed.hidden
    }
    assert reasons == {
        LOW_REASON: "看不清的一行",
        VERTICAL_REASON: "专用章",
        SEAL_REASON: "某某委员会",
    }
    assert [(t, s) for t, s, _ in placed.doubts] == [("有点存疑的一行", 0.8)]


def test_no_text_is_lost_but_spaces() -> None:
    lines = [_line("第一 行:内容", 72.0, 100.0), _line("abc 123", 72.0, 124.0)]
    placed = place_lines(lines)
    assert "".join(c.text for c in placed.chars) == "第一行：内容abc123"


def test_lines_in_a_table_cell_snap_to_the_pages_cell_padding_not_the_margin() -> None:
    cells = [(300.0, 100.0, 400.0, 200.0), (400.0, 100.0, 500.0, 200.0)]
    lines = [
        _line("某某某某某某", 303.0, 110.0, em=10.0),
        _line("某某某某某某", 305.5, 124.0, em=10.0),  # 2.5 pt further in: OCR jitter
        _line("某某某某某", 403.0, 110.0, em=10.0),
        _line("方面", 301.0, 140.0, em=13.0),  # a short, letter-spaced header
        _line("7", 345.0, 160.0, em=10.0),  # a centred 序号 stays where it is
    ]
    placed = place_lines(lines, cells)
    starts: dict[tuple[float, bool], float] = {}
    for c in placed.chars:
        key = (c.top, c.x0 >= 400)
        starts[key] = min(starts.get(key, 1e9), c.x0)
    assert placed.em == 10.0  # the padding is the median of 3, 5.5, 3 and 1
    lefts = sorted(round(x, 2) for x in starts.values())
    assert lefts == [303.0, 303.0, 303.0, 345.0, 403.0]


def test_a_cell_line_set_narrower_than_the_page_stays_inside_its_cell() -> None:
    # Body lines set the page's em at 13 pt; a cell's line of 9.5 em, its
    # ink 114 pt wide (12 pt a character, a narrow ASCII comma), would run
    # 227.5 pt at 13 pt: its last character past the rule at 220.
    body = "某某某某某某某某某某某某某某某某某某某某"
    cells = [(100.0, 300.0, 220.0, 340.0), (220.0, 300.0, 400.0, 340.0)]
    lines = [_line(body, 72.0, 100.0 + 20 * k, em=13.0) for k in range(3)]
    lines.append(OcrLine("一二三四五六七八,增", (104.0, 310.0, 218.0, 322.0), 0.99))
    placed = place_lines(lines, cells)
    assert placed.em == 13.0
    cell_line = [c for c in placed.chars if c.top > 300]
    assert "".join(c.text for c in cell_line) == "一二三四五六七八,增"
    assert cell_line[0].x0 == 104.0 and max(c.x1 for c in cell_line) <= 218.0 + 1e-9
    # A line that fits its cell at the page's em keeps it.
    lines[-1] = OcrLine("一二三四五六七", (104.0, 310.0, 190.0, 322.0), 0.99)
    fits = [c for c in place_lines(lines, cells).chars if c.top > 300]
    assert fits[1].x0 - fits[0].x0 == 13.0


def test_a_page_typed_with_ascii_commas_takes_its_rare_full_width_one_for_a_misread() -> None:
    # Six commas read ASCII and two full-width after Chinese characters:
    # the recogniser misreads a typed `,` as `，` now and then, never the
    # reverse, so the full-width one is made ASCII and the line said.
    lines = [
        _line("甲乙,丙丁,戊己", 72.0, 100.0),
        _line("庚辛,壬癸,子丑", 72.0, 124.0),
        _line("寅卯，辰巳", 72.0, 148.0),
        _line("午未,申酉,戌亥", 72.0, 220.0),
        _line("数字1，2不算", 72.0, 172.0),  # not after a Chinese character
        _line("一行在逗号后折行，", 72.0, 196.0),  # a line wrapped after its comma
    ]
    placed = place_lines(lines)
    text = "".join(c.text for c in placed.chars)
    assert (
        text == "甲乙,丙丁,戊己庚辛,壬癸,子丑寅卯,辰巳午未,申酉,戌亥数字1，2不算一行在逗号后折行,"
    )
    assert [g for g, _ in placed.guesses] == ["寅卯,辰巳", "一行在逗号后折行,"]
    assert placed.guesses[0][1] == lines[2].box


def test_a_page_typed_with_full_width_commas_keeps_the_ascii_ones_it_has() -> None:
    # A notice may type an ASCII comma among full-width ones (the sample's
    # measure 72 does): read as typed, nothing guessed.
    lines = [
        _line("甲乙，丙丁，戊己", 72.0, 100.0),
        _line("庚辛，壬癸，子丑", 72.0, 124.0),
        _line("寅卯,辰巳,午未", 72.0, 148.0),
    ]
    placed = place_lines(lines)
    assert "".join(c.text for c in placed.chars) == "甲乙，丙丁，戊己庚辛，壬癸，子丑寅卯,辰巳,午未"
    assert placed.guesses == []
    # Too few commas to tell a page's habit: left as read.
    few = place_lines([_line("甲乙,丙丁", 72.0, 100.0), _line("寅卯，辰巳", 72.0, 124.0)])
    assert few.guesses == [] and "，" in "".join(c.text for c in few.chars)
