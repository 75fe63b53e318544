"""``import-sheet``: organisations, people or leads from a CSV or .xlsx spreadsheet, and a
trip's delegation or itinerary or an event's invitations.

    import-sheet organisations|people|leads FILE [--dry-run] [--encoding ENC] [--sheet NAME]
    import-sheet delegation|itinerary FILE --trip CODE [--dry-run] ...
    import-sheet invitations FILE --event CODE [--dry-run] ...

Every row is checked before anything is written; one bad row refuses the whole file with a
message listing the first errors by row number (exit code 2).
"""

from __future__ import annotations

import argparse

from cli.context import Context, UsageError
from models.language import Lang
from spreadsheets import ImportKind, apply_import, open_table, plan_import, read_table
from spreadsheets.children import ChildKind, apply_children, plan_children

NAME = "import-sheet"
HELP = "从表格导入机构、人员或招商项目 (import organisations, people or leads from a CSV or .xlsx sheet)"
EXIT_BAD_INPUT = 2


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=[*(k.value for k in ImportKind),
                                         *(k.value for k in ChildKind)],
                        help="what the sheet holds")
    parser.add_argument("file", metavar="FILE",
                        help="a .csv (UTF-8, GBK/GB18030, UTF-16) or .xlsx file")
    parser.add_argument("--dry-run", action="store_true",
                        help="check every row and say what would change; write nothing")
    parser.add_argument("--encoding", metavar="ENC",
                        help="the CSV encoding, when it is not found by itself (e.g. gbk, big5)")
    parser.add_argument("--sheet", metavar="NAME", help="the workbook's sheet (default: the first)")
    parser.add_argument("--trip", metavar="CODE", help="the trip of a delegation or itinerary")
    parser.add_argument("--event", metavar="CODE", help="the event of the invitations")


def _parent(args: argparse.Namespace) -> str | None:
    """The trip or event a delegation, itinerary or invitations sheet goes into."""
    if args.kind in (ChildKind.DELEGATION, ChildKind.ITINERARY):
        if not args.trip or args.event:
            raise UsageError(f"{args.kind} 需要 --trip CODE ({args.kind} needs --trip CODE)")
        return str(args.trip)
    if args.kind == ChildKind.INVITATIONS:
        if not args.event or args.trip:
            raise UsageError("invitations 需要 --event CODE (invitations needs --event CODE)")
        return str(args.event)
    if args.trip or args.event:
        raise UsageError(f"--trip/--event 不适用于 {args.kind} (--trip/--event do not apply to "
                         f"{args.kind})")
    return None


def _run_children(args: argparse.Namespace, ctx: Context, code: str, lang: Lang) -> int:
    table = read_table(args.file, encoding=args.encoding, sheet=args.sheet)
    if args.dry_run:
        with ctx.sessions()() as session:  # closing without commit keeps nothing
            plan = plan_children(session, args.kind, table, code)
    else:
        with ctx.sessions().begin() as session:
            plan = plan_children(session, args.kind, table, code)
            if plan.ok:
                apply_children(session, plan)
    if not plan.ok:
        ctx.warn(plan.error_text(lang))
        return EXIT_BAD_INPUT
    ctx.print(plan.summary(lang))
    if args.dry_run:
        ctx.print("(dry run: nothing written)" if lang is Lang.EN
                  else "（试运行，未写入任何数据）(dry run: nothing written)")
    return 0


def run(args: argparse.Namespace, ctx: Context) -> int:
    lang = Lang.EN if ctx.lang is Lang.EN else Lang.BOTH
    code = _parent(args)
    if code is not None:
        return _run_children(args, ctx, code, lang)
    report = None
    # read as checked; the file opened once, and closed however the plan ends
    with open_table(args.file, encoding=args.encoding, sheet=args.sheet) as table:
        if args.dry_run:
            with ctx.sessions()() as session:  # closing without commit keeps nothing
                plan = plan_import(session, args.kind, table)
        else:
            with ctx.sessions().begin() as session:
                plan = plan_import(session, args.kind, table)
                if plan.ok:
                    report = apply_import(session, plan)
    if not plan.ok:
        ctx.warn(plan.error_text(lang))
        return EXIT_BAD_INPUT
    for line in plan.reading(lang):
        ctx.print(line)
    for line in plan.warning_lines(lang):
        ctx.print(line)
    if report is None:
        ctx.print(plan.counts(lang))
        ctx.print("(dry run: nothing written)" if lang is Lang.EN
                  else "（试运行，未写入任何数据）(dry run: nothing written)")
    else:
        ctx.print(report.text(lang))
    return 0
