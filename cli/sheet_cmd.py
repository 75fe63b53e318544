"""``import-sheet``: organisations, people or leads from a CSV or .xlsx spreadsheet.

    import-sheet organisations|people|leads FILE [--dry-run] [--encoding ENC] [--sheet NAME]

Every row is checked before anything is written; one bad row refuses the whole file with a
message listing the first errors by row number (exit code 2).
"""

from __future__ import annotations

import argparse

from cli.context import Context
from models.language import Lang
from spreadsheets import ImportKind, apply_import, plan_import, read_table

NAME = "import-sheet"
HELP = "从表格导入机构、人员或招商项目 (import organisations, people or leads from a CSV or .xlsx sheet)"
EXIT_BAD_INPUT = 2


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=[k.value for k in ImportKind], help="what the sheet holds")
    parser.add_argument("file", metavar="FILE",
                        help="a .csv (UTF-8, GBK/GB18030, UTF-16) or .xlsx file")
    parser.add_argument("--dry-run", action="store_true",
                        help="check every row and say what would change; write nothing")
    parser.add_argument("--encoding", metavar="ENC",
                        help="the CSV encoding, when it is not found by itself (e.g. gbk, big5)")
    parser.add_argument("--sheet", metavar="NAME", help="the workbook's sheet (default: the first)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    lang = Lang.EN if ctx.lang is Lang.EN else Lang.BOTH
    table = read_table(args.file, encoding=args.encoding, sheet=args.sheet)
    report = None
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
