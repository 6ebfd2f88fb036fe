"""_support/attrs_code.py: attrs' generated methods served from the cache are
the code attrs compiles itself, salt included."""

from __future__ import annotations

import os
import subprocess
import sys

# What a process reports of a few model classes: each generated method's
# bytecode and constants, and the hash of an instance (salted per process).
_REPORT = (
    "import attrs, policy_parse.models as m\n"
    "out = []\n"
    "for cls in (m.Span, m.Unit, m.Notice):\n"
    "    for name in ('__init__', '__eq__', '__hash__', '__repr__'):\n"
    "        c = vars(cls)[name].__code__\n"
    "        out.append((c.co_code, c.co_consts, c.co_names, c.co_filename))\n"
    "s = m.Span(start_line=3, end_line=4, paragraph=0, table=1, row=2, cell=3, page=2, end_page=2)\n"
    "out.append(hash(attrs.evolve(s, bbox=(0.0, 1.0, 2.0, 3.5))))\n"
    "print(repr(out))\n"
)


def _run(code: str, cache_dir: str, *, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.check_output([sys.executable, "-c", code], text=True, env=env)


def _with_cache(cache_dir: str) -> str:
    return (
        "import policy_parse._support.attrs_code as a\n"
        f"a._DIR = {cache_dir!r}; a.write_always()\n" + _REPORT
    )


def test_cached_methods_are_what_attrs_compiles_in_each_process(tmp_path):
    uncached = "import policy_parse._support.attrs_code as a\na.install = lambda: None\n"
    store = _with_cache(str(tmp_path))
    _run(store, str(tmp_path), seed="1")  # compiles and stores
    assert len(list(tmp_path.iterdir())) >= 19  # one file per class of models
    for seed in ("2", "3"):  # another salt each: the cache must put it back
        assert _run(store, str(tmp_path), seed=seed) == _run(uncached + _REPORT, "", seed=seed)


def test_a_damaged_cache_file_is_compiled_anew(tmp_path):
    store = _with_cache(str(tmp_path))
    first = _run(store, str(tmp_path), seed="5")
    for f in tmp_path.iterdir():
        f.write_bytes(f.read_bytes()[:30])
    assert _run(store, str(tmp_path), seed="5") == first


def test_other_classes_are_left_to_attrs(tmp_path):
    # A class outside the package is compiled by attrs, never cached.
    code = _with_cache(str(tmp_path)) + (
        "import attrs\n"
        "@attrs.frozen\n"
        "class Mine:\n"
        "    a: int\n"
        "print(Mine(1) == Mine(1), hash(Mine(1)) == hash(Mine(1)))\n"
    )
    out = _run(code, str(tmp_path), seed="1")
    assert out.splitlines()[-1] == "True True"
    assert not any("Mine" in f.read_bytes().decode("latin-1") for f in tmp_path.iterdir())


def test_a_hash_whose_salt_is_not_found_is_compiled_but_never_kept(tmp_path, monkeypatch):
    from policy_parse._support import attrs_code

    monkeypatch.setattr(attrs_code, "_DIR", str(tmp_path))
    monkeypatch.setattr(attrs_code, "_FORCE", True)
    name = "<attrs generated methods policy_parse.x.Y>"
    salt = hash(name.replace(" methods ", " hash ", 1))
    source = "def __hash__(self):\n        return hash((\n                {},\n                self.a,\n))\n"
    # A renamed source (attrs adds -1 on a clash): its salt is another string's hash.
    odd = attrs_code._code(source.format(12345), name[:-1] + "-1>", 0)
    assert list(tmp_path.iterdir()) == []
    kept = attrs_code._code(source.format(salt), name, 0)
    assert len(list(tmp_path.iterdir())) == 1
    again = attrs_code._code(source.format(salt), name, 0)  # from the file
    for code, constant in ((odd, 12345), (kept, salt), (again, salt)):
        (function,) = [c for c in code.co_consts if hasattr(c, "co_consts")]
        assert constant in function.co_consts
        assert attrs_code._PLACEHOLDER not in function.co_consts


def test_the_warm_up_bundle_serves_every_class_as_attrs_compiles_it(tmp_path):
    # One process serves the classes and writes the bundle; with every
    # per-class file removed, later processes (other salts) get from the
    # bundle alone what attrs compiles itself, compiling none of ours.
    # (Only attrs' code is watched: a tree with no bytecode beside its
    # modules, under PYTHONDONTWRITEBYTECODE, compiles their source too.)
    store = _with_cache(str(tmp_path)) + "assert a.write_bundle()\n"
    _run(store, str(tmp_path), seed="1")
    for f in tmp_path.iterdir():
        if not f.name.startswith("all."):
            f.unlink()
    watch = (
        "import builtins\n"
        "real = builtins.compile\n"
        "ours = []\n"
        "def spy(src, name, *a, **k):\n"
        "    mine = str(name).startswith('<attrs generated') and 'policy_parse' in str(name)\n"
        "    ours.append(name) if mine else None\n"
        "    return real(src, name, *a, **k)\n"
        "builtins.compile = spy\n"
    )
    uncached = "import policy_parse._support.attrs_code as a\na.install = lambda: None\n"
    for seed in ("2", "3"):
        out = _run(watch + _with_cache(str(tmp_path)) + "print(ours)\n", "", seed=seed)
        report, compiled = out.rstrip("\n").rsplit("\n", 1)
        assert compiled == "[]"
        assert report + "\n" == _run(uncached + _REPORT, "", seed=seed)
    assert len(list(tmp_path.iterdir())) == 1  # nothing written beside the bundle
