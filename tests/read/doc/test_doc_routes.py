"""The native Word 97 reader against the LibreOffice route, on .doc files
LibreOffice writes (one soffice run for all): from the .docx samples and
from an invented .docx holding what a notice's Word file holds (Chinese
list numbers on three levels, a merged 分工表, a hyperlink field, a hidden
run; and the same with a text box, read where it is anchored).
samples/notice.doc itself is pinned byte for byte by its golden.

Where LibreOffice reading its own .doc loses something the .doc holds (a
table after a section break becomes one paragraph of its cells' text, and
the section break's paragraph goes), the native reader is held to the
.docx the .doc was saved from instead.  Needs LibreOffice: skipped without
it, failed in CI (which has it).  tools/compare_doc_routes.py runs the same
comparison over any folder (the corpus: docs/formats.md, "Word 97").
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

import policy_parse
from helpers import measure_rows, soffice_convert
from policy_parse.models import Document, Format, Source
from policy_parse.read import Limits, legacy
from policy_parse.read.doc import read_doc

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
SOURCE = Source(path=None, format=Format.DOC, sha256="")

pytestmark = pytest.mark.slow

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _p(text: str, num: tuple[int, int] | None = None, hidden: str = "") -> str:
    ppr = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>'
        if num
        else ""
    )
    extra = f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{hidden}</w:t></w:r>" if hidden else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r>{extra}</w:p>"


def _cell(text: str, merge: str = "") -> str:
    props = f"<w:tcPr><w:vMerge{merge}/></w:tcPr>" if merge is not None and merge != "-" else ""
    return f"<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


_BOX = (
    "<w:p><w:r><w:t>框前正文。</w:t></w:r><w:r><w:pict>"
    '<v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:200pt;height:40pt">'
    "<v:textbox><w:txbxContent><w:p><w:r><w:t>框内甲行</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>框内乙行</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
    "</w:pict></w:r></w:p>"
)


def invented_docx(*, box: bool = False) -> bytes:
    """A notice-shaped .docx of invented text (no corpus notice's); `box`
    adds a paragraph anchoring a text box."""
    lvl = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%3."/></w:lvl>'
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_W}>'
        f'<w:abstractNum w:abstractNumId="0">{lvl}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    link = (
        '<w:p><w:r><w:t xml:space="preserve">详见 </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://127.0.0.1/" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>附表</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>。</w:t></w:r></w:p>'
    )
    rows = [
        ["序号", "任务", "牵头单位", "配合单位"],
        ["1", "稳步推进甲项工作。", "县甲局", "县乙局"],
        ["2", "持续完善乙项制度。", "县丙局", "-"],
        ["3", "加快建设丙项平台。", "", "县丁局"],
    ]
    cells = []
    for r, row in enumerate(rows):
        tcs = []
        for c, text in enumerate(row):
            if r == 2 and c == 3:
                tcs.append(_cell("", ' w:val="restart"'))
            elif r == 3 and c == 3:
                tcs.append(_cell("", ""))
            elif r == 3 and c == 2:
                tcs.append(_cell("县丙局"))
            else:
                tcs.append(_cell(text.replace("-", ""), "-"))
        cells.append("<w:tr>" + "".join(tcs) + "</w:tr>")
    table = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="800"/><w:gridCol w:w="4000"/>'
        '<w:gridCol w:w="1800"/><w:gridCol w:w="1800"/></w:tblGrid>' + "".join(cells) + "</w:tbl>"
    )
    body = "".join(
        [
            _p("县政府办公室关于印发甲乙丙工作任务分工方案的通知"),
            _p("各乡镇人民政府，县政府各部门："),
            _p("现将分工方案印发给你们，请认真抓好落实。", hidden="（内部备注）"),
            link,
            _p("加强组织领导", (1, 0)),
            _p("健全工作机制", (1, 1)),
            _p("建立联席会议制度。（牵头单位：县甲局，配合单位：县乙局）", (1, 2)),
            _p("完善考核办法。（牵头单位：县丙局）", (1, 2)),
            _p("强化资金保障", (1, 1)),
            _p("统筹安排专项资金。（牵头单位：县丁局）", (1, 2)),
            _p("狠抓工作落实", (1, 0)),
            _p("加强督促检查", (1, 1)),
            _p("定期通报工作进展。（牵头单位：县戊局）", (1, 2)),
            _p("附件：任务分工表"),
            table,
            _p("县政府办公室"),
            _BOX if box else "",
        ]
    )
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W} {_R}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            "</Relationships>",
        )
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
    return out.getvalue()


SAME = ["invented.docx", "notice-autonum.docx", "boxed.docx"]
AS_DOCX = ["family-city-foreign-trade.docx", "family-district-renewal.docx"]


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LibreOffice's .doc of each .docx, in one folder."""
    out = tmp_path_factory.mktemp("doc")
    (out / "invented.docx").write_bytes(invented_docx())
    (out / "boxed.docx").write_bytes(invented_docx(box=True))
    for name in [*SAME, *AS_DOCX]:
        if name not in ("invented.docx", "boxed.docx"):
            shutil.copy(SAMPLES / name, out / name)
    soffice_convert(out, [*SAME, *AS_DOCX], "doc")
    return out


_measures = measure_rows


def _findings(document: Document) -> list[str]:
    notice = policy_parse.notice_from_document(document)
    return sorted(str(d) for d in notice.discrepancies)


@pytest.mark.parametrize("name", SAME)
def test_the_native_reader_reads_what_libreoffice_read(
    docs: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (docs / name).with_suffix(".doc").read_bytes()
    native = read_doc(data, SOURCE, Limits())
    converted = legacy.read_legacy(data, SOURCE, Limits())
    assert native.blocks == converted.blocks
    assert native.residue == converted.residue
    assert _findings(native) == _findings(converted)


def test_the_invented_notice_keeps_its_numbers_table_field_and_hidden_run(docs: Path) -> None:
    data = (docs / "invented.doc").read_bytes()
    native = read_doc(data, SOURCE, Limits())
    texts = [getattr(b, "text", None) for b in native.blocks]
    assert "一、加强组织领导" in texts
    assert "（二）强化资金保障" in texts
    assert "2.完善考核办法。（牵头单位：县丙局）" in texts
    assert "二、狠抓工作落实" in texts
    assert "详见 附表。" in texts
    assert [r.text for r in native.residue] == ["（内部备注）"]
    table = native.blocks[-2]
    assert [c.merged_up for c in table.rows[3].cells] == [False, False, False, True]  # type: ignore[union-attr]


def test_autonumbered_notice_reads_its_78_measures(docs: Path) -> None:
    """LibreOffice writes the list that notice-autonum.docx continues at 37
    (a w:num restarting a shared list) as a list of its own, so the .doc
    itself numbers the measures after 37 from 1: both ways read 78."""
    native = _measures(read_doc((docs / "notice-autonum.doc").read_bytes(), SOURCE, Limits()))
    assert len(native) == 78
    assert [m[0] for m in native[:38]] == [
        *map(str, range(1, 36)),
        "36-1",
        "36-2",
        "37",
    ]


@pytest.mark.parametrize("name", AS_DOCX)
def test_where_libreoffice_loses_a_table_the_native_reader_reads_the_docx(
    docs: Path, name: str
) -> None:
    data = (docs / name).with_suffix(".doc").read_bytes()
    native = read_doc(data, SOURCE, Limits())
    original = policy_parse.read_document(SAMPLES / name)
    assert _measures(native) == _measures(original)
    assert [getattr(b, "rows", None) for b in native.blocks if hasattr(b, "rows")] == [
        getattr(b, "rows", None) for b in original.blocks if hasattr(b, "rows")
    ]
