"""A calendar entry recorded as its properties, written either as an icalendar component or
straight to the bytes that component's ``to_ical()`` gives, without building it.

Building an icalendar ``Event`` per entry (a typed value, a ``Parameters`` dict and a time zone
lookup per property) and serialising it was most of an export of everything: 90,000 entries,
1.5 million properties. :class:`Entry` records ``add(name, value, parameters)`` as the builders
call it; :meth:`Entry.component` replays the calls into icalendar (the reference, and what a
caller that wants components gets); :meth:`Entry.ical` writes the lines itself where the result
is known to be icalendar's:

- text properties that icalendar types as ``vText`` (SUMMARY, DESCRIPTION, UID …), given a
  ``str``: icalendar's own escaping (``_escape_char``) after the line's name and parameters,
  which icalendar writes once for each name and set of parameters;
- dates and date-times of the properties icalendar types as ``vDDDTypes`` (DTSTART, DTSTAMP …):
  the digits written here after the prefix (name, ``TZID``/``VALUE``) icalendar wrote for the
  first value of the same kind (the same type, zone, offset and zone name); the line icalendar
  wrote for that first value is checked against it, and a kind where they differ is always
  written by icalendar;
- any other value (people with their parameters, categories, numbers, durations …): the line
  icalendar writes, kept for the next equal value when it can be compared (a person is the same
  value only with the same parameters); a value with parameters that is given again (the
  builders share one per person, e-mail and role) is taken as unchanged since it was written.

Every line is folded by :func:`calendars.ical_bytes.fold`. The tests compare the bytes with
``component().to_ical()`` on the sample campaign and on awkward values.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from icalendar import Alarm, Component, Event, vCalAddress
from icalendar.caselessdict import canonsort_keys
from icalendar.parser.string import _escape_char
from icalendar.prop import vDDDTypes, vText
from icalendar.timezone import tzp

from calendars.ical_bytes import content_line, fold

_KINDS: dict[str, type[Component]] = {"VEVENT": Event, "VALARM": Alarm}
_UTC_NAMES = frozenset(("DTSTAMP", "CREATED", "LAST-MODIFIED"))  # icalendar converts to UTC

_text_names: dict[str, bool] = {}  # name -> typed vText by icalendar
_time_names: dict[str, bool] = {}  # name -> typed vDDDTypes by icalendar
_heads: dict[tuple[Any, ...], str] = {}  # name and parameters -> "NAME;PARAMS:"
_time_heads: dict[tuple[Any, ...], tuple[str, str] | None] = {}  # kind -> (head, tail), None: slow
_lines: dict[tuple[Any, ...], bytes] = {}  # an equal value -> its folded line
_by_identity: dict[int, tuple[Any, str, bytes]] = {}  # id -> the value, its name, its line
_MAX_LINES = 200_000  # lines kept for equal values (people, categories, numbers …)


class Entry:
    """One VEVENT (or its VALARM) as the calls that make it."""

    __slots__ = ("name", "properties", "subcomponents")

    def __init__(self, name: str = "VEVENT") -> None:
        self.name = name
        self.properties: list[tuple[str, Any, dict[str, str] | None]] = []
        self.subcomponents: list[Entry] = []

    def add(self, name: str, value: Any, parameters: dict[str, str] | None = None) -> None:
        """As ``Component.add``: the value is encoded as icalendar would encode it."""
        self.properties.append((name.upper(), value, parameters))

    def add_component(self, sub: Entry) -> None:
        self.subcomponents.append(sub)

    def component(self) -> Component:
        """The icalendar component of the same calls. A person is given as a copy: the export
        shares one address object among all the entries it is in and writes its line once, so
        a caller changing the component's attendees must not change that object."""
        component = _KINDS[self.name]()
        for name, value, parameters in self.properties:
            _add(component, name, _own(value), parameters)
        for sub in self.subcomponents:
            component.add_component(sub.component())
        return component

    def ical(self) -> bytes:
        """``self.component().to_ical()``, byte for byte."""
        return b"\r\n".join([*self._lines(), b""])

    def _lines(self) -> list[bytes]:
        by_name: dict[str, list[bytes]] = {}
        for name, value, parameters in self.properties:
            by_name.setdefault(name, []).append(line_of(name, value, parameters))
        canonical = _KINDS[self.name].canonical_order
        lines = [b"BEGIN:" + self.name.encode()]
        for name in canonsort_keys(by_name, canonical):
            lines += by_name[name]
        for sub in self.subcomponents:
            lines += sub._lines()
        lines.append(b"END:" + self.name.encode())
        return lines


def forget_values() -> None:
    """Let go of the lines kept for equal values and shared people, at the end of an export:
    a window that exports again and again, with a directory of many people, holds none of an
    earlier export's (the few kinds of heads and times are kept)."""
    _lines.clear()
    _by_identity.clear()


def line_of(name: str, value: Any, parameters: dict[str, str] | None) -> bytes:
    """The folded content line icalendar writes for ``Component.add(name, value, parameters)``."""
    kind = type(value)
    if kind is str and _is_text(name):
        return fold(_head(name, parameters) + _escape_char(value))
    if (kind is datetime or kind is date) and _is_time(name):
        return _time_line(name, value, parameters)
    if not parameters and (same := _by_identity.get(id(value))) is not None \
            and same[0] is value and same[1] == name:
        return same[2]  # a value shared by many entries (a person): written once
    key = _key(name, value, parameters)
    if key is None:
        return _slow(name, value, parameters)
    line = _lines.get(key)
    if line is None:
        line = _slow(name, value, parameters)
        if len(_lines) < _MAX_LINES:
            _lines[key] = line
    if not parameters and hasattr(value, "params") and len(_by_identity) < _MAX_LINES:
        _by_identity[id(value)] = (value, name, line)  # the value kept: its id stays its own
    return line


def _own(value: Any) -> Any:
    if isinstance(value, vCalAddress):
        copy = vCalAddress(str(value))
        copy.params.update(value.params)
        return copy
    return value


def _slow(name: str, value: Any, parameters: dict[str, str] | None) -> bytes:
    """icalendar's own line: the value encoded by ``Component.add`` and written as ``to_ical``."""
    event = Event()
    _add(event, name, value, parameters)
    return content_line(name, event[name])


def _add(component: Component, name: str, value: Any, parameters: dict[str, str] | None) -> None:
    if parameters:
        component.add(name, value, parameters=dict(parameters))  # a copy: icalendar adds VALUE
    else:
        component.add(name, value)


def _params_key(parameters: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(parameters.items())) if parameters else ()


def _key(name: str, value: Any, parameters: dict[str, str] | None) -> tuple[Any, ...] | None:
    """A key equal only for values icalendar writes alike, or None (not kept)."""
    kind = type(value)
    if kind in (int, str, timedelta):
        return (name, kind, value, _params_key(parameters))
    if kind is list and all(type(v) is str for v in value):
        return (name, kind, tuple(value), _params_key(parameters))
    if (isinstance(value, str) and hasattr(value, "params")  # vCalAddress and its kin
            and all(type(v) is str for v in value.params.values())):
        return (name, kind, str(value), tuple(value.params.items()), _params_key(parameters))
    return None


def _is_text(name: str) -> bool:
    known = _text_names.get(name)
    if known is None:
        known = _text_names[name] = Event.types_factory.for_property(name, None) is vText
    return known


def _is_time(name: str) -> bool:
    known = _time_names.get(name)
    if known is None:
        known = _time_names[name] = Event.types_factory.for_property(name, None) is vDDDTypes
    return known


def _head(name: str, parameters: dict[str, str] | None) -> str:
    key = (name, _params_key(parameters))
    head = _heads.get(key)
    if head is None:
        head = _heads[key] = _slow(name, "", parameters).decode("utf-8").replace("\r\n ", "")
    return head


def _digits(value: date) -> str:
    if type(value) is datetime:
        return (f"{value.year:04}{value.month:02}{value.day:02}"
                f"T{value.hour:02}{value.minute:02}{value.second:02}")
    return f"{value.year:04}{value.month:02}{value.day:02}"


def _time_line(name: str, value: date, parameters: dict[str, str] | None) -> bytes:
    if name in _UTC_NAMES and type(value) is datetime:
        value = tzp.localize_utc(value)
    if type(value) is datetime:
        zone = value.tzinfo
        kind: tuple[Any, ...] = (name, datetime, zone, value.utcoffset(), value.tzname(),
                                 _params_key(parameters))
    else:
        kind = (name, date, _params_key(parameters))
    if kind not in _time_heads:
        line = _slow(name, value, parameters)
        text = line.decode("utf-8").replace("\r\n ", "")
        digits = _digits(value)
        _time_heads[kind] = None  # written by icalendar unless its line ends with the digits
        for tail in ("", "Z"):
            if text.endswith(":" + digits + tail):
                _time_heads[kind] = (text[:len(text) - len(digits) - len(tail)], tail)
        return line
    cut = _time_heads[kind]
    if cut is None:
        return _slow(name, value, parameters)
    head, tail = cut
    return fold(head + _digits(value) + tail)
