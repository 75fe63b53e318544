"""``list trips|events|people|organisations|leads|teams|visits``: tables or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from cli.context import Context, UsageError
from cli.textfmt import table
from models import queries
from models.enums import EventStatus, LeadStage, TripStatus, VisitStatus
from models.language import Lang
from models.rows import (
    EventRow,
    HqVisitRow,
    LeadRow,
    OrganisationRow,
    PersonRow,
    TeamRow,
    TripRow,
)
from models.visits import find_team, list_teams, list_visits
from models.wording import money, place_name

NAME = "list"
HELP = "列出推广活动、专题活动、人员、机构、项目、小分队或总部拜访 (list records)"
WHAT = ("trips", "events", "people", "organisations", "leads", "teams", "visits")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=WHAT, help="which records")
    parser.add_argument("--region", help="region code or name, e.g. EUUS or 欧美")
    parser.add_argument("--status", help="status (trips, events) or stage (leads), e.g. approved")
    parser.add_argument("--stage", help="stage of leads, e.g. signed or 签约 (same as --status)")
    parser.add_argument("--unit", help="responsible unit (leads, teams, visits), by name")
    parser.add_argument("--team", help="a team of 百队千企 (visits), e.g. 第7小分队")
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def _parse_status(what: str, text: str | None) -> Any:
    if text is None:
        return None
    enum: Any = {"trips": TripStatus, "events": EventStatus, "leads": LeadStage,
                 "visits": VisitStatus}.get(what)
    if enum is None:
        raise UsageError(f"--status 不适用于 {what} (--status does not apply to {what})")
    for member in enum:
        if text.strip().lower() in (member.value, member.zh, member.en.lower()):
            return member
    known = ", ".join(m.value for m in enum)
    raise UsageError(f"未知状态 “{text}” (unknown status; one of: {known})")


def _find_unit(session: Session, text: str) -> int:
    """A unit by its Chinese or English name, or a part of it that names only one unit."""
    wanted = text.strip().lower()
    units = queries.units(session)
    for unit in units:
        if wanted in (unit.name_zh.lower(), unit.name_en.lower()):
            return unit.id
    found = [u for u in units if wanted and (wanted in u.name_zh.lower()
                                             or wanted in u.name_en.lower())]
    if len(found) == 1:
        return found[0].id
    if found:
        names = "、".join(u.name_zh for u in found[:5])
        raise UsageError(f"“{text}”对应多个责任单位：{names} (several units match “{text}”)")
    raise UsageError(f"未知责任单位 “{text}” (unknown unit “{text}”)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.stage and args.what != "leads":
        raise UsageError("--stage 只适用于 leads (--stage applies to leads only)")
    if args.unit and args.what not in ("leads", "teams", "visits"):
        raise UsageError("--unit 只适用于 leads、teams、visits "
                         "(--unit applies to leads, teams and visits)")
    if args.team and args.what != "visits":
        raise UsageError("--team 只适用于 visits (--team applies to visits only)")
    if args.region and args.what in ("teams", "visits"):
        raise UsageError(f"--region 不适用于 {args.what} (--region does not apply to {args.what})")
    if args.stage and args.status:
        raise UsageError("--stage 与 --status 只能用一个 (give --stage or --status, not both)")
    status = _parse_status(args.what, args.stage or args.status)
    if args.region and args.what in ("people", "organisations"):
        raise UsageError(f"--region 不适用于 {args.what} (--region does not apply to {args.what})")
    with ctx.sessions()() as session:
        region_id = queries.find_region(session, args.region).id if args.region else None
        unit_id = _find_unit(session, args.unit) if args.unit else None
        if args.what in ("teams", "visits"):
            team_id = find_team(session, args.team).id if args.team else None
            records, headers, rows = _collect_results(session, args.what, status, ctx.lang,
                                                      unit_id, team_id)
        else:
            records, headers, rows = _collect(session, args.what, region_id, status, ctx.lang,
                                              unit_id)
    if args.json:
        ctx.print_json(records)
    elif not rows:
        ctx.print("（无记录 no records）")
    else:
        ctx.print(table(headers, rows))
    return 0


def _collect(
    session: Session, what: str, region_id: int | None, status: Any, lang: Lang,
    unit_id: int | None = None,
) -> tuple[list[dict[str, Any]], list[str], list[list[str]]]:
    if what == "trips":
        trips = queries.list_trips(session, region_id=region_id,
                                   statuses=[status] if status else None)
        return ([trip_json(t) for t in trips],
                ["编号 code", "名称 title", "区域 region", "开始 start", "结束 end", "状态 status",
                 "带队 leader"],
                [[t.code, t.title(lang), t.region.name(lang), t.start_date.isoformat(),
                  t.end_date.isoformat(), t.status.label(lang),
                  t.leader.name(lang) if t.leader else ""] for t in trips])
    if what == "events":
        events = queries.list_events(session, region_id=region_id,
                                     statuses=[status] if status else None)
        return ([event_json(e) for e in events],
                ["编号 code", "名称 title", "类型 type", "开始 start (local)", "地点 venue",
                 "状态 status"],
                [[e.code, e.title(lang), e.kind.label(lang),
                  e.local_start.strftime("%Y-%m-%d %H:%M"), e.venue, e.status.label(lang)]
                 for e in events])
    if what == "people":
        people = queries.list_people(session)
        return ([person_json(p) for p in people],
                ["编号 id", "姓名 name", "职务 title", "单位 unit", "电话 phone", "邮箱 e-mail"],
                [[str(p.id), p.name(lang), p.title(lang), _affiliation(p, lang), p.phone, p.email]
                 for p in people])
    if what == "organisations":
        orgs = queries.list_organisations(session)
        return ([organisation_json(o) for o in orgs],
                ["编号 id", "名称 name", "类型 kind", "产业 industry", "总部 HQ", "500强 rank"],
                [[str(o.id), o.name(lang), o.kind.label(lang),
                  o.industry.name(lang) if o.industry else "",
                  place_name(o.hq_city_name(lang), o.hq_country, lang),
                  _ranks(o)] for o in orgs])
    leads = queries.list_leads(session, unit_id=unit_id)
    if region_id is not None:
        leads = [x for x in leads if x.region is not None and x.region.id == region_id]
    if status is not None:
        leads = [x for x in leads if x.stage is status]
    return ([lead_json(x) for x in leads],
            ["编号 code", "项目 title", "机构 organisation", "金额 amount", "阶段 stage",
             "责任单位 unit"],
            [[x.code, x.title(lang), x.organisation.name(lang), money(x.amount_cny, lang),
              x.stage.label(lang), x.unit.name(lang) if x.unit else ""] for x in leads])


def _collect_results(
    session: Session, what: str, status: Any, lang: Lang, unit_id: int | None,
    team_id: int | None,
) -> tuple[list[dict[str, Any]], list[str], list[list[str]]]:
    if what == "teams":
        teams = list_teams(session, unit_id=unit_id)
        return ([team_json(t) for t in teams],
                ["小分队 team", "带队 leader", "责任单位 unit", "成员 members",
                 "目标 target", "已拜访 visited", "计划 planned"],
                [[t.label(lang), t.leader.name(lang) if t.leader else "",
                  t.unit.name(lang) if t.unit else "", str(len(t.members)),
                  str(t.target_visits), str(t.done_visits), str(t.planned_visits)]
                 for t in teams])
    visits = list_visits(session, team_id=team_id, unit_id=unit_id,
                         statuses=[status] if status else None)
    return ([visit_json(v) for v in visits],
            ["日期 date", "状态 status", "机构 organisation", "小分队 team", "地点 place",
             "责任单位 unit", "跟进项目 follow-up"],
            [[v.visited_on.isoformat(), v.status.label(lang), v.organisation.name(lang),
              v.team_name(lang), v.place_name(lang), v.unit.name(lang) if v.unit else "",
              v.follow_up_code or ""]
             for v in visits])


def _affiliation(p: PersonRow, lang: Lang) -> str:
    where = p.unit or p.organisation
    return where.name(lang) if where else ""


def _ranks(o: OrganisationRow) -> str:
    parts = []
    if o.fortune_global_500_rank:
        parts.append(f"G{o.fortune_global_500_rank}")
    if o.china_top_500_rank:
        parts.append(f"CN{o.china_top_500_rank}")
    return " ".join(parts)


def trip_json(t: TripRow) -> dict[str, Any]:
    return {
        "code": t.code, "uuid": t.uuid, "title": t.title_zh, "title_en": t.title_en,
        "region": t.region.code, "region_name": t.region.name_zh,
        "start": t.start_date.isoformat(), "end": t.end_date.isoformat(),
        "status": t.status.value, "leader": t.leader.name_zh if t.leader else None,
        "host_unit": t.host_unit.name_zh if t.host_unit else None, "revision": t.revision,
    }


def event_json(e: EventRow) -> dict[str, Any]:
    return {
        "code": e.code, "uuid": e.uuid, "title": e.title_zh, "title_en": e.title_en,
        "type": e.kind.value, "region": e.region.code if e.region else None,
        "city": e.city.name_zh if e.city else None, "venue": e.venue,
        "start": e.local_start.isoformat(), "end": e.local_end.isoformat(),
        "timezone": e.timezone, "status": e.status.value, "capacity": e.capacity,
        "host_unit": e.host_unit.name_zh if e.host_unit else None, "revision": e.revision,
    }


def person_json(p: PersonRow) -> dict[str, Any]:
    return {
        "id": p.id, "uuid": p.uuid, "name": p.name_zh, "name_en": p.name_en,
        "kind": p.kind.value, "title": p.title_zh, "title_en": p.title_en,
        "unit": p.unit.name_zh if p.unit else None,
        "organisation": p.organisation.name_zh if p.organisation else None,
        "phone": p.phone, "email": p.email,
        "languages": [x for x in p.languages.split(",") if x],
    }


def organisation_json(o: OrganisationRow) -> dict[str, Any]:
    return {
        "id": o.id, "uuid": o.uuid, "name": o.name_zh, "name_en": o.name_en,
        "kind": o.kind.value, "industry": o.industry.name_zh if o.industry else None,
        "fortune_global_500_rank": o.fortune_global_500_rank,
        "china_top_500_rank": o.china_top_500_rank, "hq_city": o.hq_city,
        "hq_country": o.hq_country, "contacts": [c.name_zh for c in o.contacts],
    }


def team_json(t: TeamRow) -> dict[str, Any]:
    return {
        "id": t.id, "uuid": t.uuid, "name": t.name, "name_en": t.name_en,
        "leader": t.leader.name_zh if t.leader else None,
        "unit": t.unit.name_zh if t.unit else None, "members": [m.name_zh for m in t.members],
        "target_visits": t.target_visits, "done_visits": t.done_visits,
        "planned_visits": t.planned_visits, "notes": t.notes, "revision": t.revision,
    }


def visit_json(v: HqVisitRow) -> dict[str, Any]:
    return {
        "id": v.id, "uuid": v.uuid, "date": v.visited_on.isoformat(),
        "start": v.visited_on.isoformat(), "status": v.status.value,
        "organisation": v.organisation.name_zh, "team": v.team or None,
        "team_en": v.team_en or None,
        "unit": v.unit.name_zh if v.unit else None,
        "industry": v.industry.name_zh if v.industry else None,
        "region": v.region.code if v.region else None, "target": v.is_target,
        "place": v.place, "trip": v.trip_code, "outcome": v.outcome,
        "follow_up": v.follow_up_code, "notes": v.notes,
    }


def lead_json(x: LeadRow) -> dict[str, Any]:
    return {
        "code": x.code, "uuid": x.uuid, "title": x.title_zh, "title_en": x.title_en,
        "organisation": x.organisation.name_zh,
        "industry": x.industry.name_zh if x.industry else None, "amount_cny": x.amount_cny,
        "status": x.stage.value, "stage": x.stage.value,
        "unit": x.unit.name_zh if x.unit else None, "source_trip": x.source_trip_code,
        "source_event": x.source_event_code, "flagship": x.is_flagship,
        "start": x.first_contact_on.isoformat() if x.first_contact_on else None,
        "end": x.signed_on.isoformat() if x.signed_on else None,
        "signed_on": x.signed_on.isoformat() if x.signed_on else None,
        "funds_in_cny": x.funds_in_cny,
        "region": x.region.code if x.region else None,
        "leader": x.leader.name_zh if x.leader else None,
        "source_meeting": x.source_meeting or None,
        "history": [{"stage": h.stage.value, "on": h.on.isoformat(), "by": h.by,
                     "reason": h.reason} for h in x.history],
    }
