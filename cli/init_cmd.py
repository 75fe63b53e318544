"""``init [--sample]``: create or migrate the database, optionally load the sample campaign."""

from __future__ import annotations

import argparse

from cli.context import Context

NAME = "init"
HELP = "创建或升级数据库；--sample 载入 2023 示例计划 (create/migrate the database)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sample", action="store_true",
                        help="load the sample 2023 campaign (示例计划)")
    parser.add_argument("--if-empty", action="store_true",
                        help="with --sample: do nothing when the database already holds a campaign")
    parser.add_argument("--year", type=int, default=None,
                        help="without --sample: create an empty campaign for this year")


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.create = True  # the one verb that may create a database
    sessions = ctx.sessions()
    if args.sample and args.if_empty:
        from models.sample import database_is_empty  # the sample's operations: only to load it

        with sessions() as session:
            if not database_is_empty(session):
                ctx.print("数据库中已有计划，未作改动 (the database already holds a campaign; left as is)")
                args.sample = False
    if args.sample:
        from models.sample import load_sample

        with sessions.begin() as session:
            counts = load_sample(session)
        summary = ", ".join(f"{k} {v}" for k, v in counts.items())
        ctx.print(f"已载入示例计划 (sample loaded): {summary}")
    elif args.year is not None:
        from models.sample import load_reference

        with sessions.begin() as session:
            load_reference(session, year=args.year)
        ctx.print(f"已创建 {args.year} 年度空白计划 (empty campaign created)")
    ctx.print(f"数据库 (database): {ctx.engine.url.render_as_string(hide_password=True)}")
    return 0
