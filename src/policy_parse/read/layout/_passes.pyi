"""Per-character layout passes in C (_passes.c): see that file and docs/pdf.md."""

from collections.abc import Callable

from .page_model import Char

def bind(char_type: type, /) -> None: ...
def no_twins(chars: list[Char], tol: float, /) -> bool: ...
def group(chars: list[Char], /) -> list[tuple[list[Char], float, float, float, float]] | None: ...
def wide_texts(
    grouped: list[tuple[list[Char], float, float, float, float]],
    wide: set[str],
    no_end: frozenset[str],
    no_start: frozenset[str],
    /,
) -> list[tuple[str, float] | None]: ...
def chunks(
    grouped: list[tuple[list[Char], float, float, float, float]], gap: float, /
) -> list[tuple[list[tuple[float, float, str]], float]] | None: ...
def tab_lines(groups: list[list[Char]], wide_gap: float, /) -> list[int]: ...
def text_loop(
    chars: list[Char], tabs: dict[int, int], is_wide: Callable[[str], bool], /
) -> str | None: ...
def tally(chars: list[Char], /) -> dict[str, int] | None: ...
def visible(
    chars: list[Char],
    width: float,
    height: float,
    crop: tuple[float, float, float, float] | None,
    any_cover: bool,
    decide: Callable[[Char], str | None],
    hidden: list[tuple[Char, str]],
    /,
) -> list[Char]: ...
def place(
    chars: list[Char],
    frame: tuple[float, float, float, float],
    tops: list[float],
    xs: list[float],
    lead: list[list[int]],
    boxes: list[tuple[float, float, float, float]],
    per_box: dict[int, list[Char]],
    stray: list[Char],
    rest: list[Char],
    /,
) -> bool: ...
