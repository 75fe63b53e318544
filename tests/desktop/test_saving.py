"""The shared save path: a lost connection and someone else's edit keep the user's input."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from desktop.context import AppContext
from desktop.editors import edit_conflict_dialog
from desktop.editors.edit_conflict_dialog import Resolution
from desktop.editors.trip import TripEditor
from models import queries
from models.operations.trips import trip_draft, update_trip
from tests.desktop.conftest import Small


def test_lost_connection_keeps_input_and_save_can_be_retried(ctx: AppContext, small: Small,
                                                             tmp_path: object,
                                                             qtbot: QtBot) -> None:
    editor = TripEditor(ctx, small.trip.id)
    qtbot.addWidget(editor)
    editor.title_zh.setText("断网时修改的标题")
    working = ctx.sessions
    unreachable = create_engine("sqlite:////nonexistent-folder/campaign.db")
    ctx.sessions = sessionmaker(unreachable)
    try:
        assert not editor.save()
    finally:
        ctx.sessions = working
        unreachable.dispose()
    assert editor.banner.isVisibleTo(editor)
    assert "The connection to the database was lost." in editor.banner.text()
    assert editor.title_zh.text() == "断网时修改的标题"
    assert ctx.undo_stack.count() == 0
    assert editor.save()  # the connection is back: Save again
    with ctx.sessions() as session:
        assert queries.trip_detail(session, small.trip.id).title_zh == "断网时修改的标题"


@pytest.fixture
def conflict_answer(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The save-conflict dialog answers with ``asked[0]["answer"]``; what it was shown is kept."""
    asked: list[dict[str, Any]] = [{"answer": Resolution.CANCEL}]

    def answer(_parent: object, mine: dict[str, Any], theirs: dict[str, Any],
               **kwargs: Any) -> Resolution:
        asked.append({"mine": mine, "theirs": theirs, **kwargs})
        return asked[0]["answer"]  # type: ignore[no-any-return]

    monkeypatch.setattr(edit_conflict_dialog, "resolve_conflict", answer)
    return asked


def colleague_saves_first(ctx: AppContext, code: str) -> None:
    with ctx.sessions.begin() as session:
        session.info["actor"] = "王同事"
        update_trip(session, code, replace(trip_draft(session, code), purpose="同事写的目的"))


def test_someone_elses_edit_is_not_overwritten(ctx: AppContext, small: Small,
                                               conflict_answer: list[dict[str, Any]],
                                               qtbot: QtBot) -> None:
    editor = TripEditor(ctx, small.trip.id)
    qtbot.addWidget(editor)
    colleague_saves_first(ctx, small.trip.code)
    editor.title_zh.setText("我的标题")
    assert not editor.save()  # the user chose "decide later"
    shown = conflict_answer[1]
    assert (shown["mine"]["title_zh"], shown["theirs"]["purpose"]) == ("我的标题", "同事写的目的")
    assert shown["changed_by"] == "王同事"
    assert "已被他人修改" in editor.banner.text()
    assert editor.title_zh.text() == "我的标题"
    with ctx.sessions() as session:
        trip = queries.trip_detail(session, small.trip.id)
    assert (trip.title_zh, trip.purpose) == ("欧洲新能源汽车推介", "同事写的目的")
    editor.discard_and_close()


def test_overwrite_saves_mine_over_the_newest_version(ctx: AppContext, small: Small,
                                                      conflict_answer: list[dict[str, Any]],
                                                      qtbot: QtBot) -> None:
    conflict_answer[0]["answer"] = Resolution.OVERWRITE
    editor = TripEditor(ctx, small.trip.id)
    qtbot.addWidget(editor)
    colleague_saves_first(ctx, small.trip.code)
    editor.title_zh.setText("我的标题")
    assert editor.save()
    with ctx.sessions() as session:
        trip = queries.trip_detail(session, small.trip.id)
    assert (trip.title_zh, trip.purpose) == ("我的标题", "拜访博世总部，推介松山湖。")  # all mine
    ctx.undo_stack.undo()  # back to their version, not to the one I had loaded
    with ctx.sessions() as session:
        assert queries.trip_detail(session, small.trip.id).purpose == "同事写的目的"


def test_reload_shows_their_version(ctx: AppContext, small: Small,
                                    conflict_answer: list[dict[str, Any]], qtbot: QtBot) -> None:
    conflict_answer[0]["answer"] = Resolution.RELOAD
    editor = TripEditor(ctx, small.trip.id)
    qtbot.addWidget(editor)
    colleague_saves_first(ctx, small.trip.code)
    editor.title_zh.setText("我的标题")
    assert not editor.save()
    assert editor.purpose.toPlainText() == "同事写的目的"
    assert editor.title_zh.text() == "欧洲新能源汽车推介" and not editor.is_dirty()


def test_keep_theirs_as_a_copy(ctx: AppContext, small: Small,
                               conflict_answer: list[dict[str, Any]], qtbot: QtBot) -> None:
    conflict_answer[0]["answer"] = Resolution.KEEP_THEIRS_AS_COPY
    editor = TripEditor(ctx, small.trip.id)
    qtbot.addWidget(editor)
    colleague_saves_first(ctx, small.trip.code)
    editor.title_zh.setText("我的标题")
    assert editor.save()
    with ctx.sessions() as session:
        trips = {t.title_zh: t for t in queries.trip_details(session)}
    assert trips["我的标题"].code == small.trip.code
    copy = trips["欧洲新能源汽车推介（副本）"]
    assert copy.purpose == "同事写的目的" and len(copy.items) == 1
