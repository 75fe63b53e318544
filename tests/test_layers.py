"""The import contract of pyproject.toml ``[tool.importlinter]``: ``desktop | cli`` -> feature
packages (``briefs``, ``calendars``, ``spreadsheets``, ``planning``, independent of each other) ->
``models``, and Qt only in ``desktop/`` and ``main.py``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"  # the venv need not be activated
PACKAGES = ("desktop", "cli", "briefs", "calendars", "spreadsheets", "planning", "models")


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=folder,
                          capture_output=True, text=True, encoding="utf-8", check=False)


def test_the_code_keeps_its_layers() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def _project(tmp_path: Path, imports: dict[str, str]) -> Path:
    """A tree of empty packages under the real contract, with ``imports`` as their only code."""
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    for name in PACKAGES:
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(imports.get(name, ""), encoding="utf-8")
    return tmp_path


def test_a_model_importing_a_feature_package_breaks_the_contract(tmp_path: Path) -> None:
    result = lint_imports(_project(tmp_path, {"models": "import briefs\n"}))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "models is not allowed to import briefs" in result.stdout


def test_feature_packages_are_independent(tmp_path: Path) -> None:
    result = lint_imports(_project(tmp_path, {"calendars": "import planning\n"}))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "calendars is not allowed to import planning" in result.stdout


def test_the_window_and_the_command_line_are_independent(tmp_path: Path) -> None:
    result = lint_imports(_project(tmp_path, {"desktop": "import cli\n"}))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "desktop is not allowed to import cli" in result.stdout


def test_qt_outside_the_window_breaks_the_contract(tmp_path: Path) -> None:
    result = lint_imports(_project(tmp_path, {"planning": "import PySide6\n"}))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "planning is not allowed to import PySide6" in result.stdout
