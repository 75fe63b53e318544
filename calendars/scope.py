"""What a calendar export covers: the selection and the filters, as one plain value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ExportScope:
    """The entries a calendar export holds.

    Selections (their union is exported; with none of them, the whole campaign):
      ``all_`` the whole campaign; ``trip_codes`` trips with their itineraries; ``event_codes``
      themed events with their agenda sessions; ``person_id`` one person's own schedule (the
      trips they are in, the itinerary items they attend, the events they lead or speak at,
      the sessions they speak at, and the HQ visits of the teams they lead or belong to);
      ``team_id`` the planned and done HQ visits of one team of 百队千企.
    Filters (each narrows the selection):
      ``region`` (code or name), ``industry_id``, ``unit_id`` (the host unit), ``statuses``
      (status values such as ``"approved"``), ``start``/``end`` (dates, inclusive; an entry is
      kept when it overlaps them).
    """

    all_: bool = False
    trip_codes: tuple[str, ...] = ()
    event_codes: tuple[str, ...] = ()
    person_id: int | None = None
    team_id: int | None = None
    region: str | None = None
    industry_id: int | None = None
    unit_id: int | None = None
    statuses: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None

    @property
    def selects_everything(self) -> bool:
        return self.all_ or not (self.trip_codes or self.event_codes or self.person_id is not None
                                 or self.team_id is not None)
