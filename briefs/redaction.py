"""Personal data inside free text, masked for a redacted brief (``--redact``, the preview's
switch). The rule, the same everywhere a user typed text (notes, descriptions, purposes, asks
and offers, logistics, emergency contacts, duties, talking points):

- an ID-card number (18 characters: 17 digits and a digit or X, a plausible birth date inside)
  and a passport number (E, G, P, S or D, an optional second letter, 7–8 digits; or any
  6–12 letters and digits right after 护照 / passport) become ``*`` entirely;
- an e-mail address keeps the first character and the domain: ``w***@example.cn``;
- a phone number keeps its last four digits, the other digits become ``*``
  (``+** *** **** 1234``). A phone number is a run of digits with single spaces, dashes or
  brackets between them and 8 or more digits, or one starting with ``+``; without separators
  only a Chinese mobile (11 digits from 13–19) or a number with a leading 0 (10–12 digits).
  Dates (2023-03-28), times, amounts (60 亿元, 1,361), codes (CA931, T3, TRIP-2023-007) and
  booking references stay as they are, and so do public numbers: the consular hotline and
  the missions' lines of ``missions.toml``, and the bureau's duty phone.

Structured fields (a person's phones, passport number) are left out by
:meth:`BriefOptions.personal` as before; this module covers what a person typed.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from briefs.destinations import hotline, mission_phones

T = TypeVar("T")

# the free-text fields of the rows a brief prints (names as in models.rows)
FREE_TEXT = frozenset({
    "notes", "description", "purpose", "key_messages", "logistics", "emergency_contacts",
    "ask", "offer", "talking_points", "responsibilities", "cancel_reason", "duty", "business",
    "china_presence", "gba_presence", "outcome", "reason", "visa_status", "dietary",
})

_EDGE_L = r"(?<![A-Za-z0-9@._%+-])"
_EDGE_R = r"(?![A-Za-z0-9])"
ID_CARD = re.compile(_EDGE_L + r"\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])\d{3}[\dXx]"
                     + _EDGE_R)
PASSPORT = re.compile(_EDGE_L + r"(?:[EeGg][A-Za-z]?\d{7,8}|[PpSsDd][A-Za-z]?\d{7})" + _EDGE_R)
PASSPORT_AFTER_WORD = re.compile(r"(护照(?:号码|号)?|[Pp]assport(?:\s+(?:no\.?|number))?)"
                                 r"(\s*[:：#]?\s*)([A-Za-z0-9]{6,12})" + _EDGE_R)
EMAIL = re.compile(r"([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
PHONE = re.compile(_EDGE_L + r"(?:\+\s?)?(?:\(\d{1,4}\)\s?)?\d(?:[ \-]?(?:\(\d{1,4}\)|\d)){6,16}"
                   + _EDGE_R)
DATE_TEXT = re.compile(r"(?<![0-9])(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:[0-2]?\d|3[01])"
                       r"(?![0-9])")


def _stars(text: str) -> str:
    return "*" * len(text)


def public_numbers(*more: str) -> frozenset[str]:
    """The digits of the numbers anyone may call (hotline, missions) and of ``more``."""
    _zh, _en, phones = hotline()
    numbers = [*phones, *mission_phones(), *more]
    return frozenset(d for n in numbers if (d := "".join(c for c in n if c.isdigit())))


def _phone(match: re.Match[str], keep: frozenset[str]) -> str:
    text = match.group(0)
    digits = [c for c in text if c.isdigit()]
    if "".join(digits) in keep:
        return text
    plain = text.isdigit()
    if plain:
        mobile = len(text) == 11 and text[0] == "1" and text[1] in "3456789"
        landline = text[0] == "0" and 10 <= len(text) <= 12
        if not (mobile or landline):
            return text
    elif len(digits) < 8 and not text.startswith("+"):
        return text
    hidden = len(digits) - 4
    out = []
    for c in text:
        if c.isdigit():
            out.append("*" if hidden > 0 else c)
            hidden -= 1
        else:
            out.append(c)
    return "".join(out)


def redact_text(text: str, keep: frozenset[str] = frozenset()) -> str:
    """``text`` with ID-card and passport numbers, e-mail addresses and phone numbers masked;
    phone numbers whose digits are in ``keep`` (:func:`public_numbers`) stay."""
    if not text or not any(c.isdigit() or c == "@" for c in text):
        return text
    text = ID_CARD.sub(lambda m: _stars(m.group(0)), text)
    text = PASSPORT_AFTER_WORD.sub(lambda m: m.group(1) + m.group(2) + _stars(m.group(3)), text)
    text = PASSPORT.sub(lambda m: _stars(m.group(0)), text)
    text = EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}", text)
    # dates stay whole: phones are looked for between them, never across one
    def phone(match: re.Match[str]) -> str:
        return _phone(match, keep)

    out, at = [], 0
    for date in DATE_TEXT.finditer(text):
        out += [PHONE.sub(phone, text[at:date.start()]), date.group(0)]
        at = date.end()
    out.append(PHONE.sub(phone, text[at:]))
    return "".join(out)


def redact_free_text(value: T, keep: frozenset[str] = frozenset()) -> T:
    """A copy of ``value`` (frozen rows, tuples of them) with every free-text field masked
    (numbers in ``keep`` stay)."""
    return _walk(value, keep)


def _walk(value: Any, keep: frozenset[str]) -> Any:
    """The same object when nothing in it changes (cheap on the untouched parts)."""
    if isinstance(value, tuple | list):
        items = [_walk(v, keep) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return tuple(items) if isinstance(value, tuple) else items
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(value):
        if not field.init:
            continue
        current = getattr(value, field.name)
        if isinstance(current, str):
            if field.name in FREE_TEXT:
                new = redact_text(current, keep)
                if new != current:
                    changes[field.name] = new
        elif isinstance(current, tuple | list) or dataclasses.is_dataclass(current):
            new_value = _walk(current, keep)
            if new_value is not current:
                changes[field.name] = new_value
    return dataclasses.replace(value, **changes) if changes else value
