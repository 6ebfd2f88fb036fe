"""What `pathlib` says of a path given as text, without importing it.

`import pathlib` imports `urllib.parse`, `ipaddress`, `fnmatch` and `ntpath`
with it: ~17M instructions, a seventh of the 23-page PDF CLI's work before
it forks its page worker, for a path the command line gives as text
(benchmarks/README.md, issue 26, round 5).  These give what
`str(Path(p))`, `Path(p).name` and `Path(p).suffix` give, by pathlib's own
rules for POSIX paths (repeated and trailing slashes and "." parts dropped,
".." kept, exactly two leading slashes kept); elsewhere they ask pathlib.
"""

from __future__ import annotations

import os

__all__ = ["path_name", "path_suffix", "path_text"]


def path_text(path: str) -> str:
    """`str(pathlib.Path(path))`."""
    if os.name != "posix":  # pragma: no cover - Windows paths: pathlib's rules
        from pathlib import Path

        return str(Path(path))
    root = "//" if path[:2] == "//" and path[2:3] != "/" else "/" if path[:1] == "/" else ""
    return root + "/".join(p for p in path.split("/") if p and p != ".") or "."


def path_name(path: str) -> str:
    """`pathlib.Path(path).name`: the last part, "" for a root or "."."""
    text = path_text(path)
    if os.name != "posix":  # pragma: no cover
        from pathlib import Path

        return Path(text).name
    name = text.rpartition("/")[2]
    return "" if name == "." else name


def path_suffix(path: str) -> str:
    """`pathlib.Path(path).suffix`: the name's last dot and what follows it,
    "" where the dot starts or ends the name."""
    name = path_name(path)
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""
