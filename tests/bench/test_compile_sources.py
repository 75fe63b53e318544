"""The bench measures the program as installed, its bytecode written (PYTHONDONTWRITEBYTECODE
on the development machines would have every measured process compile it again)."""

from __future__ import annotations

from importlib.util import cache_from_source
from pathlib import Path

from bench.measure import PACKAGES, ROOT, compile_sources


def test_every_module_of_the_program_has_its_bytecode_after_compile_sources() -> None:
    compile_sources()
    sources = [ROOT / "main.py"] + [path for package in PACKAGES
                                    for path in (ROOT / package).rglob("*.py")]
    assert len(sources) > 250
    assert [str(p) for p in sources if not Path(cache_from_source(str(p))).exists()] == []
