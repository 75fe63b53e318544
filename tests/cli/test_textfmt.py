"""The plain-text tables line Chinese up with English: double-width characters count two
columns, long cells are clipped with an ellipsis within their column."""

from __future__ import annotations

from cli.textfmt import clip, table, width


def test_chinese_characters_count_two_columns() -> None:
    assert width("TRIP-2023-001") == 13
    assert width("赴香港招商") == 10 and width("港澳 HKMO") == 9 and width("") == 0


def test_a_long_cell_is_clipped_within_its_column() -> None:
    assert clip("赴香港开展“有空间、进莞来”招商推介活动", 10) == "赴香港开…"
    assert width(clip("赴香港开展“有空间、进莞来”招商推介活动", 10)) <= 10
    assert clip("Investment promotion in Hong Kong", 12) == "Investment …"
    assert clip("短", 10) == "短" and clip("exactly ten", 11) == "exactly ten"


def test_the_columns_line_up_whatever_the_script() -> None:
    text = table(["编号 code", "名称 title", "状态 status"],
                 [["TRIP-2023-001", "赴香港开展“有空间、进莞来”招商推介活动", "已完成"],
                  ["TRIP-2023-002", "Beijing", "approved"]], max_col=20)
    assert text.splitlines() == [
        "编号 code      名称 title            状态 status",
        "-------------  --------------------  -----------",
        "TRIP-2023-001  赴香港开展“有空间、…  已完成",
        "TRIP-2023-002  Beijing               approved",
    ]
