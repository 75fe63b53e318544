"""The 10-day brief benchmark builds its trip from the sample and prints its figures (no
timings are asserted: those go to bench/RESULTS.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import brief_speed
from briefs import collect_trip
from models.database import open_database


def test_the_trip_is_stretched_to_ten_days(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ten.db'}"
    items = brief_speed.make_ten_days(url)
    engine, sessions = open_database(url)
    try:
        with sessions() as s:
            trip = collect_trip(s, brief_speed.TRIP).trip
    finally:
        engine.dispose()
    assert (trip.end_date - trip.start_date).days + 1 == 10
    assert len(trip.items) == items
    # the return flight moved with the end, nothing falls outside the trip
    assert all(trip.start_date <= i.local_start.date() <= trip.end_date for i in trip.items)
    assert max(i.local_start.date() for i in trip.items) == trip.end_date


def test_the_benchmark_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert brief_speed.main(["--repeat", "1"]) == 0
    line = capsys.readouterr().out
    assert f"{brief_speed.TRIP}: 10 days" in line and "median CPU" in line
