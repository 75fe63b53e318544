"""The window starts without the briefs: ReportLab and openpyxl load on the first brief or
workbook, not at start (a fresh interpreter, as the program starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
import desktop.app, desktop.main_window
print(json.dumps(sorted(m for m in sys.modules if "." not in m)))
"""


def test_the_window_modules_load_no_briefs_nor_workbooks() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True, timeout=120)
    modules = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "PySide6" in modules
    assert not modules & {"briefs", "reportlab", "openpyxl"}
