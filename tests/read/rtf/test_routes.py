"""The native RTF reader against the LibreOffice route it replaced, on .rtf
files LibreOffice writes from the .docx samples (one soffice run for all).

The differences accepted (docs/formats.md, "RTF") do not occur in these
files but one: LibreOffice, reading an RTF, restarts a list Word numbered
on (36-2 then 1., 2., … where `{\\listtext 37.}` says 37.); the native
reader takes the number Word drew, and reads notice-autonum as its .docx
reads.  Needs LibreOffice: skipped without it, failed in CI (which has it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import policy_parse
from helpers import measure_rows, soffice_convert
from policy_parse.models import Format, Source
from policy_parse.read import Limits
from policy_parse.read.rtf import read_rtf

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
SAME = ["notice.docx", "family-city-foreign-trade.docx", "family-district-renewal.docx"]
SOURCE = Source(path=None, format=Format.RTF, sha256="")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rtfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LibreOffice's .rtf of each .docx sample, in one folder."""
    out = tmp_path_factory.mktemp("rtf")
    names = [*SAME, "notice-autonum.docx"]
    for name in names:
        shutil.copy(SAMPLES / name, out / name)
    soffice_convert(out, names, "rtf")
    return out


_measures = measure_rows


def test_list_numbers_are_those_word_drew_as_in_the_docx(rtfs: Path) -> None:
    data = (rtfs / "notice-autonum.rtf").read_bytes()
    native = _measures(read_rtf(data, SOURCE, Limits()))
    original = _measures(policy_parse.read_document(SAMPLES / "notice-autonum.docx"))
    assert len(native) == 78
    assert native == original
