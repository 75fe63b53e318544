"""Parsing and dispatch of the command line. ``main.py`` composes it with the desktop verbs.

A command is a module (or object) with ``NAME``, ``HELP``, ``configure(parser)`` and
``run(args, ctx) -> int``. Add one by listing it in :data:`VERBS` (its name, its help and where it
lives): a command line imports the one verb it runs, not the others (``list`` loads no ReportLab,
openpyxl or icalendar, and not the modules of the other verbs).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, cast

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


@dataclass(frozen=True)
class Verb:
    """A command named before it is imported: its module is loaded only to run or configure it."""

    NAME: str
    HELP: str
    module: str
    attribute: str = ""  # an object of the module that is the command; "" = the module itself

    def load(self) -> Command:
        found = importlib.import_module(self.module)
        return cast(Command, getattr(found, self.attribute) if self.attribute else found)


VERBS: tuple[Verb, ...] = (
    Verb("init", "创建或升级数据库；--sample 载入 2023 示例计划 (create/migrate the database)",
         "cli.init_cmd"),
    Verb("list", "列出推广活动、专题活动、人员、机构、项目、小分队或总部拜访 (list records)",
         "cli.list_cmd"),
    Verb("show", "显示推广活动、专题活动、项目、小分队、市领导或产业链的详情 "
         "(show a trip, event or lead by code, a team, a city leader or an industry chain)", "cli.show_cmd"),
    Verb("campaign", "显示或修改本年度活动的名称、口号、值班电话和目标 "
         "(show or set the campaign's settings)", "cli.campaign_cmd"),
    Verb("check", "检查安排：节假日、当地工作时间、行程衔接、人员冲突、年度目标 "
         "(holidays, local hours, travel legs, clashes, targets)", "cli.check_cmd"),
    Verb("confirm", "确认计入排行榜的成果：已签约项目或已完成的总部拜访 (confirm a counted result)",
         "cli.confirm_cmd"),
    Verb("brief", "生成出访工作手册、活动工作方案、招商进展报告或月度英雄榜 PDF "
         "(print a briefing pack to PDF)", "cli.brief_cmd"),
    Verb("export-ics", "导出日历 .ics (export a calendar: the campaign, a trip, an event, a person, "
         "a region)", "cli.ics_cmd", "EXPORT"),
    Verb("import-ics", "导入日历 .ics 到推广活动行程或作为专题活动 "
         "(import a calendar into a trip or as events)", "cli.ics_cmd", "IMPORT"),
    Verb("backup", "备份 SQLite 数据库到文件，使用中也可备份 (online backup of the SQLite database)",
         "cli.data_cmd", "BACKUP"),
    Verb("restore", "从备份文件恢复 SQLite 数据库；覆盖已有数据需 --force (restore a backup)",
         "cli.data_cmd", "RESTORE"),
    Verb("dump", "把整个计划导出为一个 JSON 文件 (the whole campaign as one JSON document)",
         "cli.data_cmd", "DUMP"),
    Verb("load", "载入 dump 导出的 JSON 文件；替换已有数据需 --force (load a JSON dump)",
         "cli.data_cmd", "LOAD"),
    Verb("history", "显示一条记录的修改记录：谁、何时、改了什么 (the audit trail of a record)",
         "cli.data_cmd", "HISTORY"),
    Verb("import-sheet", "从表格导入机构、人员或招商项目 "
         "(import organisations, people or leads from a CSV or .xlsx sheet)", "cli.sheet_cmd"),
    Verb("export-sheet", "把列表导出为 .xlsx 或 CSV 表格 (export a list as an .xlsx or CSV spreadsheet)",
         "cli.export_sheet_cmd"),
    Verb("users", "共享服务器上的账户：add、list、disable、enable、set-role、reset-password "
         "(accounts on the server)", "cli.users_cmd"),
)
INIT = "init"  # the one verb that may create a database


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so errors get one clear line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


_EVERY_VERB = "*"


def build_parser(extra: Sequence[Command] = (), verb: str | None = _EVERY_VERB
                 ) -> argparse.ArgumentParser:
    """The command line's parser. Every verb is listed (``--help``); ``verb`` is the one whose
    module is imported and whose options are configured (all of them by default, none for
    None): a command line needs only the verb it runs."""
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
    listed: list[Verb | Command] = [*VERBS, *extra]
    for named in listed:
        p = sub.add_parser(named.NAME, help=named.HELP, description=named.HELP)
        if verb in (_EVERY_VERB, named.NAME):
            command: Command = named.load() if isinstance(named, Verb) else named
            command.configure(p)
            p.set_defaults(handler=command)
    return parser


def chosen_verb(argv: Sequence[str]) -> str | None:
    """The verb a command line names: its first word that is not a global option or its value."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--lang"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _parse(argv: Sequence[str], extra: Sequence[Command]
           ) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """Parse with only the named verb configured; a command line the quick look misreads (an
    abbreviated option, a mistake) is parsed again with every verb, for the same answer or
    the same message as before."""
    parser = build_parser(extra, verb=chosen_verb(argv))
    try:
        args = parser.parse_args(list(argv))
        if args.command is None or getattr(args, "handler", None) is not None:
            return parser, args
    except UsageError:
        pass
    parser = build_parser(extra)
    return parser, parser.parse_args(list(argv))


def run(argv: Sequence[str], extra: Sequence[Command] = (), ctx: Context | None = None) -> int:
    """Run one command line; returns the exit code. Never lets a user's mistake traceback."""
    lang = Lang.EN if "--lang" in argv and "en" in argv else Lang.ZH
    err = ctx.err if ctx else sys.stderr
    try:
        parser, args = _parse(argv, extra)
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
        if args.command != INIT:  # only init creates a database
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
