"""A cell's formula tests (``spreadsheets.records``): an export's apostrophe is removed, an
unquoted formula is kept as text and reported, numbers and phone numbers are not formulas;
``unquote_formula`` says what ``quoted_formula`` and ``runs_as_formula`` say."""

from __future__ import annotations

import pytest

from spreadsheets.records import quoted_formula, runs_as_formula, unquote_formula

CELLS = {  # cell: (as meant, quoted, runs as a formula)
    "=1+2": ("=1+2", False, True),
    "'=1+2": ("=1+2", True, False),
    "@x": ("@x", False, True),
    "\tTAB": ("\tTAB", False, True),
    "'\tTAB": ("\tTAB", True, False),
    "+86 769 2233 4455": ("+86 769 2233 4455", False, False),
    "-5": ("-5", False, False),
    "-": ("-", False, False),
    "--": ("--", False, False),
    "'": ("'", False, False),
    "'博世": ("'博世", False, False),
    "博世 =": ("博世 =", False, False),
    "": ("", False, False),
}


@pytest.mark.parametrize("cell", CELLS)
def test_a_cell_s_formula_tests_agree(cell: str) -> None:
    meant, quoted, runs = CELLS[cell]
    assert (quoted_formula(cell), runs_as_formula(cell)) == (quoted, runs)
    assert unquote_formula(cell) == (meant, runs)
