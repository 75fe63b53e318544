"""Timing helpers of the runner: whole processes (time and peak memory) and the figures."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def times(run: Callable[[], object], repeat: int) -> list[float]:
    """The seconds each of ``repeat`` calls of ``run`` took, in process."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return out


def print_timed(label: str, run: Callable[[], object], repeat: int, width: int = 52) -> None:
    """Time ``run`` and print the median, least and most, in milliseconds."""
    ms = [t * 1000 for t in times(run, repeat)]
    print(f"  {label:<{width}} median {statistics.median(ms):7.1f} ms   "
          f"(min {min(ms):.1f}, max {max(ms):.1f})")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float  # the process's peak resident memory (its whole life)


@dataclass
class Figure:
    """One row of the table: a median of several runs and the median of its floor."""

    group: str
    what: str
    times: list[float]
    floor: str = ""
    floor_times: list[float] = field(default_factory=list)
    peak_mib: float | None = None
    floor_peak_mib: float | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor_times) if self.floor_times else None

    @property
    def ratio(self) -> float | None:
        floor = self.floor_median
        return self.median / floor if floor else None


def python() -> str:
    return sys.executable


PACKAGES = ("models", "desktop", "cli", "planning", "briefs", "calendars", "spreadsheets",
            "bench")


def compile_sources() -> None:
    """Write the program's bytecode beside its sources, as an installed program has it. With
    PYTHONDONTWRITEBYTECODE set (as on the development machines) every measured process
    compiled some 300 modules again: 0.1–0.4 s more a start than a user's."""
    import compileall

    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=2, legacy=False)
    compileall.compile_file(ROOT / "main.py", quiet=2)


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.setdefault("PYTHONIOENCODING", "utf-8")
    env.update(extra or {})
    return env


def whole_process(argv: Sequence[str], env: Mapping[str, str], ready: str | None = None,
                  check: bool = True, ok: Sequence[int] = (0,)) -> Run:
    """Run ``argv`` once from ``ROOT``: the seconds until it ends (or prints the ``ready``
    line) and its peak RSS (``wait4``: the child's own ``ru_maxrss``, in KiB on Linux).
    ``ok``: the exit codes of a run that worked (``check`` exits 3 or 5 when it finds some)."""
    started = time.perf_counter()
    proc = subprocess.Popen(list(argv), cwd=ROOT, env=dict(env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    seconds: float | None = None
    assert proc.stdout is not None and proc.stderr is not None
    if ready is not None:
        for line in proc.stdout:
            if line.strip() == ready:
                seconds = time.perf_counter() - started
                break
    with proc.stdout, proc.stderr:
        out = proc.stdout.read()
        err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    if seconds is None:
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and (proc.returncode not in ok or (ready is not None and seconds is None)):
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}):\n{out[-2000:]}\n"
                           f"{err[-2000:]}")
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return Run(seconds, peak)


def repeat_process(argv: Sequence[str], env: Mapping[str, str], repeat: int,
                   ready: str | None = None, ok: Sequence[int] = (0,)) -> list[Run]:
    return [whole_process(argv, env, ready, ok=ok) for _ in range(repeat)]


def alternated(commands: Sequence[tuple[Sequence[str], str | None]], env: Mapping[str, str],
               repeat: int, ok: Sequence[int] = (0,)) -> list[list[Run]]:
    """Each of ``commands`` (argv, the ``ready`` line or None) once in turn, ``repeat`` rounds:
    a figure and its floor see the same minutes of a host whose speed moves (run one after the
    other, a slow minute lands on one side). The runs of each command, in the given order."""
    runs: list[list[Run]] = [[] for _ in commands]
    for _ in range(repeat):
        for found, (argv, ready) in zip(runs, commands, strict=True):
            found.append(whole_process(argv, env, ready, ok=ok))
    return runs


def python_imports(modules: str) -> list[str]:
    """The floor of a command: Python importing what the command needs, nothing else."""
    return [python(), "-c", f"import {modules}"]
