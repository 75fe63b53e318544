"""How the history reads to a person: record labels, field names, stored values, times."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Enum

from models.audit.table import CREATE, DELETE, UPDATE
from models.base import Base, Editable
from models.language import Lang
from models.record_types import RecordType, kind_label
from models.wording import utc_offset

ACTIONS = {CREATE: ("新建", "created"), UPDATE: ("修改", "changed"), DELETE: ("删除", "deleted")}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "code": ("编号", "code"),
    "title_zh": ("名称", "title"),
    "title_en": ("英文名称", "English title"),
    "name_zh": ("名称", "name"),
    "name_en": ("英文名称", "English name"),
    "campaign": ("年度计划", "campaign"),
    "region": ("区域", "region"),
    "start_date": ("开始日期", "start date"),
    "end_date": ("结束日期", "end date"),
    "leader": ("带队领导", "leader"),
    "host_unit": ("责任单位", "host unit"),
    "unit": ("所属单位", "unit"),
    "status": ("状态", "status"),
    "purpose": ("目的", "purpose"),
    "key_messages": ("主要推介内容", "key messages"),
    "logistics": ("后勤安排", "logistics"),
    "emergency_contacts": ("紧急联系人", "emergency contacts"),
    "cancel_reason": ("取消原因", "reason for cancelling"),
    "notes": ("备注", "notes"),
    "cities": ("城市", "cities"),
    "industries": ("产业", "industries"),
    "targets": ("目标机构", "target organisations"),
    "members": ("团组成员", "delegation"),
    "kind": ("类别", "kind"),
    "starts_at": ("开始时间", "starts"),
    "ends_at": ("结束时间", "ends"),
    "timezone": ("时区", "time zone"),
    "city": ("城市", "city"),
    "place": ("地点", "place"),
    "organisation": ("机构", "organisation"),
    "outcome": ("成果", "outcome"),
    "attendees": ("参加人员", "attendees"),
    "venue": ("场地", "venue"),
    "lead_person": ("负责领导", "lead person"),
    "capacity": ("容量", "capacity"),
    "description": ("简介", "description"),
    "responsibilities": ("分工", "responsibilities"),
    "invitations": ("邀请机构", "invitations"),
    "room": ("会议室", "room"),
    "speakers": ("发言人", "speakers"),
    "event": ("专题活动", "event"),
    "title": ("职务", "title"),
    "phone": ("电话", "phone"),
    "email": ("电子邮箱", "e-mail"),
    "languages": ("语言", "languages"),
    "industry": ("产业", "industry"),
    "fortune_global_500_rank": ("世界500强排名", "Fortune Global 500 rank"),
    "china_top_500_rank": ("中国500强排名", "China Top 500 rank"),
    "hq_city": ("总部城市", "HQ city"),
    "hq_country": ("总部国家", "HQ country"),
    "website": ("网站", "website"),
    "talking_points": ("洽谈要点", "talking points"),
    "amount_cny": ("投资金额（元）", "amount (CNY)"),
    "stage": ("阶段", "stage"),
    "source_trip": ("来源推广活动", "source trip"),
    "source_event": ("来源专题活动", "source event"),
    "first_contact_on": ("首次接洽", "first contact"),
    "signed_on": ("签约日期", "signed on"),
    "funds_in_cny": ("到位资金（元）", "funds in (CNY)"),
    "visited_on": ("拜访日期", "visited on"),
    "team": ("小分队", "team"),
    "target_visits": ("目标拜访数", "target visits"),
    "follow_up": ("跟进项目", "follow-up project"),
    "source_item": ("来源日程", "source itinerary item"),
    "source_session": ("来源议程", "source agenda session"),
    "stage_changes": ("阶段记录", "stage history"),
    "trip": ("推广活动", "trip"),
    "year": ("年度", "year"),
    "slogan": ("口号", "slogan"),
    "person": ("人员", "person"),
    "role": ("角色", "role"),
    "rsvp": ("回复", "RSVP"),
    "guests": ("人数", "guests"),
    "confirmed_at": ("确认时间", "confirmed at"),
    "confirmed_by": ("确认人", "confirmed by"),
    "staff_posts": ("工作岗位", "staff posts"),
    "vip_seats": ("贵宾座次", "VIP seating"),
    "unit_duties": ("单位职责", "duties by unit"),
    "post": ("岗位", "post"),
    "duty": ("职责", "duty"),
    "table_no": ("桌号", "table"),
    "seat_no": ("座号", "seat"),
    "contact": ("联系人", "contact"),
}


# labels that differ by kind of record (a person's title is a job title)
TYPE_FIELD_LABELS: dict[tuple[RecordType, str], tuple[str, str]] = {
    (RecordType.PEOPLE, "title_zh"): ("职务", "job title"),
    (RecordType.PEOPLE, "title_en"): ("英文职务", "English job title"),
    (RecordType.PEOPLE, "kind"): ("人员类别", "kind of person"),
    (RecordType.PEOPLE, "organisation"): ("所属机构", "organisation"),
    (RecordType.ORGANISATIONS, "kind"): ("机构类别", "kind of organisation"),
    (RecordType.THEMED_EVENTS, "kind"): ("活动类别", "kind of event"),
    (RecordType.ITINERARY_ITEMS, "kind"): ("事项类别", "kind of item"),
    (RecordType.TEAMS, "members"): ("小分队成员", "team members"),
    (RecordType.TEAMS, "name"): ("名称", "name"),
    (RecordType.LEADS, "leader"): ("挂点领导", "linked city leader"),
}


def action_label(action: str, lang: Lang = Lang.ZH) -> str:
    """"修改" / "changed": what a change did."""
    zh, en = ACTIONS.get(action, (action, action))
    return lang.pick(zh, en)


RECORD_LABEL_KEYS = ("code", "name_zh", "title_zh", "name")  # an editable record: code first


def record_label(obj: object) -> str:
    """How a record is named in the history and in messages: its code, else its name."""
    keys = RECORD_LABEL_KEYS if isinstance(obj, Editable) else (
        "name_zh", "title_zh", "code", "name")
    for key in keys:
        value = getattr(obj, key, None)
        if value:
            return str(value)
    visited = getattr(obj, "visited_on", None)
    if visited is not None:
        org = getattr(obj, "organisation", None)
        return f"{record_label(org) if org is not None else ''} {visited}".strip()
    ident = getattr(obj, "id", None)
    return f"#{ident}" if ident is not None else ""


def describe_record(obj: object) -> str:
    """"推广活动 TRIP-2023-007": the kind of record and its label, for messages."""
    return f"{kind_label(getattr(obj, '__tablename__', ''))} {record_label(obj)}".strip()


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def field_label(field: str, lang: Lang = Lang.ZH, record_type: RecordType | None = None) -> str:
    """The name of a field as a person reads it ("zh", "en", or "both")."""
    own = TYPE_FIELD_LABELS.get((record_type, field)) if record_type is not None else None
    zh, en = own or FIELD_LABELS.get(field, (field, field))
    if lang == "en":
        return en
    if lang == "zh":
        return zh
    return f"{zh} ({en})" if zh != en else zh


def _column_type(record_type: str, field: str) -> Any:
    table = Base.metadata.tables.get(record_type)
    if table is None or field not in table.c:
        return None
    return table.c[field].type


# The collections a record's history holds as lists of parts (dicts), by the record's table and
# the field, and the parts' table: what ``models.audit.inspection.tracked_collections`` records
# of a collection that is not a many-to-many link. Written out, not read from the mappers, which
# would configure them all (~45 ms) to show a history; tests/models/test_audit.py compares it
# with the mappings.
PART_TABLES: dict[tuple[str, str], str] = {
    ("regions", "cities"): "cities",
    ("trips", "members"): "trip_members",
    ("leads", "stage_changes"): "lead_stage_changes",
    ("themed_events", "invitations"): "invitations",
    ("themed_events", "staff_posts"): "event_staff_posts",
    ("themed_events", "vip_seats"): "event_vip_seats",
    ("themed_events", "unit_duties"): "event_unit_duties",
}


def _part_table(record_type: str, field: str) -> str | None:
    return PART_TABLES.get((record_type, field))


def describe_value(record_type: str, field: str, value: Any, lang: Lang = Lang.ZH) -> str:
    """A stored value as a person reads it: enum labels, local times, lists joined."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        part_table = _part_table(record_type, field)
        return "、".join(_describe_part(part_table, v, lang) if isinstance(v, dict)
                        else str(v) for v in value)
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("是" if value else "否")
    column_type = _column_type(record_type, field)
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        try:
            member = column_type.enum_class(value)
        except ValueError:
            return str(value)
        label = getattr(member, "label", None)
        return str(label(lang) if callable(label) else member.value)
    if isinstance(value, str) and field.endswith("_at") and "T" in value:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        offset = utc_offset(moment, padded=True)
        return f"{moment:%Y-%m-%d %H:%M} ({offset})" if offset else f"{moment:%Y-%m-%d %H:%M}"
    return str(value)


def _describe_part(table: str | None, part: dict[str, Any], lang: Lang) -> str:
    values = [describe_value(table or "", k, v, lang) for k, v in part.items() if not is_empty(v)]
    if not values:
        return "—"
    head, rest = values[0], values[1:]
    return f"{head}（{'，'.join(rest)}）" if rest else head


def local_time(moment: datetime) -> str:
    """When a change was made, in this computer's time zone."""
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"
