"""Names in a sheet resolved to records already in the database: industries, responsible units,
organisations, trips and events. Loaded once per import, so a 20,000-row sheet costs a handful
of queries, not one per row."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.campaign import Industry, Unit
from models.events import ThemedEvent
from models.organisations import Organisation
from models.trips import Trip
from spreadsheets.values import CellError, text

MIN_PART = 2  # "储能" finds "新型储能"; a single character finds nothing


def name_key(name: str) -> str:
    """How names are compared: NFKC (full-width Latin and brackets), case-folded, no spaces.
    Only for comparing: the names themselves are stored as written."""
    normal = unicodedata.normalize("NFKC", name).casefold()
    return "".join(c for c in normal if not c.isspace())


@dataclass(frozen=True)
class Named:
    id: int
    name_zh: str
    name_en: str = ""
    code: str = ""


class NameIndex:
    """Records of one kind found by Chinese name, English name or code (all exact after
    :func:`name_key`), and, if ``parts`` is set, by a unique part of the Chinese name."""

    def __init__(self, records: list[Named], what_zh: str, what_en: str, *, parts: bool = False,
                 listed: bool = True) -> None:
        self.records = records
        self.what_zh = what_zh
        self.what_en = what_en
        self.parts = parts
        self.listed = listed  # name the choices in "unknown" messages (when there are few)
        self._by_key: dict[str, list[Named]] = defaultdict(list)
        for record in records:
            keys = {name_key(record.name_zh), name_key(record.name_en), name_key(record.code)}
            for key in keys - {""}:
                self._by_key[key].append(record)

    def find(self, cell: str) -> Named:
        wanted = text(cell)
        key = name_key(wanted)
        found = self._by_key.get(key, [])
        if not found and self.parts and len(key) >= MIN_PART:
            found = [r for r in self.records if key in name_key(r.name_zh)]
        if len(found) == 1:
            return found[0]
        if found:
            names = "、".join(r.name_zh for r in found[:5])
            raise CellError(f"“{wanted}”可以指多个{self.what_zh}：{names}，请写全称",
                            f"'{wanted}' could be more than one {self.what_en}: {names}; "
                            "write the full name")
        raise CellError(*self.unknown(wanted))

    def unknown(self, wanted: str) -> tuple[str, str]:
        if self.listed and 0 < len(self.records) <= 12:
            listed = "、".join(r.name_zh for r in self.records)
            listed_en = ", ".join(r.code or r.name_en or r.name_zh for r in self.records)
            return (f"没有名为“{wanted}”的{self.what_zh}（可选：{listed}）",
                    f"No {self.what_en} '{wanted}' (one of: {listed_en})")
        return (f"名录中没有名为“{wanted}”的{self.what_zh}",
                f"No {self.what_en} named '{wanted}' in the directory")


class Directory:
    """The reference records an import refers to, by name."""

    def __init__(self, session: Session) -> None:
        self.industries = NameIndex(
            [Named(i, zh, en, code) for i, zh, en, code in session.execute(
                select(Industry.id, Industry.name_zh, Industry.name_en, Industry.code)
                .order_by(Industry.position, Industry.id))],
            "产业", "industry", parts=True)
        self.units = NameIndex(
            [Named(i, zh, en) for i, zh, en in session.execute(
                select(Unit.id, Unit.name_zh, Unit.name_en).order_by(Unit.id))],
            "责任单位", "responsible unit")
        self.organisations = NameIndex(
            [Named(i, zh, en) for i, zh, en in session.execute(
                select(Organisation.id, Organisation.name_zh, Organisation.name_en)
                .order_by(Organisation.id))],
            "机构", "organisation", listed=False)
        self.trips = {name_key(code): i for i, code in session.execute(select(Trip.id, Trip.code))}
        self.events = {name_key(code): i
                       for i, code in session.execute(select(ThemedEvent.id, ThemedEvent.code))}

    def unit_or_organisation(self, cell: str) -> tuple[str, int]:
        """("unit_id", id) for a responsible unit, else ("organisation_id", id) for an
        organisation of the directory."""
        try:
            return "unit_id", self.units.find(cell).id
        except CellError as unit_error:
            try:
                return "organisation_id", self.organisations.find(cell).id
            except CellError:
                wanted = text(cell)
                raise CellError(
                    f"“{wanted}”既不是责任单位，也不是名录中的机构（请先导入机构）",
                    f"'{wanted}' is neither a responsible unit nor an organisation of the "
                    "directory (import the organisations first)",
                ) from unit_error

    def source(self, cell: str) -> tuple[str, int]:
        """("source_trip_id", id) or ("source_event_id", id) for a trip or event code."""
        key = name_key(cell)
        if key in self.trips:
            return "source_trip_id", self.trips[key]
        if key in self.events:
            return "source_event_id", self.events[key]
        wanted = text(cell)
        raise CellError(f"没有编号为“{wanted}”的推广活动或专题活动（例如 TRIP-2023-007、EVT-2023-012）",
                        f"No trip or event with the code '{wanted}' (e.g. TRIP-2023-007, EVT-2023-012)")
