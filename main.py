"""Campaign Planner: without a command the desktop window opens; with one, the command line.

    python main.py                      # the desktop app
    python main.py --db URL list trips  # a command (see --help)
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence

GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--lang")


def _split_global(argv: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """Separate the global options (--db, --lang) from the rest of the command line."""
    options: dict[str, str] = {}
    rest: list[str] = []
    it = iter(argv)
    for arg in it:
        name, eq, value = arg.partition("=")
        if name in GLOBAL_OPTIONS_WITH_VALUE and not rest:
            options[name] = value if eq else next(it, "")
        else:
            rest.append(arg)
    return options, rest


def _utf8_stdio() -> None:
    """Chinese must reach pipes and files intact, whatever the console's code page."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf16") and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def settle_collector(batch: bool = False) -> None:
    """Keep what start-up made out of the cycle collector's way, and let it run again.

    Start-up imports create some 300,000 objects that live as long as the process (modules,
    classes, functions, SQLAlchemy's mappings, Qt's wrappers), and every full collection
    during start-up walked all of them again, for nothing: ~15 % of a short command's time.
    ``main`` pauses the collector while it imports; here those objects are frozen (never
    walked again, ``gc.freeze``) and collecting resumes for the work itself.

    ``batch`` (a command, not the window): collect less often, as mypy does for the same
    reason, a command's objects mostly living to its end (a brief's fonts and ReportLab,
    an export's rows): a brief spent a fifth of its time in the collector. The window keeps
    Python's thresholds: rarer collections would be longer pauses under the user's hand.

    The first call freezes; a later one (the window after the first run's question) only
    makes sure the collector runs. What start-up left unreachable is frozen with the rest:
    a few dozen objects, more after a schema migration (once per upgrade)."""
    if not gc.get_freeze_count():  # once: later garbage (a first run's sample) is collected
        gc.freeze()
        if batch:
            gc.set_threshold(200_000, 30, 30)
    gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    gc.disable()  # until settle_collector(): start-up allocates nothing worth collecting
    _utf8_stdio()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    options, rest = _split_global(args)
    if not rest:
        from desktop.pyside_imports import read_sources_lightly

        read_sources_lightly()  # before the window's imports: PySide6 would keep their sources
        from desktop.app import run_desktop

        return run_desktop(db_url=options.get("--db") or None, lang=options.get("--lang") or None,
                           started=settle_collector)

    from cli.app import run
    from cli.screenshots_cmd import ScreenshotsCommand
    from desktop.screenshots import take_screenshots

    settle_collector(batch=True)
    return run(args, extra=[ScreenshotsCommand(take_screenshots)])


if __name__ == "__main__":
    sys.exit(main())
