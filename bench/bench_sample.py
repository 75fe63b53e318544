"""How long loading the sample 2023 campaign takes (SQLite file; PostgreSQL with --db URL).

    python bench/bench_sample.py [--db postgresql://...] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from models.database import open_database
from models.sample import load_sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="an empty PostgreSQL database URL (tables are dropped!)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            url = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
            engine, sessions = open_database(url)
            started = time.perf_counter()
            with sessions.begin() as session:
                counts = load_sample(session)
            times.append(time.perf_counter() - started)
            if args.db:
                with engine.begin() as conn:
                    conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            engine.dispose()
        print(f"run {run + 1}: {times[-1]:.2f} s  ({', '.join(f'{k} {v}' for k, v in counts.items())})")
    print(f"sample load: median {statistics.median(times):.2f} s over {len(times)} runs")


if __name__ == "__main__":
    main()
