"""The runner's output: the table, the machine's description, ``bench/RESULTS.md``."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from sqlalchemy.engine import make_url

from bench.measure import Figure

PACKAGES = ["SQLAlchemy", "alembic", "psycopg", "PySide6-Essentials", "icalendar", "reportlab",
            "openpyxl", "holidays"]


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def _memory(mib: float | None) -> str:
    return f"{mib:.0f} MiB" if mib is not None else ""


def table(figures: Sequence[Figure]) -> str:
    """One Markdown table: median, floor, ratio, runs, peak memory."""
    lines = ["| group | what | median | floor | floor median | ratio | runs | peak RSS (floor) "
             "| note |", "|---|---|---:|---|---:|---:|---:|---:|---|"]
    for f in figures:
        ratio = f"{f.ratio:.1f}×" if f.ratio else ""
        peak = _memory(f.peak_mib)
        if f.floor_peak_mib is not None:
            peak += f" ({_memory(f.floor_peak_mib)})"
        lines.append(f"| {f.group} | {f.what} | {_duration(f.median)} | {f.floor} | "
                     f"{_duration(f.floor_median)} | {ratio} | {len(f.times)} | {peak} | "
                     f"{f.note} |")
    return "\n".join(lines)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram() -> str:
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        return f"{pages / 2**30:.1f} GiB"
    except (ValueError, OSError, AttributeError):
        return "unknown"


def _load() -> str:
    try:
        one, five, fifteen = os.getloadavg()
        return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"
    except OSError:
        return "unknown"


def machine(db_url: str) -> list[str]:
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    url = make_url(db_url)
    backend = url.get_backend_name()
    if backend == "sqlite":
        backend += f" {sqlite3.sqlite_version} (file)"
    return [
        f"- CPU: {_cpu()}, {os.cpu_count()} logical cores; RAM {_ram()}; "
        f"load average at the end {_load()}",
        f"- OS: {platform.platform()}",
        f"- Python {sys.version.split()[0]} ({platform.python_implementation()})",
        f"- Packages: {', '.join(versions)}",
        f"- Scale database: {backend}, {url.render_as_string(hide_password=True)}",
    ]


def document(table_text: str, db_url: str, repeat: int, quick: bool, seconds: float,
             profiles: Sequence[tuple[str, str]]) -> str:
    parts = [
        "# Benchmark results (issue 13)",
        "",
        f"Written by `python -m bench.run` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC in "
        f"{seconds / 60:.1f} min{' (--quick)' if quick else ''}. Every figure is the median of "
        f"{repeat} run(s) unless the note says otherwise, paired with the median of its floor; "
        "whole-process figures run from `subprocess.Popen` to the exit (or to the READY line "
        "of the window), peak RSS from `os.wait4` (the child's own `ru_maxrss`).",
        "",
        "## Machine",
        "",
        *machine(db_url),
        "",
        "## Figures",
        "",
        table_text,
        "",
    ]
    for what, text in profiles:
        parts += [f"## Where the time goes: {what}", "", "```", text, "```", ""]
    return "\n".join(parts)
