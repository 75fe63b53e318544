"""PySide6's feature hook answers from each module's file without keeping its source: after
``read_sources_lightly`` the imports leave no module's source in ``linecache`` (SQLAlchemy's
few generated two-line functions stay), with the hook's same answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, linecache, sys
light = sys.argv[1] == "light"
import PySide6.QtCore
if light:
    from desktop.pyside_imports import read_sources_lightly
    assert read_sources_lightly()
import sqlalchemy.orm
import desktop.elided_label
import models.wording
feature = sys.modules["PySide6.support.feature"]
lines = sum(len(entry[2]) for entry in linecache.cache.values() if len(entry) > 2)
print(json.dumps({"lines": lines,
                  "answers": dict(feature.pyside_feature_dict)}))
"""


def run(mode: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, mode], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True, timeout=120)
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_imports_after_pyside_keep_no_source_and_the_same_answers() -> None:
    as_shipped, light = run("as-shipped"), run("light")
    assert isinstance(as_shipped["lines"], int) and isinstance(light["lines"], int)
    assert as_shipped["lines"] > 50_000  # every imported module's source, as PySide6 keeps it
    assert light["lines"] < 1_000
    answers = light["answers"]
    assert isinstance(answers, dict)
    assert answers.pop("desktop.pyside_imports") == 0  # the one module only this run imports
    assert answers == as_shipped["answers"]  # every module the hook saw: the same default
    assert len(answers) > 100
    assert answers["desktop.formatting"] == 0 and answers["sqlalchemy.orm"] == -1
