"""The scanned page as an image (read/ocr/image.py): ink channel, seal ink,
skew and ruling lines on images drawn here (a ruled grid with blocks of
"text", a red ring), so the expected answers are known by construction."""

from __future__ import annotations

import os

import pytest

from policy_parse.read.ocr import available

if not available() and os.environ.get("CI"):  # pragma: no cover - CI must run them
    pytest.fail("CI has no [ocr] extra: .ci/run installs it through [test]", pytrace=False)
pytestmark = pytest.mark.skipif(not available(), reason="the [ocr] extra is not installed")

PX_PER_PT = 200 / 72


@pytest.fixture
def page() -> object:
    """A white A4 page at 200 dpi, a 3×4 ruled grid (rules 2 px thick), a
    line of dark blocks (characters) in each cell and a paragraph above."""
    import cv2
    import numpy as np

    img = np.full((2339, 1654, 3), 255, np.uint8)
    xs, ys = [200, 500, 900, 1450], [900, 1050, 1200, 1350, 1500]
    for x in xs:
        cv2.line(img, (x, ys[0]), (x, ys[-1]), (0, 0, 0), 2)
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), (0, 0, 0), 2)
    for r in range(4):
        for c in range(3):
            for k in range(4):
                x = xs[c] + 20 + k * 40
                cv2.rectangle(img, (x, ys[r] + 50), (x + 30, ys[r] + 80), (0, 0, 0), -1)
    for row in range(8):  # a paragraph: rows of character blocks
        for k in range(30):
            x = 200 + k * 40
            cv2.rectangle(img, (x, 300 + row * 60), (x + 30, 330 + row * 60), (20, 20, 20), -1)
    return img


def test_rules_are_found_and_text_is_not_taken_for_one(page: object) -> None:
    from policy_parse.read.ocr.image import ink_channel, ruling_segments

    gray, colour = ink_channel(page)
    assert colour is False
    boxes = [(200, 300 + r * 60, 1430, 330 + r * 60) for r in range(8)]
    segs = ruling_segments(gray, boxes, PX_PER_PT)
    hs = sorted(round(s[2]) for s in segs if s[0] == "h")
    vs = sorted(round(s[1]) for s in segs if s[0] == "v")
    assert [abs(y - want) <= 2 for y, want in zip(hs, [900, 1050, 1200, 1350, 1500])] == [True] * 5
    assert len(hs) == 5 and len(vs) == 4
    assert all(abs(x - want) <= 2 for x, want in zip(vs, [200, 500, 900, 1450]))
    assert all(s[2] >= 895 for s in segs)  # nothing from the paragraph above the grid


def test_a_turned_page_is_found_turned_and_straightened(page: object) -> None:
    from policy_parse.read.ocr.image import deskew, ink_channel, rotate, skew_angle

    gray, _ = ink_channel(page)
    assert abs(skew_angle(gray)) < 0.15
    turned = rotate(gray, 1.6)
    straight, angle = deskew(turned)
    assert abs(angle + 1.6) <= 0.15
    assert abs(skew_angle(straight)) <= 0.15


def test_red_seal_ink_vanishes_from_the_ink_channel_and_is_found(page: object) -> None:
    import cv2

    from policy_parse.read.ocr.image import ink_channel, red_boxes, red_mask

    cv2.circle(page, (1000, 600), 150, (225, 30, 30), 8)  # RGB red ring over the text
    gray, colour = ink_channel(page)
    assert colour is True
    assert gray[600, 1000 - 150] > 200  # the ring is paper in the red channel
    assert gray[315, 215] < 60  # the black text is still ink
    boxes = red_boxes(red_mask(page), PX_PER_PT)
    assert len(boxes) == 1
    x0, top, x1, bottom = boxes[0]
    assert abs((x0 + x1) / 2 - 1000) < 10 and abs((top + bottom) / 2 - 600) < 10


def test_a_page_with_no_ink_is_blank_and_a_line_of_text_is_not(page: object) -> None:
    import numpy as np

    from policy_parse.read.ocr.image import blank

    tinted = np.full((2339, 1654), 235, np.uint8)
    assert blank(tinted)
    tinted[1000:1030, 200:1400] = 20  # one line of ink
    assert not blank(tinted)
