"""Cell values as Chinese and foreign spreadsheets write them: amounts, dates, ranks, countries,
languages and closed vocabularies. Each parser returns a value or raises :class:`CellError`."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TypeVar

from models.enums import LabelledEnum
from spreadsheets.countries import COUNTRY_CODES, country_key


class CellError(Exception):
    """A cell that cannot be read; the message says why, in Chinese and English."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(f"{message_zh} ({message_en})")


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_NO_INVISIBLE = {ord(c): None for c in _INVISIBLE}
_HAS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
_EMPTY_MARKS = {"", "-", "--", "—", "——", "/", "无", "暂无", "未上榜", "不适用", "n/a", "na", "none",
                "null", "#n/a"}


def text(cell: str) -> str:
    """The cell without surrounding white space (ideographic and no-break spaces included) and
    without invisible characters. Chinese characters are never changed."""
    if cell.isascii() or not _HAS_INVISIBLE.search(cell):  # most cells: nothing to remove
        return cell.strip()
    return cell.translate(_NO_INVISIBLE).strip()


def is_blank(cell: str) -> bool:
    return not text(cell)


# --- amounts --------------------------------------------------------------------------------

_UNITS: dict[str, int] = {
    "万亿": 10**12, "亿": 10**8, "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3,
    "萬億": 10**12, "億": 10**8, "千萬": 10**7, "百萬": 10**6, "十萬": 10**5, "萬": 10**4,
    "trillion": 10**12, "tn": 10**12, "billion": 10**9, "bn": 10**9, "b": 10**9,
    "million": 10**6, "mn": 10**6, "mio": 10**6, "m": 10**6, "thousand": 10**3, "k": 10**3,
}
_CURRENCY = re.compile(r"^(?:¥|￥|rmb|cny|人民币|人民幣)|(?:元|元人民币|人民币|人民幣|rmb|cny|yuan)$")
_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"^({_NUMBER})({'|'.join(sorted(map(re.escape, _UNITS), key=len, reverse=True))})?$"
)
MAX_AMOUNT = 10**15  # a thousand trillion yuan: anything above is a typing mistake


def amount(cell: str, multiplier: int = 1) -> int:
    """Whole yuan from "6亿", "6亿元", "60,000万元", "6000000000", "¥1.5 亿", "CNY 6 bn".

    ``multiplier`` is the unit of the column (10_000 for a "金额（万元）" header); a unit written
    in the cell wins over it.
    """
    raw = unicodedata.normalize("NFKC", text(cell)).casefold()
    compact = re.sub(r"[\s_]", "", raw)
    for _ in range(2):  # "¥6亿元": a sign in front and a unit behind
        compact = _CURRENCY.sub("", compact)
    found = _AMOUNT.match(compact)
    if not found:
        raise CellError(
            f"无法识别的金额“{text(cell)}”（示例：6亿、60,000万元、6000000000）",
            f"Not an amount: '{text(cell)}' (examples: 6亿, 60,000万元, 6000000000, 6 bn)",
        )
    number, unit = found.groups()
    factor = _UNITS[unit] if unit else multiplier
    try:
        value = (Decimal(number.replace(",", "")) * factor).quantize(Decimal(1), ROUND_HALF_UP)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise CellError(f"无法识别的金额“{text(cell)}”", f"Not an amount: '{text(cell)}'") from exc
    if abs(value) > MAX_AMOUNT:
        raise CellError(f"金额“{text(cell)}”大得不合理，请检查单位",
                        f"The amount '{text(cell)}' is implausibly large: check the unit")
    return int(value)


def header_multiplier(note: str) -> int | None:
    """The unit a header names in brackets: "金额（万元）" → 10_000, "Amount (CNY bn)" → 10**9."""
    key = re.sub(r"[\s_]", "", unicodedata.normalize("NFKC", note).casefold())
    key = _CURRENCY.sub("", re.sub(r"^(?:单位|unit)[:：]?", "", key))
    if key in ("", "元"):
        return 1 if note.strip() else None
    return _UNITS.get(key)


# --- dates ----------------------------------------------------------------------------------

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def day(cell: str) -> date:
    """A date written year first: 2023-03-05, 2023/3/5, 2023.3.5, 2023年3月5日, 20230305."""
    raw = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text(cell)))
    for pattern in _DATE_PATTERNS:
        found = pattern.match(raw)
        if found:
            year, month, dom = (int(g) for g in found.groups())
            try:
                return date(year, month, dom)
            except ValueError as exc:
                raise CellError(f"日期不存在：“{text(cell)}”",
                                f"No such date: '{text(cell)}'") from exc
    raise CellError(
        f"无法识别的日期“{text(cell)}”，请按 年-月-日 书写，例如 2023-03-05 或 2023年3月5日",
        f"Not a date: '{text(cell)}'; write year first, e.g. 2023-03-05",
    )


# --- ranks, countries, languages ------------------------------------------------------------

_RANK = re.compile(r"^(?:第|no\.?|#|top)?(\d{1,4})(?:\.0+)?(?:名|位)?$")


def rank(cell: str) -> int | None:
    """A Top-500 rank: "95", "第95名", "No. 95"; "", "-", "未上榜" mean none."""
    raw = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text(cell)).casefold())
    if raw in _EMPTY_MARKS:
        return None
    found = _RANK.match(raw)
    if not found:
        raise CellError(f"无法识别的排名“{text(cell)}”（应为 1 到 500 的整数）",
                        f"Not a rank: '{text(cell)}' (a whole number from 1 to 500)")
    return int(found.group(1))


def country(cell: str) -> str:
    """An ISO 3166 two-letter code from a code ("de") or a common name ("德国", "Germany")."""
    key = country_key(text(cell))
    if key in COUNTRY_CODES:
        return COUNTRY_CODES[key]
    if len(key) == 2 and key.isascii() and key.isalpha():
        return key.upper()
    raise CellError(
        f"无法识别的国家或地区“{text(cell)}”，请写两位字母代码，例如 DE、JP、US",
        f"Unknown country '{text(cell)}': give its two-letter code, e.g. DE, JP, US",
    )


_LANGUAGES: dict[str, str] = {
    "中文": "zh", "汉语": "zh", "普通话": "zh", "国语": "zh", "chinese": "zh", "mandarin": "zh",
    "粤语": "yue", "广东话": "yue", "cantonese": "yue",
    "英语": "en", "英文": "en", "english": "en",
    "日语": "ja", "日文": "ja", "japanese": "ja",
    "韩语": "ko", "朝鲜语": "ko", "韩文": "ko", "korean": "ko",
    "德语": "de", "德文": "de", "german": "de",
    "法语": "fr", "法文": "fr", "french": "fr",
    "西班牙语": "es", "spanish": "es",
    "葡萄牙语": "pt", "葡语": "pt", "portuguese": "pt",
    "意大利语": "it", "italian": "it",
    "俄语": "ru", "russian": "ru",
    "荷兰语": "nl", "dutch": "nl",
    "阿拉伯语": "ar", "arabic": "ar",
    "泰语": "th", "thai": "th",
    "越南语": "vi", "vietnamese": "vi",
    "马来语": "ms", "malay": "ms",
    "印尼语": "id", "indonesian": "id",
}
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def languages(cell: str) -> str:
    """Comma-separated codes ("zh,en") from "中文、英语", "Chinese; English" or "zh/en"."""
    parts = [p for p in re.split(r"[,，、;；/|\s]+", unicodedata.normalize("NFKC", text(cell)))
             if p]
    codes: list[str] = []
    for part in parts:
        key = part.casefold()
        code = _LANGUAGES.get(key) or (key if _LANGUAGE_CODE.match(key) else None)
        if code is None:
            raise CellError(f"无法识别的语言“{part}”（例如 中文、英语、日语，或 zh、en、ja）",
                            f"Unknown language '{part}' (e.g. Chinese, English, or zh, en, ja)")
        if code not in codes:
            codes.append(code)
    return ",".join(codes)


# --- closed vocabularies --------------------------------------------------------------------

E = TypeVar("E", bound=LabelledEnum)


def choice(cell: str, options: type[E], aliases: dict[str, E] | None = None) -> E:
    """A member of ``options`` by its value, Chinese or English label, or one of ``aliases``."""
    key = _choice_key(cell)
    for option in options:
        if key in (_choice_key(option.value), _choice_key(option.zh), _choice_key(option.en)):
            return option
    for alias, option in (aliases or {}).items():
        if key == _choice_key(alias):
            return option
    known = "、".join(o.zh for o in options)
    known_en = ", ".join(o.en for o in options)
    raise CellError(f"无法识别“{text(cell)}”，可选：{known}",
                    f"Unknown value '{text(cell)}'; one of: {known_en}")


def _choice_key(value: str) -> str:
    normal = unicodedata.normalize("NFKC", text(value)).casefold()
    return re.sub(r"[\s_\-/]", "", normal)
