"""icalendar components to bytes: the very bytes of ``Component.to_ical()``, in a fraction of its time.

icalendar folds every content line character by character (``_foldline``: a UTF-8 encode and
a list append per character) and re-parses each line into a ``Contentline``; at 90,000 entries
that is most of an export. Here the values and parameters are still escaped by icalendar's own
``to_ical`` of each property; only the assembly of the line and its folding are done on the
encoded bytes, with the same rules:

- a line is cut before the character that would take it to 75 octets (at most 74 a line, as
  icalendar does), never inside a UTF-8 sequence;
- a line of more than one character that would end on a backslash or a caret (the start of a
  TEXT or RFC 6868 escape) ends before it and the next line starts with it;
- folded lines are joined by CRLF and one space, content lines end with CRLF.
"""

from __future__ import annotations

from typing import Any

from icalendar import Component
from icalendar.prop import vText

_LIMIT = 74  # octets a line holds: icalendar folds before the 75th
_ESCAPE_STARTS = (0x5C, 0x5E)  # "\" and "^" stay with what they escape


def fold(line: str) -> bytes:
    """``line`` in UTF-8, folded as ``icalendar.parser.string._foldline`` folds it."""
    data = line.encode("utf-8")
    size = len(data)
    if size <= _LIMIT:
        return data
    parts = []
    start = 0
    while size - start > _LIMIT:
        cut = start + _LIMIT
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        if cut - start > 1 and data[cut - 1] in _ESCAPE_STARTS:
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def content_line(name: str, value: Any) -> bytes:
    """One property as a folded content line (no line end), as ``Contentline.from_parts``."""
    raw = value.to_ical() if hasattr(value, "to_ical") else vText(value).to_ical()
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    params = getattr(value, "params", None)
    line = f"{name}:{text}"
    if params:
        raw_params = params.to_ical(sorted=True)
        params_text = raw_params.decode("utf-8") if isinstance(raw_params, bytes) else raw_params
        if params_text:  # some parameter values are not written
            line = f"{name};{params_text}:{text}"
    if "\n" in line:  # icalendar refuses an unescaped line break the same way
        raise ValueError(f"Content line can not contain unescaped new line characters: {name}")
    return fold(line)


def _lines(component: Component, recursive: bool) -> list[bytes]:
    return [content_line(name, value)
            for name, value in component.property_items(recursive=recursive, sorted=True)]


def component_ical(component: Component) -> bytes:
    """``component.to_ical()``: the component and its subcomponents, each line ending in CRLF."""
    return b"\r\n".join([*_lines(component, recursive=True), b""])


def opening_ical(component: Component) -> bytes:
    """The ``BEGIN`` line and the properties of ``component``, without its subcomponents and
    its ``END`` (which :func:`closing_ical` gives), for a file written piece by piece."""
    return b"\r\n".join([*_lines(component, recursive=False)[:-1], b""])


def closing_ical(component: Component) -> bytes:
    """The ``END`` line of ``component``."""
    return content_line("END", component.name) + b"\r\n"
