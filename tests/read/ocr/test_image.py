"""The scanned page as an image (read/ocr/image.py): ink channel, seal ink,
skew and ruling lines on images drawn here (a ruled grid with blocks of
"text", a red ring), so the expected answers are known by construction.

The module under test imports OpenCV, whose thread pool would stay alive in
the test process and send every later PDF's page workers to fresh
interpreters (read/pdf/worker.py, `forkable`): each check calls it in a
bounded child (`_in_child`) and asserts on what comes back."""

from __future__ import annotations

import os
from typing import Any

import pytest

from policy_parse.read.ocr import available
from policy_parse.read.pdf.worker import run_bounded

if not available() and os.environ.get("CI"):  # pragma: no cover - CI must run them
    pytest.fail("CI has no [ocr] extra: .ci/run installs it through [test]", pytrace=False)
pytestmark = pytest.mark.skipif(not available(), reason="the [ocr] extra is not installed")

PX_PER_PT = 200 / 72


def _in_child(fn: Any, *args: Any) -> Any:
    return run_bounded(fn, *args, memory_bytes=1 << 30, seconds=120, what="the test image")


@pytest.fixture
def page() -> object:
    """A white A4 page at 200 dpi, a 3×4 ruled grid (rules 2 px thick), a
    line of dark blocks (characters) in each cell and a paragraph above."""
    import numpy as np

    img = np.full((2339, 1654, 3), 255, np.uint8)
    xs, ys = [200, 500, 900, 1450], [900, 1050, 1200, 1350, 1500]
    for x in xs:
        img[ys[0] : ys[-1] + 1, x - 1 : x + 1] = 0
    for y in ys:
        img[y - 1 : y + 1, xs[0] : xs[-1] + 1] = 0
    for r in range(4):
        for c in range(3):
            for k in range(4):
                x = xs[c] + 20 + k * 40
                img[ys[r] + 50 : ys[r] + 81, x : x + 31] = 0
    for row in range(8):  # a paragraph: rows of character blocks
        for k in range(30):
            x = 200 + k * 40
            img[300 + row * 60 : 331 + row * 60, x : x + 31] = 20
    return img


def _rules(page: Any, boxes: list[tuple[int, int, int, int]]) -> tuple[bool, list[Any]]:
    from policy_parse.read.ocr.image import ink_channel, ruling_segments

    gray, colour = ink_channel(page)
    return colour, ruling_segments(gray, boxes, PX_PER_PT)


def test_rules_are_found_and_text_is_not_taken_for_one(page: object) -> None:
    boxes = [(200, 300 + r * 60, 1430, 330 + r * 60) for r in range(8)]
    colour, segs = _in_child(_rules, page, boxes)
    assert colour is False
    hs = sorted(round(s[2]) for s in segs if s[0] == "h")
    vs = sorted(round(s[1]) for s in segs if s[0] == "v")
    assert [abs(y - want) <= 2 for y, want in zip(hs, [900, 1050, 1200, 1350, 1500])] == [True] * 5
    assert len(hs) == 5 and len(vs) == 4
    assert all(abs(x - want) <= 2 for x, want in zip(vs, [200, 500, 900, 1450]))
    assert all(s[2] >= 895 for s in segs)  # nothing from the paragraph above the grid


def _turned(page: Any, by: float) -> tuple[float, float, float]:
    """The skew found before, the angle deskew undid after turning the page
    `by` degrees, and the skew left."""
    from policy_parse.read.ocr.image import deskew, ink_channel, rotate, skew_angle

    gray, _ = ink_channel(page)
    straight, angle = deskew(rotate(gray, by))
    return skew_angle(gray), angle, skew_angle(straight)


def test_a_turned_page_is_found_turned_and_straightened(page: object) -> None:
    before, angle, after = _in_child(_turned, page, 1.6)
    assert abs(before) < 0.15
    assert abs(angle + 1.6) <= 0.15
    assert abs(after) <= 0.15


def _seal(page: Any) -> tuple[Any, bool, list[Any]]:
    """A red ring drawn over the text: the ink channel, colour, seal boxes."""
    import cv2

    from policy_parse.read.ocr.image import ink_channel, red_boxes, red_mask

    cv2.circle(page, (1000, 600), 150, (225, 30, 30), 8)  # RGB red ring over the text
    gray, colour = ink_channel(page)
    return gray, colour, red_boxes(red_mask(page), PX_PER_PT)


def test_red_seal_ink_vanishes_from_the_ink_channel_and_is_found(page: object) -> None:
    gray, colour, boxes = _in_child(_seal, page)
    assert colour is True
    assert gray[600, 1000 - 150] > 200  # the ring is paper in the red channel
    assert gray[315, 215] < 60  # the black text is still ink
    assert len(boxes) == 1
    x0, top, x1, bottom = boxes[0]
    assert abs((x0 + x1) / 2 - 1000) < 10 and abs((top + bottom) / 2 - 600) < 10


def _blank(image: Any) -> bool:
    from policy_parse.read.ocr.image import blank

    return blank(image)


def test_a_page_with_no_ink_is_blank_and_a_line_of_text_is_not() -> None:
    import numpy as np

    tinted = np.full((2339, 1654), 235, np.uint8)
    assert _in_child(_blank, tinted)
    tinted[1000:1030, 200:1400] = 20  # one line of ink
    assert not _in_child(_blank, tinted)
