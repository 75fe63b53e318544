"""Reference data the editors and the search box pick from (regions, cities, units, industries,
people, organisations): ids and names only, read in bulk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import queries
from models.enums import PersonKind
from models.language import Lang
from models.organisations import Organisation
from models.people import Person
from models.rows import CityRow, ItemRow, Ref, RegionRow, UnitRow, pick


@dataclass(frozen=True)
class PersonRef:
    """A person as pickers show them: names, position, kind."""

    id: int
    name_zh: str
    name_en: str
    title_zh: str
    title_en: str
    kind: PersonKind

    def name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.name_zh, self.name_en, lang)

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)


@dataclass(frozen=True)
class Lookups:
    regions: tuple[RegionRow, ...]
    cities: tuple[CityRow, ...]
    units: tuple[UnitRow, ...]
    industries: tuple[Ref, ...]
    people: tuple[PersonRef, ...]
    organisations: tuple[Ref, ...]
    # what a caller makes once from these lookups and keeps with them (the window's pickers'
    # labels: ``desktop.lookups``), keyed by text: filled from any thread with ``setdefault``
    made: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _cities(self) -> dict[int, CityRow]:
        return {c.id: c for c in self.cities}

    @cached_property
    def _people(self) -> dict[int, PersonRef]:
        return {p.id: p for p in self.people}

    @cached_property
    def _organisations(self) -> dict[int, Ref]:
        return {o.id: o for o in self.organisations}

    def city(self, city_id: int | None) -> CityRow | None:
        return self._cities.get(city_id) if city_id is not None else None

    def person(self, person_id: int | None) -> PersonRef | None:
        return self._people.get(person_id) if person_id is not None else None

    def organisation(self, org_id: int | None) -> Ref | None:
        return self._organisations.get(org_id) if org_id is not None else None


NO_LOOKUPS = Lookups((), (), (), (), (), ())


def lookups_of_items(items: Iterable[ItemRow]) -> Lookups:
    """The names an itinerary shows (its items' cities, organisations and attendees), taken
    from the items themselves: a trip's page needs no list of 20,000 organisations."""
    cities: dict[int, CityRow] = {}
    organisations: dict[int, Ref] = {}
    people: dict[int, PersonRef] = {}
    for item in items:
        if item.city is not None:
            cities[item.city.id] = item.city
        if item.organisation is not None:
            organisations[item.organisation.id] = item.organisation
        for p in item.attendees:
            people[p.id] = PersonRef(p.id, p.name_zh, p.name_en, p.title_zh, p.title_en, p.kind)
    return Lookups((), tuple(cities.values()), (), (), tuple(people.values()),
                   tuple(organisations.values()))


def organisation_refs(session: Session) -> list[Ref]:
    """Every organisation's id and names only (a picker over 20,000 needs no more)."""
    stmt = select(Organisation.id, Organisation.name_zh, Organisation.name_en).order_by(
        Organisation.name_zh)
    return [Ref(i, zh, en) for i, zh, en in session.execute(stmt)]


def person_refs(session: Session) -> list[PersonRef]:
    """Every person's names, position and kind, by kind then id."""
    stmt = select(Person.id, Person.name_zh, Person.name_en, Person.title_zh, Person.title_en,
                  Person.kind).order_by(Person.kind, Person.id)
    return [PersonRef(*row) for row in session.execute(stmt)]


def load_lookups(session: Session) -> Lookups:
    return Lookups(
        regions=tuple(queries.regions(session)),
        cities=tuple(queries.cities(session)),
        units=tuple(queries.units(session)),
        industries=tuple(queries.industries(session)),
        people=tuple(person_refs(session)),
        organisations=tuple(organisation_refs(session)),
    )
