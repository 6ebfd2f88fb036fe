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
