"""emit/diff_html.py: a side-by-side page, characters marked, text escaped."""

from __future__ import annotations

import re

from diffcases import every_kind
from policy_parse.emit.diff_html import to_html


def _section(page: str, kind: str) -> str:
    m = re.search(rf'<section [^>]*data-kind="{kind}">.*?</section>', page, re.DOTALL)
    assert m is not None, kind
    return m.group(0)


def test_a_reworded_measure_is_marked_on_each_side_and_its_text_escaped() -> None:
    text = _section(to_html(every_kind()), "text")
    old, new = re.findall(r'<div class="side (?:old|new)">(.*?)</div>', text)
    assert re.findall(r"<mark>(.*?)</mark>", old) == ["一"]
    assert re.findall(r"<mark>(.*?)</mark>", new) == ["&lt;b&gt;", "半"]
    assert "<b>" not in text


def test_a_new_lead_marks_the_names_the_other_side_lacks() -> None:
    support = _section(to_html(every_kind()), "support")
    assert "<mark>区司法局</mark>" in support and "<mark>区财政局</mark>" not in support


def test_the_page_loads_nothing_and_filters_by_kind() -> None:
    page = to_html(every_kind(), lang="en")
    assert "default-src 'none'" in page and "http" not in page.replace("http-equiv", "")
    assert page.count('type="checkbox"') == 9
    assert '<html lang="en">' in page
