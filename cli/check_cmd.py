"""``check``: the scheduling checks from the command line, their acknowledgement and settings.

Exit codes: 0 with no open error or warning (notes inform), 3 with an open error, 4 with open
warnings only; 2 for bad input.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cli.context import Context, UsageError
from models.checks import Conflict, acknowledge, find_finding, run_checks, unacknowledge
from models.checks import settings as check_settings
from models.enums import Severity
from models.errors import NotFoundError
from models.events import ThemedEvent
from models.trips import Trip

NAME = "check"
HELP = ("检查安排：节假日、当地工作时间、行程衔接、人员冲突、年度目标 "
        "(holidays, local hours, travel legs, clashes, targets)")
EXIT_OPEN_ERRORS = 3
EXIT_OPEN_WARNINGS = 5  # 4 is a refused change (cli.app.EXIT_NOT_ALLOWED)
MARKS = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.NOTE: "·"}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应写成 YYYY-MM-DD (a date looks like 2023-10-01): {text}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--trip", metavar="CODE", help="only this trip's findings")
    scope.add_argument("--event", metavar="CODE", help="only this event's findings")
    parser.add_argument("--from", dest="since", type=_day, metavar="DATE",
                        help="trips and events from this day (Beijing date)")
    parser.add_argument("--to", dest="until", type=_day, metavar="DATE",
                        help="trips and events up to this day")
    parser.add_argument("--all", action="store_true",
                        help="also list acknowledged warnings (列出已确认的提醒)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    sub = parser.add_subparsers(dest="check_action", metavar="ACTION",
                                parser_class=type(parser))
    ack = sub.add_parser("ack", help="确认提醒（acknowledge a warning）")
    ack.add_argument("id", help="the finding's id as check lists it")
    ack.add_argument("--reason", required=True, help="why it is acceptable (理由)")
    ack.add_argument("--by", default=None, help="who (default: the current user)")
    unack = sub.add_parser("unack", help="撤销确认（withdraw an acknowledgement）")
    unack.add_argument("id")
    settings = sub.add_parser("settings", help="检查设置（settings of the checks）")
    what = settings.add_subparsers(dest="setting", metavar="SETTING",
                                   parser_class=type(parser))
    what.add_parser("show", help="list the settings")
    number = what.add_parser("set", help="set a number: " + ", ".join(check_settings.INT_KEYS))
    number.add_argument("key", choices=check_settings.INT_KEYS)
    number.add_argument("value", type=int)
    hours = what.add_parser("hours", help="business hours: hours [CC] 09:00-18:00 | --clear")
    hours.add_argument("country", nargs="?", default=None, help="two-letter code (all others)")
    hours.add_argument("hours", nargs="?", default=None, help="09:00-18:00")
    hours.add_argument("--clear", action="store_true", help="back to the default")
    weekend = what.add_parser("weekend", help="weekend days of a country: weekend AE fri,sat")
    weekend.add_argument("country")
    weekend.add_argument("days", nargs="?", default=None, help="fri,sat | sat,sun | none")
    weekend.add_argument("--clear", action="store_true", help="back to the default")
    blackout = what.add_parser("blackout", help="the campaign's blackout dates")
    blackout.add_argument("action", choices=("add", "remove"))
    blackout.add_argument("start", type=_day)
    blackout.add_argument("--to", dest="end", type=_day, default=None)
    blackout.add_argument("--reason", default="")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.check_action == "ack":
        return _ack(args, ctx)
    if args.check_action == "unack":
        with ctx.sessions().begin() as session:
            unacknowledge(session, args.id)
        ctx.print(ctx.lang.pick(f"已撤销对 {args.id} 的确认", f"Acknowledgement of {args.id} withdrawn"))
        return 0
    if args.check_action == "settings":
        return _settings(args, ctx)
    return _list(args, ctx)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    if (args.since is None) != (args.until is None) and (args.trip or args.event):
        raise UsageError("--from/--to 不能与 --trip/--event 同用 (use either a record or dates)")
    if args.since and args.until and args.until < args.since:
        raise UsageError(f"--to {args.until} 早于 --from {args.since} (ends before it starts)")
    with ctx.sessions()() as session:
        trip_codes = [_known(session, Trip, args.trip)] if args.trip else None
        event_codes = [_known(session, ThemedEvent, args.event)] if args.event else None
        found = run_checks(session, trip_codes=trip_codes, event_codes=event_codes,
                           since=args.since, until=args.until)
    open_ = [c for c in found if c.is_open]
    shown = found if args.all else open_
    if args.json:
        ctx.print_json([_json(c, ctx) for c in shown])
    else:
        _print(ctx, shown, len(found) - len(open_))
    if any(c.severity is Severity.ERROR for c in open_):
        return EXIT_OPEN_ERRORS
    if any(c.severity is Severity.WARNING for c in open_):
        return EXIT_OPEN_WARNINGS
    return 0


def _known(session: Session, model: type[Trip] | type[ThemedEvent], code: str) -> str:
    if session.scalar(select(model.id).where(model.code == code)) is None:
        what = ("推广活动", "trip") if model is Trip else ("专题活动", "event")
        raise NotFoundError(f"没有编号为 {code} 的{what[0]}", f"No {what[1]} with the code {code}")
    return code


def _json(c: Conflict, ctx: Context) -> dict[str, Any]:
    data = asdict(c)
    data["concerns"] = [{"kind": x.kind.value, "id": x.id, "field": x.field} for x in c.concerns]
    return {"id": c.id, **data, "message": c.text(ctx.lang), "open": c.is_open}


def _print(ctx: Context, shown: list[Conflict], acked: int) -> None:
    counts = {s: sum(1 for c in shown if c.is_open and c.severity is s) for s in Severity}
    if not any(counts.values()):
        ctx.print("未发现待处理的问题 (nothing open)"
                  + (f"；已确认 {acked} 项 ({acked} acknowledged)" if acked else ""))
    else:
        ctx.print(f"待处理 {sum(counts.values())} 项：错误 {counts[Severity.ERROR]}，"
                  f"提醒 {counts[Severity.WARNING]}，备注 {counts[Severity.NOTE]}"
                  + (f"；已确认 {acked} 项" if acked else "")
                  + f" — {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
                  f"{counts[Severity.NOTE]} notes open"
                  + (f", {acked} acknowledged" if acked else ""))
    for c in shown:
        mark = MARKS[c.severity] if c.is_open else "✓"
        line = f"{mark} {c.id} [{', '.join(c.codes)}] {c.text(ctx.lang)}"
        if c.ack is not None:
            line += ctx.lang.pick(f"（{c.ack.by} 于 {c.ack.at:%Y-%m-%d} 确认：{c.ack.reason}）",
                                  f" (acknowledged by {c.ack.by} on {c.ack.at:%Y-%m-%d}: "
                                  f"{c.ack.reason})")
        ctx.print(line)


def _ack(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.sessions().begin() as session:
        finding = find_finding(session, args.id)
        ack = acknowledge(session, finding, args.reason, by=args.by)
    ctx.print(ctx.lang.pick(
        f"已确认 {finding.id}（{ack.by}）：{finding.message_zh}",
        f"Acknowledged {finding.id} ({ack.by}): {finding.message_en}"))
    return 0


def _settings(args: argparse.Namespace, ctx: Context) -> int:
    action = args.setting or "show"
    with ctx.sessions().begin() as session:
        if action == "set":
            check_settings.set_number(session, args.key, args.value)
        elif action == "hours":
            country, text = args.country, args.hours
            if text is None and country is not None and not country.isalpha():
                country, text = None, country  # "hours 08:30-17:30": every other country
            if text is None and not args.clear:
                raise UsageError("请给出工作时间，如 09:00-18:00，或 --clear (give hours or --clear)")
            check_settings.set_hours(session, country, None if args.clear else text)
        elif action == "weekend":
            if args.days is None and not args.clear:
                raise UsageError("请给出周末，如 fri,sat，或 --clear (give the days or --clear)")
            check_settings.set_weekend(session, args.country, None if args.clear else args.days)
        elif action == "blackout" and args.action == "add":
            check_settings.add_blackout(session, args.start, args.end, args.reason)
        elif action == "blackout":
            check_settings.remove_blackout(session, args.start)
        current = check_settings.load_settings(session)
    for key, value, meaning in check_settings.describe(current):
        ctx.print(f"{key:<34} {value:<24} {meaning}")
    return 0
