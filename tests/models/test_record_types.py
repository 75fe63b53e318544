"""Record types: the audit history's kinds of record, their labels and their operation kinds."""

from __future__ import annotations

from models.base import Base, Editable
from models.changes import RecordKind
from models.language import Lang
from models.record_types import RecordType, kind_label, record_type_of


def test_every_editable_table_is_a_record_type_and_nothing_else() -> None:
    editable = {mapper.persist_selectable.name for mapper in Base.registry.mappers
                if issubclass(mapper.class_, Editable)}
    assert editable == {str(t) for t in RecordType}


def test_labels_in_both_languages() -> None:
    assert RecordType.TRIPS.label() == "推广活动"
    assert RecordType.TRIPS.label(Lang.EN) == "trip"
    assert RecordType.HQ_VISITS.labels == ("总部拜访", "HQ visit")
    assert kind_label("themed_events") == "专题活动"
    assert kind_label("trip_members") == "trip_members"


def test_record_types_and_operation_kinds_map_both_ways() -> None:
    for record_type in RecordType:
        assert record_type_of(record_type.kind) is record_type
    assert RecordType.ITINERARY_ITEMS.kind is RecordKind.ITEM
    assert record_type_of(RecordKind.UNIT) is None


def test_parse_accepts_table_names_only() -> None:
    assert RecordType.parse("leads") is RecordType.LEADS
    assert RecordType.parse("invoices") is None
