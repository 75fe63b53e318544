"""``confirm``: a planner confirms a result the leaderboard counts, or takes it back.

    confirm LEAD-2023-001 [--undo]     a signed project (its amount, its flagship mark)
    confirm --visit ID [--undo]        an HQ visit that is done
"""

from __future__ import annotations

import argparse

from cli.context import Context, UsageError
from models.operations.confirmations import (
    confirm_lead,
    confirm_visit,
    find_lead,
    unconfirm_lead,
    unconfirm_visit,
)

NAME = "confirm"
HELP = "确认计入排行榜的成果：已签约项目或已完成的总部拜访 (confirm a counted result)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", nargs="?", help="a project's code, e.g. LEAD-2023-001")
    parser.add_argument("--visit", metavar="ID", type=int, help="an HQ visit's id")
    parser.add_argument("--undo", action="store_true", help="take the confirmation back")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if (args.code is None) == (args.visit is None):
        raise UsageError("confirm: 请给出一个项目编号或 --visit ID "
                         "(give one project CODE or --visit ID)")
    with ctx.sessions().begin() as session:
        if args.code is not None:
            lead = find_lead(session, args.code)
            (unconfirm_lead if args.undo else confirm_lead)(session, lead.id)
            what_zh, what_en = f"项目 {lead.code}", f"project {lead.code}"
        else:
            (unconfirm_visit if args.undo else confirm_visit)(session, args.visit)
            what_zh, what_en = f"总部拜访 {args.visit}", f"HQ visit {args.visit}"
    if args.undo:
        ctx.print(ctx.lang.pick(f"已取消确认{what_zh} (unconfirmed {what_en})",
                                f"Unconfirmed {what_en}"))
    else:
        ctx.print(ctx.lang.pick(f"已确认{what_zh} (confirmed {what_en})", f"Confirmed {what_en}"))
    return 0
