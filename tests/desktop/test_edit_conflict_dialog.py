"""The save-conflict dialog: both versions field by field, and the user's choice."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.editors.edit_conflict_dialog import ConflictDialog, Resolution, differing_fields, format_value
from models.enums import TripStatus
from models.language import Lang

THEIRS = {"title_zh": "欧洲新能源汽车推介", "start_date": date(2023, 3, 23),
          "status": TripStatus.PLANNED, "city_ids": [3, 4], "notes": "他人的备注"}
MINE = {"title_zh": "欧洲新能源汽车及储能推介", "start_date": date(2023, 3, 23),
        "status": TripStatus.DRAFT, "city_ids": [3], "notes": "他人的备注"}


def _dialog(qtbot: QtBot, lang: Lang = Lang.ZH) -> ConflictDialog:
    dialog = ConflictDialog(MINE, THEIRS, what="推广活动 TRIP-2023-007", changed_by="王五@市投促局",
                            changed_at=datetime(2023, 3, 1, 2, 30, tzinfo=UTC),
                            labels={"city_ids": "城市"}, lang=lang)
    qtbot.addWidget(dialog)
    return dialog


def test_both_versions_are_shown_field_by_field(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    assert differing_fields(MINE, THEIRS) == ["title_zh", "status", "city_ids"]
    assert dialog.rows() == [
        ("名称", "欧洲新能源汽车推介", "欧洲新能源汽车及储能推介", True),
        ("状态", TripStatus.PLANNED.zh, TripStatus.DRAFT.zh, True),
        ("城市", "3、4", "3", True),
    ]
    cell = dialog.table.item(0, 1)
    assert dialog.table.rowCount() == 3 and cell is not None and cell.text() == "欧洲新能源汽车推介"
    assert "王五@市投促局" in dialog.intro.text() and "TRIP-2023-007" in dialog.windowTitle()
    dialog.only_differences.setChecked(False)
    assert dialog.table.rowCount() == 5
    assert ("开始日期", "2023-03-23", "2023-03-23", False) in dialog.rows()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "conflict_dialog.png"))


@pytest.mark.parametrize("button, resolution", [
    ("reload_button", Resolution.RELOAD),
    ("overwrite_button", Resolution.OVERWRITE),
    ("copy_button", Resolution.KEEP_THEIRS_AS_COPY),
    ("cancel_button", Resolution.CANCEL),
])
def test_each_button_gives_its_resolution(qtbot: QtBot, button: str, resolution: Resolution) -> None:
    dialog = _dialog(qtbot, lang=Lang.EN)
    dialog.show()
    getattr(dialog, button).click()
    assert dialog.resolution is resolution
    assert dialog.result() == (0 if resolution is Resolution.CANCEL else 1)


def test_values_read_like_text() -> None:
    assert format_value(None) == "—" and format_value([]) == "—"
    assert format_value(TripStatus.DRAFT, Lang.EN) == TripStatus.DRAFT.en
    assert format_value(datetime(2023, 3, 24, 9, 30)) == "2023-03-24 09:30"
    assert format_value(True) == "是" and format_value(["博世", "大众"]) == "博世、大众"
