"""The README and docs/ stay true: their links lead somewhere, and the README's map of the code
names the packages and the window's sub-packages that exist, and only those."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#([^)\s]+))?\)")


def _anchors(markdown: str) -> set[str]:
    """GitHub's anchors of the headings: lower case, punctuation dropped, spaces as dashes."""
    headings = re.findall(r"^#+ (.+)$", markdown, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


def test_every_link_of_the_docs_leads_somewhere() -> None:
    broken = []
    for doc in DOCS:
        for target, anchor in LINK.findall(doc.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            path = (doc.parent / target).resolve()
            if not path.exists():
                broken.append(f"{doc.name}: {target}")
            elif anchor and anchor not in _anchors(path.read_text(encoding="utf-8")):
                broken.append(f"{doc.name}: {target}#{anchor}")
    assert broken == []


def _map() -> list[str]:
    """The folders and files the README's map of the code names (``desktop/editors/`` for the
    indented sub-packages of ``desktop/``)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Map of the code", 1)[1].split("```", 2)[1]
    named: list[str] = []
    for line in block.splitlines():
        match = re.match(r"^( *)((?:[\w.]+/ )*[\w.]+/|[\w.]+\.py) ", line)
        if match is None or len(match.group(1)) > 2:
            continue
        for name in match.group(2).split():
            named.append(f"desktop/{name}" if match.group(1) else name)
    return named


def test_the_map_of_the_code_names_what_exists() -> None:
    named = _map()
    assert [n for n in named if not (ROOT / n).exists()] == []
    packages = {f"{p.parent.name}/" for p in ROOT.glob("*/__init__.py")} - {"tests/"}
    sub_packages = {f"desktop/{p.parent.name}/" for p in ROOT.glob("desktop/*/__init__.py")}
    assert packages | sub_packages <= set(named)
