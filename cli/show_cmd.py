"""``show CODE``: one trip, event or lead in full."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cli.context import Context
from cli.list_cmd import (
    event_json,
    lead_json,
    organisation_json,
    person_json,
    team_json,
    trip_json,
    visit_json,
)
from cli.textfmt import table
from models import queries
from models.conflicts import find_conflicts
from models.enums import VisitStatus
from models.errors import NotFoundError
from models.language import Lang
from models.leaders import SteeringView, chain_view, find_industry, find_leader, leader_view
from models.operations.items import TRAVEL_FIELDS
from models.rows import EventDetail, HqVisitRow, ItemRow, LeadRow, PersonRow, TeamRow, TripDetail
from models.tables import LEAD
from models.visits import find_team, get_team, list_visits
from models.wording import money, utc_offset

NAME = "show"
HELP = ("显示推广活动、专题活动、项目、小分队、市领导或产业链的详情 "
        "(show a trip, event or lead by code, a team, a city leader or an industry chain)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="e.g. TRIP-2023-007, EVT-2023-012, LEAD-2023-003, "
                                     "第7小分队, a city leader's name, an industry (NEV, 新能源汽车)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, ctx: Context) -> int:
    code = args.code.strip().upper()  # codes are matched upper-case, names as written
    with ctx.sessions()() as session:
        if code.startswith("TRIP-"):
            trip = queries.trip_detail(session, code)
            conflicts = find_conflicts(session, trip_codes={trip.code})
            data = trip_detail_json(trip)
            data["conflicts"] = [c.text(ctx.lang) for c in conflicts]
            text = _trip_text(trip, ctx.lang) + _conflict_text(data["conflicts"])
        elif code.startswith("EVT-"):
            event = queries.event_detail(session, code)
            conflicts = find_conflicts(session, event_codes={event.code})
            data = event_detail_json(event)
            data["conflicts"] = [c.text(ctx.lang) for c in conflicts]
            text = _event_text(event, ctx.lang) + _conflict_text(data["conflicts"])
        elif (lead_id := session.scalar(select(LEAD.id).where(
                func.upper(LEAD.code) == code))) is not None:
            lead = queries.get_lead_row(session, lead_id)
            data = lead_json(lead)
            text = _lead_text(lead, ctx.lang)
        else:
            data, text = _results(session, args.code, ctx.lang)
    if args.json:
        ctx.print_json(data)
    else:
        ctx.print(text)
    return 0


def _results(session: Session, text: str, lang: Lang) -> tuple[dict[str, Any], str]:
    """A team by name, a city leader by name or an industry chain by code or name."""
    try:
        team = find_team(session, text)
    except NotFoundError:
        team = None
    if team is not None:
        row = get_team(session, team.id)
        visits = list_visits(session, team_id=team.id)
        return ({**team_json(row), "visits": [visit_json(v) for v in visits]},
                _team_text(row, visits, lang))
    leader = find_leader(session, text)
    if leader is not None:
        view = leader_view(session, leader.id)
        return _view_json(view, "leader"), _view_text(view, lang)
    industry = find_industry(session, text)
    if industry is not None:
        view = chain_view(session, industry.id)
        return _view_json(view, "chain"), _view_text(view, lang)
    raise NotFoundError(f"找不到编号、小分队、市领导或产业链“{text.strip()}”",
                        f"No record, team, city leader or industry chain '{text.strip()}'")


def _team_text(t: TeamRow, visits: list[HqVisitRow], lang: Lang) -> str:
    lines = [lang.pick(t.name, t.name_en),
             f"{lang.pick('带队', 'Leader')}: {t.leader.name(lang) if t.leader else '—'}",
             f"{lang.pick('责任单位', 'Unit')}: {t.unit.name(lang) if t.unit else '—'}",
             f"{lang.pick('成员', 'Members')}: "
             + lang.pick('、', ', ').join(m.name(lang) for m in t.members),
             f"{lang.pick('目标拜访', 'Target visits')}: {t.target_visits}  "
             f"{lang.pick('已拜访', 'done')}: {t.done_visits}  "
             f"{lang.pick('计划', 'planned')}: {t.planned_visits}"]
    if visits:
        lines.append(table(
            ["日期 date", "状态 status", "机构 organisation", "地点 place", "跟进 follow-up"],
            [[v.visited_on.isoformat(), v.status.label(lang), v.organisation.name(lang),
              v.place_name(lang), v.follow_up_code or ""] for v in visits]))
    return "\n".join(lines)


def _view_json(v: SteeringView, kind: str) -> dict[str, Any]:
    return {
        "kind": kind, "name": v.subject.name_zh, "name_en": v.subject.name_en,
        "code": v.subject.code or None, "chain_leader": v.leader.name_zh if v.leader else None,
        "chains": [c.name_zh for c in v.chains], "signed_cny": v.signed_cny,
        "projects": [lead_json(x) for x in v.projects],
        "trips": [trip_json(t) for t in v.trips],
        "visits": [visit_json(x) for x in v.visits],
    }


def _view_text(v: SteeringView, lang: Lang) -> str:
    head = v.subject.name(lang)
    if v.leader is not None:
        head += f"  {lang.pick('链长', 'chain leader')}: {v.leader.name(lang)}"
    if v.chains:
        head += f"  {lang.pick('链长', 'chain leader of')}: " + lang.pick('、', ', ').join(
            c.name(lang) for c in v.chains)
    lines = [head, f"{lang.pick('项目', 'Projects')}: {len(v.projects)}  "
                   f"{lang.pick('已签约', 'signed')}: {money(v.signed_cny, lang)}"]
    if v.projects:
        lines.append(table(["编号 code", "项目 title", "金额 amount", "阶段 stage"],
                           [[x.code, x.title(lang), money(x.amount_cny, lang),
                             x.stage.label(lang)] for x in v.projects]))
    lines.append(f"{lang.pick('推广活动', 'Trips')}: {len(v.trips)}")
    if v.trips:
        lines.append(table(["编号 code", "名称 title", "开始 start"],
                           [[t.code, t.title(lang), t.start_date.isoformat()] for t in v.trips]))
    done = sum(1 for x in v.visits if x.status is VisitStatus.DONE)
    lines.append(f"{lang.pick('总部拜访', 'HQ visits')}: {done} "
                 f"{lang.pick('已拜访', 'done')}, {len(v.visits) - done} "
                 f"{lang.pick('计划', 'planned')}")
    return "\n".join(lines)


def _lead_text(x: LeadRow, lang: Lang) -> str:
    def line(zh: str, en: str, value: str) -> str:
        return f"{lang.pick(zh, en)}: {value}"

    lines = [f"{x.code}  {x.title(lang)}{'  ★' if x.is_flagship else ''}",
             line("机构", "Organisation", x.organisation.name(lang)),
             line("阶段", "Stage", x.stage.label(lang)),
             line("投资金额", "Amount", money(x.amount_cny, lang))]
    if x.funds_in_cny:
        lines.append(line("到位资金", "Funds in", money(x.funds_in_cny, lang)))
    if x.industry:
        lines.append(line("产业", "Industry", x.industry.name(lang)))
    if x.unit:
        lines.append(line("责任单位", "Unit", x.unit.name(lang)))
    if x.source_code:
        source = x.source_code + (f"（{x.source_meeting}）" if x.source_meeting else "")
        lines.append(line("来源", "Source", source))
    if x.first_contact_on:
        lines.append(line("首次接洽", "First contact", x.first_contact_on.isoformat()))
    if x.signed_on:
        lines.append(line("签约日期", "Signed on", x.signed_on.isoformat()))
    if x.notes:
        lines.append(line("备注", "Notes", x.notes))
    if x.history:
        lines.append(lang.pick("阶段记录", "Stage history") + ":")
        for h in x.history:
            why = f"  — {h.reason}" if h.reason else ""
            lines.append(f"  {h.on.isoformat()}  {h.stage.label(lang)}  {h.by}{why}")
    return "\n".join(lines)


def trip_detail_json(t: TripDetail) -> dict[str, Any]:
    data = trip_json(t)
    data.update({
        "cities": [{"name": c.name_zh, "name_en": c.name_en, "timezone": c.timezone}
                   for c in t.cities],
        "industries": [i.name_zh for i in t.industries],
        "purpose": t.purpose, "key_messages": t.key_messages, "logistics": t.logistics,
        "emergency_contacts": t.emergency_contacts, "cancel_reason": t.cancel_reason,
        "delegation": [{**person_json(m.person), "role": m.role.value} for m in t.members],
        "targets": [organisation_json(o) for o in t.targets],
        "itinerary": [{
            "uuid": i.uuid, "kind": i.kind.value, "title": i.title_zh, "title_en": i.title_en,
            "start": i.local_start.isoformat(), "end": i.local_end.isoformat(),
            "start_beijing": i.beijing_start.isoformat(), "timezone": i.timezone,
            "all_day": i.all_day,
            "city": i.city.name_zh if i.city else None, "place": i.place,
            "organisation": i.organisation.name_zh if i.organisation else None,
            "attendees": [p.name_zh for p in i.attendees], "notes": i.notes,
            "outcome": i.outcome, "end_timezone": i.end_zone,
            "end_local": i.local_arrival.isoformat(),
            **{name: getattr(i, name) for name in TRAVEL_FIELDS if getattr(i, name)},
            "counterparts": [p.name_zh for p in i.counterparts], "ask": i.ask, "offer": i.offer,
        } for i in t.items],
    })
    return data


def event_detail_json(e: EventDetail) -> dict[str, Any]:
    data = event_json(e)
    data.update({
        "industries": [i.name_zh for i in e.industries],
        "description": e.description, "responsibilities": e.responsibilities,
        "cancel_reason": e.cancel_reason,
        "lead_person": e.lead_person.name_zh if e.lead_person else None,
        "agenda": [{
            "title": s.title_zh, "title_en": s.title_en,
            "start": s.starts_at.astimezone(e.local_start.tzinfo).isoformat(),
            "end": s.ends_at.astimezone(e.local_start.tzinfo).isoformat(), "room": s.room,
            "speakers": [p.name_zh for p in s.speakers],
        } for s in e.sessions],
        "invitations": [{"organisation": i.organisation.name_zh, "rsvp": i.rsvp.value,
                         "guests": i.guests} for i in e.invitations],
        "confirmed_guests": e.confirmed_guests,
        "staff_posts": [{
            "post": p.post, "post_en": p.post_en, "room": p.room, "room_en": p.room_en,
            "person": p.person.name_zh if p.person else None,
            "start": p.starts_at.astimezone(e.local_start.tzinfo).isoformat(),
            "end": p.ends_at.astimezone(e.local_start.tzinfo).isoformat(), "duty": p.duty,
            "duty_en": p.duty_en,
        } for p in e.staff_posts],
        "vip_seats": [{
            "person": v.person.name_zh, "organisation": v.organisation.name_zh
            if v.organisation else None, "title": v.title, "table": v.table_no,
            "seat": v.seat_no,
        } for v in e.vip_seats],
        "unit_duties": [{
            "unit": u.unit.name_zh, "duty": u.duty,
            "contact": u.contact.name_zh if u.contact else None,
        } for u in e.unit_duties],
    })
    return data


def _trip_text(t: TripDetail, lang: Lang) -> str:
    lines = [
        f"{t.code}  {t.title(lang)}",
        f"  {t.title_en}" if lang != "en" and t.title_en else "",
        f"区域 region: {t.region.name(lang)}    状态 status: {t.status.label(lang)}",
        f"日期 dates: {t.start_date} — {t.end_date}",
        f"带队 leader: {t.leader.name(lang) if t.leader else '—'}    "
        f"责任单位 host: {t.host_unit.name(lang) if t.host_unit else '—'}",
        f"城市 cities: {'、'.join(c.name(lang) for c in t.cities) or '—'}",
        f"产业 industries: {'、'.join(i.name(lang) for i in t.industries) or '—'}",
    ]
    if t.cancel_reason:
        lines.append(f"取消原因 cancelled because: {t.cancel_reason}")
    if t.purpose:
        lines += ["", "目的 purpose:", f"  {t.purpose}"]
    lines += ["", f"团组 delegation ({len(t.members)}):"]
    lines += [f"  {m.role.label(lang)}: {m.person.name(lang)}  {m.person.title(lang)}"
              + _traveller(m.person) for m in t.members]
    lines += ["", f"行程 itinerary ({len(t.items)}):  当地时间 local  [北京时间 Beijing]"]
    day = None
    for i in t.items:
        if i.local_start.date() != day:
            day = i.local_start.date()
            lines.append(f"  {day:%Y-%m-%d %a}")
        where = " @ ".join(x for x in (i.place, i.organisation.name(lang) if i.organisation else "")
                           if x)
        arrival = i.local_arrival
        end = (f"{arrival:%H:%M}" if arrival.date() == i.local_start.date()
               else f"{arrival:%m-%d %H:%M}")
        zones = (utc_offset(i.local_start) if i.end_zone == i.timezone
                 else f"{utc_offset(i.local_start)}→{utc_offset(arrival)}")
        when = (f"全天 all day{'' if i.local_end.date() == day else f' → {i.local_end:%m-%d}'}"
                if i.all_day else
                f"{i.local_start:%H:%M}–{end} {zones}  [{i.beijing_start:%m-%d %H:%M}]")
        lines.append(f"    {when}  {i.kind.label(lang)}  {i.title(lang)}"
                     + (f"  ({where})" if where else ""))
        lines += [f"        {text}" for text in _item_details(i, lang)]
    return "\n".join(x for x in lines if x is not None)


def _traveller(p: PersonRow) -> str:
    """A delegate's travel facts on the roster line: mobile abroad, passport, visa, diet."""
    parts = [p.mobile_abroad, f"护照 passport {p.passport_number}" if p.passport_number else "",
             f"至 valid to {p.passport_expires}" if p.passport_expires else "", p.visa_status,
             f"饮食 diet: {p.dietary}" if p.dietary else ""]
    shown = " · ".join(x for x in parts if x)
    return f"  ({shown})" if shown else ""


def _item_details(i: ItemRow, lang: Lang) -> list[str]:
    """A travel leg's service and ends, a stay's address, a meeting's people and purpose."""
    out = []
    service = " ".join(x for x in (i.carrier, i.service_number) if x)
    ends = " → ".join(" ".join(x for x in (place, code, terminal) if x)
                      for place, code, terminal in ((i.from_place, i.from_code, i.from_terminal),
                                                    (i.to_place, i.to_code, i.to_terminal))
                      if place or code)
    travel = " · ".join(x for x in (service, ends, i.seat_class,
                                    f"订座 booking {i.booking_ref}" if i.booking_ref else "",
                                    f"集合 meet: {i.meeting_point}" if i.meeting_point else "")
                        if x)
    if travel:
        out.append(travel)
    if i.address or i.phone:
        out.append(" · ".join(x for x in (i.address, i.phone) if x))
    if i.counterparts:
        out.append("会见 meeting: " + "、".join(
            f"{p.name(lang)} {p.title(lang)}".strip() for p in i.counterparts))
    if i.ask:
        out.append(f"诉求 ask: {i.ask}")
    if i.offer:
        out.append(f"提供 offer: {i.offer}")
    return out


def _event_text(e: EventDetail, lang: Lang) -> str:
    lines = [
        f"{e.code}  {e.title(lang)}",
        f"类型 type: {e.kind.label(lang)}    状态 status: {e.status.label(lang)}",
        f"时间 time: {e.local_start:%Y-%m-%d %H:%M} — {e.local_end:%Y-%m-%d %H:%M} ({e.timezone})",
        f"地点 venue: {e.venue}  {e.city.name(lang) if e.city else ''}",
        f"主办 host: {e.host_unit.name(lang) if e.host_unit else '—'}    "
        f"容量 capacity: {e.capacity or '—'}    确认来宾 confirmed: {e.confirmed_guests}",
    ]
    if e.cancel_reason:
        lines.append(f"取消原因 cancelled because: {e.cancel_reason}")
    lines += ["", f"议程 agenda ({len(e.sessions)}):"]
    tz = e.local_start.tzinfo
    lines += [f"  {s.starts_at.astimezone(tz):%H:%M}–{s.ends_at.astimezone(tz):%H:%M}  "
              f"{s.title(lang)}  {'、'.join(p.name(lang) for p in s.speakers)}"
              for s in e.sessions]
    lines += ["", f"邀请 invitations ({len(e.invitations)}):"]
    lines += [f"  {i.organisation.name(lang)}: {i.rsvp.label(lang)} ×{i.guests}"
              for i in e.invitations]
    lines += _run_of_show_text(e, lang)
    return "\n".join(lines)


def _run_of_show_text(e: EventDetail, lang: Lang) -> list[str]:
    """Staff posts, guests of honour with their seats, duties by unit."""
    tz = e.local_start.tzinfo
    lines = ["", f"工作岗位 staff posts ({len(e.staff_posts)}):"]
    for p in sorted(e.staff_posts, key=lambda p: p.starts_at):
        who = f"{p.person.name(lang)} {p.person.phone}".strip() if p.person else "—"
        lines.append(f"  {p.starts_at.astimezone(tz):%H:%M}–{p.ends_at.astimezone(tz):%H:%M}  "
                     f"{p.post_name(lang)}  @ {p.room_name(lang) or '—'}  {who}"
                     + (f"  — {p.duty_text(lang)}" if p.duty else ""))
    lines += ["", f"贵宾座次 VIP seating ({len(e.vip_seats)}):"]
    for v in e.vip_seats:
        seat = f"第 {v.table_no or '—'} 桌 {v.seat_no or '—'} 号 table {v.table_no or '—'} " \
               f"seat {v.seat_no or '—'}"
        title = v.person.title(lang) if v.title in ("", v.person.title_zh) else v.title
        org = v.organisation.name(lang) if v.organisation else ""
        lines.append(f"  {seat}  {v.person.name(lang)}  {title}  {org}".rstrip())
    lines += ["", f"单位职责 duties by unit ({len(e.unit_duties)}):"]
    for u in e.unit_duties:
        contact = (f"  联系人 contact: {u.contact.name(lang)} {u.contact.phone}".rstrip()
                   if u.contact else "")
        lines.append(f"  {u.unit.name(lang)}: {u.duty}{contact}")
    return lines


def _conflict_text(conflicts: list[str]) -> str:
    if not conflicts:
        return ""
    return "\n\n冲突与提醒 conflicts & warnings:\n" + "\n".join(f"  ! {c}" for c in conflicts)


