"""PDFium's library, bound with ctypes for the calls this reader makes.

pypdfium2 ships PDFium (its `pypdfium2_raw` package holds the built library)
and stays a dependency: it renders pages for OCR, and pdfplumber uses it.
But importing it binds every one of PDFium's ~450 functions and pulls in
`logging`, `subprocess`, `tempfile`, `platform` and `json`: ~50 ms of CPU in
every process that reads a PDF (benchmarks/README.md, issue 26), a quarter of
`pdftotext`'s whole run on a 23-page notice, for the 42 functions read here.
So this module opens the same library file, found where `pypdfium2_raw`
keeps it without importing that package, and declares those functions with
the signatures of PDFium's public headers (fpdfview.h, fpdf_text.h,
fpdf_edit.h, fpdf_transformpage.h).  Where the file is not there (a
pypdfium2_raw built against a system PDFium), the functions are taken from
the library `pypdfium2_raw` loaded: the same calls, a slower import.

`Document` and `Page` are the little of pypdfium2's `PdfDocument`/`PdfPage`
the reader uses: open from bytes with a password, count, load and close
pages, a page's size, boxes and rotation, its text page.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from ctypes import POINTER, c_double, c_float, c_int, c_uint, c_ulong, c_void_p
from typing import Any

__all__ = [
    "ERR_PASSWORD",
    "FS_MATRIX",
    "FS_RECTF",
    "OBJ_FORM",
    "OBJ_IMAGE",
    "OBJ_PATH",
    "OBJ_TEXT",
    "SEGMENT_BEZIERTO",
    "SEGMENT_MOVETO",
    "Document",
    "Handle",
    "Page",
    "PdfiumError",
    "lib",
]

# fpdfview.h / fpdf_edit.h constants.
ERR_PASSWORD = 4
OBJ_TEXT, OBJ_PATH, OBJ_IMAGE, OBJ_FORM = 1, 2, 3, 5
SEGMENT_BEZIERTO, SEGMENT_MOVETO = 1, 2


class FS_RECTF(ctypes.Structure):  # PDFium's name
    _fields_ = (("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float))


class FS_MATRIX(ctypes.Structure):  # PDFium's name
    _fields_ = tuple((name, c_float) for name in "abcdef")


class _Config(ctypes.Structure):
    """FPDF_LIBRARY_CONFIG, version 2 (what pypdfium2 passes)."""

    _fields_ = (
        ("version", c_int),
        ("m_pUserFontPaths", c_void_p),
        ("m_pIsolate", c_void_p),
        ("m_v8EmbedderSlot", c_uint),
    )


class Handle(c_void_p):
    """A document, page, text page or page object as PDFium returns it.
    ctypes turns a returned `c_void_p` into an int but keeps a subclass as
    it is: a pointer the calls bound without argument types
    (`bindings.unchecked`) can take, where an int would go as a 32-bit int."""


_P = c_void_p
_H = Handle
_F4 = (POINTER(c_float),) * 4
_U4 = (POINTER(c_uint),) * 4
# name: (result, argument types), as the headers declare them (every handle
# a void pointer; FPDF_BOOL an int).
_SIGNATURES: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "FPDF_InitLibraryWithConfig": (None, (POINTER(_Config),)),
    "FPDF_GetLastError": (c_ulong, ()),
    "FPDF_LoadMemDocument64": (_H, (_P, ctypes.c_size_t, ctypes.c_char_p)),
    "FPDF_CloseDocument": (None, (_P,)),
    "FPDF_GetPageCount": (c_int, (_P,)),
    "FPDF_LoadPage": (_H, (_P, c_int)),
    "FPDF_ClosePage": (None, (_P,)),
    "FPDF_GetPageWidthF": (c_float, (_P,)),
    "FPDF_GetPageHeightF": (c_float, (_P,)),
    "FPDFPage_GetMediaBox": (c_int, (_P, *_F4)),
    "FPDFPage_GetCropBox": (c_int, (_P, *_F4)),
    "FPDFPage_SetMediaBox": (None, (_P, c_float, c_float, c_float, c_float)),
    "FPDFPage_SetCropBox": (None, (_P, c_float, c_float, c_float, c_float)),
    "FPDFPage_GetRotation": (c_int, (_P,)),
    "FPDFPage_SetRotation": (None, (_P, c_int)),
    "FPDFPage_CountObjects": (c_int, (_P,)),
    "FPDFPage_GetObject": (_H, (_P, c_int)),
    "FPDFPageObj_GetType": (c_int, (_P,)),
    "FPDFPageObj_GetBounds": (c_int, (_P, *_F4)),
    "FPDFPageObj_GetMatrix": (c_int, (_P, POINTER(FS_MATRIX))),
    "FPDFPageObj_GetFillColor": (c_int, (_P, *_U4)),
    "FPDFPageObj_GetStrokeColor": (c_int, (_P, *_U4)),
    "FPDFPageObj_Transform": (None, (_P, *(c_double,) * 6)),
    "FPDFTextObj_GetTextRenderMode": (c_int, (_P,)),
    "FPDFFormObj_CountObjects": (c_int, (_P,)),
    "FPDFFormObj_GetObject": (_H, (_P, c_ulong)),
    "FPDFPath_GetDrawMode": (c_int, (_P, POINTER(c_int), POINTER(c_int))),
    "FPDFPath_CountSegments": (c_int, (_P,)),
    "FPDFPath_GetPathSegment": (_H, (_P, c_int)),
    "FPDFPathSegment_GetPoint": (c_int, (_P, POINTER(c_float), POINTER(c_float))),
    "FPDFPathSegment_GetType": (c_int, (_P,)),
    "FPDFPathSegment_GetClose": (c_int, (_P,)),
    "FPDFText_LoadPage": (_H, (_P,)),
    "FPDFText_ClosePage": (None, (_P,)),
    "FPDFText_CountChars": (c_int, (_P,)),
    "FPDFText_GetUnicode": (c_uint, (_P, c_int)),
    "FPDFText_IsGenerated": (c_int, (_P, c_int)),
    "FPDFText_GetLooseCharBox": (c_int, (_P, c_int, POINTER(FS_RECTF))),
    "FPDFText_GetFontSize": (c_double, (_P, c_int)),
    "FPDFText_GetCharOrigin": (c_int, (_P, c_int, POINTER(c_double), POINTER(c_double))),
    "FPDFText_GetTextObject": (_H, (_P, c_int)),
    "FPDFText_GetText": (c_int, (_P, c_int, c_int, _P)),
}


def _library_file() -> str | None:
    """Where pypdfium2_raw keeps its PDFium (its own naming: bindings.py's
    `_get_library`), found without importing the package."""
    spec = importlib.util.find_spec("pypdfium2_raw")
    if spec is None or not spec.submodule_search_locations:
        return None
    if sys.platform.startswith("win"):
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    for folder in spec.submodule_search_locations:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    return None


class _Library:
    """The bound functions, as attributes named as in the headers."""

    def __init__(self) -> None:
        path = _library_file()
        if path is not None:
            dll = ctypes.CDLL(path)
            address = None
        else:  # pragma: no cover - a pypdfium2_raw on a system PDFium
            import pypdfium2_raw  # type: ignore[import-untyped]

            dll = None

            def address(name: str) -> int:
                value = ctypes.cast(getattr(pypdfium2_raw, name), c_void_p).value
                return int(value or 0)

        for name, (restype, argtypes) in _SIGNATURES.items():
            if dll is not None:
                fn = getattr(dll, name)
                fn.restype, fn.argtypes = restype, argtypes
            else:
                assert address is not None
                fn = ctypes.CFUNCTYPE(restype, *argtypes)(address(name))
            setattr(self, name, fn)
        config = _Config(version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0)
        # A no-op when pypdfium2 (imported by pdfplumber or OCR) did it first.
        self.FPDF_InitLibraryWithConfig(ctypes.byref(config))

    def __getattr__(self, name: str) -> Any:  # for mypy: the bound functions
        raise AttributeError(name)


lib: Any = _Library()


class PdfiumError(Exception):
    """PDFium could not open a document or load a page; `code` is
    FPDF_GetLastError's (ERR_PASSWORD for a missing or wrong password)."""

    def __init__(self, message: str, code: int = 0) -> None:
        super().__init__(message)
        self.code = code


_LOAD_ERRORS = {
    1: "unknown error",
    2: "file not found or could not be opened",
    3: "file not in PDF format or corrupted",
    4: "incorrect password",
    5: "unsupported security scheme",
    6: "page not found or content error",
}


class Document:
    """A PDF opened from its bytes (kept alive beside it: PDFium reads them
    in place)."""

    def __init__(self, data: bytes, password: str | None = None) -> None:
        self._data = data
        secret = password.encode("utf-8") if password else None
        handle = lib.FPDF_LoadMemDocument64(data, len(data), secret)
        if not handle:
            code = int(lib.FPDF_GetLastError())
            raise PdfiumError(f"Failed to load document ({_LOAD_ERRORS.get(code, code)})", code)
        self.raw: Handle = handle

    def __len__(self) -> int:
        return int(lib.FPDF_GetPageCount(self.raw))

    def page(self, index: int) -> Page:
        handle = lib.FPDF_LoadPage(self.raw, index)
        if not handle:
            raise PdfiumError("Failed to load page.")
        return Page(handle)

    def close(self) -> None:
        if self.raw:
            lib.FPDF_CloseDocument(self.raw)
            self.raw = Handle()


def _box(getter: Any, handle: Handle) -> tuple[float, float, float, float] | None:
    left, bottom, right, top = c_float(), c_float(), c_float(), c_float()
    if not getter(handle, left, bottom, right, top):
        return None
    return (left.value, bottom.value, right.value, top.value)


class Page:
    """One loaded page (its handle `raw`)."""

    def __init__(self, handle: Handle) -> None:
        self.raw = handle

    def size(self) -> tuple[float, float]:
        return (float(lib.FPDF_GetPageWidthF(self.raw)), float(lib.FPDF_GetPageHeightF(self.raw)))

    def mediabox(self) -> tuple[float, float, float, float]:
        """The media box, or US Letter where the page has none (the PDF
        specification's default, as pypdfium2 and pdfminer take it)."""
        return _box(lib.FPDFPage_GetMediaBox, self.raw) or (0.0, 0.0, 612.0, 792.0)

    def cropbox(self) -> tuple[float, float, float, float]:
        """The crop box, or the media box where the page has none."""
        return _box(lib.FPDFPage_GetCropBox, self.raw) or self.mediabox()

    def rotation(self) -> int:
        """Degrees clockwise (the page's /Rotate)."""
        quarter = int(lib.FPDFPage_GetRotation(self.raw))
        if quarter < 0:
            raise PdfiumError("Failed to get page rotation.")
        return quarter * 90

    def textpage(self) -> Handle:
        """The page's text page (FPDFText_ClosePage it when done)."""
        handle: Handle = lib.FPDFText_LoadPage(self.raw)
        if not handle:
            raise PdfiumError("Failed to load text page.")
        return handle

    def close(self) -> None:
        if self.raw:
            lib.FPDF_ClosePage(self.raw)
            self.raw = Handle()
