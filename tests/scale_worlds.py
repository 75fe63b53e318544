"""Generated ten-year data, small, for the tests that compare N with 2N (statement counts)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bench import scale_data
from models.database import open_database


def generated(folder: Path, scale: float) -> sessionmaker[Session]:
    """Sessions on a SQLite file in ``folder`` filled by ``bench.scale_data`` at ``scale``
    (seed 1: the same world every run)."""
    url = f"sqlite:///{folder / f'scale-{scale}.db'}"
    scale_data.generate(url, scale, seed=1)
    return open_database(url)[1]
