"""The run-of-show of a themed investment event (活动工作方案): a pure function to PDF bytes."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from reportlab.platypus import Flowable

from briefs.blocks import Markup, bullets, empty, facts, grid, name_with_other, prose, text
from briefs.contents import contents_page
from briefs.data import EventBrief
from briefs.layout import CoverFact, build_pdf, cover, sections
from briefs.options import BriefOptions, Kit, kit
from briefs.paragraphs import Para
from briefs.profiles import (
    conflict_section,
    contacts_table,
    organisation_profile,
    pitch_section,
    ranks,
)
from briefs.redaction import public_numbers, redact_free_text
from briefs.run_of_show import rundown, staff_posts, unit_duties, vip_seating
from briefs.styles import ACCENT, MUTED
from briefs.words import Words, esc, hm
from models.enums import EventStatus, RsvpState
from models.rows import EventDetail, PersonRow, SessionRow
from models.timeutil import BEIJING
from models.wording import utc_offset

COMING = (RsvpState.ACCEPTED, RsvpState.ATTENDED, RsvpState.TENTATIVE, RsvpState.INVITED)
_DUTY = re.compile(r"^\s*[-•·*]?\s*([^：:]{1,40})[：:]\s*(.+)$")


def render_event(data: EventBrief, options: BriefOptions) -> bytes:
    """The run-of-show as PDF bytes (same data and options, same bytes)."""
    if options.redact:
        data = redact_free_text(data, public_numbers(data.pitch.campaign.duty_phone))
    k = kit(options)
    e, w = data.event, k.w
    title = f"{e.title(w.lang)} · {w('活动工作方案', 'Run-of-show')}"
    story: list[Flowable] = [
        *_cover(data, k),
        *contents_page(),
        *sections(
            _overview(e, k),
            [*rundown(e, k), *staff_posts(e, k)],
            _agenda(e, k),
            vip_seating(e, k),
            _invitations(e, k),
            _responsibilities(e, k),
            _contacts(e, k),
            _profiles(data, k),
            pitch_section(data.pitch, k, highlight=[i.id for i in e.industries]),
            conflict_section(data.conflicts, k),
        ),
    ]
    return build_pdf(story, k.meta(title, f"{e.code} {e.title_zh} {e.title_en}".strip()))


def _when(e: EventDetail, w: Words) -> str:
    start, end = e.local_start, e.local_end
    if start.date() == end.date():
        text = f"{w.day(start.date())} {hm(start)}–{hm(end)}"
    else:
        text = f"{w.day(start.date())} {hm(start)} – {w.day(end.date())} {hm(end)}"
    return f"{text} ({w.zone(e.timezone, e.starts_at)} {utc_offset(start)})"


def _beijing_differs(e: EventDetail) -> bool:
    return e.local_start.utcoffset() != e.starts_at.astimezone(BEIJING).utcoffset()


def _cover(data: EventBrief, k: Kit) -> list[Flowable]:
    e, w = data.event, k.w
    banner = ""
    if e.status is EventStatus.CANCELLED:
        banner = w(f"本活动已取消：{e.cancel_reason}", f"This event is cancelled: {e.cancel_reason}")
    place = " · ".join(x for x in (e.venue, e.city.name(w.lang) if e.city else "") if x)
    return cover(
        k.s, w, w("活动工作方案 · 专题招商活动", "Run-of-show · themed investment event"),
        e.title(w.lang), w.other(e.title_zh, e.title_en),
        [
            CoverFact("编号", "Code", e.code),
            CoverFact("类型", "Kind", e.kind.label(w.lang)),
            CoverFact("时间", "When", _when(e, w)),
            CoverFact("地点", "Venue", place),
            CoverFact("主办单位", "Host unit", e.host_unit.name(w.lang) if e.host_unit else ""),
            CoverFact("出席领导", "Leader", w.person(e.lead_person)),
            CoverFact("状态", "Status", e.status.label(w.lang)),
        ],
        banner,
    )


def _rsvp_counts(e: EventDetail) -> Counter[RsvpState]:
    return Counter(i.rsvp for i in e.invitations)


def _overview(e: EventDetail, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    when = _when(e, w)
    if _beijing_differs(e):
        b = e.starts_at.astimezone(BEIJING)
        when += w(f"\n北京时间 {w.day(b.date(), False)} {hm(b)}",
                  f"\nBeijing time {w.day(b.date(), False)} {hm(b)}")
    capacity = str(e.capacity) if e.capacity is not None else ""
    confirmed = e.confirmed_guests
    guests = w(f"确认出席 {confirmed} 人（邀请 {len(e.invitations)} 家机构）",
               f"{confirmed} confirmed guests ({len(e.invitations)} organisations invited)")
    story: list[Flowable] = [k.outline.section("概况", "Overview"), facts([
        ("名称", "Title", name_with_other(e.title(w.lang), w.other(e.title_zh, e.title_en))),
        ("编号", "Code", e.code),
        ("类型", "Kind", e.kind.label(w.lang)),
        ("时间", "When", when),
        ("场地", "Venue", e.venue),
        ("城市", "City", " · ".join(x for x in (
            e.city.name(w.lang) if e.city else "", e.region.name(w.lang) if e.region else "") if x)),
        ("主办单位", "Host unit", e.host_unit.name(w.lang) if e.host_unit else ""),
        ("出席领导", "Leader", w.person(e.lead_person)),
        ("容纳人数", "Capacity", capacity),
        ("来宾", "Guests", guests),
        ("重点产业", "Industries", w("、", ", ").join(i.name(w.lang) for i in e.industries)),
        ("状态", "Status", e.status.label(w.lang)
         + (f" — {e.cancel_reason}" if e.status is EventStatus.CANCELLED else "")),
    ], s, w)]
    if e.capacity is not None and confirmed > e.capacity:
        story.append(Para(
            f'<font color="{ACCENT.hexval()}">'
            + esc(w(f"注意：确认来宾 {confirmed} 人，超出场地容量 {e.capacity} 人。",
                    f"Note: {confirmed} confirmed guests exceed the capacity of {e.capacity}."))
            + "</font>", s.body))
    story += [k.outline.minor("活动简介", "Description"), *prose(e.description, s, w)]
    if e.notes.strip():
        story += [k.outline.minor("备注", "Notes"), *prose(e.notes, s, w)]
    return story


def _speakers(speakers: tuple[PersonRow, ...], w: Words) -> Markup:
    parts = []
    for p in speakers:
        where = p.organisation or p.unit
        detail = " ".join(x for x in (p.title(w.lang), where.name(w.lang) if where else "") if x)
        parts.append(esc(p.name(w.lang)) + (
            f'<br/><font size="7.5" color="{MUTED.hexval()}">{esc(detail)}</font>' if detail else ""))
    return Markup("<br/>".join(parts))


def _agenda(e: EventDetail, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    tz = e.local_start.tzinfo
    beijing = _beijing_differs(e)
    story: list[Flowable] = [k.outline.section("议程", "Agenda")]
    if not e.sessions:
        return [*story, empty(s, w)]
    note = w("时间均为当地时间", "Times are local") + (
        w("，右侧为对应的北京时间。", "; Beijing time beside them.") if beijing else w("。", "."))
    story.append(Para(esc(note), s.note))
    days: dict[date, list[SessionRow]] = {}
    for session in sorted(e.sessions, key=lambda x: (x.starts_at, x.id)):
        days.setdefault(session.starts_at.astimezone(tz).date(), []).append(session)
    headers = [("时间", "Time")] + ([("北京时间", "Beijing")] if beijing else []) + [
        ("议程", "Session"), ("会场", "Room"), ("嘉宾 / 主讲", "Speakers")]
    widths = [1.1] + ([1.0] if beijing else []) + [2.6, 1.6, 2.3]
    for day, sessions in days.items():
        if len(days) > 1:
            story.append(Para(esc(w.short_day(day)), s.day))
        rows = []
        for x in sessions:
            start, end = x.starts_at.astimezone(tz), x.ends_at.astimezone(tz)
            title = esc(x.title(w.lang))
            if x.notes:
                title += f'<br/><font size="8" color="{MUTED.hexval()}">{esc(x.notes)}</font>'
            row: list[str | Flowable] = [f"{hm(start)}–{hm(end)}"]
            if beijing:
                row.append(f"{hm(x.starts_at.astimezone(BEIJING))}–"
                           f"{hm(x.ends_at.astimezone(BEIJING))}")
            row += [Markup(title), x.room, _speakers(x.speakers, w)]
            rows.append(row)
        story.append(grid(headers, rows, widths, s, w))
    return story


def _invitations(e: EventDetail, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    story: list[Flowable] = [k.outline.section("邀请机构与回复", "Invited organisations and RSVP")]
    counts = _rsvp_counts(e)
    guests = Counter[RsvpState]()
    for i in e.invitations:
        guests[i.rsvp] += i.guests
    summary = [w(f"{state.zh}：{counts[state]} 家，{guests[state]} 人",
                 f"{state.en}: {counts[state]} organisations, {guests[state]} guests")
               for state in RsvpState if counts[state]]
    story += bullets(summary, s, w) if summary else []
    order = {state: n for n, state in enumerate(
        (RsvpState.ATTENDED, RsvpState.ACCEPTED, RsvpState.TENTATIVE, RsvpState.INVITED,
         RsvpState.DECLINED))}
    rows = []
    for i in sorted(e.invitations, key=lambda i: (order[i.rsvp], i.organisation.name_zh)):
        o = i.organisation
        rows.append([
            name_with_other(o.name(w.lang), o.name_en if not w.en else o.name_zh),
            o.kind.label(w.lang), o.industry.name(w.lang) if o.industry else "", ranks(o, k),
            i.rsvp.label(w.lang), str(i.guests), i.notes,
        ])
    story.append(grid([("机构", "Organisation"), ("类型", "Kind"), ("产业", "Industry"),
                       ("排名", "Ranking"), ("回复", "RSVP"), ("人数", "Guests"),
                       ("备注", "Notes")], rows, [2.2, 0.9, 1.3, 1.3, 0.9, 0.75, 1.45], s, w,
                      right=(5,)))
    return story


def _responsibilities(e: EventDetail, k: Kit) -> list[Flowable]:
    """Who does what: "单位：职责" clauses (by line or "；") become a table, else prose."""
    s, w = k.s, k.w
    story: list[Flowable] = [k.outline.section("职责分工", "Responsibilities by unit")]
    if e.host_unit:
        story.append(text(w("主办单位：", "Host unit: ") + e.host_unit.name(w.lang), s.body))
    if e.unit_duties:
        story.append(unit_duties(e, k))
        if e.responsibilities.strip():
            story += [k.outline.minor("其他分工说明", "Further instructions"),
                      *prose(e.responsibilities, s, w)]
        return story
    clauses = [c.strip() for line in e.responsibilities.splitlines()
               for c in re.split(r"[；;]", line) if c.strip()]
    duties = [_DUTY.match(c) for c in clauses]
    if any(duties):
        rows = [[m.group(1).strip(), m.group(2).strip()] if m else ["", c]
                for m, c in zip(duties, clauses, strict=True)]
        story.append(grid([("单位 / 分工", "Unit / role"), ("职责", "Responsibility")], rows,
                          [2.2, 5.8], s, w))
    else:
        story += prose(e.responsibilities, s, w)
    return story


def _contacts(e: EventDetail, k: Kit) -> list[Flowable]:
    ours: list[PersonRow] = []
    if e.lead_person:
        ours.append(e.lead_person)
    for x in e.sessions:
        ours += [p for p in x.speakers if p.id not in {q.id for q in ours}]
    guests = [p for i in e.invitations if i.rsvp in COMING for p in i.organisation.contacts]
    return [k.outline.section("联络人", "Contacts"),
            k.outline.minor("出席领导与嘉宾", "Leader and speakers"),
            contacts_table(ours, k, with_org=True),
            k.outline.minor("来宾机构联系人", "Contacts at the invited organisations"),
            contacts_table(guests, k, with_org=True)]


def _profiles(data: EventBrief, k: Kit) -> list[Flowable]:
    w = k.w
    coming = {i.organisation.id for i in data.event.invitations if i.rsvp in COMING}
    profiles = [p for p in data.organisations if p.organisation.id in coming]
    story: list[Flowable] = [k.outline.section("来宾机构简介", "Guest organisation profiles")]
    if not profiles:
        return [*story, empty(k.s, w)]
    rsvp = {i.organisation.id: i for i in data.event.invitations}
    for profile in profiles:
        inv = rsvp[profile.organisation.id]
        story += organisation_profile(profile, k, [
            ("回复", "RSVP", f"{inv.rsvp.label(w.lang)} · {w(f'{inv.guests} 人', f'{inv.guests} guests')}"),
        ])
    return story
