"""PDFium's functions bound for the calls made per page object and per
character (`read.pdf.pdfium`, `read.pdf.characters`), and the compiled
character loop bound to them (`_native`, docs/pdf.md, "The compiled
character loop")."""

from __future__ import annotations

import ctypes
from typing import Any

from ..._support.native import native_wanted
from ..layout.page_model import Char
from .library import Handle, lib

__all__ = ["NATIVE", "QUICK", "Handle", "address", "by_address", "load_native", "unchecked"]

# The calls made per character and per page object return at once (a box,
# a colour, an object's type) and call no Python: bound as PYFUNCTYPE, ctypes
# keeps the GIL through them, where CFUNCTYPE releases and retakes it around
# every call (~10 % of their instructions, benchmarks/README.md).  Loading
# pages and text pages goes through library.py's bindings, which release it.
QUICK = ctypes.PYFUNCTYPE


def by_address(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """`fn` called with page objects (and out-parameters) as plain addresses:
    the walk touches every text object, and ctypes' conversion of typed
    pointers and byref()s cost more than the calls themselves.  Bound
    as `QUICK` (the GIL kept)."""
    return ctypes.cast(fn, QUICK(restype, *argtypes))


def unchecked(fn: Any, restype: Any) -> Any:
    """`fn` with no argument types: ctypes passes each argument as it is
    (an int as a C int, a pointer or byref() as a pointer), without calling a
    converter per argument.  For the calls made for every character and
    every text object, where the conversion cost as much as the calls
    (benchmarks/README.md); every pointer handed to them must be a ctypes
    pointer (a typed pointer, a `_Handle`, a byref()), never a bare int
    (which would be passed as a 32-bit int).  Bound as `QUICK` (the GIL
    kept)."""
    address = ctypes.cast(fn, ctypes.c_void_p).value
    if address is None:  # pragma: no cover - a symbol the library lacks
        raise RuntimeError("PDFium function missing from the library")
    return QUICK(restype)(address)


def address(fn: Any) -> int:
    address = ctypes.cast(fn, ctypes.c_void_p).value
    if address is None:  # pragma: no cover - a symbol the library lacks
        raise RuntimeError("PDFium function missing from the library")
    return int(address)


def load_native() -> Any:
    """The compiled character loop (`_native`, built by setup.py where a C
    compiler is at hand), bound to `Char` and to the PDFium functions
    library.py loaded; None where it was not built or POLICY_PARSE_NATIVE=0
    turns it off (docs/pdf.md, "The compiled character loop")."""
    if not native_wanted():
        return None
    try:
        from . import _native
    except ImportError:
        return None
    try:
        _native.bind_walk(
            *map(
                address,
                (
                    lib.FPDFPage_GetObject,
                    lib.FPDFFormObj_GetObject,
                    lib.FPDFPageObj_GetType,
                    lib.FPDFPageObj_GetBounds,
                    lib.FPDFTextObj_GetTextRenderMode,
                    lib.FPDFPageObj_GetFillColor,
                    lib.FPDFPageObj_GetStrokeColor,
                ),
            )
        )
        _native.bind_paths(
            *map(
                address,
                (
                    lib.FPDFPath_GetDrawMode,
                    lib.FPDFPageObj_GetMatrix,
                    lib.FPDFPath_CountSegments,
                    lib.FPDFPath_GetPathSegment,
                    lib.FPDFPathSegment_GetPoint,
                    lib.FPDFPathSegment_GetType,
                    lib.FPDFPathSegment_GetClose,
                ),
            )
        )
        _native.bind(
            Char,
            *map(
                address,
                (
                    lib.FPDFText_CountChars,
                    lib.FPDFText_GetUnicode,
                    lib.FPDFText_IsGenerated,
                    lib.FPDFText_GetLooseCharBox,
                    lib.FPDFText_GetFontSize,
                    lib.FPDFText_GetCharOrigin,
                    lib.FPDFText_GetTextObject,
                    lib.FPDFText_GetText,
                ),
            ),
        )
    except (AttributeError, RuntimeError, TypeError):  # pragma: no cover - another PDFium
        return None  # a function or a Char slot it needs is missing: the Python loop
    return _native


NATIVE = load_native()
