"""OpChanges: merging, asking which kinds changed, and the language enum's choices."""

from __future__ import annotations

from models.changes import OpChanges, OpResult, RecordKind, merge
from models.language import Lang


def test_changes_merge_ids_per_kind() -> None:
    a = OpChanges.of(RecordKind.TRIP, 1) | OpChanges.of(RecordKind.ITEM, 5, 6)
    b = merge([a, OpChanges.of(RecordKind.TRIP, 2)])
    assert b.ids_of(RecordKind.TRIP) == {1, 2}
    assert b.ids_of(RecordKind.ITEM) == {5, 6}
    assert b.kinds == {RecordKind.TRIP, RecordKind.ITEM}
    assert b.touches(RecordKind.ITEM)
    assert not b.touches(RecordKind.EVENT)
    assert not b.empty


def test_everything_touches_every_kind() -> None:
    changes = OpChanges.all() | OpChanges.of(RecordKind.UNIT, 3)
    assert changes.everything
    assert changes.touches(RecordKind.LEAD)
    assert changes.kinds == frozenset(RecordKind)


def test_nothing_changed_is_empty_and_none_ids_are_dropped() -> None:
    assert OpChanges().empty
    assert OpChanges.of(RecordKind.TRIP, None).ids_of(RecordKind.TRIP) == frozenset()
    assert not OpChanges.of(RecordKind.TRIP, None).empty  # some trip, unknown which


def test_result_carries_value_and_changes() -> None:
    result = OpResult("TRIP-2023-001", OpChanges.of(RecordKind.TRIP, 7))
    assert result.value == "TRIP-2023-001"
    assert result.changes.ids_of(RecordKind.TRIP) == {7}


def test_lang_picks_chinese_english_or_both() -> None:
    assert Lang.ZH.pick("德国", "Germany") == "德国"
    assert Lang.EN.pick("德国", "Germany") == "Germany"
    assert Lang.EN.pick("松山湖", "") == "松山湖"
    assert Lang.BOTH.pick("德国", "Germany") == "德国 (Germany)"
    assert Lang.BOTH.pick("德国", "") == "德国"
    assert Lang("en") is Lang.EN
