"""VTIMEZONE components for the IANA zones a calendar uses, exact per RFC 5545.

Each observance starts at the wall-clock time *before* the change (``TZOFFSETFROM``), as in
RFC 5545 section 3.6.5: Europe/Berlin switches to summer time at ``20230326T020000`` with
``TZOFFSETFROM:+0100``. icalendar 7.3's ``add_missing_timezones`` writes the spring-forward
onset one hour late (the new wall clock, ``T030000``) and puts a ``COMMENT`` inside the
VTIMEZONE that RFC 5545 does not allow there; this module builds the same components from
``zoneinfo`` without either fault, and caches them (a campaign uses few zones).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_STEP = timedelta(hours=6)  # no zone changes its offset twice within six hours


def is_utc(zone: str) -> bool:
    return zone in ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Z")


def _state(tz: ZoneInfo, instant: datetime) -> tuple[timedelta, str, bool]:
    local = instant.astimezone(tz)
    offset = local.utcoffset() or timedelta()
    return offset, local.tzname() or "", bool(local.dst())


def transitions(zone: str, first: date, last: date) -> list[tuple[datetime, datetime]]:
    """The instants (UTC) in ``[first, last)`` at which ``zone`` changes offset or name.

    Returned as ``(instant_before, instant_of_change)`` pairs one second apart.
    """
    tz = ZoneInfo(zone)
    start = datetime.combine(first, datetime.min.time(), tzinfo=UTC) - timedelta(days=1)
    end = datetime.combine(last, datetime.min.time(), tzinfo=UTC) + timedelta(days=1)
    found = []
    t = start
    state = _state(tz, t)
    while t < end:
        nxt = t + _STEP
        new_state = _state(tz, nxt)
        if new_state != state:
            lo, hi = t, nxt  # state(lo) is the old one, state(hi) the new one
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if _state(tz, mid) == state:
                    lo = mid
                else:
                    hi = mid
            found.append((lo, hi))
            state = new_state
        t = nxt
    return found


@lru_cache(maxsize=64)
def vtimezone_ical(zone: str, first: date, last: date) -> bytes:
    """The serialised VTIMEZONE of ``zone`` for ``first`` to ``last``, built once per zone and
    range: an export writes these bytes as they are."""
    tz = ZoneInfo(zone)
    component = Timezone()
    component.add("TZID", zone)
    opening = datetime.combine(first, datetime.min.time(), tzinfo=tz)
    offset, name, dst = _state(tz, opening.astimezone(UTC))
    observances = [(opening.replace(tzinfo=None), offset, offset, name, dst)]
    for before, change in transitions(zone, first, last):
        old_offset = _state(tz, before)[0]
        new_offset, new_name, new_dst = _state(tz, change)
        onset = (change + old_offset).replace(tzinfo=None)
        if onset.date() < first or onset.date() >= last:
            continue
        observances.append((onset, old_offset, new_offset, new_name, new_dst))
    for onset, offset_from, offset_to, name, dst in observances:
        sub = TimezoneDaylight() if dst else TimezoneStandard()
        sub.add("DTSTART", onset)
        sub.add("TZOFFSETFROM", offset_from)
        sub.add("TZOFFSETTO", offset_to)
        sub.add("TZNAME", name)
        component.add_component(sub)
    return component.to_ical()


def vtimezone(zone: str, first: date, last: date) -> Timezone:
    """The VTIMEZONE of ``zone`` valid for every local time from ``first`` to ``last``."""
    return Timezone.from_ical(vtimezone_ical(zone, first, last))  # type: ignore[return-value]
