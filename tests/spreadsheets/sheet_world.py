"""A small directory for the spreadsheet tests: the factory world plus more industries, a
town, and a trip (for leads' sources)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.campaign import Industry, Unit
from models.enums import UnitKind
from models.leads import Lead
from models.organisations import Organisation
from models.people import Person
from tests.factories import World, make_trip, make_world

INDUSTRIES = [("SMT", "智能移动终端", "Smart mobile terminals"),
              ("SEMI", "半导体及集成电路", "Semiconductors & ICs"),
              ("STORAGE", "新型储能", "Energy storage"),
              ("FOOD", "预制菜", "Prepared meals")]


@dataclass(frozen=True)
class SheetWorld:
    world: World
    trip_code: str
    changan_id: int  # a town: 长安镇


def build_sheet_world(session: Session) -> SheetWorld:
    world = make_world(session)
    session.add_all(Industry(code=code, name_zh=zh, name_en=en, position=i + 2)
                    for i, (code, zh, en) in enumerate(INDUSTRIES))
    changan = Unit(name_zh="长安镇", name_en="Chang'an Town", kind=UnitKind.TOWN_STREET)
    session.add(changan)
    session.flush()
    trip = make_trip(session, world)
    return SheetWorld(world, trip.code, changan.id)


def count(sessions: sessionmaker[Session], model: type[Organisation] | type[Person] | type[Lead]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)
