"""Nothing a notice or a file name carries is acted on by the terminal."""

from __future__ import annotations

import re
import subprocess
import sys

import policy_parse
from policy_parse._support.printable import printable

HOSTILE = "甲局\x1b[2J\x1b]0;owned\x07\u202e局乙\r"


def test_escape_codes_bidi_overrides_and_breaks_are_shown_escaped():
    assert printable(HOSTILE) == "甲局\\x1b[2J\\x1b]0;owned\\x07\\u202e局乙\\x0d"
    assert printable("一\n二") == "一\\n二"
    assert printable("一\n二", lines=True) == "一\n二"
    assert printable("牵头单位：市发改委（“十四五”）") == "牵头单位：市发改委（“十四五”）"


def test_every_code_point_is_escaped_as_the_two_classes_say() -> None:
    """The classes as written before the translation tables: C0 but tab and
    newline (and, without `lines`, those too), DEL and C1, the bidi marks,
    overrides and isolates; every other code point of the BMP stays."""
    kept_with_lines = re.compile(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
    )
    every = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

    def escaped(m: re.Match[str]) -> str:
        c = ord(m.group())
        named = {0x0A: "\\n", 0x09: "\\t"}
        return named.get(c) or (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}")

    text = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert printable(text) == every.sub(escaped, text)
    assert printable(text, lines=True) == kept_with_lines.sub(escaped, text)


def test_the_text_report_passes_no_escape_code_from_the_notice():
    text = (
        f"关于{HOSTILE}推进改革的通知\n\n"
        "一、任务\n1.推进改革。（牵头单位：甲局）\n2.优化服务。（牵头单位：丙局）\n"
    )
    report = policy_parse.to_text(policy_parse.parse_text(text))
    assert "\\x1b[2J" in report  # the hostile name is in the report, escaped
    assert not [ch for ch in report if ch in "\x1b\x07\r\u202e"]


def test_a_file_name_with_escapes_stays_one_escaped_stderr_line(tmp_path):
    name = tmp_path / "通知\r\x1b[31m红\u202e.txt"
    r = subprocess.run(
        [sys.executable, "-m", "policy_parse", str(name)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "\x1b" not in r.stderr
    assert "\\x0d\\x1b[31m红\\u202e.txt：找不到该文件" in r.stderr
