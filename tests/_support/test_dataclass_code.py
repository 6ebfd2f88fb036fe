"""_support/dataclass_code.py: the methods dataclasses generates for this
package's records, served from the cache, are the code dataclasses compiles
itself; other classes are compiled as before and never cached."""

from __future__ import annotations

import os
import subprocess
import sys

# What a process reports of a few layout records: each generated method's
# bytecode, constants, names and annotations, and what the methods do.
_REPORT = (
    "from policy_parse.read.layout.lines import Line\n"
    "from policy_parse.read.layout.page_model import Edge\n"
    "from policy_parse.read.layout.tables import GridCell\n"
    "out = []\n"
    "for cls in (Line, Edge, GridCell):\n"
    "    for name in ('__init__', '__eq__', '__repr__', '__hash__', '__setattr__'):\n"
    "        f = vars(cls).get(name)\n"
    "        c = getattr(f, '__code__', None)\n"
    "        out.append(None if c is None else (c.co_code, c.co_consts, c.co_names,\n"
    "                   c.co_filename, repr(f.__annotations__)))\n"
    "e = Edge('h', 1.0, 2.0, 3.0, 2.0)\n"
    "out += [repr(GridCell(None)), hash(e) == hash(Edge('h', 1.0, 2.0, 3.0, 2.0)), e == e]\n"
    "print(repr(out))\n"
)


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.check_output([sys.executable, "-c", code], text=True, env=env)


def _with_cache(cache_dir: str) -> str:
    return (
        "import policy_parse._support.dataclass_code as d\n"
        f"d._DIR = {cache_dir!r}; d.write_always()\n" + _REPORT
    )


_UNCACHED = "import policy_parse._support.dataclass_code as d\nd.install = lambda: None\n"


def test_cached_methods_are_what_dataclasses_compiles(tmp_path):
    store = _with_cache(str(tmp_path))
    first = _run(store)  # compiles and stores
    if sys.version_info[:2] == (3, 11):
        assert len(list(tmp_path.iterdir())) >= 15  # the methods of the layout's records
    assert _run(store) == first == _run(_UNCACHED + _REPORT)  # served, then compiled


def test_a_damaged_cache_file_is_compiled_anew(tmp_path):
    store = _with_cache(str(tmp_path))
    first = _run(store)
    for f in tmp_path.iterdir():
        f.write_bytes(f.read_bytes()[:30])
    assert _run(store) == first


def test_other_classes_are_compiled_as_before_and_not_kept(tmp_path):
    mine = (
        "import dataclasses\n"
        "@dataclasses.dataclass(frozen=True)\n"
        "class Mine:\n"
        "    a: int\n"
        "    b: 'str' = 'x'\n"
        "f = Mine.__init__\n"
        "print(repr((f.__code__.co_code, f.__code__.co_consts, f.__annotations__,\n"
        "            Mine(1), hash(Mine(2)) == hash(Mine(2)))))\n"
    )
    store = _with_cache(str(tmp_path)).replace(_REPORT, "import policy_parse.read.layout\n")
    before = {f.name for f in tmp_path.iterdir()}
    assert _run(store + mine) == _run(mine)
    assert {f.name for f in tmp_path.iterdir()} == before  # nothing kept for Mine
