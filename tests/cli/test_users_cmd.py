"""``users`` on the shared server: add, list, disable/enable, set-role, reset-password; a
disabled account cannot sign in; SQLite refuses; a refused change exits 4."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from cli.app import run
from cli.context import Context
from models.database import open_database
from models.errors import DatabaseError, SignInError
from tests.factories import make_trip, make_world
from tests.pgserver import PgServer

PASSWORD = "Mima-2023-ok"


def _run(db_url: str, *argv: str, stdin: str = "",
         monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(["--db", db_url, *argv], ctx=Context(db_url=db_url, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def test_users_on_a_sqlite_file_is_one_clear_refusal(tmp_path: pytest.TempPathFactory) -> None:
    url = f"sqlite:///{tmp_path}/c.db"
    assert _run(url, "init")[0] == 0
    code, out, err = _run(url, "users", "list")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "SQLite" in err and "账户" in err and "accounts" in err


def _listed(db_url: str) -> dict[str, dict[str, object]]:
    return {a["login"]: a for a in json.loads(_run(db_url, "users", "list", "--json")[1])}


@pytest.mark.backends("postgresql")
def test_an_account_from_adding_to_disabling(db_url: str, sessions: sessionmaker[Session],
                                             pg_server: PgServer,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    database = str(make_url(db_url).database)
    login = f"{database}.zhang"
    with sessions.begin() as s:
        make_world(s)
    code, out, err = _run(db_url, "users", "add", login, "--name", "张伟", "--role", "unit",
                          "--unit", "松山湖高新区", "--password-stdin", stdin=PASSWORD + "\n",
                          monkeypatch=monkeypatch)
    assert (code, err) == (0, "") and "张伟" in out and "松山湖高新区" in out
    code, out, _ = _run(db_url, "users", "list", "--json")
    listed = {a["login"]: a for a in json.loads(out)}
    assert listed[login] == {"login": login, "name": "张伟", "role": "unit", "unit": "松山湖高新区",
                             "enabled": True}
    assert listed["postgres"]["role"] == "admin"  # the role that ran init is the first admin

    engine, _ = open_database(pg_server.password_url(database, login, PASSWORD))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT session_user")).scalar() == login
    engine.dispose()

    assert _run(db_url, "users", "disable", login)[0] == 0
    with pytest.raises(DatabaseError, match="not permitted to log in"):
        open_database(pg_server.password_url(database, login, PASSWORD))
    assert _listed(db_url)[login]["enabled"] is False
    assert _run(db_url, "users", "enable", login)[0] == 0

    code, out, _ = _run(db_url, "users", "reset-password", login)  # a new one, printed once
    assert code == 0
    new_password = out.strip().splitlines()[-1].split("：")[-1]
    with pytest.raises(SignInError):
        open_database(pg_server.password_url(database, login, PASSWORD))
    with pytest.raises(SignInError):
        open_database(pg_server.password_url(database, login, None))
    engine, _ = open_database(pg_server.password_url(database, login, new_password))
    engine.dispose()

    code, out, _ = _run(db_url, "users", "set-role", login, "--role", "viewer")
    assert code == 0 and "只读" in out
    assert _listed(db_url)[login]["unit"] is None


@pytest.mark.backends("postgresql")
def test_bad_account_input_is_one_line_and_exit_2(db_url: str, sessions: sessionmaker[Session],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with sessions.begin() as s:
        make_world(s)
    for argv, words in ((["add", "张伟", "--name", "张伟", "--role", "planner"], "登录名无效"),
                        (["add", "zhang.x1", "--name", "张伟", "--role", "boss"], "角色无效"),
                        (["add", "zhang.x1", "--name", "张伟", "--role", "unit"], "所属单位"),
                        (["add", "postgres", "--name", "张伟", "--role", "viewer"], "已被本服务器"),
                        (["add", "zhang.x2", "--name", "张伟", "--role", "viewer"], "密码太短"),
                        (["disable", "postgres"], "最后一个启用的管理员"),
                        (["disable", "nobody.here"], "找不到账户")):
        if argv[0] == "add":
            password = "short" if argv[1] == "zhang.x2" else PASSWORD
            code, _, err = _run(db_url, "users", *argv, "--password-stdin", stdin=password + "\n",
                                monkeypatch=monkeypatch)
        else:
            code, _, err = _run(db_url, "users", *argv)
        assert code == 2, (argv, err)
        assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert len(json.loads(_run(db_url, "users", "list", "--json")[1])) == 1


@pytest.mark.backends("postgresql")
def test_a_refused_change_exits_4_with_one_line(
        db_url: str, sessions: sessionmaker[Session], pg_server: PgServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    database = str(make_url(db_url).database)
    with sessions.begin() as s:
        w = make_world(s)
        code = make_trip(s, w).code
    login = f"{database}.viewer"
    assert _run(db_url, "users", "add", login, "--name", "王五", "--role", "viewer",
                "--password-stdin", stdin=PASSWORD + "\n", monkeypatch=monkeypatch)[0] == 0
    viewer_url = pg_server.password_url(database, login, PASSWORD)
    exit_code, out, err = _run(viewer_url, "users", "add", f"{database}.li", "--name", "李", "--role",
                               "viewer", "--password-stdin", stdin=PASSWORD + "\n",
                               monkeypatch=monkeypatch)
    assert exit_code == 4 and out == "" and err.count("\n") == 1 and "只有管理员可以管理账户" in err
    assert code.startswith("TRIP-") and len(_listed(db_url)) == 2
