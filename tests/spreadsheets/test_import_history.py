"""A large import's history on the command line, on SQLite and PostgreSQL: ``history
--verify`` passes after it, and an imported organisation's history shows who created it and
its fields, as for one created in the window."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from cli.app import run
from cli.context import Context
from models.audit.table import AuditEntry
from models.operations import bulk
from models.operations.directory import organisation_draft, update_organisation
from models.organisations import Organisation
from tests.spreadsheets.sheet_world import build_sheet_world
from tests.spreadsheets.sheets import write_csv

pytestmark = pytest.mark.backends("sqlite", "postgresql")

ROWS = 250


def cli(db_url: str, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", db_url, *argv], ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def test_history_verifies_after_a_large_import_and_shows_each_new_record(
        sessions: sessionmaker[Session], db_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "BATCH", 100)  # three batches: the chain runs on across them
    with sessions.begin() as s:
        build_sheet_world(s)
    path = write_csv(tmp_path / "orgs.csv", [
        ["机构名称", "英文名称", "产业", "总部国家", "总部城市"],
        *([f"储能企业{i:04d}", f"Storage {i}", "新型储能", "德国", "斯图加特"]
          for i in range(ROWS))])
    code, out, err = cli(db_url, "import-sheet", "organisations", str(path))
    assert (code, err) == (0, "") and f"新建 {ROWS}" in out
    code, out, err = cli(db_url, "history", "--verify")
    with sessions() as s:
        rows = s.scalar(select(func.count()).select_from(AuditEntry))
        created = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "create", AuditEntry.record_label.like("储能企业%")))
    assert (code, err) == (0, "") and f"{rows} 条" in out
    assert created == ROWS
    code, out, err = cli(db_url, "--lang", "en", "history", "--organisation", "储能企业0123")
    assert (code, err) == (0, "")
    assert out.startswith("储能企业0123: 1 change(s)")
    for shown in ("Storage 123", "新型储能", "DE", "斯图加特"):
        assert shown in out


def test_history_after_an_import_that_updates_shows_what_a_window_edit_shows(
        sessions: sessionmaker[Session], db_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet that edits existing organisations (three batches of Core UPDATEs): each gets
    one ``update`` history row with the changed fields old -> new, who and the new revision,
    the same as the same edit saved in the window (``update_organisation``); ``history
    --verify`` passes and ``history --organisation`` shows the change."""
    monkeypatch.setattr(bulk, "BATCH", 100)
    with sessions.begin() as s:
        build_sheet_world(s)
    header = ["机构名称", "英文名称", "产业", "总部国家", "总部城市"]
    first = write_csv(tmp_path / "first.csv", [
        header, *([f"储能企业{i:04d}", f"Storage {i}", "新型储能", "德国", "斯图加特"]
                  for i in range(ROWS))])
    again = write_csv(tmp_path / "again.csv", [
        header, *([f"储能企业{i:04d}", f"Storage {i} GmbH", "新型储能", "德国", "慕尼黑"]
                  for i in range(1, ROWS))])
    assert cli(db_url, "import-sheet", "organisations", str(first))[0] == 0
    with sessions.begin() as s:  # the same edit of the first organisation, in the window's way
        org_id = s.scalars(select(Organisation.id).where(Organisation.name_zh == "储能企业0000")
                           ).one()
        update_organisation(s, org_id, replace(organisation_draft(s, org_id),
                                               name_en="Storage 0 GmbH", hq_city="慕尼黑"))
    code, out, err = cli(db_url, "import-sheet", "organisations", str(again))
    assert (code, err) == (0, "") and f"更新 {ROWS - 1}" in out
    with sessions() as s:
        edits = {e.record_label: e for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "update", AuditEntry.record_type == "organisations"))}
        assert len(edits) == ROWS
        one, many = edits["储能企业0000"], edits["储能企业0123"]
        assert (many.revision, many.actor) == (one.revision, one.actor) == (2, one.actor)
        assert one.changes == {"name_en": ["Storage 0", "Storage 0 GmbH"],
                               "hq_city": ["斯图加特", "慕尼黑"]}
        assert many.changes == {"name_en": ["Storage 123", "Storage 123 GmbH"],
                                "hq_city": ["斯图加特", "慕尼黑"]}
        assert list(many.changes) == list(one.changes)
    code, out, err = cli(db_url, "history", "--verify")
    assert (code, err) == (0, "")
    code, out, err = cli(db_url, "--lang", "en", "history", "--organisation", "储能企业0123")
    assert (code, err) == (0, "")
    assert out.startswith("储能企业0123: 2 change(s)")
    assert "Storage 123 → Storage 123 GmbH" in out and "斯图加特 → 慕尼黑" in out
