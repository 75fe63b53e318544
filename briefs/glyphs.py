"""Which records hold characters that no font of a brief can print, to warn about them.

The brief prints such a character as :data:`briefs.fonts.MISSING_MARKER`; the command line and
the window name the record so the user can check what it should say.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from briefs.fonts import Coverage, coverage, find_cjk_font
from models.language import Lang


@dataclass(frozen=True)
class GlyphWarning:
    record: str  # a code or a name that finds the record
    field: str
    chars: str

    def text(self, lang: Lang = Lang.ZH) -> str:
        listed = " ".join(f"{ch}(U+{ord(ch):04X})" for ch in self.chars)
        zh, en = _FIELDS.get(self.field, (self.field, self.field))
        return lang.pick(
            f"{self.record} 的“{zh}”含有字体无法显示的字符 {listed}，已印为 〓",
            f"{self.record}, {en.replace('_', ' ')}: no font has {listed}; printed as 〓",
        )


_FIELDS = {
    "notes": ("备注", "notes"), "purpose": ("出访目的", "purpose"),
    "key_messages": ("主要口径", "key messages"), "logistics": ("后勤保障", "logistics"),
    "emergency_contacts": ("紧急联络", "emergency contacts"), "title_zh": ("名称", "title"),
    "title_en": ("英文名称", "English title"), "name_zh": ("名称", "name"),
    "name_en": ("英文名称", "English name"), "place": ("地点", "place"),
    "outcome": ("结果", "outcome"), "talking_points": ("谈话要点", "talking points"),
    "description": ("说明", "description"), "title": ("职务", "title"),
    "responsibilities": ("分工", "responsibilities"), "venue": ("场地", "venue"),
}


def unprintable(data: object, font_path: str | None = None) -> tuple[GlyphWarning, ...]:
    """The characters of ``data`` (a collected brief) that print as the marker, by record."""
    cov = coverage(find_cjk_font(font_path).name)
    if cov.main is None:
        return ()
    found: dict[tuple[str, str], dict[str, None]] = {}
    _walk(data, "", "", cov, found, set())
    return tuple(GlyphWarning(record, field, "".join(chars))
                 for (record, field), chars in found.items())


def _label(obj: object, record: str) -> str:
    trip = getattr(obj, "trip_code", None)
    title = getattr(obj, "title_zh", None)
    if isinstance(trip, str) and trip and isinstance(title, str):
        return f"{trip} {title}"
    for attr in ("code", "name_zh", "title_zh"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value
    return record


def _walk(obj: object, record: str, field: str, cov: Coverage,
          found: dict[tuple[str, str], dict[str, None]], seen: set[int]) -> None:
    if isinstance(obj, str):
        chars = cov.unprintable(obj)
        if chars:
            found.setdefault((record or "?", field), {}).update(dict.fromkeys(chars))
        return
    if isinstance(obj, (tuple, list)):
        for item in obj:
            _walk(item, record, field, cov, found, seen)
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        if id(obj) in seen:
            return
        seen.add(id(obj))
        here = _label(obj, record)
        for f in dataclasses.fields(obj):
            _walk(getattr(obj, f.name), here, f.name, cov, found, seen)
