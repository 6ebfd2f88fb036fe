"""The HTML report in a real headless Chromium: it renders, the severity
filter works, finding links reach their measure, a screenshot is taken.

Driven over the Chrome DevTools protocol (websocket-client), with no
network: the page is a local file and Chromium is told not to phone home.
Skips when no Chromium is installed locally; `.ci/run` installs it.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import policy_parse
from golden import SAMPLES

BROWSER = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
websocket = pytest.importorskip("websocket")
if BROWSER is None and os.environ.get("CI"):  # pragma: no cover - CI must run it
    pytest.fail("CI has no Chromium: .ci/run installs the chromium package")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no chromium installed")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1200,1600",
    "--remote-debugging-port=0",
]


class Page:
    """One tab over the DevTools protocol: send a command, wait for its answer."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        k = next(self.ids)
        self.ws.send(json.dumps({"id": k, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == k:
                assert "error" not in msg, msg
                return dict(msg.get("result", {}))

    def eval(self, expression: str) -> Any:
        out = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return out["result"].get("value")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    assert BROWSER is not None
    profile = tmp_path_factory.mktemp("chromium-profile")
    proc = subprocess.Popen(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and len(port_file.read_text().split()) >= 2):
            assert proc.poll() is None, "chromium exited at start"
            assert time.monotonic() < deadline, "chromium did not start its DevTools server"
            time.sleep(0.2)
        port_text, browser_path = port_file.read_text().split()[:2]
        port = int(port_text)
        browser = websocket.create_connection(
            f"ws://127.0.0.1:{port}{browser_path}", timeout=60, suppress_origin=True
        )
        b = Page(browser)
        target = b.send("Target.createTarget", url="about:blank")["targetId"]
        ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}/devtools/page/{target}", timeout=60, suppress_origin=True
        )
        yield Page(ws)
        ws.close()
        browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def report(page: Page, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "notice.html"
    path.write_text(policy_parse.to_html(policy_parse.parse(SAMPLES / "notice.txt")), "utf-8")
    page.send("Page.enable")
    page.send("Page.navigate", url=path.as_uri())
    deadline = time.monotonic() + 30
    while page.eval("document.readyState") != "complete":
        assert time.monotonic() < deadline
        time.sleep(0.1)
    return path


def _visible(page: Page) -> dict[str, int]:
    return dict(
        page.eval(
            "(() => { const c = {}; document.querySelectorAll('.finding').forEach(f => {"
            " if (f.offsetParent !== null) c[f.dataset.severity] = (c[f.dataset.severity]||0)+1;"
            " }); return c; })()"
        )
    )


def test_the_report_renders_every_finding_with_both_sides(page: Page, report: Path) -> None:
    assert page.eval("document.title").startswith("分工方案核对报告")
    assert _visible(page) == {"error": 2, "warning": 3, "info": 8}
    assert page.eval("document.querySelectorAll('.finding .side').length") == 26
    assert page.eval("document.querySelectorAll('mark').length") > 0
    # The two sides sit side by side, not one under the other.
    tops = page.eval(
        "Array.from(document.querySelector('.finding .sides').children)"
        ".map(e => e.getBoundingClientRect().top)"
    )
    assert len(tops) == 2 and abs(tops[0] - tops[1]) < 1
    assert page.eval("document.getElementById('shown').textContent") == "显示13处"
    assert page.eval("performance.getEntriesByType('resource').length") == 0  # nothing fetched


def test_the_severity_filter_hides_and_shows_findings(page: Page, report: Path) -> None:
    page.eval("document.querySelector('.filter input[value=info]').click()")
    assert _visible(page) == {"error": 2, "warning": 3}
    assert page.eval("document.getElementById('shown').textContent") == "显示5处"
    page.eval("document.querySelector('.filter input[value=error]').click()")
    assert _visible(page) == {"warning": 3}
    page.eval(
        "document.querySelectorAll('.filter input').forEach(c => { if (!c.checked) c.click() })"
    )
    assert _visible(page) == {"error": 2, "warning": 3, "info": 8}


def test_a_finding_links_to_its_measure(page: Page, report: Path) -> None:
    page.eval("document.querySelector('.finding.error a').click()")
    assert page.eval("location.hash") == "#m-35"
    assert page.eval("document.querySelector('tr:target td').textContent") == "35"


def test_a_screenshot_of_the_report(page: Page, report: Path) -> None:
    page.eval("location.hash = ''; window.scrollTo(0, 0)")
    shot = page.send("Page.captureScreenshot", format="png")["data"]
    png = base64.b64decode(shot)
    border = page.eval("getComputedStyle(document.querySelector('.finding.error')).borderLeftColor")
    assert border == "rgb(192, 57, 43)"  # errors stand out in red
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    target = os.environ.get("POLICY_PARSE_SCREENSHOT")
    if target:  # docs/html-report.png is taken this way
        Path(target).write_bytes(png)


def test_the_needs_a_human_filter_leaves_only_the_measures_resting_on_a_guess(
    page: Page, tmp_path: Path
) -> None:
    # A table-only notice whose third row names a unit that looks like none
    # (a name cut short): a structure finding names it, so it needs a human.
    text = (
        "某某工作任务分工表\n\n| 序号 | 工作任务 | 责任单位 |\n"
        "| 1 | 建设园区 | 甲区发展改革局、甲区财政局 |\n"
        "| 2 | 完善政策 | 甲区科技局（牵头）、甲区商务局 |\n"
        "| 3 | 培养人才 | 区 |\n"
    )
    path = tmp_path / "guessed.html"
    path.write_text(policy_parse.to_html(policy_parse.parse_text(text)), "utf-8")
    page.send("Page.navigate", url=path.as_uri())
    deadline = time.monotonic() + 30
    while page.eval("document.querySelectorAll('tr.measure').length") != 3:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    shown = "Array.from(document.querySelectorAll('tr.measure')).filter(r => r.offsetParent !== null).map(r => r.cells[0].textContent)"
    assert page.eval(shown) == ["1", "2", "3"]
    page.eval("document.getElementById('needs-human').click()")
    assert page.eval(shown) == ["3"]
    assert page.eval("document.querySelectorAll('tr.measure .badge').length") == 1
    page.eval("document.getElementById('needs-human').click()")
    assert page.eval(shown) == ["1", "2", "3"]


def _load(page: Page, path: Path) -> None:
    page.send("Page.navigate", url=path.as_uri())
    deadline = time.monotonic() + 30
    while page.eval("document.readyState") != "complete" or not page.eval(
        "location.href.endsWith(" + json.dumps(path.name) + ")"
    ):
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_the_search_box_leaves_what_mentions_the_words(page: Page, report: Path) -> None:
    _load(page, report)
    rows = (
        "Array.from(document.querySelectorAll('tr.measure')).filter(r => r.offsetParent !== null)"
    )
    assert page.eval(rows + ".length") == 78
    page.eval(
        "const s = document.getElementById('search'); s.value = '生物医药招商局';"
        "s.dispatchEvent(new Event('input'))"
    )
    shown = page.eval(rows + ".map(r => r.textContent)")
    assert 0 < len(shown) < 78 and all("生物医药招商局" in t for t in shown)
    assert "36-1" in page.eval(rows + ".map(r => r.cells[0].textContent)")
    depts = page.eval(
        "Array.from(document.querySelectorAll('tr.department'))"
        ".filter(r => r.offsetParent !== null).map(r => r.cells[0].textContent)"
    )
    assert depts == ["生物医药招商局"]
    visible = sum(_visible(page).values())
    assert page.eval("document.getElementById('shown').textContent") == f"显示{visible}处"
    page.eval(
        "const t = document.getElementById('search'); t.value = ''; t.dispatchEvent(new Event('input'))"
    )
    assert page.eval(rows + ".length") == 78 and _visible(page) == {
        "error": 2,
        "warning": 3,
        "info": 8,
    }


def test_at_400_pixels_tables_scroll_and_nothing_is_one_character_wide(
    page: Page, report: Path, tmp_path: Path
) -> None:
    _load(page, report)
    page.send(
        "Emulation.setDeviceMetricsOverride", width=400, height=800, deviceScaleFactor=1,
        mobile=True,
    )  # fmt: skip
    try:
        page.eval("window.scrollTo(0, 0)")
        # The page itself does not scroll sideways; the tables do, in their box.
        assert page.eval("document.documentElement.scrollWidth") <= 400
        box = "document.querySelector('.scroll')"
        assert page.eval(f"{box}.scrollWidth > {box}.clientWidth")
        narrowest = page.eval(
            "Math.min(...Array.from(document.querySelectorAll('tr.measure')[0].cells)"
            ".map(c => c.getBoundingClientRect().width))"
        )
        assert narrowest >= 30  # a cell holds more than one character a line
        # A finding's two sides stack, one under the other.
        tops = page.eval(
            "Array.from(document.querySelector('.finding .sides').children)"
            ".map(e => e.getBoundingClientRect().top)"
        )
        assert tops[1] > tops[0]
        shot = base64.b64decode(page.send("Page.captureScreenshot", format="png")["data"])
        assert shot.startswith(b"\x89PNG")
        (tmp_path / "narrow.png").write_bytes(shot)
        if target := os.environ.get("POLICY_PARSE_SCREENSHOT_NARROW"):
            Path(target).write_bytes(shot)
    finally:
        page.send("Emulation.clearDeviceMetricsOverride")


def test_printed_the_report_is_a4_with_findings_first_and_a_signoff_line(
    page: Page, report: Path
) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    _load(page, report)
    data = base64.b64decode(page.send("Page.printToPDF", preferCSSPageSize=True)["data"])
    if target := os.environ.get("POLICY_PARSE_PRINT"):
        Path(target).write_bytes(data)
    pdf = pdfium.PdfDocument(data)
    width, height = pdf[0].get_size()
    assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 in points
    text = "".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf)))
    flat = "".join(text.split())
    notice = policy_parse.parse(SAMPLES / "notice.txt")
    assert "核对人" in flat and notice.source.sha256 in flat
    # No filter bar or search box on paper; the findings come before the measures.
    assert "按严重程度筛选" not in flat and "只看需人工核对" not in flat
    assert flat.index("第35项措施的责任单位不一致") < flat.index("措施内容")
