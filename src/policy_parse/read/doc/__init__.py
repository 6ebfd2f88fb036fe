"""Word 97–2003 (.doc) and Kingsoft .wps files read natively (issue 26).

The binary format ([MS-DOC]) is a compound file (olefile reads it) holding
a FIB, a piece table, FKP pages of paragraph and character properties, and
list tables: `fib` → `pieces` → `sprms` (with `tables`, `lists`) →
`wordml`, whose body the .docx reader walks, as the RTF reader's does.
That spares a batch LibreOffice's start (benchmarks/README.md, "Legacy
files in a batch").  What it cannot read faithfully (Word 6/95, encrypted
or fast-saved files, a .wps that is not a Word compound file) raises
`NotNativeError` and goes to LibreOffice (read.legacy); set
POLICY_PARSE_DOC=libreoffice to send every .doc there (read.dispatch).
"""

import os

from ...errors import PolicyParseError
from ..limits import Limits
from .fib import NotNativeError, open_streams
from .reader import read_doc

__all__ = ["ENVIRONMENT", "NotNativeError", "read_doc", "reads_natively", "wants_libreoffice"]

ENVIRONMENT = "POLICY_PARSE_DOC"


def wants_libreoffice() -> bool:
    """The escape hatch: POLICY_PARSE_DOC=libreoffice reads .doc/.wps
    converted by LibreOffice (read.legacy), as before issue 26."""
    return os.environ.get(ENVIRONMENT, "").strip().lower() == "libreoffice"


def reads_natively(data: bytes, limits: Limits) -> bool:
    """Whether the native reader takes this .doc/.wps (a batch converts the
    others with LibreOffice up front): a Word 97 compound file it does not
    decline, or a damaged one, which fails here alone with its error."""
    if wants_libreoffice():
        return False
    try:
        open_streams(data, limits)
    except NotNativeError:
        return False
    except PolicyParseError:
        return True
    return True
