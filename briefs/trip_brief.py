"""The delegation brief of a promotion trip (出访工作手册): a pure function from data to PDF."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from briefs.blocks import Markup, bullets, empty, facts, grid, name_with_other, prose
from briefs.contents import contents_page
from briefs.data import TripBrief
from briefs.layout import CoverFact, build_pdf, cover, sections
from briefs.options import BriefOptions, Kit, kit
from briefs.paragraphs import Para
from briefs.pocket import checklist, hotel_name, pocket_overview
from briefs.profiles import (
    conflict_section,
    contacts_table,
    organisation_profile,
    pitch_section,
)
from briefs.redaction import public_numbers, redact_free_text
from briefs.styles import MUTED
from briefs.words import Words, esc, hm
from models.enums import ItemKind, MemberRole, OrganisationKind, TripStatus
from models.rows import ItemRow, TripDetail
from models.wording import utc_offset

TRAVEL_KINDS = (ItemKind.FLIGHT, ItemKind.TRAIN, ItemKind.TRANSFER)
CONTACT_ROLES = (MemberRole.LEADER, MemberRole.DEPUTY, MemberRole.LIAISON, MemberRole.SECRETARY,
                 MemberRole.SECURITY, MemberRole.INTERPRETER)


def render_trip(data: TripBrief, options: BriefOptions) -> bytes:
    """The delegation brief as PDF bytes (same data and options, same bytes)."""
    if options.redact:
        data = redact_free_text(data, public_numbers(data.pitch.campaign.duty_phone))
    k = kit(options)
    t = data.trip
    w = k.w
    title = f"{t.title(w.lang)} · {w('出访工作手册', 'Delegation brief')}"
    story: list[Flowable] = [
        *_cover(data, k),
        *contents_page(),
        *sections(_overview(data, k)),
        PageBreak(),  # the pocket overview has a page of its own, to fold and carry
        *pocket_overview(t, k),
        PageBreak(),
        *_roster(t, k),
        *sections(
            _itinerary(t, k),
            _organisations(data, k),
            pitch_section(data.pitch, k, highlight=[i.id for i in t.industries]),
            _logistics(t, k),
            _emergency(t, k),
            checklist(t, k, len(data.conflicts), data.pitch.campaign.duty_phone),
            conflict_section(data.conflicts, k),
        ),
    ]
    return build_pdf(story, k.meta(title, f"{t.code} {t.title_zh} {t.title_en}".strip()))


PROFILE_REST = 110 * mm  # the same for each organisation's profile


def _cities(t: TripDetail, w: Words) -> str:
    return w("、", ", ").join(c.name(w.lang) for c in t.cities)


def _cover(data: TripBrief, k: Kit) -> list[Flowable]:
    t, w = data.trip, k.w
    banner = ""
    if t.status is TripStatus.CANCELLED:
        banner = w(f"本次活动已取消：{t.cancel_reason}", f"This trip is cancelled: {t.cancel_reason}")
    return cover(
        k.s, w, w("出访工作手册 · 推广活动", "Delegation brief · promotion trip"),
        t.title(w.lang), w.other(t.title_zh, t.title_en),
        [
            CoverFact("编号", "Code", t.code),
            CoverFact("日期", "Dates",
                      f"{w.span(t.start_date, t.end_date)}（{w.days(_length(t))}）" if not w.en
                      else f"{w.span(t.start_date, t.end_date)} ({w.days(_length(t))})"),
            CoverFact("区域", "Region", t.region.name(w.lang)
                      + (f" · {_cities(t, w)}" if t.cities else "")),
            CoverFact("带队领导", "Leader", w.person(t.leader)),
            CoverFact("责任单位", "Host unit", t.host_unit.name(w.lang) if t.host_unit else ""),
            CoverFact("状态", "Status", t.status.label(w.lang)),
        ],
        banner,
    )


def _length(t: TripDetail) -> int:
    return (t.end_date - t.start_date).days + 1


def _overview(data: TripBrief, k: Kit) -> list[Flowable]:
    t, s, w = data.trip, k.s, k.w
    visits = [i for i in t.items if i.kind is ItemKind.COMPANY_VISIT]
    story: list[Flowable] = [k.outline.section("概况", "Overview")]
    story.append(facts([
        ("名称", "Title", name_with_other(t.title(w.lang), w.other(t.title_zh, t.title_en))),
        ("编号", "Code", t.code),
        ("日期", "Dates", f"{w.span(t.start_date, t.end_date)} · {w.days(_length(t))}"),
        ("区域", "Region", t.region.name(w.lang)),
        ("城市（时区）", "Cities (zone)", w("、", ", ").join(
            f"{c.name(w.lang)}（{w.zone(c.timezone)}）" if not w.en
            else f"{c.name(w.lang)} ({w.zone(c.timezone)})" for c in t.cities)),
        ("带队领导", "Leader", w.person(t.leader)),
        ("责任单位", "Host unit", t.host_unit.name(w.lang) if t.host_unit else ""),
        ("团组人数", "Delegation", w(f"{len(t.members)} 人", f"{len(t.members)} people")),
        ("行程事项", "Itinerary", w(f"{len(t.items)} 项，其中企业拜访 {len(visits)} 场",
                                     f"{len(t.items)} items, {len(visits)} company visits")),
        ("重点产业", "Industries", w("、", ", ").join(i.name(w.lang) for i in t.industries)),
        ("状态", "Status", t.status.label(w.lang)
         + (f" — {t.cancel_reason}" if t.status is TripStatus.CANCELLED else "")),
    ], s, w))
    story += [k.outline.minor("出访目的", "Purpose"), *prose(t.purpose, s, w)]
    story += [k.outline.minor("主要口径", "Key messages"), *prose(t.key_messages, s, w)]
    story += [k.outline.minor("服务的全年目标", "Targets this trip serves"),
              *bullets(_served_targets(data, k), s, w)]
    return story


def _served_targets(data: TripBrief, k: Kit) -> list[str]:
    t, w = data.trip, k.w
    measures = {m.key: m for m in data.pitch.measures}
    out: list[str] = []
    trips = measures.get("trips")
    if trips and trips.target:
        out.append(w(
            f"全年推广活动目标 {trips.target} 场：已完成 {trips.done} 场，已安排 {trips.planned} 场"
            "（含本次）",
            f"Promotion trips for the year: target {trips.target}, {trips.done} done, "
            f"{trips.planned} planned including this one",
        ))
    visits = sum(1 for i in t.items if i.kind is ItemKind.COMPANY_VISIT)
    hq = measures.get("hq_visits")
    if hq and hq.target:
        out.append(w(
            f"本次拜访企业 {visits} 场，计入“百队千企”全年拜访 {hq.target:,} 家企业总部目标"
            f"（已完成 {hq.done:,} 家）",
            f"{visits} company visits on this trip count towards the 100-teams target of "
            f"{hq.target:,} HQ visits ({hq.done:,} done)",
        ))
    companies = [o for o in data.organisations if o.organisation.kind is OrganisationKind.COMPANY]
    g500 = sum(1 for o in companies if o.organisation.fortune_global_500_rank)
    if companies:
        out.append(w(f"目标企业 {len(companies)} 家，其中世界500强 {g500} 家",
                     f"{len(companies)} target companies, {g500} of them in the Fortune Global 500"))
    leads = [x for o in data.organisations for x in o.leads]
    money = measures.get("investment_cny")
    if money and money.target:
        out.append(w(
            f"与这些机构的项目线索 {len(leads)} 个，金额合计 {w.money(sum(x.amount_cny for x in leads))}；"
            f"全年实际投资目标 {w.money(money.target)}，已签约 {w.money(money.done)}",
            f"{len(leads)} leads with these organisations worth "
            f"{w.money(sum(x.amount_cny for x in leads))}; the year's investment target is "
            f"{w.money(money.target)}, {w.money(money.done)} signed",
        ))
    if t.industries:
        out.append(w("重点产业：", "Key industries: ")
                   + w("、", ", ").join(i.name(w.lang) for i in t.industries))
    return out


def _roster(t: TripDetail, k: Kit) -> list[Flowable]:
    w, o = k.w, k.options
    rows = []
    for n, m in enumerate(t.members, start=1):
        p = m.person
        where = p.unit or p.organisation
        phones = "\n".join(x for x in (
            w("境外 ", "Abroad ") + o.personal(p.mobile_abroad) if p.mobile_abroad else "",
            o.personal(p.phone) if not p.mobile_abroad.startswith(p.phone) else "") if x)
        papers = "\n".join(x for x in (
            w("护照 ", "Passport ") + o.personal(p.passport_number) if p.passport_number else "",
            w(f"有效期至 {p.passport_expires:%Y-%m-%d}", f"valid to {p.passport_expires:%Y-%m-%d}")
            if p.passport_expires else "",
            p.visa_status) if x)
        rows.append([str(n), name_with_other(p.name(w.lang), p.name_en if not w.en else p.name_zh),
                     "\n".join(x for x in (p.title(w.lang), where.name(w.lang) if where else "")
                               if x),
                     m.role.label(w.lang), phones, papers, p.dietary])
    return [k.outline.section("团组名单", "Delegation roster"),
            grid([("序号", "No."), ("姓名", "Name"), ("职务 / 单位", "Title / unit"),
                  ("团内职务", "Role"), ("电话", "Phone"), ("护照 / 签证", "Passport / visa"),
                  ("饮食", "Diet")], rows,
                 [0.4, 1.2, 1.75, 0.95, 1.5, 1.75, 0.85], k.s, w)]


def _days(t: TripDetail) -> list[tuple[date, list[ItemRow]]]:
    """Every day of the trip (and any day an item strays to), with its items by local date."""
    by_day: dict[date, list[ItemRow]] = defaultdict(list)
    for item in t.items:
        by_day[item.local_start.date()].append(item)
    days = {t.start_date + timedelta(days=n) for n in range(_length(t))} | set(by_day)
    return [(d, sorted(by_day[d], key=lambda i: (i.starts_at, i.id))) for d in sorted(days)]


def _all_day(item: ItemRow, w: Words) -> str:
    """"全天" for a one-day all-day entry, with its last day when it runs longer."""
    last = item.local_end.date()
    if last == item.local_start.date():
        return w("全天", "All day")
    return w(f"全天\n至 {w.day_month(last)}", f"All day\nto {w.day_month(last)}")


def _time_range(start: datetime, end: datetime, day: date, w: Words) -> str:
    """09:00–11:00, with the date when a time falls on another day than ``day``."""

    def one(moment: datetime) -> str:
        if moment.date() == day:
            return hm(moment)
        if moment.date() == day + timedelta(days=1):
            return w(f"次日 {hm(moment)}", f"{hm(moment)} (+1)")
        if moment.date() == day - timedelta(days=1):
            return w(f"前日 {hm(moment)}", f"{hm(moment)} (-1)")
        return f"{w.day_month(moment.date())} {hm(moment)}"

    first, last = one(start), one(end)
    # a dated end time goes to its own line rather than breaking wherever the column ends
    return f"{first}–{last}" if last == hm(end) else f"{first}–\n{last}"


def _offsets(i: ItemRow) -> str:
    """``UTC+1``, or ``UTC+8 → UTC+2`` for a leg that lands in another zone."""
    start, end = utc_offset(i.local_start), utc_offset(i.local_arrival)
    return start if start == end else f"{start} → {end}"


def _itinerary(t: TripDetail, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    story: list[Flowable] = [
        k.outline.section("日程安排", "Itinerary"),
        Para(esc(w("时间均为当地时间，右侧为对应的北京时间。",
                   "Times are local; Beijing time is given beside them.")), s.note),
    ]
    sep = w("、", ", ")
    for n, (day, items) in enumerate(_days(t), start=1):
        places = list(dict.fromkeys(i.city.name(w.lang) for i in items if i.city))
        zones = list(dict.fromkeys(f"{w.zone(i.timezone, i.starts_at)} {utc_offset(i.local_start)}"
                                   for i in items))
        in_trip = t.start_date <= day <= t.end_date
        label = w(f"第 {n} 天", f"Day {n}") if in_trip else w("行程日期之外", "Outside the trip")
        head = " · ".join(x for x in (label, w.short_day(day), sep.join(places), sep.join(zones))
                          if x)
        story.append(Para(esc(head), s.day))
        rows = []
        for i in items:
            local = i.local_start
            what = (f'<font size="7.5" color="{MUTED.hexval()}">{esc(i.kind.label(w.lang))}'
                    f"</font><br/>{esc(i.title(w.lang))}")
            if i.notes:
                what += f'<br/><font size="8" color="{MUTED.hexval()}">{esc(i.notes)}</font>'
            where = [x for x in (w.place(i.place),
                                 i.organisation.name(w.lang) if i.organisation else "",
                                 i.city.name(w.lang) if i.city else "") if x]
            rows.append([
                _all_day(i, w) if i.all_day else
                Markup(f"{esc(_time_range(local, i.local_arrival, day, w))}<br/>"
                       f'<font size="7.5" color="{MUTED.hexval()}">'
                       f"{esc(_offsets(i))}</font>"),
                w("全天", "All day") if i.all_day
                else _time_range(i.beijing_start, i.beijing_end, day, w),
                Markup(what),
                Markup("<br/>".join(esc(x) for x in where)),
                attending(i, t, w),
            ])
        if rows:
            story.append(grid([("当地时间", "Local time"), ("北京时间", "Beijing time"),
                               ("事项", "Item"), ("地点 / 机构", "Place / organisation"),
                               ("参加人员", "Attending")], rows, [1.25, 1.2, 2.4, 2.2, 1.5],
                              s, w))
        else:
            story.append(empty(s, w, w("当日无安排", "nothing planned this day")))
    return story


def _organisations(data: TripBrief, k: Kit) -> list[Flowable]:
    w = k.w
    # room for the heading and the first profile's start, so the heading never ends a page
    story: list[Flowable] = [CondPageBreak(PROFILE_REST),
                             k.outline.section("拜访机构简介", "Organisation profiles")]
    if not data.organisations:
        return [*story, empty(k.s, w)]
    for n, profile in enumerate(data.organisations):
        visits = [i for i in data.trip.items
                  if i.organisation and i.organisation.id == profile.organisation.id]
        planned = "\n".join(f"{w.short_day(i.local_start.date())} {hm(i.local_start)} "
                            f"{i.title(w.lang)}" for i in visits)
        if n:
            story.append(CondPageBreak(PROFILE_REST))
        story += organisation_profile(profile, k, [("本次安排", "On this trip", planned)])
        story += _meetings(visits, k)
    return story


def _meetings(visits: Sequence[ItemRow], k: Kit) -> list[Flowable]:
    """For each meeting with the organisation: whom we meet, what we ask, what we offer."""
    w = k.w
    met = [i for i in visits if i.counterparts or i.ask or i.offer]
    if not met:
        return []
    story: list[Flowable] = []
    for i in met:
        story.append(Para(esc(f"{w.short_day(i.local_start.date())} {hm(i.local_start)} "
                              f"{i.title(w.lang)}"), k.s.h3))
        if i.counterparts:
            story.append(contacts_table(i.counterparts, k, with_org=True))
        story.append(facts([("我方诉求", "What we ask", i.ask),
                            ("我方可提供", "What we offer", i.offer)], k.s, w))
    return story


def _leg_end(place: str, code: str, terminal: str) -> str:
    """``香港国际机场 (HKG) T1``."""
    return " ".join(x for x in (place, f"({code})" if code else "", terminal) if x)


def _arrival(i: ItemRow, day: date, w: Words) -> str:
    """Departure–arrival, each in the local time of where it happens, with both offsets when
    the leg crosses zones: ``23:45–次日 06:45`` / ``UTC+8 → UTC+2``."""
    times = _time_range(i.local_start, i.local_arrival, day, w)
    start_offset, end_offset = utc_offset(i.local_start), utc_offset(i.local_arrival)
    if start_offset == end_offset:
        return f"{times}\n{start_offset}"
    return f"{times}\n{start_offset} → {end_offset}"


def _travel_rows(items: Sequence[ItemRow], k: Kit) -> list[list[str | Flowable]]:
    w = k.w
    rows: list[list[str | Flowable]] = []
    for i in items:
        day = i.local_start.date()
        service = " ".join(x for x in (i.carrier, i.service_number) if x) or i.title(w.lang)
        route = "\n".join(x for x in (
            w("从 ", "From ") + _leg_end(w.place(i.from_place), i.from_code, i.from_terminal)
            if i.from_place or i.from_code else "",
            w("至 ", "To ") + _leg_end(w.place(i.to_place), i.to_code, i.to_terminal)
            if i.to_place or i.to_code else "",
            w.place(i.place) if not (i.from_place or i.to_place) else "") if x)
        booking = "\n".join(x for x in (
            w("订座 ", "Booking ") + k.options.personal(i.booking_ref) if i.booking_ref else "",
            i.seat_class,
            w("集合：", "Meet: ") + i.meeting_point if i.meeting_point else "",
            i.notes) if x)
        rows.append([w.short_day(day), _all_day(i, w) if i.all_day else _arrival(i, day, w),
                     w("全天", "All day") if i.all_day
                     else _time_range(i.beijing_start, i.beijing_end, day, w),
                     f"{i.kind.label(w.lang)}\n{service}", route, booking])
    return rows


@dataclass(frozen=True)
class HotelNights:
    """A hotel item of the itinerary read as a stay: name, address, check-in and check-out."""

    item: ItemRow
    check_in: date
    check_out: date

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    @property
    def _plain_title(self) -> str:
        return self.item.title_zh.removeprefix("入住").strip()

    def name(self, w: Words) -> str:
        """The hotel: the item's title, or its place when the title only says "入住…"."""
        return hotel_name(self.item, w)

    @property
    def address(self) -> str:
        """The stay's address; else the place, unless it is the hotel's name again."""
        if self.item.address:
            return self.item.address
        if self._plain_title and self._plain_title in self.item.place:
            return ""
        return self.item.place


def hotel_nights(hotels: Sequence[ItemRow], trip_end: date) -> list[HotelNights]:
    """Each hotel item with the day the delegation leaves: the item's own end when it spans
    the stay, else the next hotel's check-in day, else the last day of the trip."""
    ordered = sorted(hotels, key=lambda i: (i.starts_at, i.id))
    out = []
    for n, item in enumerate(ordered):
        check_in = item.local_start.date()
        if item.local_end.date() > check_in:
            check_out = item.local_end.date()
        else:
            later = [h.local_start.date() for h in ordered[n + 1:]
                     if h.local_start.date() > check_in]
            check_out = later[0] if later else max(trip_end, check_in)
        out.append(HotelNights(item, check_in, check_out))
    return out


def attending(item: ItemRow, t: TripDetail, w: Words) -> str:
    """Who attends an item: 全体 / All when the whole delegation does, else only the change."""
    sep = w("、", ", ")
    members = [m.person for m in t.members]
    ids = {p.id for p in item.attendees}
    if not ids or not members:
        return sep.join(p.name(w.lang) for p in item.attendees)
    absent = [p for p in members if p.id not in ids]
    guests = [p for p in item.attendees if p.id not in {m.id for m in members}]
    if not absent and not guests:
        return w("全体", "All")
    if len(absent) < len(ids) and len(absent) <= 3:
        parts = [w("全体，", "All except ") if absent else w("全体", "All")]
        if absent:
            parts[0] += w("除", "") + sep.join(p.name(w.lang) for p in absent)
        if guests:
            parts.append(w("另有", "with ") + sep.join(p.name(w.lang) for p in guests))
        return w("；", "; ").join(parts)
    return sep.join(p.name(w.lang) for p in item.attendees)


def _logistics(t: TripDetail, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    travel = [i for i in t.items if i.kind in TRAVEL_KINDS]
    hotels = [i for i in t.items if i.kind is ItemKind.HOTEL]
    story: list[Flowable] = [k.outline.section("后勤保障", "Logistics")]
    story += [k.outline.minor("交通（航班、火车、接送）", "Flights, trains and transfers"),
              Para(esc(w("出发、到达时间均为当地时间（到达按到达地时区）。",
                         "Departure and arrival in local time, each in its own zone.")),
                   s.note),
              grid([("日期", "Date"), ("当地时间", "Local time"), ("北京时间", "Beijing time"),
                    ("班次", "Service"), ("出发 / 到达", "From / to"),
                    ("订座 / 备注", "Booking / notes")],
                   _travel_rows(travel, k), [1.15, 1.35, 1.2, 1.25, 1.9, 1.6], s, w)]
    story += [k.outline.minor("住宿", "Hotels"),
              grid([("入住", "Check-in"), ("退房", "Check-out"), ("晚数", "Nights"),
                    ("酒店", "Hotel"), ("城市", "City"), ("地址 / 备注", "Address / notes")],
                   [[w.short_day(h.check_in), w.short_day(h.check_out), str(h.nights),
                     h.name(w), h.item.city.name(w.lang) if h.item.city else "",
                     "\n".join(x for x in (
                         h.address, h.item.phone,
                         w("订房 ", "Booking ") + k.options.personal(h.item.booking_ref)
                         if h.item.booking_ref else "",
                         w("入住：", "Staying: ") + attending(h.item, t, w)
                         if h.item.attendees else "",
                         h.item.notes) if x)]
                    for h in hotel_nights(hotels, t.end_date)],
                   [1.25, 1.25, 0.65, 2.0, 1.0, 2.1], s, w)]
    story += [k.outline.minor("其他安排", "Other arrangements"), *prose(t.logistics, s, w)]
    return story


def _emergency(t: TripDetail, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    story: list[Flowable] = [k.outline.section("紧急联络", "Emergency contacts"),
                             *prose(t.emergency_contacts, s, w)]
    key_people = [m.person for m in t.members if m.role in CONTACT_ROLES]
    story += [k.outline.minor("团组联络人", "Delegation contacts"),
              contacts_table(key_people or [m.person for m in t.members], k, with_org=True)]
    return story
