"""OFD (GB/T 33190) is recognised by content and refused clearly, not as "a zip"."""

from __future__ import annotations

import io
import zipfile

import pytest

from policy_parse.errors import UnsupportedFormatError
from policy_parse.models import Format
from policy_parse.read import detect_format, read_document


def ofd_bytes() -> bytes:
    """The skeleton every OFD package has: OFD.xml pointing at a Document.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "OFD.xml",
            '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        zf.writestr("Doc_0/Document.xml", '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>')
    return buf.getvalue()


@pytest.mark.parametrize("name", ["notice.ofd", "notice.docx", "notice.zip"])
def test_an_ofd_is_detected_by_content_whatever_its_name(name: str) -> None:
    assert detect_format(ofd_bytes(), name) is Format.OFD


def test_an_ofd_is_refused_as_not_yet_read_not_as_a_zip() -> None:
    with pytest.raises(UnsupportedFormatError, match="OFD .*not yet read") as info:
        read_document(ofd_bytes())
    assert "zip archive" not in str(info.value)
