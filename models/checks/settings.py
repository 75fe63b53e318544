"""The checks' settings, kept in the database so that every planner on a shared server agrees.

Each is one row of ``check_settings`` (a JSON value); a missing row means the default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.checks.records import CheckSetting
from models.errors import ValidationError
from models.tables import table_of

# Friday–Saturday weekends (Iran: Friday alone); the Gulf states that moved to Saturday–Sunday
# (UAE 2022) are not listed.
FRI_SAT = (4, 5)
SAT_SUN = (5, 6)
DEFAULT_WEEKENDS: dict[str, tuple[int, ...]] = {
    code: FRI_SAT for code in ("SA", "QA", "KW", "BH", "OM", "EG", "JO", "IL", "IQ", "DZ", "LY",
                               "SY", "YE", "SD", "AF", "BD")
} | {"IR": (4,)}
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass(frozen=True)
class Blackout:
    """Days the campaign keeps free (a party congress, the city's own conference week)."""

    start: date
    end: date
    reason: str

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class CheckSettings:
    transfer_minutes: int = 30            # between two items in one city
    transfer_minutes_between_cities: int = 180  # between two items in different cities
    travel_hours_between_countries: int = 12    # a person from a trip abroad to an event at home
    max_trips_per_month: int = 2          # per delegate
    default_hours: tuple[time, time] = (time(9, 0), time(18, 0))
    hours: dict[str, tuple[time, time]] = field(default_factory=dict)  # per country code
    weekends: dict[str, tuple[int, ...]] = field(default_factory=dict)  # overrides, per country
    blackouts: tuple[Blackout, ...] = ()

    def business_hours(self, country: str) -> tuple[time, time]:
        return self.hours.get(country.upper(), self.default_hours)

    def weekend_days(self, country: str) -> tuple[int, ...]:
        code = country.upper()
        if code in self.weekends:
            return self.weekends[code]
        return DEFAULT_WEEKENDS.get(code, SAT_SUN)


INT_KEYS = ("transfer_minutes", "transfer_minutes_between_cities",
            "travel_hours_between_countries", "max_trips_per_month")


def load_settings(session: Session) -> CheckSettings:
    setting = table_of(CheckSetting).c  # Core: configures no mapper (the dashboard's read)
    rows = {r.key: r.value for r in session.execute(select(setting.key, setting.value))}
    settings = CheckSettings()
    for key in INT_KEYS:
        if isinstance(rows.get(key), int):
            settings = replace(settings, **{key: int(rows[key])})  # type: ignore[arg-type]
    if isinstance(rows.get("default_hours"), str):
        settings = replace(settings, default_hours=parse_hours(rows["default_hours"]))
    if isinstance(rows.get("hours"), dict):
        settings = replace(settings, hours={k: parse_hours(v) for k, v in rows["hours"].items()})
    if isinstance(rows.get("weekends"), dict):
        settings = replace(settings, weekends={k: parse_weekend(v)
                                               for k, v in rows["weekends"].items()})
    if isinstance(rows.get("blackouts"), list):
        settings = replace(settings, blackouts=tuple(
            Blackout(date.fromisoformat(b["start"]), date.fromisoformat(b["end"]), b["reason"])
            for b in rows["blackouts"]))
    return settings


def _put(session: Session, key: str, value: Any) -> None:
    row = session.get(CheckSetting, key)
    if row is None:
        session.add(CheckSetting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def set_number(session: Session, key: str, value: int) -> None:
    if key not in INT_KEYS:
        raise ValidationError("key", f"没有这项设置：{key}", f"No such setting: {key}")
    if not 0 <= value <= 10_000:
        raise ValidationError(key, f"{key} 应在 0 到 10000 之间", f"{key} must be 0 to 10000")
    _put(session, key, value)


def set_hours(session: Session, country: str | None, text: str | None) -> None:
    """Business hours of a country (``None``: all others); ``text`` None restores the default."""
    if country is None:
        if text is None:
            session.query(CheckSetting).filter_by(key="default_hours").delete()
            return
        parse_hours(text)
        _put(session, "default_hours", text.strip())
        return
    code = _country(country)
    current = dict(_raw(session, "hours", {}))
    if text is None:
        current.pop(code, None)
    else:
        parse_hours(text)
        current[code] = text.strip()
    _put(session, "hours", current)


def set_weekend(session: Session, country: str, text: str | None) -> None:
    code = _country(country)
    current = dict(_raw(session, "weekends", {}))
    if text is None:
        current.pop(code, None)
    else:
        parse_weekend(text)
        current[code] = text.strip().lower()
    _put(session, "weekends", current)


def add_blackout(session: Session, start: date, end: date | None, reason: str) -> Blackout:
    end = end or start
    if end < start:
        raise ValidationError("end", "禁排结束日期早于开始日期", "The blackout ends before it starts")
    if not reason.strip():
        raise ValidationError("reason", "请写明禁排原因", "Give the reason for the blackout")
    current = [b for b in _raw(session, "blackouts", []) if b["start"] != start.isoformat()]
    current.append({"start": start.isoformat(), "end": end.isoformat(), "reason": reason.strip()})
    current.sort(key=lambda b: b["start"])
    _put(session, "blackouts", current)
    return Blackout(start, end, reason.strip())


def remove_blackout(session: Session, start: date) -> None:
    current = list(_raw(session, "blackouts", []))
    kept = [b for b in current if b["start"] != start.isoformat()]
    if len(kept) == len(current):
        raise ValidationError("start", f"没有从 {start} 开始的禁排日期",
                              f"No blackout starts on {start}")
    _put(session, "blackouts", kept)


def _raw(session: Session, key: str, default: Any) -> Any:
    row = session.get(CheckSetting, key)
    return default if row is None else row.value


def _country(text: str) -> str:
    code = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ValidationError("country", f"国家/地区代码应为两个字母（如 DE、AE）：{text}",
                              f"A country is a two-letter code (DE, AE): {text}")
    return code


_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})\s*$")


def parse_hours(text: str) -> tuple[time, time]:
    """``"09:00-18:00"`` -> (09:00, 18:00)."""
    found = _HOURS.match(text)
    try:
        if found is None:
            raise ValueError(text)
        h1, m1, h2, m2 = (int(x) for x in found.groups())
        opens, closes = time(h1, m1), time(h2, m2)
    except ValueError:
        raise ValidationError("hours", f"工作时间应写成 09:00-18:00：{text}",
                              f"Business hours look like 09:00-18:00: {text}") from None
    if closes <= opens:
        raise ValidationError("hours", f"工作时间结束早于开始：{text}",
                              f"Business hours end before they start: {text}")
    return opens, closes


def parse_weekend(text: str) -> tuple[int, ...]:
    """``"fri,sat"`` -> (4, 5); ``""`` or ``"none"``: no weekend."""
    days: list[int] = []
    for part in re.split(r"[,，、\s]+", text.strip().lower()):
        if not part or part == "none":
            continue
        if part[:3] in DAY_NAMES:
            days.append(DAY_NAMES.index(part[:3]))
        elif part in DAY_NAMES_ZH:
            days.append(DAY_NAMES_ZH.index(part))
        else:
            raise ValidationError("weekend", f"周末应写成 fri,sat 或 周五,周六：{text}",
                                  f"A weekend looks like fri,sat: {text}")
    return tuple(sorted(set(days)))


def describe(settings: CheckSettings) -> list[tuple[str, str, str]]:
    """(key, value, meaning zh / en) lines for ``check settings`` and the window's dialog."""
    def hours(pair: tuple[time, time]) -> str:
        return f"{pair[0]:%H:%M}-{pair[1]:%H:%M}"

    lines = [
        ("transfer_minutes", str(settings.transfer_minutes),
         "同城两项安排之间的衔接时间（分钟） / minutes between two items in one city"),
        ("transfer_minutes_between_cities", str(settings.transfer_minutes_between_cities),
         "跨城市衔接时间（分钟） / minutes between items in different cities"),
        ("travel_hours_between_countries", str(settings.travel_hours_between_countries),
         "境外与国内之间的旅途时间（小时） / hours of travel between countries"),
        ("max_trips_per_month", str(settings.max_trips_per_month),
         "每人每月出访次数上限 / trips a month per person"),
        ("hours", hours(settings.default_hours), "默认工作时间 / default business hours"),
    ]
    lines += [(f"hours {code}", hours(pair), "工作时间 / business hours")
              for code, pair in sorted(settings.hours.items())]
    lines += [(f"weekend {code}", ",".join(DAY_NAMES[d] for d in days) or "none",
               "周末 / weekend") for code, days in sorted(settings.weekends.items())]
    lines += [(f"blackout {b.start}", f"{b.start}–{b.end}", b.reason) for b in settings.blackouts]
    return lines


def country_lines(pairs: dict[str, str]) -> str:
    """``{"DE": "08:30-17:00"}`` -> ``"DE 08:30-17:00"`` lines (the window's text boxes)."""
    return "\n".join(f"{code} {text}" for code, text in sorted(pairs.items()))


def parse_country_lines(text: str, field_name: str) -> dict[str, str]:
    """``"DE 08:30-17:00"`` / ``"AE fri,sat"`` lines -> {code: value}; blank lines skipped."""
    found: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        code, _, value = line.strip().partition(" ")
        if not value.strip():
            raise ValidationError(field_name, f"第 {number} 行应写成“国家代码 值”：{line}",
                                  f"Line {number} should read 'CC value': {line}")
        found[_country(code)] = value.strip()
    return found


def blackout_lines(settings: CheckSettings) -> str:
    return "\n".join(f"{b.start} {b.end} {b.reason}" for b in settings.blackouts)


def parse_blackout_lines(text: str) -> list[Blackout]:
    """``"2023-10-16 2023-10-20 党代会"`` (or one date) lines -> blackouts."""
    found: list[Blackout] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split(maxsplit=2)
        two_days = len(parts) > 1 and _is_day(parts[1])
        try:
            start = date.fromisoformat(parts[0])
        except ValueError:
            raise ValidationError("blackouts", f"第 {number} 行的日期应写成 YYYY-MM-DD：{line}",
                                  f"Line {number}: dates look like 2023-10-16: {line}") from None
        end = date.fromisoformat(parts[1]) if two_days else start
        reason = (parts[2] if len(parts) > 2 else "") if two_days else (
            line.split(maxsplit=1)[1] if len(parts) > 1 else "")
        if not reason.strip():
            raise ValidationError("blackouts", f"第 {number} 行缺少禁排原因：{line}",
                                  f"Line {number} lacks the reason: {line}")
        if end < start:
            raise ValidationError("blackouts", f"第 {number} 行结束日期早于开始日期：{line}",
                                  f"Line {number} ends before it starts: {line}")
        found.append(Blackout(start, end, reason.strip()))
    return found


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def save_settings(session: Session, numbers: dict[str, int], default_hours: str,
                  hours: dict[str, str], weekends: dict[str, str],
                  blackouts: list[Blackout]) -> CheckSettings:
    """Write every setting at once (the window's dialog): all checked first, then written."""
    parse_hours(default_hours)
    for field_name, values, parse in (("hours_by_country", hours, parse_hours),
                                      ("weekend", weekends, parse_weekend)):
        for code, text in values.items():
            try:
                parse(text)
            except ValidationError as exc:
                raise ValidationError(field_name, f"{code}：{exc.message_zh}",
                                      f"{code}: {exc.message_en}") from None
    for key, value in numbers.items():
        set_number(session, key, value)
    _put(session, "default_hours", default_hours.strip())
    _put(session, "hours", {_country(k): v.strip() for k, v in hours.items()})
    _put(session, "weekends", {_country(k): v.strip().lower() for k, v in weekends.items()})
    _put(session, "blackouts", [{"start": b.start.isoformat(), "end": b.end.isoformat(),
                                 "reason": b.reason} for b in blackouts])
    return load_settings(session)


def raw_text_settings(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    """The per-country hours and weekends as typed (for the window's text boxes)."""
    return dict(_raw(session, "hours", {})), dict(_raw(session, "weekends", {}))
