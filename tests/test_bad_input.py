"""Bad and hostile input (issue 5): clear errors, nothing leaked, nothing hung.

Every fixture is built by tests/badfiles.py.  PDF bad inputs live with the PDF
reader's tests.  Tests of `parse()` and the CLI skip only while those do not
exist yet.
"""

from __future__ import annotations

import importlib.util
import io
import os
import random
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import badfiles
from policy_parse.errors import (
    CorruptFileError,
    DecodingError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputTooLargeError,
    LegacyFormatError,
    PolicyParseError,
    UnsupportedFormatError,
)
from policy_parse.models import Format
from policy_parse.read import Limits, read_document, read_text_document
from policy_parse.read.safety import UnsafeXmlError, check_zip, parse_xml
from policy_parse.read.text.reader import decode

SECRET = "SECRET-MARKER-7f3a91"


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def need_docx_reader() -> None:
    if not _has_module("policy_parse.read.docx.reader"):
        pytest.skip("read/docx/reader.py not written yet")


def need_parse():  # type: ignore[no-untyped-def]
    import policy_parse

    if not hasattr(policy_parse, "parse"):
        pytest.skip("policy_parse.parse not written yet")
    return policy_parse.parse


def need_cli() -> None:
    if not _has_module("policy_parse.__main__"):
        pytest.skip("policy_parse/__main__.py not written yet")


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    p = tmp_path / "secret.txt"
    p.write_text(SECRET, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def sample_blocks():  # type: ignore[no-untyped-def]
    return read_document(badfiles.SAMPLE_TXT).blocks


# ---------------------------------------------------------------------------
# Empty, blank, random


def test_it_refuses_an_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(EmptyDocumentError):
        read_document(p)


@pytest.mark.parametrize("blank", [" \n\t\r\n", "\u3000\u3000\n\n", "\ufeff  \n"])
def test_it_refuses_whitespace_only(tmp_path: Path, blank: str) -> None:
    p = tmp_path / "blank.txt"
    p.write_bytes(blank.encode("utf-8"))
    with pytest.raises(EmptyDocumentError):
        read_document(p)


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ""])
def test_it_refuses_random_bytes_with_a_clear_error(tmp_path: Path, suffix: str) -> None:
    rng = random.Random(5)
    p = tmp_path / f"noise{suffix}"
    p.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    with pytest.raises(UnsupportedFormatError, match="not a text, .docx or .pdf"):
        read_document(p)


def test_it_refuses_a_missing_file_as_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_document(tmp_path / "nope.txt")


# ---------------------------------------------------------------------------
# Encodings: every variant reads to the very blocks of samples/notice.txt


def _variants() -> dict[str, bytes]:
    text = badfiles.sample_text()
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8 with BOM": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf-16-le with BOM": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf-16-be with BOM": b"\xfe\xff" + text.encode("utf-16-be"),
        "gb18030": text.encode("gb18030"),
        "gbk": text.encode("gbk"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "cr": text.replace("\n", "\r").encode("utf-8"),
        "gbk crlf": text.replace("\n", "\r\n").encode("gbk"),
        "utf-16-le crlf": b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"),
    }


@pytest.mark.parametrize("name", list(_variants()))
def test_it_reads_every_encoding_to_the_same_blocks(
    name: str, sample_blocks, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "notice.txt"
    p.write_bytes(_variants()[name])
    doc = read_document(p)
    assert doc.source.format is Format.TXT
    assert doc.blocks == sample_blocks


@pytest.mark.parametrize(
    "text",
    [
        "一",  # GBK D2BB is valid UTF-8 (U+04BB)
        "专业",  # every byte pair valid UTF-8: reads as Hebrew+Cyrillic without the rule
        "牵头单位",
        "中文",
        "为之前实",
        "附件：分工表",
    ],
)
def test_it_reads_a_few_cjk_characters_in_gbk(text: str) -> None:
    assert decode(text.encode("gbk")) == text
    assert decode(text.encode("gb18030")) == text
    assert decode(text.encode("utf-8")) == text


def test_it_reads_pure_ascii_as_is() -> None:
    assert decode(b"1. abc\t2021\n") == "1. abc\t2021\n"


def test_it_prefers_utf8_whenever_the_utf8_reading_has_han() -> None:
    # Documented blind spot (docs/formats.md, Encodings): these three GBK
    # characters are also valid UTF-8 *with* Han characters, so UTF-8 wins.
    data = "涓存安".encode("gbk")
    assert decode(data) == data.decode("utf-8")


def test_it_rereads_valid_utf8_without_han_as_gb18030() -> None:
    # The price of the plausibility rule, documented in docs/formats.md:
    # non-Chinese UTF-8 without a single Han character whose bytes also read
    # as GB18030 Han is taken as GB18030.  A notice always has Han characters.
    assert decode("café".encode()) == "caf茅"
    assert decode("café\n中文".encode()) == "café\n中文"


def test_it_reads_a_cut_off_utf8_file_and_marks_the_lost_character(tmp_path: Path) -> None:
    data = badfiles.sample_text().encode("utf-8")
    lead = next(i for i in range(len(data) // 2, len(data)) if data[i] >= 0xE0)
    p = tmp_path / "cut.txt"
    p.write_bytes(data[: lead + 1])  # one byte of a three-byte character
    doc = read_document(p)
    texts = [b.text for b in doc.blocks if hasattr(b, "text")] + [
        c.text for b in doc.blocks for r in getattr(b, "rows", ()) for c in r.cells
    ]
    assert sum(t.count("\ufffd") for t in texts) == 1
    assert doc.blocks[:10] == read_document(badfiles.SAMPLE_TXT).blocks[:10]


def test_it_reads_a_cut_off_gbk_file() -> None:
    data = badfiles.sample_text().encode("gbk")[:1001]
    text = decode(data)
    assert "\ufffd" not in text[:-1]
    assert text.startswith(badfiles.sample_text()[:50])


@pytest.mark.parametrize(
    "data",
    [b"abc \xff def\n", b"\x80\x80 abc\n", b"\xfe\xff\xd8\x00"],
    ids=["0xff", "lone-0x80", "bad-utf16-surrogate"],
)
def test_it_refuses_undecodable_bytes_with_a_clear_error(data: bytes) -> None:
    with pytest.raises(DecodingError, match="UTF-8|utf-16") as info:
        read_document(data)
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------------------
# Legacy, encrypted, mislabelled


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".docx", ".txt"])
def test_it_sends_ole_files_to_convert(tmp_path: Path, suffix: str) -> None:
    p = tmp_path / f"notice{suffix}"
    p.write_bytes(badfiles.ole_file())
    with pytest.raises(LegacyFormatError, match="convert"):
        read_document(p)


def test_it_tells_a_password_protected_docx_from_a_legacy_doc(tmp_path: Path) -> None:
    p = tmp_path / "locked.docx"
    p.write_bytes(badfiles.ole_file("EncryptedPackage".encode("utf-16-le")))
    with pytest.raises(EncryptedDocumentError, match="password"):
        read_document(p)


def test_it_reads_a_docx_named_pdf(tmp_path: Path) -> None:
    need_docx_reader()
    p = tmp_path / "notice.pdf"
    p.write_bytes(badfiles.good_docx(["天津", "测试段落"]))
    doc = read_document(p)
    assert doc.source.format is Format.DOCX
    assert "测试段落" in [getattr(b, "text", None) for b in doc.blocks]


def test_it_reads_a_text_file_named_docx(tmp_path: Path, sample_blocks) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "notice.docx"
    p.write_bytes(badfiles.SAMPLE_TXT.read_bytes())
    assert read_document(p).blocks == sample_blocks


def test_it_reads_a_path_with_spaces_and_cjk(tmp_path: Path, sample_blocks) -> None:  # type: ignore[no-untyped-def]
    d = tmp_path / "政策 文件"
    d.mkdir()
    p = d / "分工 方案 (final).txt"
    p.write_bytes(badfiles.SAMPLE_TXT.read_bytes())
    doc = read_document(p)
    assert doc.source.path == str(p)
    assert doc.blocks == sample_blocks


@pytest.mark.parametrize(
    "members,error,match",
    [
        (
            {"xl/workbook.xml": b"<x/>", "[Content_Types].xml": b"<x/>"},
            UnsupportedFormatError,
            "Excel",
        ),
        (
            {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
            UnsupportedFormatError,
            "OpenDocument",
        ),
        (
            {"[Content_Types].xml": b"<x/>", "word/styles.xml": b"<x/>"},
            CorruptFileError,
            "not a Word document",
        ),
        ({"photo.jpg": b"\xff\xd8\xff"}, UnsupportedFormatError, "zip archive"),
    ],
    ids=["xlsx", "odt", "no-document-xml", "plain-zip"],
)
def test_it_names_zips_that_are_not_word_documents(members, error, match) -> None:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(error, match=match):
        check_zip(buf.getvalue(), Limits())


# ---------------------------------------------------------------------------
# Truncated and damaged docx


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 0.999])
def test_it_refuses_a_truncated_docx_as_corrupt(keep: float) -> None:
    data = badfiles.good_docx(["天津", "测试"])
    cut = data[: int(len(data) * keep)]
    with pytest.raises(CorruptFileError, match="damaged|truncated"):
        check_zip(cut, Limits())


def test_it_refuses_a_truncated_docx_through_read_document(tmp_path: Path) -> None:
    need_docx_reader()
    data = badfiles.good_docx(["天津", "测试"])
    p = tmp_path / "cut.docx"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError):
        read_document(p)


def test_it_refuses_a_docx_with_a_flipped_byte() -> None:
    data = bytearray(badfiles.good_docx(["天津" * 200]))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    at = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[at] ^= 0xFF
    with pytest.raises(CorruptFileError, match="damaged"):
        check_zip(bytes(data), Limits())


def test_it_accepts_genuine_docx_files() -> None:
    check_zip(badfiles.good_docx(["天津", "测试"]), Limits())
    for sample in sorted(badfiles.ROOT.glob("samples/*.docx")):
        check_zip(sample.read_bytes(), Limits())


# ---------------------------------------------------------------------------
# Zip bombs


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    return badfiles.zip_bomb(gigabytes=1)


def test_it_refuses_a_zip_bomb_quickly_and_small(zip_bomb: bytes) -> None:
    assert len(zip_bomb) < 3 * 1024 * 1024  # small on disk: 1 GiB inside
    before = maxrss_mb()
    t0 = time.process_time()
    with pytest.raises(InputTooLargeError, match="zip bomb"):
        check_zip(zip_bomb, Limits())
    assert time.process_time() - t0 < 0.5
    assert maxrss_mb() - before < 50


def test_it_refuses_a_zip_bomb_through_read_document(tmp_path: Path, zip_bomb: bytes) -> None:
    p = tmp_path / "bomb.docx"
    p.write_bytes(zip_bomb)
    need_docx_reader()
    t0 = time.process_time()
    with pytest.raises(InputTooLargeError):
        read_document(p)
    assert time.process_time() - t0 < 1


def test_it_refuses_a_high_ratio_member_even_under_the_size_limit() -> None:
    bomb = badfiles.zip_bomb(gigabytes=1)
    with pytest.raises(InputTooLargeError, match="ratio"):
        check_zip(bomb, Limits(max_unzipped_bytes=4 << 30))


def test_it_stops_a_member_whose_header_lies_about_its_size() -> None:
    data = badfiles.lying_zip()
    # The declared sizes are harmless: only inflating reveals the lie.
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert sum(i.file_size for i in infos) < 2000
    before = maxrss_mb()
    t0 = time.process_time()
    with pytest.raises(InputTooLargeError, match="beyond the 1000 bytes its header declares"):
        check_zip(data, Limits())
    assert time.process_time() - t0 < 0.5
    assert maxrss_mb() - before < 20


def test_it_counts_real_bytes_against_the_limit() -> None:
    data = badfiles.good_docx(["天津" * 5000])
    with pytest.raises(InputTooLargeError):
        check_zip(data, Limits(max_unzipped_bytes=20_000))


def test_it_refuses_too_many_zip_entries() -> None:
    with pytest.raises(InputTooLargeError, match="entries"):
        check_zip(badfiles.many_entries_zip(50), Limits(max_zip_entries=20))


# ---------------------------------------------------------------------------
# XML entities: never resolved, never expanded


def test_it_refuses_an_external_entity_docx(secret_file: Path) -> None:
    data = badfiles.xxe_docx(secret_file)
    with pytest.raises(UnsafeXmlError, match="DTD") as info:
        check_zip(data, Limits())
    assert SECRET not in str(info.value)
    assert isinstance(info.value, CorruptFileError)


def test_it_refuses_an_external_entity_docx_through_read_document(
    tmp_path: Path, secret_file: Path
) -> None:
    need_docx_reader()
    p = tmp_path / "xxe.docx"
    p.write_bytes(badfiles.xxe_docx(secret_file))
    with pytest.raises(PolicyParseError) as info:
        read_document(p)
    assert SECRET not in str(info.value)


def test_it_refuses_an_entity_bomb_docx_quickly_and_small() -> None:
    data = badfiles.entity_bomb_docx()
    before = maxrss_mb()
    t0 = time.process_time()
    with pytest.raises(UnsafeXmlError):
        check_zip(data, Limits())
    assert time.process_time() - t0 < 0.5
    assert maxrss_mb() - before < 20


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
def test_it_finds_a_dtd_in_any_encoding_and_across_chunk_edges(codec: str) -> None:
    pad = "<!-- " + "x" * 65530 + " -->"  # push the DOCTYPE across a 64 KiB read
    xml = f'<?xml version="1.0"?>{pad}<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'
    raw = xml.encode(codec)
    if codec != "utf-8":
        raw = ("\ufeff" + xml).encode(codec)
    data = badfiles.minimal_docx(b"")
    data = badfiles.replace_member(data, "word/document.xml", raw)
    with pytest.raises(UnsafeXmlError):
        check_zip(data, Limits())


def test_it_parses_our_own_xml_without_entities(secret_file: Path) -> None:
    xxe = (
        f'<!DOCTYPE a [<!ENTITY xxe SYSTEM "{secret_file.resolve().as_uri()}">]><a>&xxe;</a>'
    ).encode()
    with pytest.raises(UnsafeXmlError):
        parse_xml(xxe)
    with pytest.raises(UnsafeXmlError):
        parse_xml(badfiles.billion_laughs_xml())
    root = parse_xml(badfiles.document_xml(badfiles.paragraph("天津")))
    assert "".join(root.itertext()) == "天津"
    with pytest.raises(CorruptFileError):
        parse_xml(b"<a><b></a>")


def test_it_relies_on_python_docx_never_resolving_entities_either(secret_file: Path) -> None:
    """Belt and braces: even past check_zip, python-docx's parser leaves an
    external entity unresolved and refuses an entity bomb (libxml2's
    amplification guard).  If a python-docx upgrade changes that, this fails."""
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    xxe = (
        f'<!DOCTYPE a [<!ENTITY xxe SYSTEM "{secret_file.resolve().as_uri()}">]><a>&xxe;</a>'
    ).encode()
    root = etree.fromstring(xxe, oxml_parser)
    assert SECRET not in etree.tostring(root, encoding="unicode")
    assert SECRET not in "".join(root.itertext())
    t0 = time.process_time()
    try:
        root = etree.fromstring(badfiles.billion_laughs_xml(), oxml_parser)
        assert len(etree.tostring(root)) < 100_000
    except etree.XMLSyntaxError:
        pass
    assert time.process_time() - t0 < 0.5


# ---------------------------------------------------------------------------
# End to end: parse() and the CLI


def test_it_parses_every_encoding_to_the_same_records(tmp_path: Path) -> None:
    parse = need_parse()
    want = parse(badfiles.SAMPLE_TXT)
    for name, data in _variants().items():
        p = tmp_path / "n.txt"
        p.write_bytes(data)
        got = parse(p)
        assert got.measures == want.measures, name
        assert got.table == want.table, name
        assert got.discrepancies == want.discrepancies, name


def test_it_raises_only_policy_parse_errors_from_parse(tmp_path: Path, secret_file: Path) -> None:
    parse = need_parse()
    for data in (b"", badfiles.ole_file(), b"abc \xff def\n", badfiles.xxe_docx(secret_file)):
        p = tmp_path / "bad.docx"
        p.write_bytes(data)
        with pytest.raises(PolicyParseError) as info:
            parse(p)
        assert SECRET not in str(info.value)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "policy_parse", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        env=env,
    )


def _bad_files(tmp_path: Path, secret_file: Path) -> dict[str, Path]:
    files = {
        "empty.txt": b"",
        "random.bin": random.Random(1).randbytes(4096),
        "legacy.doc": badfiles.ole_file(),
        "undecodable.txt": b"abc \xff def\n",
        "truncated.docx": badfiles.good_docx(["天津"])[:800],
        "xxe.docx": badfiles.xxe_docx(secret_file),
        "bomb.docx": badfiles.zip_bomb(gigabytes=1),
    }
    out = {}
    for name, data in files.items():
        p = tmp_path / f"坏 {name}"
        p.write_bytes(data)
        out[name] = p
    out["missing.txt"] = tmp_path / "missing.txt"
    return out


def test_it_exits_2_with_one_line_on_stderr_for_each_bad_file(
    tmp_path: Path, secret_file: Path
) -> None:
    need_cli()
    for name, p in _bad_files(tmp_path, secret_file).items():
        # Quickly, as CPU time of the CLI and all it waited for (LibreOffice
        # for the .doc): under a loaded machine the wall clock measures the
        # machine.  The wall clock only guards against a hang.
        cpu0, t0 = _children_cpu(), time.perf_counter()
        r = _cli(str(p))
        assert r.returncode == 2, (name, r.stderr)
        lines = r.stderr.strip("\n").split("\n")
        assert len(lines) == 1 and lines[0], (name, r.stderr)
        assert "Traceback" not in r.stderr
        assert SECRET not in r.stdout + r.stderr
        assert _children_cpu() - cpu0 < 5, name
        assert time.perf_counter() - t0 < 60, name


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_it_shows_a_traceback_with_debug(tmp_path: Path) -> None:
    need_cli()
    p = tmp_path / "legacy.doc"
    p.write_bytes(badfiles.ole_file())
    r = _cli("--debug", str(p))
    assert r.returncode == 2
    assert "Traceback" in r.stderr
    # With LibreOffice installed the garbage is handed to it and fails there:
    # ConversionFailedError, a LegacyFormatError.
    assert "LegacyFormatError" in r.stderr or "ConversionFailedError" in r.stderr


def test_it_reads_a_cjk_path_from_the_cli(tmp_path: Path) -> None:
    need_cli()
    p = tmp_path / "分工 方案.txt"
    p.write_bytes(badfiles.sample_text().encode("gbk"))
    r = _cli(str(p))
    assert r.returncode in (0, 1), r.stderr


# ---------------------------------------------------------------------------
# Mutations: damaged versions of the samples raise PolicyParseError or parse


_SAMPLE_BYTES = badfiles.SAMPLE_TXT.read_bytes()
_SAMPLE_DOCX = (badfiles.ROOT / "samples" / "notice.docx").read_bytes()


@st.composite
def _mutated(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "dup", "drop"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        n = draw(st.integers(1, 64))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "dup":
            data[at:at] = data[at : at + n]
        else:
            del data[at : at + n]
    return bytes(data)


_fast = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_fast
@given(_mutated(_SAMPLE_BYTES))
def test_it_raises_only_policy_parse_errors_on_mutated_text(data: bytes) -> None:
    parse = need_parse()
    try:
        parse(data)
    except PolicyParseError:
        pass


@_fast
@given(_mutated(_SAMPLE_DOCX))
def test_it_raises_only_policy_parse_errors_on_mutated_docx(data: bytes) -> None:
    parse = need_parse()
    try:
        parse(data)
    except PolicyParseError:
        pass


def test_it_survives_a_table_row_with_one_cell_more_than_the_header() -> None:
    need_parse()
    from policy_parse import parse_text

    lines = badfiles.sample_text().split("\n")
    row_ends = [
        i for i, line in enumerate(lines[:-1]) if line.startswith("\t") and lines[i + 1] == ""
    ]
    # row_ends: [0] the table's title line, [1] the header row, [2] the first body row
    at = row_ends[2] + 1
    text = "\n".join([*lines[:at], "\t多余的一格", *lines[at:]])
    try:
        parse_text(text)
    except PolicyParseError:
        pass


def test_parse_text_never_opens_a_file_named_by_its_text():
    # parse("/etc/passwd") reads that file; parse_text treats the string as the notice.
    import policy_parse

    try:
        notice = policy_parse.parse_text("/etc/passwd")
    except PolicyParseError as exc:
        assert not isinstance(exc, FileNotFoundError)
    else:
        assert "root:" not in policy_parse.to_json(notice)


# ---------------------------------------------------------------------------
# Issue 13: a few kilobytes that cost gigabytes after the zip check.  Each
# vector runs in a child process capped at 1 GiB of address space and a wall
# clock, so that a regression fails the test instead of taking CI down.

_CAPPED = """
import sys, policy_parse
try:
    notice = policy_parse.parse(sys.argv[1])
    print("OK", len(policy_parse.to_json(notice)))
except policy_parse.PolicyParseError as exc:
    print("ERR", type(exc).__name__, str(exc).replace("\\n", " "))
"""


def run_capped(path: Path, *, memory: int = 1 << 30, seconds: float = 60) -> str:
    """`parse` + `to_json` of `path` in a capped child: "OK <json length>" or
    "ERR <error class> <message>"; any other exception fails the test."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    r = subprocess.run(
        [sys.executable, "-c", _CAPPED, str(path)],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=seconds,
        preexec_fn=cap,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout.strip()


def _header_row() -> str:
    return "".join(badfiles.cell(h) for h in ("序号", "具体落实举措", "牵头单位", "完成时限"))


def _span_table(prop: str, row_prop: str = "") -> bytes:
    body_row = badfiles.cell("1") + badfiles.cell("加强领导", prop) + badfiles.cell("区科技局")
    return badfiles.word_package(badfiles.table([_header_row(), body_row], 4, ["", row_prop]))


_SPAN_VECTORS = {
    "gridSpan 1e9": _span_table('<w:gridSpan w:val="1000000000"/>'),
    "gridSpan 1e6": _span_table('<w:gridSpan w:val="1000000"/>'),
    "gridBefore 1e9": _span_table("", '<w:gridBefore w:val="1000000000"/>'),
    "gridAfter 1e9": _span_table("", '<w:gridAfter w:val="1000000000"/>'),
}


@pytest.mark.parametrize("name", list(_SPAN_VECTORS))
def test_it_refuses_a_cell_spanning_a_billion_grid_columns(name: str, tmp_path: Path) -> None:
    p = tmp_path / "span.docx"
    p.write_bytes(_SPAN_VECTORS[name])
    assert p.stat().st_size < 4096
    out = run_capped(p, seconds=30)
    assert out.startswith("ERR InputTooLargeError"), out
    assert "Limits.max_cell_span" in out


def test_it_refuses_a_row_of_more_cells_than_any_grid(tmp_path: Path) -> None:
    row = badfiles.cell("x") * 5000
    p = tmp_path / "wide.docx"
    p.write_bytes(badfiles.word_package(badfiles.table([row], 4)))
    out = run_capped(p, seconds=30)
    assert out.startswith("ERR InputTooLargeError") and "Limits.max_grid_columns" in out, out


def test_it_refuses_a_grid_of_twenty_thousand_columns(tmp_path: Path) -> None:
    p = tmp_path / "grid.docx"
    p.write_bytes(badfiles.word_package(badfiles.table([_header_row()], 20_000)))
    out = run_capped(p, seconds=30)
    assert out.startswith("ERR InputTooLargeError") and "Limits.max_grid_columns" in out, out


def test_it_keeps_a_span_within_the_limits() -> None:
    doc = read_document(_span_table('<w:gridSpan w:val="2"/>'))
    row = doc.blocks[0].rows[1]  # type: ignore[union-attr]
    assert [c.text for c in row.cells] == ["1", "加强领导", "", "区科技局"]
    assert row.cells[2].merged_left


@pytest.mark.parametrize(
    "fmt,start",
    [("upperLetter", 10**9), ("lowerRoman", 10**12), ("lowerLetter", 10**18)],
)
def test_it_refuses_a_letter_or_roman_number_of_a_huge_start(
    fmt: str, start: int, tmp_path: Path
) -> None:
    level = f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/>'
    p = tmp_path / "letters.docx"
    p.write_bytes(badfiles.numbered(level))
    out = run_capped(p, seconds=30)
    assert out.startswith("ERR InputTooLargeError") and "Limits.max_marker_chars" in out, out


def test_it_refuses_a_level_text_repeating_its_number(tmp_path: Path) -> None:
    level = (
        f'<w:start w:val="{10**18}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1" * 20000}"/>'
    )
    p = tmp_path / "repeat.docx"
    p.write_bytes(badfiles.numbered(level, paragraphs=2000))
    out = run_capped(p, seconds=30)
    assert out.startswith("ERR InputTooLargeError") and "Limits.max_marker_chars" in out, out


def test_it_renders_a_huge_decimal_start_as_it_is(tmp_path: Path) -> None:
    level = f'<w:start w:val="{10**18}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    doc = read_document(badfiles.numbered(level, paragraphs=2))
    texts = [b.text for b in doc.blocks]  # type: ignore[union-attr]
    assert texts == [f"{10**18}.加强组织领导", f"{10**18 + 1}.加强组织领导"]


def test_it_draws_letters_and_roman_numerals_up_to_the_limit() -> None:
    from policy_parse.read.docx.numbering import format_number

    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(1994, "upperRoman") == "MCMXCIV"
    with pytest.raises(InputTooLargeError):
        format_number(26 * 300, "upperLetter")


@pytest.fixture(scope="module")
def million_paragraphs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("big") / "million.docx"
    p.write_bytes(badfiles.many_paragraphs_docx(10**6))
    return p


def test_it_refuses_a_million_paragraphs_in_linear_time(million_paragraphs: Path) -> None:
    assert million_paragraphs.stat().st_size < 12 * 1024 * 1024
    t0 = time.perf_counter()
    out = run_capped(million_paragraphs, memory=3 << 29, seconds=60)
    assert out.startswith("ERR InputTooLargeError"), out
    assert "Limits.max_paragraphs" in out or "memory" in out, out
    assert time.perf_counter() - t0 < 40


def test_it_counts_paragraphs_against_the_limit() -> None:
    data = badfiles.many_paragraphs_docx(50)
    assert len(read_document(data, limits=Limits(max_paragraphs=50)).blocks) == 50
    with pytest.raises(InputTooLargeError, match="max_paragraphs"):
        read_document(data, limits=Limits(max_paragraphs=49))


def test_it_refuses_a_ten_thousand_row_table_quickly(tmp_path: Path) -> None:
    rows = [_header_row()] + [
        badfiles.cell(str(i)) + badfiles.cell(f"措施{i}") + badfiles.cell("区科技局")
        for i in range(1, 10_001)
    ]
    p = tmp_path / "rows.docx"
    p.write_bytes(badfiles.word_package(badfiles.table(rows, 4)))
    out = run_capped(p, seconds=30)
    assert out.startswith("ERR InputTooLargeError") and "Limits.max_rows" in out, out


# ---------------------------------------------------------------------------
# Embedded chunks (w:altChunk) and odd packages


def _alt_chunk_docx(content_type: str, data: bytes) -> bytes:
    body = badfiles.paragraph("正文") + '<w:altChunk r:id="rIdChunk"/>'
    return badfiles.word_package(body, chunks={"rIdChunk": (content_type, data)})


def test_it_keeps_the_text_of_an_embedded_html_chunk_as_residue():
    html = "<html><body><p>1. 加强领导</p><script>x()</script><p>（牵头单位：区科技局）</p></body></html>"
    document = read_document(_alt_chunk_docx("text/html", html.encode()))
    assert [b.text for b in document.blocks] == ["正文"]
    assert [r.text for r in document.residue] == ["1. 加强领导\n（牵头单位：区科技局）"]
    assert "w:altChunk" in document.residue[0].reason
    assert "HTML" in document.residue[0].reason


def test_it_keeps_the_text_of_an_embedded_word_chunk_as_residue():
    inner = badfiles.good_docx(["内嵌段落"])
    document = read_document(
        _alt_chunk_docx(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            inner,
        )
    )
    assert [r.text for r in document.residue] == ["内嵌段落"]
    assert "Word" in document.residue[0].reason


def test_it_keeps_the_text_of_an_embedded_mht_chunk_as_residue():
    mht = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + __import__("base64").b64encode("<p>网页内容</p>".encode())
        + b"\r\n--b--\r\n"
    )
    document = read_document(_alt_chunk_docx("message/rfc822", mht))
    assert [r.text for r in document.residue] == ["网页内容"]


def test_it_names_a_macro_enabled_document_instead_of_a_bytesio_repr():
    data = badfiles.word_package(
        badfiles.paragraph("正文"),
        main_type="application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    with pytest.raises(UnsupportedFormatError, match=r"\.docm") as info:
        read_document(data)
    assert "BytesIO" not in str(info.value)


def test_it_refuses_a_package_with_two_document_parts_as_ambiguous():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", badfiles.CONTENT_TYPES)
        zf.writestr("_rels/.rels", badfiles.ROOT_RELS)
        zf.writestr("word/document.xml", badfiles.document_xml(badfiles.paragraph("真的")))
        with pytest.warns(UserWarning, match="Duplicate name"):
            zf.writestr("word/document.xml", badfiles.document_xml(badfiles.paragraph("假的")))
    with pytest.raises(CorruptFileError, match="ambiguous"):
        check_zip(buf.getvalue(), Limits())
    with pytest.raises(CorruptFileError, match="two zip entries named 'word/document.xml'"):
        read_document(buf.getvalue())


# ---------------------------------------------------------------------------
# Issue 13: untyped failures become typed errors or kept text


def test_a_five_thousand_digit_number_is_text_not_a_crash() -> None:
    import policy_parse

    huge = "9" * 5000
    for line in (f"{huge}. 做好工作", f"（{huge}）做好工作", f"{huge}、做好工作"):
        text = f"一、总体要求\n1. 加强领导（牵头单位：区科技局）\n{line}\n2. 强化保障\n"
        notice = policy_parse.parse_text(text)
        assert [str(m.number) for m in notice.measures] == ["1", "2"]
        kept = [m.text for m in notice.measures] + [r.text for r in notice.residue]
        assert any(huge in t for t in kept), line


def test_a_measure_number_too_long_to_be_one_is_a_typed_error() -> None:
    from policy_parse._support.chinese_numerals import cn_to_int
    from policy_parse.errors import NumberTooLongError
    from policy_parse.models import MeasureNo
    from policy_parse.normalize.numbers import parse_written

    for call in (
        lambda: MeasureNo.parse("9" * 5000),
        lambda: MeasureNo.parse("1-" + "9" * 19),
        lambda: parse_written("9" * 5000 + "."),
        lambda: cn_to_int("〇" * 5000),
    ):
        with pytest.raises(NumberTooLongError) as info:
            call()
        assert isinstance(info.value, PolicyParseError) and isinstance(info.value, ValueError)
        assert len(str(info.value)) < 200
    assert str(MeasureNo.parse("9" * 18)) == "9" * 18


@pytest.mark.parametrize("entry", ["parse_text", "read_text_document"])
def test_a_lone_surrogate_in_text_is_a_decoding_error(entry: str) -> None:
    import policy_parse

    text = "1. 加强\ud800领导\n2. 强化保障\n"
    with pytest.raises(DecodingError, match="U\\+D800 at character 5, line 1"):
        getattr(policy_parse, entry)(text)


def test_running_out_of_memory_while_reading_is_input_too_large(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from policy_parse.read.text import reader as txt

    def exhausted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise MemoryError

    monkeypatch.setattr(txt, "read_text", exhausted)
    for read in (lambda: read_document(b"1. abc\n"), lambda: read_text_document("1. abc\n")):
        with pytest.raises(InputTooLargeError, match="ran out of memory") as info:
            read()
        assert isinstance(info.value.__cause__, MemoryError)


# ---------------------------------------------------------------------------
# Issue 13: a byte-order mark the bytes contradict


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe" + "1. 加强领导工作\n2. 强化保障\n".encode(),
        b"\xfe\xff" + "附件：分工方案".encode(),
        b"\xef\xbb\xbf" + "1. 加强领导工作\n2. 强化保障\n".encode("utf-16-le"),
    ],
    ids=["utf16le-bom-then-utf8", "utf16be-bom-then-utf8", "utf8-bom-then-utf16"],
)
def test_it_refuses_a_bom_the_bytes_contradict(data: bytes) -> None:
    with pytest.raises(DecodingError, match="byte-order mark but") as info:
        decode(data)
    assert "\n" not in str(info.value)


def test_it_still_reads_genuine_utf16_whose_text_has_no_ascii() -> None:
    text = "加强领导工作，强化保障。"
    assert decode(b"\xff\xfe" + text.encode("utf-16-le")) == text
    assert decode(b"\xfe\xff" + text.encode("utf-16-be")) == text


# ---------------------------------------------------------------------------
# Issue 13: invisible characters stay out of canonical department names


def _damage_one_department(junk: str) -> tuple[str, str, str]:
    """The sample with `junk` inside the last occurrence of a table lead."""
    import policy_parse

    text = badfiles.sample_text()
    written = policy_parse.parse_text(text).table[3].lead[0].written
    at = text.rfind(written)
    damaged = written[0] + junk + written[1:] + junk
    return text[:at] + damaged + text[at + len(written) :], written, damaged


@pytest.mark.parametrize("junk", ["\u200d", "\u200f\u2066", "\ufe0f", "\u200b\ufeff\u00ad"])
def test_invisible_characters_in_a_department_name_are_taken_out_and_counted(junk: str) -> None:
    # read/invisible.py: taken out before segmenting (they would cut labels,
    # markers and names), said by one info finding with their number; the
    # unit reads as written without them and every other finding stays.
    import policy_parse

    baseline = policy_parse.parse_text(badfiles.sample_text())
    text, written, damaged = _damage_one_department(junk)
    notice = policy_parse.parse_text(text)
    removed = [d for d in notice.discrepancies if d.note == "invisible_removed"]
    assert [(d.severity.value, dict(d.fields)) for d in removed] == [
        ("info", {"count": str(2 * len(junk))})
    ]
    assert [d for d in notice.discrepancies if d not in removed] == list(baseline.discrepancies)
    assert not any(
        ch in u.written for e in notice.table for u in (*e.lead, *e.support) for ch in junk
    )
    assert notice.table[3].lead[0].written == written, damaged


def test_a_nul_in_a_department_name_changes_no_finding() -> None:
    import policy_parse

    baseline = policy_parse.parse_text(badfiles.sample_text())
    notice = policy_parse.parse_text(_damage_one_department("\x00")[0])
    assert notice.discrepancies == baseline.discrepancies


def test_strip_invisible_keeps_every_visible_character() -> None:
    from policy_parse.normalize.invisible import strip_invisible

    assert strip_invisible("区\u200b科\u200c技\u200d局\u202e\u2066\ufeff\x00\u00ad") == "区科技局"
    assert (
        strip_invisible("市场监管局（知识产权局）\u3000A-1") == "市场监管局（知识产权局）\u3000A-1"
    )


def test_a_department_of_invisible_characters_only_is_no_department() -> None:
    import policy_parse
    from policy_parse.normalize.invisible import strip_invisible

    text = badfiles.sample_text().replace("\t经发局、办公室\n", "\t经发局、办公室\n\u200d\n", 1)
    assert "\u200d" in text
    notice = policy_parse.parse_text(text)
    names = [u.name for e in notice.table for u in (*e.lead, *e.support)]
    assert all(strip_invisible(n) for n in names)
    assert not any(u.written == "\u200d" for e in notice.table for u in e.support)


def test_every_limit_is_listed_in_the_security_notes() -> None:
    # docs/security.md lists each Limits field with its default (issue 13).
    from pathlib import Path

    import attrs

    from policy_parse import Limits

    doc = (Path(__file__).parent.parent / "docs" / "security.md").read_text("utf-8")
    missing = [f.name for f in attrs.fields(Limits) if f"| `{f.name}` |" not in doc]
    assert missing == []


# ---------------------------------------------------------------------------
# Hostile RTF (read/rtf: no LibreOffice between the bytes and our reader)


def test_it_refuses_rtf_groups_nested_a_hundred_thousand_deep_quickly() -> None:
    data = b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}"
    start = time.process_time()
    with pytest.raises(InputTooLargeError, match="nests groups"):
        read_document(data)
    assert time.process_time() - start < 5


@pytest.mark.parametrize(
    "count", [b"2147483647", b"99999999999999999999", b"4"], ids=["int32", "huge", "past-end"]
)
def test_it_refuses_an_rtf_bin_longer_than_the_file(count: bytes) -> None:
    with pytest.raises(CorruptFileError, match="bin"):
        read_document(b"{\\rtf1 text{\\pict\\bin" + count + b" ab")


def test_it_refuses_an_unterminated_rtf_group_as_truncated() -> None:
    with pytest.raises(CorruptFileError, match="truncated"):
        read_document(b"{\\rtf1\\ansi {\\b bold {\\i text\\par")


def test_it_refuses_an_rtf_table_nested_past_words_limit() -> None:
    with pytest.raises(InputTooLargeError, match="itap"):
        read_document(b"{\\rtf1 \\pard\\intbl\\itap100000 x\\nestcell}")


def test_it_refuses_an_rtf_row_of_more_cell_edges_than_any_grid() -> None:
    edges = b"".join(b"\\cellx%d" % (10 * (k + 1)) for k in range(20_000))
    with pytest.raises(InputTooLargeError, match="max_grid_columns"):
        read_document(b"{\\rtf1 \\trowd" + edges + b"\\pard\\intbl a\\cell\\row\\pard\\par}")


def test_it_bounds_the_paragraphs_of_an_rtf() -> None:
    with pytest.raises(InputTooLargeError, match="max_paragraphs"):
        read_document(b"{\\rtf1 " + b"x\\par " * 1001 + b"}", limits=Limits(max_paragraphs=1000))


def test_it_refuses_an_rtf_control_word_with_a_parameter_of_thousands_of_digits() -> None:
    with pytest.raises(CorruptFileError, match="digit"):
        read_document(b"{\\rtf1 x\\par" + b"9" * 5000 + b" y}")


def test_an_rtf_unicode_escape_out_of_range_is_a_replacement_character() -> None:
    document = read_document(b"{\\rtf1 a\\u99999999?b\\u-99999?c\\par}")
    assert document.texts() == ["a\ufffdb\ufffdc"]
