"""``export-sheet``: any list of the window as an .xlsx workbook or a CSV file.

    export-sheet KIND FILE.xlsx|FILE.csv [--lang zh|en] [--region R] [--status S] [--trip CODE]
                 [--event CODE] [--year YEAR] [--month M]

KIND is trips, events, itineraries, delegations, invitations, organisations, people, leads,
hq-visits or leaderboard. CSV is UTF-8 with a BOM (Excel and WPS open the Chinese correctly);
headers are in Chinese (``--lang en``: English) and the organisation, people and lead sheets
import back unchanged with ``import-sheet``.
"""

from __future__ import annotations

import argparse

from cli.context import Context, UsageError
from cli.paths import output_file
from models import queries
from models.atomic_write import write_bytes_atomic
from models.language import Lang
from spreadsheets.export import (
    SheetFilters,
    SheetKind,
    collect_sheet,
    format_of,
    render_sheet,
    sheet_kind,
)

NAME = "export-sheet"
HELP = "把列表导出为 .xlsx 或 CSV 表格 (export a list as an .xlsx or CSV spreadsheet)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", metavar="KIND",
                        help=f"which list: {', '.join(k.value for k in SheetKind)}")
    parser.add_argument("file", metavar="FILE", help="FILE.xlsx or FILE.csv")
    parser.add_argument("--region", help="region code or name (trips, events, itineraries, "
                                         "delegations), e.g. EUUS or 欧美")
    parser.add_argument("--status", action="append", default=[],
                        help="status (trips, events, itineraries, delegations, invitations) or "
                             "stage (leads); repeatable")
    parser.add_argument("--trip", action="append", default=[], metavar="CODE",
                        help="only this trip (itineraries, delegations, trips); repeatable")
    parser.add_argument("--event", action="append", default=[], metavar="CODE",
                        help="only this event (invitations, events); repeatable")
    parser.add_argument("--year", type=int, help="the leaderboard's year (default: the campaign)")
    parser.add_argument("--month", type=int, choices=range(1, 13), metavar="M",
                        help="the leaderboard of one month (1-12)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    kind = sheet_kind(args.kind)
    fmt = format_of(args.file)
    path = output_file(args.file)
    if args.region and kind in (SheetKind.ORGANISATIONS, SheetKind.PEOPLE, SheetKind.LEADS,
                                SheetKind.HQ_VISITS, SheetKind.LEADERBOARD, SheetKind.INVITATIONS):
        raise UsageError(f"--region 不适用于 {kind.value} (--region does not apply to {kind.value})")
    lang = Lang.EN if ctx.lang is Lang.EN else Lang.ZH
    with ctx.sessions()() as session:
        region_id = queries.find_region(session, args.region).id if args.region else None
        filters = SheetFilters(region_id=region_id, statuses=tuple(args.status),
                               codes=tuple(args.trip) + tuple(args.event), year=args.year,
                               month=args.month)
        sheet = collect_sheet(session, kind, lang, filters)
    written = write_bytes_atomic(path, render_sheet(sheet, fmt))
    ctx.print(f"已导出 {len(sheet.rows)} 行到 {written} ({len(sheet.rows)} rows exported)")
    return 0
