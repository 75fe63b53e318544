"""``campaign``: the campaign's own settings (本年度活动), as the window's Campaign dialog edits
them, through the same operation.

    campaign show [--year YYYY]
    campaign set --duty-phone "+86 769 2283 0000" [--slogan-en "…"] [--target-investment 1600亿]
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from cli.context import Context, UsageError
from models.operations.campaign import campaign_draft, update_campaign
from models.wording import money

NAME = "campaign"
HELP = "显示或修改本年度活动的名称、口号、值班电话和目标 (show or set the campaign's settings)"

TEXTS = {"name_zh": "--name", "name_en": "--name-en", "slogan": "--slogan",
         "slogan_en": "--slogan-en", "duty_phone": "--duty-phone"}
COUNTS = {"target_trips": "--target-trips", "target_events": "--target-events",
          "target_hq_visits": "--target-hq-visits",
          "target_flagship_projects": "--target-flagship-projects"}
AMOUNTS = {"target_investment_cny": "--target-investment",
           "flagship_threshold_cny": "--flagship-threshold"}


def configure(parser: argparse.ArgumentParser) -> None:
    what = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = what.add_parser("show", help="显示设置 (show the settings)")
    show.add_argument("--year", type=int, help="the campaign's year (default: the newest)")
    change = what.add_parser("set", help="修改设置，未给出的保持不变 (set the given settings)")
    change.add_argument("--year", type=int, help="the campaign's year (default: the newest)")
    for field, flag in TEXTS.items():
        change.add_argument(flag, dest=field, metavar="TEXT")
    for field, flag in COUNTS.items():
        change.add_argument(flag, dest=field, metavar="N", type=int)
    for field, flag in AMOUNTS.items():
        change.add_argument(flag, dest=field, metavar="AMOUNT",
                            help="元, or with a unit: 1600亿, 50亿元, 5 bn")


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    from spreadsheets.values import CellError, amount  # only when an amount is given

    out: dict[str, Any] = {f: getattr(args, f) for f in (*TEXTS, *COUNTS)
                           if getattr(args, f) is not None}
    for field, flag in AMOUNTS.items():
        raw = getattr(args, field)
        if raw is not None:
            try:
                out[field] = amount(raw)
            except CellError as exc:
                raise UsageError(f"{flag}: {exc.message_zh} ({exc.message_en})") from exc
    return out


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.action == "show":
        with ctx.sessions()() as session:
            draft = campaign_draft(session, args.year)
    else:
        changes = _changes(args)
        if not changes:
            raise UsageError("campaign set: 请至少给出一项设置，例如 --duty-phone "
                             "(give at least one setting, e.g. --duty-phone)")
        with ctx.sessions().begin() as session:
            draft = replace(campaign_draft(session, args.year), **changes)
            update_campaign(session, draft, args.year)
        ctx.print(ctx.lang.pick("已保存本年度活动设置 (campaign settings saved)",
                                "Campaign settings saved"))
    lang = ctx.lang
    lines = [
        ("名称 name", f"{draft.name_zh}" + (f" / {draft.name_en}" if draft.name_en else "")),
        ("口号 slogan", draft.slogan + (f" / {draft.slogan_en}" if draft.slogan_en else "")),
        ("值班电话 duty phone", draft.duty_phone or "—"),
        ("推广活动目标 trips", str(draft.target_trips)),
        ("专题活动目标 events", str(draft.target_events)),
        ("总部拜访目标 HQ visits", str(draft.target_hq_visits)),
        ("投资额目标 investment", money(draft.target_investment_cny, lang)),
        ("重大项目门槛 flagship threshold", money(draft.flagship_threshold_cny, lang)),
        ("重大项目目标 flagship projects", str(draft.target_flagship_projects)),
    ]
    for label, value in lines:
        ctx.print(f"{label}: {value}")
    return 0
