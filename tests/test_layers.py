"""The package's layout holds: read → segment → normalize → reconcile → compare → emit,
each stage importing itself, the stages before it and the shared modules,
never a later stage; the shared modules import no stage.  Checked on the
source's import statements (those inside functions too), not by importing."""

from __future__ import annotations

import ast
from pathlib import Path

import policy_parse

PACKAGE = Path(policy_parse.__file__).resolve().parent

STAGES = ("read", "segment", "normalize", "reconcile", "compare", "emit")
# The vocabulary every stage shares, and helpers that know no stage.
SHARED = ("_support", "data", "errors", "models", "messages")
# Importing these from the package root is no climb: its version metadata.
ROOT_NAMES_ALLOWED = {"__version__"}


def _imports() -> list[tuple[str, str, str]]:
    """(importing module, imported module, imported name) for every import of
    policy_parse in the package; a name is "" for `import x`."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        module = ".".join(parts)
        package = parts if is_package else parts[:-1]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - node.level + 1]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                for alias in node.names:
                    if target.startswith("policy_parse"):
                        out.append((module, target, alias.name))
            elif isinstance(node, ast.Import):
                out.extend(
                    (module, a.name, "") for a in node.names if a.name.startswith("policy_parse")
                )
    return out


def _area(module: str, name: str = "") -> str:
    """The top-level part of the package a module belongs to ("read",
    "models", ...); "" for the package root itself."""
    parts = module.split(".")[1:]
    if not parts and name and (PACKAGE / name).with_suffix(".py").exists():
        parts = [name]  # `from .. import data` names a module, not the root
    if not parts and name and (PACKAGE / name).is_dir():
        parts = [name]
    return parts[0] if parts else ""


def test_it_knows_every_top_level_part_of_the_package() -> None:
    # A new stage or shared module must be placed in the order above.
    top = {
        "__init__", "__main__", "pipeline", "batch", "interrupts", "audit", "aliases", "warmup",
        "cli",
    }  # fmt: skip
    found = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()
    }
    assert found <= {*STAGES, *SHARED, *top}, found - {*STAGES, *SHARED, *top}


def test_no_import_climbs_back_up_a_stage() -> None:
    climbs = []
    for module, target, name in _imports():
        src, dst = _area(module), _area(target, name)
        if src not in STAGES or src == dst or dst in SHARED:
            continue
        if dst == "" and name in ROOT_NAMES_ALLOWED:
            continue
        if dst not in STAGES or STAGES.index(dst) > STAGES.index(src):
            climbs.append(f"{module} imports {target} {name}".rstrip())
    assert climbs == []


def test_the_shared_modules_import_no_stage() -> None:
    bad = [
        f"{module} imports {target} {name}".rstrip()
        for module, target, name in _imports()
        if _area(module) in SHARED and _area(target, name) not in SHARED
    ]
    assert bad == []
