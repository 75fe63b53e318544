"""Who is busy when: keeps people off two overlapping trips or events (with a day's margin)."""

from __future__ import annotations

from datetime import date, timedelta


class Busy:
    def __init__(self) -> None:
        self.spans: dict[str, list[tuple[date, date]]] = {}

    def free(self, person: str, start: date, end: date) -> bool:
        lo, hi = start - timedelta(days=2), end + timedelta(days=2)
        return all(hi < s or e < lo for s, e in self.spans.get(person, []))

    def book(self, person: str, start: date, end: date) -> None:
        self.spans.setdefault(person, []).append((start, end))
