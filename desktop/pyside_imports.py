"""PySide6 without its copy of every module's source.

Once PySide6 is imported, its "feature" hook (``shibokensupport.feature``) asks, for every
module imported after it, whether that module uses PySide6, by reading the module's whole
source with ``inspect.getsource``, which keeps every line in ``linecache`` for good: about
600 files and 20 MiB of text by the time the window shows, and the CPU time to split them.
:func:`read_sources_lightly` gives the hook the same answer from the file's bytes, kept
nowhere, and only for the packages that may use Qt (:data:`QT_PACKAGES`): the import
contract (``lint-imports``) keeps Qt out of every other package of ours, and no other installed
package but PySide6 uses it (reading those 250 files took 20 ms of the window's start). The
answer only matters to a module that selects a PySide6 ``__feature__``, which none does. The
program calls it before it imports the window.
"""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs the feature hook this module replaces)

FEATURE_MODULES = ("PySide6.support.feature", "shibokensupport.feature")
QT_PACKAGES = frozenset({"desktop", "main", "__main__", "bench", "tests", "PySide6"})


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source names PySide6 (the hook's own question), read from its file
    without caching it; a module without a source file, or outside :data:`QT_PACKAGES`, does
    not."""
    if str(getattr(module, "__name__", "")).partition(".")[0] not in QT_PACKAGES:
        return False
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def read_sources_lightly() -> bool:
    """Replace the hook's source reader (once); False when this PySide6 has no such hook."""
    replaced = False
    for name in FEATURE_MODULES:
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
            replaced = True
    linecache.clearcache()  # what it read before now
    return replaced
