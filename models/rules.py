"""The validation rules shared by the operations. Each raises one ValidationError."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import String, Text, inspect
from sqlalchemy.orm import Session

from models.errors import ValidationError
from models.language import Lang
from models.people import Person

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE = re.compile(r"^[A-Z]+-\d{4}-\d{3,}$")


def required_name(field: str, value: str, what_zh: str, what_en: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, f"{what_zh}不能为空", f"{what_en} must not be empty")
    if "\ufffd" in text:
        raise ValidationError(
            field,
            f"{what_zh}含有乱码字符（�），请检查文字编码",
            f"{what_en} contains a replacement character (�): check the text encoding",
        )
    return text


def timezone_name(field: str, name: str) -> str:
    """An IANA zone name, refused when unknown (no abbreviations like CST)."""
    text = (name or "").strip()
    if text in {"UTC", "Etc/UTC"}:
        return text
    try:
        if "/" not in text or text not in _zones():
            raise ZoneInfoNotFoundError(text)
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            field,
            f"未知时区“{text}”，请使用 IANA 时区名，例如 Asia/Shanghai、Europe/Berlin",
            f"Unknown time zone '{text}': use an IANA name such as Asia/Shanghai or Europe/Berlin",
        ) from exc
    return text


_ZONES: set[str] = set()


def _zones() -> set[str]:
    if not _ZONES:
        _ZONES.update(available_timezones())
    return _ZONES


def aware(field: str, value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, "时间必须带时区", "The time must carry a time zone")
    return value


def span(start_field: str, start: datetime | date, end: datetime | date) -> None:
    """End after start (instants) or end on/after start (dates)."""
    if isinstance(start, datetime) and isinstance(end, datetime):
        if end <= start:
            raise ValidationError(
                start_field.replace("start", "end"),
                "结束时间必须晚于开始时间",
                "The end must be after the start",
            )
    elif end < start:
        raise ValidationError(
            start_field.replace("start", "end"),
            "结束日期不能早于开始日期",
            "The end date must not be before the start date",
        )


def non_negative(field: str, value: int | None, what_zh: str, what_en: str) -> int:
    if value is None:
        return 0
    if value < 0:
        raise ValidationError(field, f"{what_zh}不能为负数", f"{what_en} must not be negative")
    return value


def email(field: str, value: str) -> str:
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValidationError(field, f"电子邮箱格式不正确：{text}", f"Not an e-mail address: {text}")
    return text


def code(field: str, value: str) -> str:
    text = (value or "").strip().upper()
    if not _CODE.match(text):
        raise ValidationError(
            field,
            f"编号格式应为 前缀-年份-序号，例如 TRIP-2023-007（收到“{value}”）",
            f"A code looks like PREFIX-YEAR-NUMBER, e.g. TRIP-2023-007 (got '{value}')",
        )
    return text


def person(session: Session, field: str, person_id: int | None, what_zh: str,
           what_en: str) -> Person:
    found = session.get(Person, person_id) if person_id is not None else None
    if found is None:
        raise ValidationError(
            field, f"{what_zh}必须是人员名录中的人员（编号 {person_id}）",
            f"The {what_en} must be a person in the directory (id {person_id})",
        )
    return found


NOTES_LIMIT = 20_000
"""The most characters a free-text (``Text``) field holds: pages of notes, not a book."""


def text_limit(column_type: object) -> int | None:
    """The most characters a column of ``column_type`` holds, or None for non-text columns.

    ``String(n)`` holds ``n`` (PostgreSQL refuses more, SQLite would store anything), ``Text``
    holds :data:`NOTES_LIMIT`.
    """
    if isinstance(column_type, Text):
        return NOTES_LIMIT
    if isinstance(column_type, String):
        return column_type.length
    return None


def text_lengths(record: object) -> None:
    """Every text field of ``record`` within its limit, on every back end alike.

    Checked for each new or changed record when the session flushes, so an editor, an import
    and the command line all get the same :class:`ValidationError` naming the field, and the
    caller's transaction writes nothing.
    """
    from models.audit.labels import field_label
    from models.record_types import RecordType

    state = inspect(record)
    loaded = record.__dict__  # only what is set: never a lazy load from inside a flush
    table = getattr(record, "__tablename__", "")
    record_type = RecordType(table) if table in RecordType.__members__.values() else None
    for prop in state.mapper.column_attrs:
        value = loaded.get(prop.key)
        if not isinstance(value, str):
            continue
        limit = text_limit(prop.columns[0].type)
        if limit is not None and len(value) > limit:
            name_zh = field_label(prop.key, Lang.ZH, record_type)
            name_en = field_label(prop.key, Lang.EN, record_type)
            shown = value[:20].replace("\n", " ") + "…"
            raise ValidationError(
                prop.key,
                f"{name_zh}过长：{len(value)} 个字符，最多 {limit} 个（“{shown}”）",
                f"The {name_en} is too long: {len(value)} characters, at most {limit} "
                f"('{shown}')",
            )
