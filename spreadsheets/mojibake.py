"""Text damaged by an encoding round trip (乱码), found cheaply and explained.

Spreadsheets pass between Chinese Excel (GBK), WPS, Western machines (Windows-1252) and
UTF-8 tools; each wrong turn leaves a recognisable trace in the text:

- UTF-8 bytes read as GBK: "招商" becomes "鎷涘晢" (rare characters, often in odd pairs);
- UTF-8 bytes read as Windows-1252 / Latin-1: "招商" becomes "æ‹›å•†", "Société" "SociÃ©tÃ©";
- GBK bytes read as Latin-1: "招商" becomes "ÕÐÉÌ";
- bytes that could not be decoded at all: U+FFFD "�";
- characters that could not be encoded: "?" in place of Chinese ("东莞??局", "南?采访").

The first three are undone exactly (``text.encode(wrong).decode(right)``) and the result is
offered as the likely original, but only when it is plausible text: CJK characters of one
script (all in GB2312 or all in Big5, or fewer rare ones than before), or Latin letters inside a
word. Clean Chinese almost never survives the reverse trip as valid UTF-8, and when it does it
turns into Cyrillic, Arabic or rare-character noise, which the plausibility check rejects.
Nothing is repaired silently: :func:`find_damage` reports, the user decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from models.language import Lang

_CJK_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F),
)
_CJK_PUNCT_RANGES = ((0x3000, 0x303F), (0xFF00, 0xFFEF))
_KANA_RANGE = (0x3040, 0x30FF)
_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3000-\u303f\uff00-\uffef"
_QUESTION_MARKS = re.compile(
    rf"\?{{2,}}(?=[{_CJK_CLASS}])|(?<=[{_CJK_CLASS}])\?{{2,}}"  # "??" touching Chinese
    rf"|(?<=[{_CJK_CLASS}])\?(?=[{_CJK_CLASS}])"               # "南?采访"
    r"|^\s*\?{2,}\s*$"                                          # a cell of nothing but "???"
)
_SHOWN = 24  # characters of a damaged text quoted in a message


class DamageKind(StrEnum):
    ROUND_TRIP = "round_trip"
    REPLACEMENT = "replacement"
    QUESTION_MARKS = "question_marks"


@dataclass(frozen=True)
class Damage:
    """What is wrong with a text; ``repair`` is the likely original when it can be rebuilt."""

    kind: DamageKind
    text: str
    repair: str | None = None
    via: str = ""  # for ROUND_TRIP: how it was misread, e.g. "UTF-8 → GBK"

    def message(self, lang: Lang = Lang.ZH) -> str:
        shown = _quote(self.text)
        if lang == "en":
            if self.kind is DamageKind.ROUND_TRIP:
                hint = f" (probably '{_quote(self.repair)}')" if self.repair else ""
                return (f"'{shown}' is garbled text from an encoding mix-up ({self.via}){hint}: "
                        "export the file again with the right encoding")
            if self.kind is DamageKind.REPLACEMENT:
                return (f"'{shown}' contains replacement characters (�): text was lost in an "
                        "encoding conversion")
            return (f"'{shown}' has '?' where Chinese characters were lost in an encoding "
                    "conversion (write a real question mark as '？')")
        if self.kind is DamageKind.ROUND_TRIP:
            hint = f"，原文可能是“{_quote(self.repair)}”" if self.repair else ""
            return f"“{shown}”是编码错乱造成的乱码（{self.via}）{hint}，请用正确的编码重新导出文件"
        if self.kind is DamageKind.REPLACEMENT:
            return f"“{shown}”含有乱码字符（�），文字在编码转换中丢失"
        return f"“{shown}”中的“?”是编码转换时丢失的汉字（问号请用全角“？”）"


def find_damage(text: str) -> Damage | None:
    """The first sign of encoding damage in ``text``, or None for clean text."""
    if text.isascii():
        return Damage(DamageKind.QUESTION_MARKS, text) if _QUESTION_MARKS.search(text) else None
    for via, misread in _MISREADINGS:
        repaired = misread(text)
        if repaired is not None:
            return Damage(DamageKind.ROUND_TRIP, text, repaired, via)
    if "\ufffd" in text:
        partial = _partial_repair(text)
        return Damage(DamageKind.REPLACEMENT, text, partial[1] if partial else None)
    if _QUESTION_MARKS.search(text):
        return Damage(DamageKind.QUESTION_MARKS, text)
    if "?" in text:  # a garbled text whose last, odd byte became "?": "涓滆帪甯?" (东莞市)
        partial = _partial_repair(text)
        if partial is not None:
            return Damage(DamageKind.ROUND_TRIP, text, partial[1], partial[0])
    return None


def repair(text: str) -> str | None:
    """The original of a text garbled by a known round trip, or None when there is none."""
    for _, misread in _MISREADINGS:
        repaired = misread(text)
        if repaired is not None:
            return repaired
    return None


# --- the round trips undone -----------------------------------------------------------------


def _utf8_read_as_gbk(text: str) -> str | None:
    raw = _gbk(text)
    if raw is None:
        return None
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return repaired if _better(text, repaired, strict=True) else None


def _gbk(text: str) -> bytes | None:
    """``text`` as the GBK bytes Windows read it from: its code page 936 also reads the lone
    byte 0x80 as "€" (as in "鎷涘晢灞€", 招商局)."""
    try:
        if "€" not in text:  # most texts
            return text.encode("gbk")
        return b"\x80".join(part.encode("gbk") for part in text.split("€"))
    except UnicodeEncodeError:
        return None


def _utf8_read_as_1252(text: str) -> str | None:
    raw = _sloppy_1252(text)
    if raw is None:
        return None
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # Latin text never reads back as UTF-8 CJK by chance: no script check needed here
    return repaired if _better(text, repaired, strict=False) else None


def _gbk_read_as_latin1(text: str) -> str | None:
    # a Chinese name is at least two characters: four bytes read as four Latin letters
    if not re.search(r"[\u0080-\u00ff\u0152-\u2122]{4,}", text):
        return None
    raw = _sloppy_1252(text)
    if raw is None:
        return None
    try:
        repaired = raw.decode("gbk")
    except UnicodeDecodeError:
        return None
    if any(not c.isascii() and not _is_cjk(c) and not _is_cjk_punct(c) for c in repaired):
        return None
    return repaired if _better(text, repaired, strict=True) else None


_MISREADINGS = (
    ("UTF-8 → GBK", _utf8_read_as_gbk),
    ("UTF-8 → Windows-1252", _utf8_read_as_1252),
    ("GBK → Latin-1", _gbk_read_as_latin1),
)


def _partial_repair(text: str) -> tuple[str, str] | None:
    """The likely original of a garbled text that also lost bytes ("�" or "?"): the round
    trips undone around the holes, each run of lost characters shown as one "�"."""
    holed = text.replace("?", "\ufffd")
    for via, encode in (("UTF-8 → GBK", _gbk_or_hole), ("UTF-8 → Windows-1252", _sloppy_1252_or_hole)):
        repaired = re.sub("\ufffd+", "\ufffd", encode(holed).decode("utf-8", errors="replace"))
        kept = repaired.replace("\ufffd", "")
        if (repaired != text and repaired.count("\ufffd") * 3 <= len(repaired)
                and sum(map(_is_cjk, kept)) >= 2 and _plausible(kept) and _rare(kept) == 0):
            return via, repaired
    return None


def _gbk_or_hole(text: str) -> bytes:
    return b"".join(_gbk_char(c) for c in text)


@cache
def _gbk_char(char: str) -> bytes:
    return _gbk(char) or b"\xff"  # 0xFF is never valid in UTF-8: it becomes a hole


def _sloppy_1252_or_hole(text: str) -> bytes:
    return b"".join(_sloppy_1252(c) or b"\xff" for c in text)


def _sloppy_1252(text: str) -> bytes | None:
    """``text`` as the bytes a Windows-1252 reader saw: cp1252 where it defines a byte, else the
    Latin-1 byte (0x81, 0x8D, 0x8F, 0x90, 0x9D pass through as control characters)."""
    out = bytearray()
    for char in text:
        code = ord(char)
        if code < 0x80:
            out.append(code)
            continue
        byte = _CP1252_BYTES.get(char)
        if byte is None:
            if code > 0xFF:
                return None
            byte = code
        out.append(byte)
    return bytes(out)


_CP1252_BYTES: dict[str, int] = {
    bytes([b]).decode("cp1252"): b for b in range(0x80, 0x100) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


# --- what plausible text looks like ---------------------------------------------------------


def _better(damaged: str, repaired: str, *, strict: bool) -> bool:
    """Whether ``repaired`` is plausible text. ``strict`` for round trips that clean Chinese can
    also survive: the result must then be Latin letters inside words, or Chinese of one script
    (all GB2312 or all Big5) or with fewer rare characters than the damaged text."""
    if repaired == damaged or not _plausible(repaired):
        return False
    if not strict:
        return True
    if any(_is_hangul(c) for c in repaired):
        return False  # clean Chinese read backwards lands in Hangul now and then
    cjk = [c for c in repaired if _is_cjk(c)]
    if not cjk:
        return not any(_is_kana(c) for c in repaired)  # Latin letters inside words
    one_script = all(_in("gb2312", c) for c in cjk) or all(_in("big5", c) for c in cjk)
    return one_script or _rare(repaired) < _rare(damaged)


def _plausible(text: str) -> bool:
    """Only ASCII, CJK, CJK punctuation, kana, hangul, and accented Latin letters next to an ASCII letter;
    at least one non-ASCII character."""
    found = False
    for i, char in enumerate(text):
        if char.isascii():
            continue
        if _is_cjk(char) or _is_cjk_punct(char) or _is_kana(char) or _is_hangul(char):
            found = True
            continue
        if "\u00c0" <= char <= "\u024f" and char.isalpha():
            around = text[max(i - 1, 0):i] + text[i + 1:i + 2]
            if any(c.isascii() and c.isalpha() for c in around):
                found = True
                continue
        return False
    return found


def _rare(text: str) -> int:
    return sum(1 for c in text if _is_cjk(c) and not _in("gb2312", c) and not _in("big5", c))


@cache
def _in(encoding: str, char: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def _is_kana(char: str) -> bool:
    return _KANA_RANGE[0] <= ord(char) <= _KANA_RANGE[1]


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _HANGUL_RANGES)


def _is_cjk_punct(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _CJK_PUNCT_RANGES)


def _quote(text: str | None) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"
