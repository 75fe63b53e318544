"""Parsing and dispatch of the command line. ``main.py`` composes it with the desktop verbs.

A command is a module (or object) with ``NAME``, ``HELP``, ``configure(parser)`` and
``run(args, ctx) -> int``. Add one by listing it in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Protocol

from cli import (
    brief_cmd,
    campaign_cmd,
    check_cmd,
    confirm_cmd,
    data_cmd,
    export_sheet_cmd,
    ics_cmd,
    init_cmd,
    list_cmd,
    sheet_cmd,
    show_cmd,
    users_cmd,
)
from cli.context import Context, UsageError
from models.database import refuse_missing_database
from models.errors import (
    DatabaseError,
    DatabaseURLError,
    NotFoundError,
    PermissionDeniedError,
    PlannerError,
    ValidationError,
)
from models.language import Lang

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_NOT_ALLOWED = 4  # the signed-in account may not make the change


class Command(Protocol):
    NAME: str
    HELP: str

    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, ctx: Context) -> int: ...


COMMANDS: list[Command] = [init_cmd, list_cmd, show_cmd, campaign_cmd, check_cmd, confirm_cmd,
                           brief_cmd,
                           *ics_cmd.COMMANDS, *data_cmd.COMMANDS, sheet_cmd,
                           export_sheet_cmd, users_cmd]


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so errors get one clear line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser(extra: Sequence[Command] = ()) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="campaign-planner",
        description="招商活动规划 Campaign Planner — 不带命令时打开桌面程序 "
        "(without a command the desktop window opens).",
    )
    parser.add_argument(
        "--db", metavar="URL",
        help="SQLAlchemy URL or SQLite file (default: $CAMPAIGN_PLANNER_DB or the per-user file)",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None,
                        help="language of messages and output (default zh)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in [*COMMANDS, *extra]:
        p = sub.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.configure(p)
        p.set_defaults(handler=command)
    return parser


def run(argv: Sequence[str], extra: Sequence[Command] = (), ctx: Context | None = None) -> int:
    """Run one command line; returns the exit code. Never lets a user's mistake traceback."""
    parser = build_parser(extra)
    lang = Lang.EN if "--lang" in argv and "en" in argv else Lang.ZH
    err = ctx.err if ctx else sys.stderr
    try:
        args = parser.parse_args(list(argv))
    except UsageError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    if args.command is None:
        parser.print_help(ctx.out if ctx else sys.stdout)
        return EXIT_USAGE
    lang = Lang(getattr(args, "lang", None) or lang)
    if ctx is None:
        ctx = Context(db_url=args.db, lang=lang)
    else:
        ctx.db_url = args.db or ctx.db_url
        ctx.lang = lang
    try:
        if args.command != init_cmd.NAME:  # only init creates a database
            refuse_missing_database(ctx.url)
        return int(args.handler.run(args, ctx))
    except UsageError as exc:
        ctx.warn(str(exc))
        return EXIT_USAGE
    except PermissionDeniedError as exc:
        ctx.warn(_message(exc, lang))
        return EXIT_NOT_ALLOWED
    except (ValidationError, NotFoundError, DatabaseURLError) as exc:
        ctx.warn(_message(exc, lang))
        return EXIT_USAGE
    except DatabaseError as exc:
        ctx.warn(_message(exc, lang))
        return EXIT_FAILURE
    except PlannerError as exc:
        ctx.warn(_message(exc, lang))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        ctx.warn("已中断 (interrupted)")
        return EXIT_FAILURE
    except OSError as exc:
        ctx.warn(f"文件错误 (file error): {exc.strerror or exc} {exc.filename or ''}".rstrip())
        return EXIT_FAILURE
    except Exception as exc:
        log.exception("unexpected error in %s", args.command)
        ctx.warn(f"内部错误 (internal error): {type(exc).__name__}: {exc}")
        return EXIT_FAILURE
    finally:
        ctx.close()


def _message(exc: PlannerError, lang: Lang) -> str:
    prefix = lang.pick("错误", "error")
    return f"{prefix}: {exc.text(Lang.EN if lang is Lang.EN else Lang.BOTH)}"
