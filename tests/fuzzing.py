"""Mutations of every reader's sample, shared by tests/test_fuzz_readers.py
(short, in CI) and tools/fuzz_readers.py (a longer hunt).

Bytes are mutated, and so is the decoded text: an XML part's text nodes and
attribute numbers inside a zip package (.docx, .xlsx, .ofd) re-zipped
whole, a web page's text and tags, so that most mutated inputs are still
well-formed and reach the whole pipeline rather than stopping at the first
checksum.  Every mutation is a function of a `random.Random`.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import policy_parse
from policy_parse.audit import lost_and_invented
from policy_parse.errors import PolicyParseError

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

# What a notice's text is made of, and what breaks readers and segmenters.
_PIECES = ["（", "）", "36-1.", "一、", "\t", "\n", "牵头单位：", "、", "\u200b", "\u202e", "&amp;"]
_TEXT_NODE = re.compile(r">([^<]+)<")
_NUMBER_ATTR = re.compile(r'(\b[A-Za-z]+=")(-?[0-9.]+(?: -?[0-9.]+)*)(")')


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(max(len(out), 1))
        n = rng.randint(1, 64)
        op = rng.choice(["flip", "cut", "dup", "drop", "insert"])
        if op == "flip" and out:
            out[at] = rng.randrange(256)
        elif op == "cut":
            del out[at:]
        elif op == "dup":
            out[at:at] = out[at : at + n]
        elif op == "drop":
            del out[at : at + n]
        else:
            out[at:at] = rng.choice(_PIECES).encode("utf-8")
    return bytes(out)


def mutate_text(text: str, rng: random.Random) -> str:
    """Character-level damage of decoded text: pieces of notices inserted,
    stretches deleted or repeated."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        op = rng.choice(["insert", "delete", "repeat"])
        if op == "insert":
            text = text[:at] + rng.choice(_PIECES) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + rng.randint(1, 20) :]
        else:
            text = text[:at] + text[at : at + rng.randint(1, 40)] * rng.randint(2, 4) + text[at:]
    return text


def mutate_xml(xml: str, rng: random.Random) -> str:
    """An XML part with some text nodes damaged (kept escaped, so the part
    stays well-formed) and some numeric attributes changed."""
    nodes = list(_TEXT_NODE.finditer(xml))
    out = xml
    for m in sorted(
        rng.sample(nodes, min(len(nodes), rng.randint(1, 5))), key=lambda m: -m.start()
    ):
        text = (
            mutate_text(m[1], rng).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        )
        out = out[: m.start(1)] + text + out[m.end(1) :]
    attrs = list(_NUMBER_ATTR.finditer(out))
    for m in sorted(
        rng.sample(attrs, min(len(attrs), rng.randint(0, 3))), key=lambda m: -m.start()
    ):
        value = rng.choice(["0", "-1", "1e309", "99999999", "abc", "1 2 3", "", m[2] + " " + m[2]])
        out = out[: m.start(2)] + value + out[m.end(2) :]
    return out


def mutate_package(data: bytes, rng: random.Random) -> bytes:
    """A zip package with one or two XML parts' text mutated, re-zipped."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        infos = src.infolist()
        parts = {i.filename: src.read(i) for i in infos}
    xml = [n for n in parts if n.endswith((".xml", ".rels"))]
    for name in rng.sample(xml, min(len(xml), rng.randint(1, 2))):
        try:
            parts[name] = mutate_xml(parts[name].decode("utf-8"), rng).encode("utf-8")
        except UnicodeDecodeError:
            continue
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            dst.writestr(info.filename, parts[info.filename])
    return out.getvalue()


def mutate_page(data: bytes, rng: random.Random) -> bytes:
    """A web page's decoded text damaged: text nodes, and tags dropped or
    repeated."""
    try:
        encoding, text = "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:  # a portal's GBK page, as the sample is
        encoding, text = "gb18030", data.decode("gb18030")
    if rng.random() < 0.5:
        text = mutate_xml(text, rng)
    tags = list(re.finditer(r"<[^>]+>", text))
    for m in sorted(rng.sample(tags, min(len(tags), rng.randint(0, 4))), key=lambda m: -m.start()):
        text = text[: m.start()] + (m[0] * 2 if rng.random() < 0.5 else "") + text[m.end() :]
    return text.encode(encoding)


# RTF pieces that change structure: groups, table marks, nesting, escapes.
_RTF_PIECES = [
    b"{",
    b"}",
    b"\\",
    b"\\'ff",
    b"\\'b9",
    b"{\\*\\x ",
    b"{\\listtext ",
    b"{\\*\\nesttableprops ",
    *(
        word + b" "
        for word in (
            rb"\par \cell \row \intbl \itap2 \nestcell \nestrow \trowd \cellx-5 \clvmrg "
            rb"\clmrg \pard \v \uc9 \u-1 \bin3 \f99 \cf2 \trleft-900"
        ).split()
    ),
]


def mutate_rtf(data: bytes, rng: random.Random) -> bytes:
    """RTF with control words, braces and escapes inserted or removed."""
    out = data
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(out) + 1)
        if rng.random() < 0.7:
            out = out[:at] + rng.choice(_RTF_PIECES) + out[at:]
        else:
            out = out[:at] + out[at + rng.randint(1, 12) :]
    return out


def mutate_ole(data: bytes, rng: random.Random) -> bytes:
    """A Compound File with bytes of its streams overwritten, its size, header
    and directory names kept (so it stays an .xls and reaches its reader,
    not LibreOffice)."""
    out = bytearray(data)
    names = {m.start() for m in re.finditer(re.escape("Workbook".encode("utf-16-le")), data)}
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(512, len(out))
        n = rng.randint(1, 64)
        if any(at - 16 <= k <= at + n for k in names):
            continue
        out[at : at + n] = bytes(rng.randrange(256) for _ in range(len(out[at : at + n])))
    return bytes(out)


_DOC_NAMES = ("WordDocument", "1Table", "0Table", "Data")


def mutate_doc(data: bytes, rng: random.Random) -> bytes:
    """A Word 97 file with bytes of its streams overwritten, its directory
    entries and the FIB's first 32 bytes (identity, version, encryption
    flags) kept, so that it reaches the native reader (read/doc), not
    LibreOffice."""
    kept: list[tuple[int, int]] = []
    for name in _DOC_NAMES:
        for m in re.finditer(re.escape(name.encode("utf-16-le")), data):
            kept.append((m.start() - m.start() % 128, m.start() - m.start() % 128 + 128))
    fib = data.find(b"\xec\xa5", 512)
    if fib >= 0:
        kept.append((fib, fib + 32))
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(512, len(out))
        n = rng.randint(1, 64)
        if any(a - n <= at < b for a, b in kept):
            continue
        out[at : at + n] = bytes(rng.randrange(256) for _ in range(len(out[at : at + n])))
    return bytes(out)


def _sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


# reader -> (sample, mutations): each mutation a function of (bytes, rng).
TARGETS: dict[str, tuple[str, tuple[Callable[[bytes, random.Random], bytes], ...]]] = {
    "txt": ("notice.txt", (mutate_bytes, lambda d, r: mutate_text(d.decode(), r).encode())),
    "html": ("notice.html", (mutate_bytes, mutate_page)),
    "docx": ("notice.docx", (mutate_bytes, mutate_package)),
    "xlsx": ("notice.xlsx", (mutate_bytes, mutate_package)),
    "ofd": ("notice.ofd", (mutate_bytes, mutate_package)),
    "pdf": ("notice.pdf", (mutate_bytes,)),
    "rtf": ("notice.rtf", (mutate_bytes, mutate_rtf)),
    "xls": ("notice.xls", (mutate_ole,)),
    "doc": ("notice.doc", (mutate_doc,)),
}


def example(reader: str, seed: int) -> bytes:
    """The mutated input number `seed` of `reader`."""
    sample, mutations = TARGETS[reader]
    rng = random.Random(seed)
    return rng.choice(mutations)(_sample(sample), rng)


_SCHEMA = None


def check(data: bytes) -> None:
    """Parse `data`: only a PolicyParseError may escape; a parsed notice
    loses no character and its JSON validates against the schema."""
    global _SCHEMA
    import jsonschema

    if _SCHEMA is None:
        schema = resources.files("policy_parse").joinpath("schema", "policy_parse-1.schema.json")
        _SCHEMA = jsonschema.Draft202012Validator(json.loads(schema.read_text("utf-8")))
    try:
        document = policy_parse.read_document(data)
        notice = policy_parse.notice_from_document(document)
    except PolicyParseError:
        return
    assert lost_and_invented(document, notice) == ("", "")
    _SCHEMA.validate(json.loads(policy_parse.to_json(notice)))
