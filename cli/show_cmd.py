"""``show CODE``: one trip, event or lead in full."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select

from cli.context import Context
from cli.list_cmd import event_json, lead_json, organisation_json, person_json, trip_json
from models import queries
from models.conflicts import find_conflicts
from models.errors import NotFoundError
from models.language import Lang
from models.leads import Lead
from models.rows import EventDetail, TripDetail

NAME = "show"
HELP = "显示一个推广活动、专题活动或项目的详情 (show one trip, event or lead by code)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="e.g. TRIP-2023-007, EVT-2023-012, LEAD-2023-003")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, ctx: Context) -> int:
    code = args.code.strip().upper()
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
        else:
            lead_id = session.scalar(select(Lead.id).where(func.upper(Lead.code) == code))
            if lead_id is None:
                raise NotFoundError(f"找不到编号 {args.code}", f"No record with code {args.code}")
            lead = next(x for x in queries.list_leads(session) if x.id == lead_id)
            data = lead_json(lead)
            text = "\n".join(f"{k}: {v}" for k, v in data.items() if v not in (None, ""))
    if args.json:
        ctx.print_json(data)
    else:
        ctx.print(text)
    return 0


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
            "outcome": i.outcome,
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
              for m in t.members]
    lines += ["", f"行程 itinerary ({len(t.items)}):  当地时间 local  [北京时间 Beijing]"]
    day = None
    for i in t.items:
        if i.local_start.date() != day:
            day = i.local_start.date()
            lines.append(f"  {day:%Y-%m-%d %a}")
        where = " @ ".join(x for x in (i.place, i.organisation.name(lang) if i.organisation else "")
                           if x)
        when = (f"全天 all day{'' if i.local_end.date() == day else f' → {i.local_end:%m-%d}'}"
                if i.all_day else
                f"{i.local_start:%H:%M}–{i.local_end:%H:%M} {i.local_start.tzname()}"
                f"  [{i.beijing_start:%m-%d %H:%M}]")
        lines.append(f"    {when}  {i.kind.label(lang)}  {i.title(lang)}"
                     + (f"  ({where})" if where else ""))
    return "\n".join(x for x in lines if x is not None)


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
    return "\n".join(lines)


def _conflict_text(conflicts: list[str]) -> str:
    if not conflicts:
        return ""
    return "\n\n冲突与提醒 conflicts & warnings:\n" + "\n".join(f"  ! {c}" for c in conflicts)


