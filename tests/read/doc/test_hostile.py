"""Bad and hostile Word 97 bytes: a typed error (or LibreOffice, for what the
native reader declines), never a traceback, and the limits hold."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest
from wordfile import compound, numbered, word_file

from policy_parse.errors import (
    CorruptFileError,
    InputTooLargeError,
    LegacyFormatError,
    PolicyParseError,
)
from policy_parse.models import Format, Source
from policy_parse.read import Limits, read_document
from policy_parse.read.doc import NotNativeError, read_doc, reads_natively

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
SOURCE = Source(path=None, format=Format.DOC, sha256="")
PLAIN = [("正文\r", b"")]


def read(data: bytes, limits: Limits | None = None) -> object:
    return read_doc(data, SOURCE, limits or Limits())


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"nfib": 0x68}, "Word 6/95"),
        ({"flags": 0x0200 | 0x0100}, "encrypted"),
        ({"flags": 0x0200 | 0x8000}, "obfuscated"),
        ({"flags": 0x0200 | 0x0004}, "fast-saved"),
        ({"stream": "Contents"}, "WordDocument"),
    ],
)
def test_what_the_native_reader_declines_it_says_and_leaves_to_libreoffice(
    kwargs: dict[str, object], why: str
) -> None:
    data = word_file(PLAIN, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(NotNativeError, match=why):
        read(data)
    assert not reads_natively(data, Limits())


def test_a_declined_file_without_libreoffice_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LegacyFormatError, match="libreoffice-writer-nogui"):
        read_document(word_file(PLAIN, nfib=0x68))


def test_the_escape_hatch_sends_a_readable_file_to_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = word_file(PLAIN)
    assert read_document(data).blocks  # native: no LibreOffice needed
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("POLICY_PARSE_DOC", "libreoffice")
    assert not reads_natively(data, Limits())
    with pytest.raises(LegacyFormatError, match="LibreOffice"):
        read_document(data)


def test_a_container_olefile_cannot_open_is_left_to_libreoffice() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    for data in (ole + b"\x00" * 4096, ole + bytes(range(256)) * 20):
        with pytest.raises(NotNativeError, match="olefile cannot open"):
            read(data)
        assert not reads_natively(data, Limits())


def test_every_truncation_of_the_sample_is_an_error_or_a_reading() -> None:
    data = (SAMPLES / "notice.doc").read_bytes()
    for size in range(0, len(data), len(data) // 40):
        try:
            read(data[:size])
        except PolicyParseError:
            pass


def test_random_bytes_in_the_streams_are_an_error_or_a_reading() -> None:
    base = bytearray((SAMPLES / "notice.doc").read_bytes())
    rng = random.Random(26)
    for _ in range(30):
        data = bytearray(base)
        for _ in range(rng.randint(1, 12)):
            at = rng.randrange(512, len(data))
            data[at : at + 8] = bytes(rng.randrange(256) for _ in range(8))
        try:
            read(bytes(data))
        except PolicyParseError:
            pass


def _patched(data: bytes, stream: str, at: int, raw: bytes) -> bytes:
    import olefile

    ole = olefile.OleFileIO(data)
    streams = {n: ole.openstream(n).read() for n in ("WordDocument", "1Table")}
    ole.close()
    body = bytearray(streams[stream])
    body[at : at + len(raw)] = raw
    streams[stream] = bytes(body)
    return compound(streams)


def test_a_piece_table_pointing_past_the_stream_is_corrupt() -> None:
    data = word_file(PLAIN)
    clx_fc = struct.unpack_from("<I", _stream(data, "WordDocument"), 154 + 8 * 33)[0]
    bad = _patched(data, "1Table", clx_fc + 1 + 4 + 8 + 2, struct.pack("<I", 0x3FFFFF00))
    with pytest.raises(CorruptFileError, match="past the end"):
        read(bad)


def test_a_text_length_past_the_pieces_reads_what_the_pieces_hold() -> None:
    data = _patched(word_file(PLAIN), "WordDocument", 76, struct.pack("<i", 10**6))
    assert read(data)


def test_a_negative_text_length_is_corrupt() -> None:
    data = _patched(word_file(PLAIN), "WordDocument", 76, struct.pack("<i", -5))
    with pytest.raises(CorruptFileError):
        read(data)


def test_fields_nested_past_any_word_document_are_refused() -> None:
    data = word_file([("\x13" * 300 + "文\r", b"")])
    with pytest.raises(InputTooLargeError, match="fields"):
        read(data)


def test_the_paragraph_limit_holds() -> None:
    data = word_file([("段\r", b"")] * 50)
    with pytest.raises(InputTooLargeError, match="max_paragraphs"):
        read(data, Limits(max_paragraphs=20))


def test_the_input_size_limit_holds() -> None:
    with pytest.raises(InputTooLargeError):
        read(word_file(PLAIN), Limits(max_input_bytes=1000))


def test_a_huge_list_start_in_letters_is_refused_not_rendered() -> None:
    data = word_file(
        [("文\r", numbered(1))], lists=[(1, [(2**31 - 1, 4, "\x00.")])], lfos=[(1, [])]
    )
    with pytest.raises(InputTooLargeError, match="max_marker_chars"):
        read(data)


def test_damaged_list_tables_still_read_the_text() -> None:
    data = word_file([("文\r", numbered(1))], lists=[(1, [(1, 0, "\x00.")])], lfos=[(1, [])])
    lists_fc = struct.unpack_from("<I", _stream(data, "WordDocument"), 154 + 8 * 73)[0]
    bad = _patched(data, "1Table", lists_fc, struct.pack("<h", 30000))
    assert [b.text for b in read(bad).blocks] == ["文"]  # type: ignore[attr-defined]


def _stream(data: bytes, name: str) -> bytes:
    import olefile

    ole = olefile.OleFileIO(data)
    try:
        return bytes(ole.openstream(name).read())
    finally:
        ole.close()


_CONVERTER = """prev=""; out=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
mkdir -p "$out"
for a in "$@"; do case "$a" in *.doc) n=$(basename "$a"); cp {docx} "$out/${{n%.*}}.docx";; esac; done
"""


def test_a_declined_file_read_by_libreoffice_says_so_in_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in soffice 'converts' to samples/notice.docx: the document
    carries the note, and the parsed notice an info finding naming why."""
    import policy_parse

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "soffice"
    exe.write_text("#!/bin/sh\n" + _CONVERTER.format(docx=SAMPLES / "notice.docx"))
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    document = read_document(word_file(PLAIN, nfib=0x68))
    assert [(n.note, dict(n.fields)) for n in document.notes] == [
        ("doc_by_libreoffice", {"reason": "Word 6/95 or older document (nFib 0x68)"})
    ]
    notice = policy_parse.notice_from_document(document)
    said = [d for d in notice.discrepancies if d.note == "doc_by_libreoffice"]
    assert len(said) == 1
    monkeypatch.setenv("POLICY_PARSE_DOC", "libreoffice")  # asked for: nothing to say
    assert read_document(word_file(PLAIN)).notes == ()


def test_styles_based_on_each_other_end_the_chain_not_the_reading() -> None:
    data = word_file(
        [("文\r", b"", 2)],
        lists=[(1, [(1, 0, "\x00.")])],
        lfos=[(1, [])],
        styles=[(1, 2, b""), (2, 1, b"")],
    )
    assert [b.text for b in read(data).blocks] == ["文"]  # type: ignore[attr-defined]


def test_text_boxes_claiming_the_same_text_read_it_once() -> None:
    """A box table whose boxes all cover the whole story (hostile: the walk
    would be boxes × story long) reads each character once."""
    story = "框内\r" * 50
    data = word_file(
        [("前\x08\r", b"")],
        stories=("", "", "", "", "", story),
        anchors=[(1, 7)],
        boxes=[(0, len(story), 7)] * 400,
    )
    doc = read(data)
    assert [b.text for b in doc.blocks].count("框内") == 50  # type: ignore[attr-defined]
