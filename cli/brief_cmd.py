"""``brief``: print a delegation brief, an event run-of-show or the campaign report to PDF."""

from __future__ import annotations

import argparse
import os
from datetime import date
from typing import TYPE_CHECKING

from cli.context import Context
from cli.paths import output_file
from models.atomic_write import write_bytes_atomic
from models.language import Lang

if TYPE_CHECKING:
    from briefs import BriefKind

NAME = "brief"
HELP = "生成出访工作手册、活动工作方案、招商进展报告或月度英雄榜 PDF (print a briefing pack to PDF)"
FONT_VARIABLE = "CAMPAIGN_PLANNER_FONT"


def configure(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--trip", metavar="CODE", help="delegation brief of a trip, e.g. TRIP-2023-007")
    what.add_argument("--event", metavar="CODE", help="run-of-show of an event, e.g. EVT-2023-012")
    what.add_argument("--campaign", action="store_true", help="the campaign progress report")
    what.add_argument("--leaderboard", type=_month, metavar="YYYY-MM",
                      help="英雄榜 the units' leaderboard of a month, e.g. 2023-03")
    parser.add_argument("--year", type=int, help="campaign year for --campaign (default: newest)")
    parser.add_argument("--lang", dest="brief_lang", choices=("zh", "en"),
                        help="language of the document (default zh)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="PDF to write")
    parser.add_argument("--font", metavar="PATH",
                        help=f"TrueType Chinese font (.ttf/.ttc, 'path#index' for a face of a .ttc);"
                             f" default ${FONT_VARIABLE}, else a system font")
    parser.add_argument("--redact", action="store_true",
                        help="leave out personal data (phones, passport numbers) 隐去个人信息")
    parser.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                        help="generation date printed on every page (default today)")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是日期 (not a date): {text!r}, use YYYY-MM-DD") from None


def _month(text: str) -> tuple[int, int]:
    year, sep, month = text.strip().partition("-")
    if sep and year.isdigit() and month.isdigit() and len(year) == 4 and 1 <= int(month) <= 12:
        return int(year), int(month)
    raise argparse.ArgumentTypeError(f"不是月份 (not a month): {text!r}, use YYYY-MM")


def _kind(args: argparse.Namespace) -> tuple[BriefKind, str]:
    from briefs import BriefKind

    """Which brief the mutually exclusive options ask for, and the code of its trip or event."""
    if args.trip:
        return BriefKind.TRIP, args.trip
    if args.event:
        return BriefKind.EVENT, args.event
    if args.leaderboard:
        return BriefKind.LEADERBOARD, ""
    return BriefKind.CAMPAIGN, ""


def run(args: argparse.Namespace, ctx: Context) -> int:
    from briefs import BriefOptions, find_cjk_font, prepare  # ReportLab: only for this verb

    output = output_file(args.output, ".pdf")
    lang = Lang(args.brief_lang or ctx.lang)
    font_path = args.font or os.environ.get(FONT_VARIABLE) or None
    options = BriefOptions(generated_on=args.date or date.today(), lang=lang, font_path=font_path,
                           redact=args.redact)
    with ctx.sessions()() as session:  # read, then let go of the database before printing
        kind, code = _kind(args)
        year, month = args.leaderboard or (args.year, None)
        render = prepare(session, kind, code, year, month)
    pdf = render(options)
    missing = render.glyph_warnings(font_path)
    write_bytes_atomic(output, pdf)
    ctx.print(lang.pick(f"已生成 {output}（{len(pdf) // 1024} KB）",
                        f"wrote {output} ({len(pdf) // 1024} KB)"))
    font = find_cjk_font(font_path)
    if font.warning:
        ctx.warn(lang.pick(f"警告: {font.warning}", f"warning: {font.warning_en}"))
    for warning in missing:
        ctx.warn(lang.pick("警告: ", "warning: ") + warning.text(lang))
    return 0
