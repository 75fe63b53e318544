"""The history dialog: one record's changes, newest first, field by field."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.history.dialog import open_history
from models.audit.actor import set_actor
from models.enums import TripStatus
from models.language import Lang
from models.operations.items import add_item
from models.operations.trips import trip_draft, update_trip
from models.record_types import RecordType
from tests.factories import item_draft, make_trip, make_world


def test_the_history_of_a_trip_lists_its_changes_and_items(
    qtbot: QtBot, sessions: sessionmaker[Session], tmp_path: Path,
) -> None:
    set_actor("李晓敏@松山湖")
    try:
        with sessions.begin() as s:
            w = make_world(s)
            trip = make_trip(s, w)
        with sessions.begin() as s:
            update_trip(s, trip.code, replace(trip_draft(s, trip.code), status=TripStatus.PLANNED))
            add_item(s, trip.code, item_draft(w))
    finally:
        set_actor(None)
    dialog = open_history(None, sessions, RecordType.TRIPS, trip.id, lang=Lang.ZH)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    lines = dialog.entry_texts()
    assert len(lines) == 3 and all("李晓敏@松山湖" in line for line in lines)
    assert "新建 行程事项 拜访博世" in lines[0] and "修改 推广活动 TRIP-2023-001" in lines[1]
    changed = dialog.tree.topLevelItem(1)
    assert changed is not None and changed.childCount() == 1
    child = changed.child(0)
    assert child is not None
    assert (child.text(3), child.text(4), child.text(5)) == ("状态", TripStatus.DRAFT.zh,
                                                            TripStatus.PLANNED.zh)
    assert "TRIP-2023-001" in dialog.windowTitle()
    dialog.grab().save(str(tmp_path / "history_dialog.png"))
