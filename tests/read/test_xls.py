"""Excel 97 .xls read by xlrd (read/xls.py), LibreOffice the fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_parse.errors import CorruptFileError, LegacyFormatError
from policy_parse.models import Format
from policy_parse.read import Limits, legacy, read_document, xls

pytest.importorskip("xlrd")  # the [legacy] extra, which [test] installs

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_an_xls_reads_as_its_xlsx_without_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice to be found
    document = read_document(SAMPLES / "notice.xls")
    assert document.source.format is Format.XLS
    assert document.blocks == read_document(SAMPLES / "notice.xlsx").blocks
    assert document.residue == read_document(SAMPLES / "notice.xlsx").residue


def test_merged_cells_of_the_xls_are_merged_up_and_left() -> None:
    document = read_document(SAMPLES / "notice.xls")
    cells = [c for b in document.blocks for r in getattr(b, "rows", ()) for c in r.cells]
    assert any(c.merged_up for c in cells) and not any(c.merged_up and c.text for c in cells)


def test_without_xlrd_an_xls_goes_to_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xls, "available", lambda: False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LegacyFormatError, match="libreoffice-calc-nogui"):
        read_document(SAMPLES / "notice.xls")


@pytest.mark.parametrize("at", [0.3, 0.6])
def test_a_damaged_xls_is_corrupt_or_reads(at: float) -> None:
    data = bytearray((SAMPLES / "notice.xls").read_bytes())
    start = int(len(data) * at)
    data[start : start + 4096] = b"\xff" * 4096
    try:
        document = read_document(bytes(data))
    except CorruptFileError as exc:
        assert ".xls" in str(exc)
    else:
        assert document.source.format is Format.XLS


def test_an_ole_file_naming_a_workbook_but_holding_none_is_corrupt() -> None:
    fake = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le")
    with pytest.raises(CorruptFileError, match=r"not a readable \.xls"):
        read_document(fake + b"\x00" * 1024)


def test_a_batch_leaves_its_xls_files_to_xlrd(tmp_path: Path) -> None:
    folder = tmp_path / "converted"
    folder.mkdir()
    paths = [str(SAMPLES / "notice.xls")]
    assert legacy.prepare_batch(paths, str(folder), Limits()) == 0
    assert not list(folder.rglob("*.xlsx"))
