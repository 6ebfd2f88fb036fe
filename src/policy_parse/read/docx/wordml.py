"""WordprocessingML names and value readers that the Word reader (`docx.reader`)
and its automatic numbering (`docx.numbering`) both use."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["VAL", "W", "int_val", "is_on", "unwrap"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
"""The WordprocessingML namespace, as lxml puts it in front of a tag name."""
VAL = W + "val"


def is_on(el: Any) -> bool:
    """A WordprocessingML on/off property: present and not switched off."""
    return el is not None and el.get(VAL) not in ("0", "false", "off")


def int_val(el: Any, default: int) -> int:
    """An element's w:val as an int; `default` when it is absent or no number."""
    if el is None:
        return default
    try:
        return int(el.get(VAL))
    except (TypeError, ValueError):
        return default


# Elements that only wrap block-level or row/cell-level content: content
# controls and custom XML.
_WRAPPERS = frozenset((W + "sdt", W + "sdtContent", W + "customXml"))


def unwrap(parent: Any) -> Iterator[Any]:
    """Children of `parent`, looking through content controls and custom XML."""
    for child in parent:
        if child.tag in _WRAPPERS:
            yield from unwrap(child)
        else:
            yield child
