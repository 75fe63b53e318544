"""The holiday tables kept on disk: the package's own answers, read back by a later run
without importing ``holidays`` (250 countries, 12 MiB), and never a failure of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from models.checks import holiday_tables
from models.checks.holiday_tables import CACHE_ENV, cache_file, holiday_table, supported_languages

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_tables_are_the_packages(folder: Path) -> None:
    import holidays

    for country, year, language in (("JP", 2023, "en_US"), ("HK", 2024, "zh_HK"),
                                    ("DE", 2023, None), ("CN", 2023, "zh_CN")):
        package = holidays.country_holidays(country, years=year, language=language)
        assert holiday_table(country, year, language) == {
            day: str(name) for day, name in package.items()}, country
    assert holiday_table("XX", 2023, None) == {}  # a country the package does not know
    assert supported_languages("XX") is None
    assert supported_languages("JP") == sorted(holidays.country_holidays("JP").supported_languages)
    kept = json.loads(cache_file().read_text(encoding="utf-8"))
    assert cache_file().parent == folder and "holidays-" in cache_file().name
    assert kept["tables"]["JP|2023|en_US"]["2023-01-01"] == "New Year's Day"
    assert kept["tables"]["HK|2024|zh_HK"]["2024-02-10"] == "農曆年初一"  # Chinese kept whole
    assert kept["languages"]["XX"] is None


def _run(code: str, folder: Path) -> str:
    env = {**os.environ, CACHE_ENV: str(folder)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def test_a_later_run_reads_them_without_the_package(folder: Path) -> None:
    ask = ("import sys; from datetime import date; "
           "from models.checks.calendars import public_holiday; "
           "from planning.dates import public_holidays; from models.language import Lang; "
           "h = public_holiday('JP', date(2023, 1, 9)); "
           "d = public_holidays(date(2023, 5, 1), date(2023, 5, 5), Lang.ZH, 'JP'); "
           "print(h.name_zh, h.name_en, '|', sorted(d.values()), '|', 'holidays' in sys.modules)")
    first = _run(ask, folder)
    assert first.endswith("| True")  # the first run asked the package and wrote the file
    second = _run(ask, folder)
    assert second.endswith("| False"), second  # the next one read the file only
    assert first.rsplit("|", 1)[0] == second.rsplit("|", 1)[0]
    assert second.startswith("Coming of Age Day Coming of Age Day | ")  # no Chinese for Japan
    assert "Constitution Day" in second


def test_a_damaged_or_unwritable_file_is_no_failure(folder: Path, monkeypatch: pytest.MonkeyPatch
                                                    ) -> None:
    path = cache_file()
    path.parent.mkdir(parents=True)
    path.write_text("{ not json", encoding="utf-8")
    assert holiday_table("FR", 2023, None)[date(2023, 7, 14)]
    assert json.loads(path.read_text(encoding="utf-8"))["tables"]["FR|2023|"]  # written anew
    blocked = folder.parent / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocked))
    holiday_tables._stores.clear()
    assert holiday_table("IT", 2023, None)[date(2023, 4, 25)]  # asked of the package
    assert not list(folder.parent.glob("*.tmp")) and not list(folder.glob(".*.tmp"))


def test_a_damaged_entry_in_a_valid_file_is_asked_again(folder: Path) -> None:
    """A hand-edited file or one of another layout: the entries that are not tables are
    asked of the package again and written anew."""
    path = cache_file()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"tables": {"FR|2023|": ["not", "a", "table"],
                                           "IT|2023|": {"25 April": "Liberazione"}},
                                "languages": {"FR": "fr", "IT": [1, 2]}}), encoding="utf-8")
    holiday_tables._stores.clear()
    assert holiday_table("FR", 2023, None)[date(2023, 7, 14)]
    assert holiday_table("IT", 2023, None)[date(2023, 4, 25)]
    assert "fr" in (supported_languages("FR") or []) and supported_languages("IT")
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["tables"]["IT|2023|"]["2023-04-25"] and isinstance(kept["languages"]["FR"], list)
    assert not list(folder.glob("*.tmp")) and not list(folder.glob(".*.tmp"))


def test_an_older_versions_file_is_removed_when_this_ones_is_written(folder: Path) -> None:
    folder.mkdir(parents=True)
    older = folder / "holidays-0.90.json"
    older.write_text('{"tables": {}, "languages": {}}', encoding="utf-8")
    os.utime(older, (1_700_000_000, 1_700_000_000))  # by an earlier run of the program
    holiday_tables._stores.clear()
    assert holiday_table("FR", 2023, None)[date(2023, 7, 14)]
    assert [p.name for p in folder.iterdir()] == [cache_file().name]


def test_the_file_is_named_after_the_installed_version() -> None:
    """Read from the ``.dist-info`` folder's name, it is the version the package's metadata
    gives."""
    from importlib.metadata import version

    from models.checks.holiday_tables import _version
    from models.user_cache import package_version

    assert _version() == version("holidays")
    for package in ("babel", "pyphen", "reportlab", "sqlalchemy"):  # the other kept files'
        assert package_version(package) == version(package)
