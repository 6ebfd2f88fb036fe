"""RTF read natively (issue 26): no LibreOffice for .rtf.

No well-kept Python library reads RTF tables: striprtf gives text only,
rtfparse gives a tree of groups for de-encapsulating HTML from e-mail and
leaves tables, merges and code pages to the caller, pyth was last released
in 2014.  An RTF reader that knows the few dozen words a notice needs is a
few hundred lines (`tokens` → `walker`, with `state` and `words` →
`wordml`), and spares a batch
LibreOffice's ~1.5 s start and ~0.25 s a file (benchmarks/README.md,
"Legacy files in a batch").  The LibreOffice route stays, set
POLICY_PARSE_RTF=libreoffice to take it (read.dispatch).
"""

import os

from .reader import read_rtf

__all__ = ["ENVIRONMENT", "read_rtf", "wants_libreoffice"]

ENVIRONMENT = "POLICY_PARSE_RTF"


def wants_libreoffice() -> bool:
    """The escape hatch: POLICY_PARSE_RTF=libreoffice reads .rtf converted by
    LibreOffice (read.legacy), as before issue 26, should a file from some
    other writer read better that way (docs/formats.md, "RTF")."""
    return os.environ.get(ENVIRONMENT, "").strip().lower() == "libreoffice"
