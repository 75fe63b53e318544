"""Spreadsheet export: every list the window shows, as .xlsx or as CSV (UTF-8 with BOM).

``collect_sheet(session, kind, lang, filters)`` reads the rows (plain data, in a short
session); ``render_sheet(sheet, fmt)`` turns them into bytes (pure). The headers of the
organisation, people and lead sheets are the importer's own column names
(:mod:`spreadsheets.columns`), in Chinese or English, so an exported sheet imports back
unchanged.

Formula injection (OWASP "CSV injection"): a text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is written with a leading apostrophe, so that no spreadsheet
program evaluates it; the importer removes that apostrophe again. In .xlsx every cell is a
string cell, never a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from models import queries
from models.enums import EventStatus, LeadStage, TripStatus
from models.errors import ValidationError
from models.language import Lang
from models.progress import leaderboard
from models.rows import Ref, TripDetail
from spreadsheets.columns import LEAD_COLUMNS, ORGANISATION_COLUMNS, PERSON_COLUMNS, Column

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SheetKind(StrEnum):
    TRIPS = "trips"
    EVENTS = "events"
    ITINERARIES = "itineraries"
    DELEGATIONS = "delegations"
    INVITATIONS = "invitations"
    ORGANISATIONS = "organisations"
    PEOPLE = "people"
    LEADS = "leads"
    HQ_VISITS = "hq-visits"
    LEADERBOARD = "leaderboard"

    @property
    def zh(self) -> str:
        return _KIND_NAMES[self][0]

    @property
    def en(self) -> str:
        return _KIND_NAMES[self][1]


_KIND_NAMES = {
    SheetKind.TRIPS: ("推广活动", "Trips"), SheetKind.EVENTS: ("专题活动", "Events"),
    SheetKind.ITINERARIES: ("行程", "Itineraries"), SheetKind.DELEGATIONS: ("团组名单", "Delegations"),
    SheetKind.INVITATIONS: ("邀请", "Invitations"), SheetKind.ORGANISATIONS: ("机构", "Organisations"),
    SheetKind.PEOPLE: ("人员", "People"), SheetKind.LEADS: ("项目", "Leads"),
    SheetKind.HQ_VISITS: ("总部拜访", "HQ visits"), SheetKind.LEADERBOARD: ("英雄榜", "Leaderboard"),
}


@dataclass(frozen=True)
class SheetFilters:
    """The filters of ``list``: a region, statuses (trips, events) or stages (leads), the
    records to keep (ids or codes shown in a window's list), a month of the leaderboard."""

    region_id: int | None = None
    statuses: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()  # trip or event codes (itineraries, delegations, invitations)
    ids: tuple[int, ...] | None = None  # the rows a window shows; None: all
    year: int | None = None
    month: int | None = None


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def neutralise(value: str) -> str:
    """A text no spreadsheet evaluates as a formula (OWASP: prefix an apostrophe)."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def _ref(value: Ref | None, lang: Lang) -> str:
    return value.name(lang) if value else ""


def _headers(columns: Sequence[Column], lang: Lang) -> tuple[str, ...]:
    return tuple(c.label(lang) for c in columns)


def _statuses(enum: type[TripStatus] | type[EventStatus] | type[LeadStage],
              texts: Sequence[str]) -> list[Any]:
    found = []
    for text in texts:
        wanted = text.strip().casefold()
        match = next((m for m in enum if wanted in (m.value, m.zh, m.en.casefold())), None)
        if match is None:
            known = ", ".join(m.value for m in enum)
            raise ValidationError("status", f"未知状态“{text}”（可选：{known}）",
                                  f"Unknown status '{text}' (one of: {known})")
        found.append(match)
    return found


def _keep(ids: tuple[int, ...] | None, ident: int) -> bool:
    return ids is None or ident in ids


# --- one collector per kind -----------------------------------------------------------------


def _organisations(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    return [(o.name_zh, o.name_en, o.kind.label(lang), _ref(o.industry, Lang.ZH),
             _num(o.fortune_global_500_rank), _num(o.china_top_500_rank), o.hq_city,
             o.hq_country, o.website, o.talking_points, o.notes)
            for o in queries.list_organisations(s) if _keep(f.ids, o.id)]


def _people(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    return [(p.name_zh, p.name_en, p.kind.label(lang), p.title_zh, p.title_en,
             _ref(p.unit, Lang.ZH) or _ref(p.organisation, Lang.ZH), p.phone, p.email,
             p.languages, p.notes)
            for p in queries.list_people(s) if _keep(f.ids, p.id)]


def _leads(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    stages = set(_statuses(LeadStage, f.statuses))
    return [(x.code, x.title_zh, x.title_en, x.organisation.name_zh, str(x.amount_cny),
             x.stage.label(lang), _ref(x.industry, Lang.ZH), _ref(x.unit, Lang.ZH),
             x.source_trip_code or x.source_event_code or "", _day(x.first_contact_on),
             _day(x.signed_on), str(x.funds_in_cny), x.notes)
            for x in queries.list_leads(s)
            if _keep(f.ids, x.id) and (not stages or x.stage in stages)]


def _trips(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    trips = queries.trip_details(s, region_id=f.region_id,
                                 statuses=_statuses(TripStatus, f.statuses) or None)
    return [(t.code, t.title(lang), t.region.name(lang), _day(t.start_date), _day(t.end_date),
             t.status.label(lang), t.leader.name(lang) if t.leader else "",
             _ref(t.host_unit, lang), "、".join(c.name(lang) for c in t.cities),
             "、".join(i.name(lang) for i in t.industries), str(len(t.members)),
             str(len(t.items)), t.purpose)
            for t in trips if _keep(f.ids, t.id) and (not f.codes or t.code in f.codes)]


def _events(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    events = queries.list_events(s, region_id=f.region_id,
                                 statuses=_statuses(EventStatus, f.statuses) or None)
    return [(e.code, e.title(lang), e.kind.label(lang), e.local_start.strftime("%Y-%m-%d %H:%M"),
             e.local_end.strftime("%Y-%m-%d %H:%M"), e.timezone, e.venue,
             e.city.name(lang) if e.city else "", _ref(e.host_unit, lang),
             e.lead_person.name(lang) if e.lead_person else "", _num(e.capacity),
             e.status.label(lang))
            for e in events if _keep(f.ids, e.id) and (not f.codes or e.code in f.codes)]


def _selected_trips(s: Session, f: SheetFilters) -> list[TripDetail]:
    trips = queries.trip_details(s, region_id=f.region_id,
                                 statuses=_statuses(TripStatus, f.statuses) or None)
    return [t for t in trips if (not f.codes or t.code in f.codes)]


def _itineraries(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for t in _selected_trips(s, f):
        for i in t.items:
            if not _keep(f.ids, i.id):
                continue
            all_day = i.all_day
            rows.append((
                t.code, _day(i.local_start.date()),
                "" if all_day else i.local_start.strftime("%H:%M"),
                _day(i.local_end.date()), "" if all_day else i.local_end.strftime("%H:%M"),
                lang.pick("是", "yes") if all_day else "", i.timezone,
                "" if all_day else i.beijing_start.strftime("%Y-%m-%d %H:%M"),
                i.kind.label(lang), i.title_zh, i.title_en, i.city.name(lang) if i.city else "",
                i.place, _ref(i.organisation, lang), "、".join(p.name(lang) for p in i.attendees),
                i.notes,
            ))
    return rows


def _delegations(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    return [(t.code, t.title(lang), m.person.name_zh, m.person.name_en, m.role.label(lang),
             m.person.title(lang), _ref(m.person.unit, Lang.ZH) or _ref(m.person.organisation,
                                                                       Lang.ZH),
             m.person.phone, m.person.email)
            for t in _selected_trips(s, f) for m in t.members]


def _invitations(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    events = queries.event_details(s)
    wanted = set(_statuses(EventStatus, f.statuses))
    return [(e.code, e.title(lang), i.organisation.name_zh, i.organisation.name_en,
             i.rsvp.label(lang), str(i.guests), i.notes)
            for e in events if (not f.codes or e.code in f.codes)
            and (not wanted or e.status in wanted)
            for i in e.invitations]


def _hq_visits(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    return [(_day(v.visited_on), v.organisation.name(lang), _ref(v.unit, lang), v.team_name(lang),
             v.trip_code or "", v.notes)
            for v in queries.list_hq_visits(s) if _keep(f.ids, v.id)]


def _leaderboard(s: Session, lang: Lang, f: SheetFilters) -> list[tuple[str, ...]]:
    year = f.year or queries.current_campaign(s).year
    return [(str(r.rank), r.unit.name(lang), r.kind, str(r.signed_leads), str(r.signed_cny),
             str(r.hq_visits), str(r.funds_in_cny), str(r.unconfirmed_leads),
             str(r.unconfirmed_cny), str(r.unconfirmed_visits))
            for r in leaderboard(s, year, f.month) if _keep(f.ids, r.unit.id)]


def _plain(*pairs: tuple[str, str]) -> Callable[[Lang], tuple[str, ...]]:
    return lambda lang: tuple(lang.pick(zh, en) for zh, en in pairs)


Collector = Callable[[Session, Lang, SheetFilters], list[tuple[str, ...]]]
_KINDS: dict[SheetKind, tuple[Callable[[Lang], tuple[str, ...]], Collector]] = {
    SheetKind.ORGANISATIONS: (lambda lang: _headers(ORGANISATION_COLUMNS, lang), _organisations),
    SheetKind.PEOPLE: (lambda lang: _headers(PERSON_COLUMNS, lang), _people),
    SheetKind.LEADS: (lambda lang: _headers(LEAD_COLUMNS, lang), _leads),
    SheetKind.TRIPS: (_plain(("编号", "Code"), ("名称", "Title"), ("区域", "Region"),
                             ("开始日期", "Start"), ("结束日期", "End"), ("状态", "Status"),
                             ("带队领导", "Leader"), ("责任单位", "Host unit"), ("城市", "Cities"),
                             ("产业", "Industries"), ("团组人数", "Delegates"),
                             ("行程事项", "Items"), ("目的", "Purpose")), _trips),
    SheetKind.EVENTS: (_plain(("编号", "Code"), ("名称", "Title"), ("类型", "Kind"),
                              ("开始（当地）", "Starts (local)"), ("结束（当地）", "Ends (local)"),
                              ("时区", "Time zone"), ("地点", "Venue"), ("城市", "City"),
                              ("主办单位", "Host unit"), ("出席领导", "Led by"),
                              ("容纳人数", "Capacity"), ("状态", "Status")), _events),
    SheetKind.ITINERARIES: (_plain(("推广活动", "Trip"), ("开始日期", "Start date"),
                                   ("开始时间", "Start time"), ("结束日期", "End date"),
                                   ("结束时间", "End time"), ("全天", "All day"),
                                   ("时区", "Time zone"), ("北京时间", "Beijing time"),
                                   ("类别", "Kind"), ("名称", "Title"), ("英文名称", "Title (EN)"),
                                   ("城市", "City"), ("地点", "Place"), ("机构", "Organisation"),
                                   ("参加人员", "Attendees"), ("备注", "Notes")), _itineraries),
    SheetKind.DELEGATIONS: (_plain(("推广活动", "Trip"), ("活动名称", "Trip title"),
                                   ("姓名", "Name"), ("英文名", "Name (EN)"), ("角色", "Role"),
                                   ("职务", "Title"), ("单位", "Unit"), ("电话", "Phone"),
                                   ("邮箱", "E-mail")), _delegations),
    SheetKind.INVITATIONS: (_plain(("专题活动", "Event"), ("活动名称", "Event title"),
                                   ("机构", "Organisation"), ("英文名称", "Name (EN)"),
                                   ("回复", "RSVP"), ("人数", "Guests"), ("备注", "Notes")),
                            _invitations),
    SheetKind.HQ_VISITS: (_plain(("拜访日期", "Visited on"), ("机构", "Organisation"),
                                 ("责任单位", "Unit"), ("小分队", "Team"), ("推广活动", "Trip"),
                                 ("备注", "Notes")), _hq_visits),
    SheetKind.LEADERBOARD: (_plain(("名次", "Rank"), ("责任单位", "Unit"), ("类型", "Kind"),
                                   ("签约项目", "Signed leads"), ("签约金额（元）", "Signed (CNY)"),
                                   ("总部拜访", "HQ visits"), ("到位资金（元）", "Funds in (CNY)"),
                                   ("待确认项目", "Unconfirmed leads"),
                                   ("待确认金额（元）", "Unconfirmed (CNY)"),
                                   ("待确认拜访", "Unconfirmed HQ visits")),
                            _leaderboard),
}


def sheet_kind(text: str) -> SheetKind:
    wanted = text.strip().casefold().replace("_", "-")
    for kind in SheetKind:
        if wanted in (kind.value, kind.zh, kind.en.casefold()):
            return kind
    known = ", ".join(k.value for k in SheetKind)
    raise ValidationError("kind", f"未知的表格类别“{text}”（可选：{known}）",
                          f"Unknown kind of sheet '{text}' (one of: {known})")


def collect_sheet(session: Session, kind: SheetKind | str, lang: Lang = Lang.ZH,
                  filters: SheetFilters | None = None) -> Sheet:
    """The rows of one list, with its headers in ``lang`` (Chinese unless ``Lang.EN``)."""
    kind = sheet_kind(kind) if not isinstance(kind, SheetKind) else kind
    lang = Lang.EN if lang is Lang.EN else Lang.ZH
    headers, collect = _KINDS[kind]
    rows = collect(session, lang, filters or SheetFilters())
    return Sheet(lang.pick(kind.zh, kind.en), headers(lang), tuple(rows))


def render_csv(sheet: Sheet) -> bytes:
    """CSV as Excel and WPS open Chinese correctly: UTF-8 with a BOM, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    for row in sheet.rows:
        writer.writerow([neutralise(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def render_xlsx(sheet: Sheet) -> bytes:
    """A workbook of one sheet; every cell a string cell (never a formula)."""
    from openpyxl import Workbook  # only when a workbook is written: not for CSV nor at start
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet.title[:31]
    for row_number, row in enumerate((sheet.headers, *sheet.rows), 1):
        for column, value in enumerate(row, 1):
            if not value:
                continue  # an empty cell stays empty
            cell = ws.cell(row=row_number, column=column)
            cell.value = neutralise(value) if row_number > 1 else value
            cell.data_type = "s"  # openpyxl would take a text starting with "=" as a formula
            if row_number == 1:
                cell.font = Font(bold=True)
    for column, header in enumerate(sheet.headers, 1):
        width = max([len(header), *(len(r[column - 1]) for r in sheet.rows[:200])], default=8)
        ws.column_dimensions[get_column_letter(column)].width = min(max(width * 1.6, 8), 60)
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def render_sheet(sheet: Sheet, fmt: str) -> bytes:
    """``fmt`` is "xlsx" or "csv"."""
    if fmt == "xlsx":
        return render_xlsx(sheet)
    if fmt == "csv":
        return render_csv(sheet)
    raise ValidationError("format", f"不支持的格式“{fmt}”（可用 .xlsx 或 .csv）",
                          f"Unsupported format '{fmt}' (use .xlsx or .csv)")


def format_of(path: str) -> str:
    """"xlsx" or "csv" from a file name; anything else is refused."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix not in ("xlsx", "csv"):
        raise ValidationError("file", f"文件名应以 .xlsx 或 .csv 结尾：{path}",
                              f"The file name must end in .xlsx or .csv: {path}")
    return suffix


IMPORTABLE = (SheetKind.ORGANISATIONS, SheetKind.PEOPLE, SheetKind.LEADS)
