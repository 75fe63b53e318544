"""PySide6's command-line tools (lupdate, lrelease) of the interpreter running the tests.

They are installed beside the interpreter (a venv's ``bin`` or ``Scripts`` folder), which is
not on PATH unless the venv is activated; the README's test command does not activate it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def pyside6_tool(name: str) -> str:
    """The path of a PySide6 tool such as ``pyside6-lrelease``; fails the test if it is missing."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    raise AssertionError(f"{name} is not installed beside {sys.executable} (it comes with PySide6)")
