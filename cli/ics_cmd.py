"""``export-ics`` and ``import-ics``: calendars for leaders and delegates, and partners' calendars in.

    export-ics (--all | --trip CODE | --event CODE | --person ID | --region R | --team NAME)
               [--lang zh|en] [-o FILE]
    import-ics FILE (--trip CODE | --as-events) [--dry-run] [--default-kind KIND]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from cli.context import Context, UsageError
from cli.paths import input_file, output_file
from models.campaign import Industry, Unit
from models.directory_lookup import find_person
from models.enums import EventKind, ItemKind, TripStatus
from models.errors import NotFoundError
from models.language import Lang
from models.visits import find_team


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from exc


def _status(text: str) -> str:
    wanted = text.strip().lower()
    for status in TripStatus:
        if wanted in (status.value, status.zh, status.en.lower()):
            return status.value
    known = ", ".join(s.value for s in TripStatus)
    raise UsageError(f"未知状态 “{text}” (unknown status; one of: {known})")


def _find(session: Session, model: type[Industry] | type[Unit], text: str, what_zh: str,
          what_en: str) -> int:
    """An industry or unit by id, code (industries), Chinese or English name."""
    needle = text.strip()
    if needle.isdigit() and session.get(model, int(needle)) is not None:
        return int(needle)
    names = [model.name_zh == needle, func.lower(model.name_en) == needle.lower()]
    if model is Industry:
        names.append(func.lower(Industry.code) == needle.lower())
    found = session.scalars(select(model.id).where(or_(*names))).first()
    if found is None:
        raise NotFoundError(f"找不到{what_zh}“{needle}”", f"No {what_en} '{needle}'")
    return found


class ExportCommand:
    NAME = "export-ics"
    HELP = "导出日历 .ics (export a calendar: the campaign, a trip, an event, a person, a region)"

    def configure(self, parser: argparse.ArgumentParser) -> None:
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument("--all", action="store_true", help="the whole campaign")
        what.add_argument("--trip", metavar="CODE", action="append",
                          help="a trip with its itinerary (repeatable)")
        what.add_argument("--event", metavar="CODE", action="append",
                          help="a themed event with its agenda (repeatable)")
        what.add_argument("--person", metavar="ID",
                          help="one person's own schedule (id, or a unique name)")
        what.add_argument("--region", metavar="R", help="a region by code or name, e.g. EUUS 欧美")
        what.add_argument("--team", metavar="NAME",
                          help="a team's planned and done HQ visits (百队千企), e.g. 第7小分队 or \"Team 7\"")
        parser.add_argument("--industry", metavar="I", help="only this industry (id, code or name)")
        parser.add_argument("--unit", metavar="U", help="only this host unit (id or name)")
        parser.add_argument("--status", metavar="S", action="append", default=[],
                            help="only this status, e.g. approved (repeatable)")
        parser.add_argument("--from", dest="start", metavar="DATE", type=_date,
                            help="only entries on or after this date (YYYY-MM-DD)")
        parser.add_argument("--to", dest="end", metavar="DATE", type=_date,
                            help="only entries on or before this date (YYYY-MM-DD)")
        parser.add_argument("--alarm", metavar="MINUTES", type=int,
                            help="add a reminder this many minutes before each timed entry")
        parser.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                            help="language of titles and descriptions (default zh)")
        parser.add_argument("-o", "--output", metavar="FILE",
                            help="write to FILE (atomically) instead of stdout")

    def run(self, args: argparse.Namespace, ctx: Context) -> int:
        from calendars import ExportScope, collect, render_parts, write_calendar  # icalendar: this verb only

        statuses = tuple(_status(s) for s in args.status)
        if args.output:
            output_file(args.output)
        with ctx.sessions()() as session:
            scope = ExportScope(
                all_=args.all,
                trip_codes=tuple(args.trip or ()),
                event_codes=tuple(args.event or ()),
                person_id=find_person(session, args.person).id if args.person else None,
                team_id=find_team(session, args.team).id if args.team else None,
                region=args.region,
                industry_id=(_find(session, Industry, args.industry, "产业", "industry")
                             if args.industry else None),
                unit_id=_find(session, Unit, args.unit, "责任单位", "unit") if args.unit else None,
                statuses=statuses,
                start=args.start,
                end=args.end,
            )
            data = collect(session, scope)
        lang = Lang.EN if ctx.lang is Lang.EN else Lang.ZH
        if args.output:  # written as rendered, atomically: no copy of the whole file is held
            path = write_calendar(args.output, data, lang, alarms_minutes=args.alarm)
            ctx.print(f"已导出 {data.entry_count} 条日程到 {path} "
                      f"({data.entry_count} entries exported)")
        else:
            _write_stdout(ctx, render_parts(data, lang, alarms_minutes=args.alarm))
        return 0


def _write_stdout(ctx: Context, parts: Iterable[bytes]) -> None:
    """The bytes as they are (CRLF, UTF-8), whatever the console's code page or newline mode.

    The calendar is rendered whole first (in memory, in a temporary file past 16 MB, which
    then needs that much room in the temporary folder): an error while rendering writes
    nothing, not half a calendar into the file stdout goes to."""
    from calendars import write_parts

    with tempfile.SpooledTemporaryFile(max_size=16 * 2**20) as spool:
        write_parts(spool, parts)
        spool.seek(0)
        buffer = getattr(ctx.out, "buffer", None)
        if buffer is not None:
            ctx.out.flush()
            shutil.copyfileobj(spool, buffer)
            buffer.flush()
        else:
            ctx.out.write(spool.read().decode("utf-8"))


class ImportCommand:
    NAME = "import-ics"
    HELP = "导入日历 .ics 到推广活动行程或作为专题活动 (import a calendar into a trip or as events)"

    def configure(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", metavar="FILE", help="the .ics file ('-' reads stdin)")
        into = parser.add_mutually_exclusive_group(required=True)
        into.add_argument("--trip", metavar="CODE", help="into this trip's itinerary")
        into.add_argument("--as-events", action="store_true", help="as themed events")
        parser.add_argument("--dry-run", action="store_true",
                            help="check and report, write nothing; lists each entry's kind")
        parser.add_argument(
            "--default-kind", metavar="KIND",
            help="kind of an entry nothing in it suggests (items: "
                 f"{', '.join(k.value for k in ItemKind)}; default company_visit; with "
                 f"--as-events: {', '.join(k.value for k in EventKind)}; default other)")

    def run(self, args: argparse.Namespace, ctx: Context) -> int:
        from calendars import import_ics  # icalendar: this verb only

        data = sys.stdin.buffer.read() if args.file == "-" else input_file(args.file).read_bytes()
        with ctx.sessions()() as session:  # closing without commit rolls everything back
            report = import_ics(session, data, trip_code=args.trip, as_events=args.as_events,
                                default_kind=args.default_kind)
            if not args.dry_run:
                session.commit()
        lang = Lang.EN if ctx.lang is Lang.EN else Lang.ZH
        prefix = ("(dry run, nothing written) " if lang is Lang.EN else "（试运行，未写入）") \
            if args.dry_run else ""
        ctx.print(prefix + report.text(lang))
        if args.dry_run:
            for entry in report.entries:
                ctx.print(f"  + {entry.text(lang)}")
        for note in report.notes:
            ctx.print(f"  - {note}")
        return 0


EXPORT, IMPORT = ExportCommand(), ImportCommand()
COMMANDS: tuple[ExportCommand | ImportCommand, ...] = (EXPORT, IMPORT)
