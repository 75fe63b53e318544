"""The run-of-show's own sections: a minute-by-minute rundown (agenda and staff posts in one
timeline), the staff posts, the guests of honour with their seats, and the duties by unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from reportlab.platypus import Flowable

from briefs.blocks import Markup, grid, name_with_other
from briefs.options import Kit
from briefs.paragraphs import Para
from briefs.styles import MUTED
from briefs.words import Words, esc, hm
from models.rows import EventDetail, PersonRow, StaffPostRow, VipSeatRow


@dataclass(frozen=True)
class Beat:
    """One line of the rundown: from when, to when, what happens, where, who."""

    starts_at: datetime
    ends_at: datetime
    what: Markup
    room: str
    who: Markup
    order: int  # at the same minute: posts open before the session they serve


def _small(value: str) -> str:
    return f'<br/><font size="7.5" color="{MUTED.hexval()}">{esc(value)}</font>' if value else ""


def _person(p: PersonRow | None, k: Kit, phone: bool = True) -> Markup:
    if p is None:
        return Markup(esc(k.w("（待定）", "(to be named)")))
    shown = k.options.personal(p.phone) if phone else ""
    return Markup(esc(p.name(k.w.lang)) + _small(shown))


def _beats(e: EventDetail, k: Kit) -> list[Beat]:
    w = k.w
    out = []
    for p in e.staff_posts:
        what = Markup(esc(w(f"{p.post}到岗", f"{p.post_name(w.lang)}: on post")))
        out.append(Beat(p.starts_at, p.ends_at, what, p.room_name(w.lang),
                        _person(p.person, k, False), 0))
    for x in e.sessions:
        speakers = "、" if not w.en else ", "
        out.append(Beat(x.starts_at, x.ends_at, Markup(esc(x.title(w.lang)) + _small(x.notes)),
                        x.room, Markup(esc(speakers.join(s.name(w.lang) for s in x.speakers))),
                        1))
    return sorted(out, key=lambda b: (b.starts_at, b.order, b.ends_at))


def _day_of(moment: datetime, e: EventDetail) -> date:
    return moment.astimezone(e.local_start.tzinfo).date()


def rundown(e: EventDetail, k: Kit) -> list[Flowable]:
    """Every post's start and every session in one timeline, in the event's local time."""
    s, w = k.s, k.w
    story: list[Flowable] = [k.outline.section("活动流程", "Minute-by-minute rundown")]
    beats = _beats(e, k)
    if not beats:
        return [*story, Para(esc(w("（尚无议程和工作岗位）", "(no agenda and no staff posts yet)")),
                             s.body)]
    story.append(Para(esc(w("时间均为活动当地时间；“到岗”为工作人员到达岗位的时间。",
                            "Times are the event's local time; \"on post\" is when the staff "
                            "take their posts.")), s.note))
    tz = e.local_start.tzinfo
    days = [(day, list(group)) for day, group in groupby(beats, key=lambda b: _day_of(b.starts_at, e))]
    for day, group in days:
        if len(days) > 1:
            story.append(Para(esc(w.short_day(day)), s.day))
        rows = [[f"{hm(b.starts_at.astimezone(tz))}–{hm(b.ends_at.astimezone(tz))}", b.what,
                 b.room, b.who] for b in group]
        story.append(grid([("时间", "Time"), ("流程", "What happens"), ("地点", "Room"),
                           ("人员", "Who")], rows, [1.1, 3.4, 1.6, 1.9], s, w))
    return story


def staff_posts(e: EventDetail, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    tz = e.local_start.tzinfo
    story: list[Flowable] = [k.outline.minor("工作岗位", "Staff posts")]
    posts: list[StaffPostRow] = sorted(e.staff_posts, key=lambda p: (p.starts_at, p.post))
    rows = [[p.post_name(w.lang), p.room_name(w.lang), _person(p.person, k),
             f"{hm(p.starts_at.astimezone(tz))}–{hm(p.ends_at.astimezone(tz))}",
             p.duty_text(w.lang)]
            for p in posts]
    story.append(grid([("岗位", "Post"), ("地点", "Room"), ("人员", "Person"), ("时间", "Time"),
                       ("职责", "Duty")], rows, [1.2, 1.5, 1.4, 1.1, 2.8], s, w))
    return story


def _seat_key(v: VipSeatRow) -> tuple[int, str, int, str]:
    def number(text: str) -> int:
        return int(text) if text.isdigit() else 10_000

    return number(v.table_no), v.table_no, number(v.seat_no), v.seat_no


def _title(v: VipSeatRow, w: Words) -> str:
    """The title the seating list gives, in English where the directory has it."""
    return v.person.title(w.lang) if v.title in ("", v.person.title_zh) else v.title


def vip_seating(e: EventDetail, k: Kit) -> list[Flowable]:
    """The guests of honour by table and seat, then each table's seats in one line."""
    s, w = k.s, k.w
    story: list[Flowable] = [k.outline.section("贵宾名单与座次", "Guests of honour and seating")]
    seats = sorted(e.vip_seats, key=_seat_key)
    if seats:
        story.append(Para(esc(w(
            f"共 {len(seats)} 位贵宾。每桌 1 号为主人位，2 号为主宾位。",
            f"{len(seats)} guests of honour. Seat 1 of each table is the host's, seat 2 the chief "
            "guest's.")), s.note))
    rows = []
    for v in seats:
        org = v.organisation.name(w.lang) if v.organisation else (
            v.person.unit.name(w.lang) if v.person.unit else "")
        rows.append([v.table_no or "—", v.seat_no or "—",
                     name_with_other(v.person.name(w.lang),
                                     v.person.name_en if not w.en else v.person.name_zh),
                     _title(v, w), org])
    story.append(grid([("桌号", "Table"), ("座号", "Seat"), ("姓名", "Name"), ("职务", "Title"),
                       ("机构 / 单位", "Organisation / unit")], rows, [0.7, 0.7, 2.0, 2.4, 2.4],
                      s, w, right=(0, 1)))
    tables = [(table, list(group)) for table, group in groupby(seats, key=lambda v: v.table_no)]
    if seats:
        story.append(k.outline.minor("座次一览", "Seats at each table"))
        lines = []
        for table, group in tables:
            names = w("、", ", ").join(f"{v.seat_no or '—'} {v.person.name(w.lang)}" for v in group)
            head = w(f"第 {table} 桌", f"Table {table}") if table else w("未排桌", "No table")
            lines.append([head, names])
        story.append(grid([("桌", "Table"), ("座号与贵宾", "Seats and guests")], lines,
                          [1.0, 7.0], s, w))
    return story


def unit_duties(e: EventDetail, k: Kit) -> Flowable:
    s, w = k.s, k.w
    rows = []
    for u in e.unit_duties:
        contact = Markup("") if u.contact is None else Markup(
            esc(u.contact.name(w.lang)) + _small(k.options.personal(u.contact.phone)))
        rows.append([u.unit.name(w.lang), u.duty, contact])
    return grid([("单位", "Unit"), ("职责", "Duties"), ("联系人", "Contact")], rows,
                [1.9, 4.4, 1.7], s, w)
