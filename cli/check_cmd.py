"""``check``: run the conflict finder over the whole campaign."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from cli.context import Context
from models.conflicts import find_conflicts
from models.enums import Severity

NAME = "check"
HELP = "检查冲突：人员重复安排、场地冲突、行程超出日期、领导出访期间主持活动 (find conflicts)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when an error-level conflict is found")


def run(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.sessions()() as session:
        conflicts = find_conflicts(session)
    if args.json:
        ctx.print_json([asdict(c) | {"message": c.text(ctx.lang)} for c in conflicts])
    elif not conflicts:
        ctx.print("未发现冲突 (no conflicts found)")
    else:
        errors = sum(1 for c in conflicts if c.severity is Severity.ERROR)
        ctx.print(f"发现 {len(conflicts)} 项（错误 {errors}，提醒 {len(conflicts) - errors}）"
                  f" — {len(conflicts)} found ({errors} errors)")
        for c in conflicts:
            mark = "✗" if c.severity is Severity.ERROR else "!"
            ctx.print(f"{mark} [{', '.join(c.codes)}] {c.text(ctx.lang)}")
    if args.strict and any(c.severity is Severity.ERROR for c in conflicts):
        return 1
    return 0
