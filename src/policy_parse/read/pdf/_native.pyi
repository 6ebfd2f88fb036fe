"""The compiled character loop (_native.c): see that file and docs/pdf.md."""

from ..layout.page_model import Char

def bind(
    char_type: type,
    count_chars: int,
    get_unicode: int,
    is_generated: int,
    loose_box: int,
    font_size: int,
    char_origin: int,
    text_object: int,
    get_text: int,
    /,
) -> None: ...
def chars(
    textpage: int | None,
    height: float,
    texts: dict[int, tuple[int, bool, int]] | None,
    first: int,
    /,
) -> list[Char]: ...
def bind_walk(
    page_object: int,
    form_object: int,
    object_type: int,
    object_bounds: int,
    render_mode: int,
    fill_color: int,
    stroke_color: int,
    /,
) -> None: ...
def walk_texts(
    parent: int | None,
    is_form: bool,
    k: int,
    count: int,
    order: int,
    texts: list[tuple[int, int, bool, int]],
    unmeasured: list[int],
    /,
) -> tuple[int, int, bool]: ...
def bind_paths(
    draw_mode: int,
    matrix: int,
    count_segments: int,
    path_segment: int,
    segment_point: int,
    segment_type: int,
    segment_close: int,
    /,
) -> None: ...
def path_facts(
    path: int | None, /
) -> (
    tuple[
        int,
        int,
        tuple[float, float, float, float, float, float] | None,
        tuple[int, int, int, int] | None,
        tuple[int, int, int, int] | None,
        list[tuple[float, float, int, bool]],
    ]
    | None
): ...
