"""``users``: the accounts of the shared server (PostgreSQL), managed by an admin.

    users add LOGIN --name 姓名 --role admin|planner|unit|viewer [--unit 单位名称] [--password-stdin]
    users list [--json]
    users disable LOGIN | enable LOGIN
    users set-role LOGIN --role R [--unit 单位名称]
    users reset-password LOGIN [--password-stdin]

Without ``--password-stdin`` a new password is made up and printed once, for the admin to hand
over. A SQLite file has no accounts: every verb refuses it (exit 2).
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.engine import make_url

from cli.context import Context, UsageError
from models.accounts.names import AccountRole
from models.accounts.service import (
    AccountDraft,
    AccountRow,
    add_account,
    list_accounts,
    new_password,
    reset_password,
    set_enabled,
    set_role,
)
from models.errors import ValidationError
from models.language import Lang

NAME = "users"
HELP = "共享服务器上的账户：add、list、disable、enable、set-role、reset-password (accounts on the server)"
ROLE_HELP = "admin 管理员 | planner 计划员 | unit 单位人员 | viewer 只读"


def configure(parser: argparse.ArgumentParser) -> None:
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=type(parser))
    add = verbs.add_parser("add", help="新建账户 (add an account)")
    add.add_argument("login", help="登录名：小写字母、数字、_ . - (e.g. zhangwei)")
    add.add_argument("--name", required=True, help="姓名 (the person's name)")
    add.add_argument("--role", required=True, help=ROLE_HELP)
    add.add_argument("--unit", default="", help="单位人员所属单位 (a unit account's unit)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    listing = verbs.add_parser("list", help="列出账户 (list the accounts)")
    listing.add_argument("--json", action="store_true", help="JSON: login, name, role, unit, enabled")
    for verb, text in (("disable", "停用账户，不能再登录 (disable: no more sign-in)"),
                       ("enable", "重新启用账户 (enable again)")):
        p = verbs.add_parser(verb, help=text)
        p.add_argument("login")
    role = verbs.add_parser("set-role", help="更改角色 (change the role)")
    role.add_argument("login")
    role.add_argument("--role", required=True, help=ROLE_HELP)
    role.add_argument("--unit", default="", help="单位人员所属单位 (a unit account's unit)")
    reset = verbs.add_parser("reset-password", help="重设密码 (reset the password)")
    reset.add_argument("login")
    reset.add_argument("--password-stdin", action="store_true",
                       help="read the new password from the first line of standard input")


def _password(args: argparse.Namespace) -> tuple[str, bool]:
    """(the password, whether it was made up here and must be printed)."""
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n"), False
    return new_password(), True


def _describe(row: AccountRow, lang: Lang) -> str:
    role = row.role.label(lang)
    unit = f" · {row.unit_name}" if row.unit_name else ""
    state = "" if row.enabled else lang.pick(" · 已停用", " · disabled")
    return f"{row.login}  {row.name}  {role}{unit}{state}"


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.verb is None:
        raise UsageError("users: 请指定 add、list、disable、enable、set-role 或 reset-password "
                         "(choose a verb)")
    if make_url(ctx.url).get_backend_name() != "postgresql":
        raise ValidationError(
            "database", "SQLite 数据库只供一人使用，没有账户；账户只在共享服务器（PostgreSQL）上管理",
            "A SQLite file is a one-person database without accounts; accounts exist only on "
            "the shared server (PostgreSQL)")
    sessions = ctx.sessions()
    lang = ctx.lang
    if args.verb == "list":
        with sessions() as session:
            rows = list_accounts(session)
        if args.json:
            ctx.print_json([r.as_json() for r in rows])
        else:
            for row in rows:
                ctx.print(_describe(row, lang))
        return 0
    if args.verb in ("add", "reset-password"):
        password, made_up = _password(args)
        with sessions.begin() as session:
            if args.verb == "add":
                draft = AccountDraft(args.login, args.name, AccountRole.parse(args.role), args.unit)
                row = add_account(session, draft, password).value
                ctx.print(lang.pick("已新建账户 ", "account added: ") + _describe(row, lang))
            else:
                row = reset_password(session, args.login, password).value
                ctx.print(lang.pick("已重设密码：", "password reset: ") + row.login)
        if made_up:
            ctx.print(lang.pick(f"初始密码（只显示这一次）：{password}",
                                f"password (shown this once): {password}"))
        return 0
    with sessions.begin() as session:
        if args.verb in ("disable", "enable"):
            row = set_enabled(session, args.login, args.verb == "enable").value
        else:
            row = set_role(session, args.login, AccountRole.parse(args.role), args.unit).value
    ctx.print(lang.pick("已更新账户 ", "account updated: ") + _describe(row, lang))
    return 0
