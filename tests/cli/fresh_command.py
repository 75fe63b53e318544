"""A command line run by a fresh interpreter, as a user's is: what it printed and which mappers
SQLAlchemy configured on the way (``models.tables``: the read verbs configure none)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import io, json, sys
from cli.app import run
from cli.context import Context
from models.base import Base
out, err = io.StringIO(), io.StringIO()
code = run(sys.argv[2:], ctx=Context(db_url=sys.argv[1], out=out, err=err))
print(json.dumps({"code": code, "printed": len(out.getvalue()),
                  "configured": sorted(m.class_.__name__ for m in Base.registry.mappers
                                       if m.configured)}))
"""


@dataclass(frozen=True)
class Ran:
    code: int  # the exit code
    printed: int  # characters printed on stdout
    configured: list[str]  # the record classes whose mapper was configured


def run_fresh(url: str, *argv: str) -> Ran:
    done = subprocess.run([sys.executable, "-c", SCRIPT, url, "--db", url, *argv], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return Ran(int(result["code"]), int(result["printed"]), list(result["configured"]))
