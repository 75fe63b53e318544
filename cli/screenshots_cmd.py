"""``screenshots DIR [--lang zh|en]``: the window offscreen on the current database, one PNG per
main view and per editor, for review and for the README.

The command line does not import the window: ``main.py`` hands the verb the function that takes
the pictures (``desktop.screenshots.take_screenshots``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from cli.context import Context, UsageError
from models.language import Lang

NAME = "screenshots"
HELP = "保存主窗口各视图和编辑器的截图 (save PNG screenshots of every view and editor)"

# (sessions, database URL, folder, language) -> the PNG files written, in order
Shooter = Callable[[sessionmaker[Session], str, Path, Lang], list[Path]]


class ScreenshotsCommand:
    NAME = NAME
    HELP = HELP

    def __init__(self, shoot: Shooter) -> None:
        self._shoot = shoot

    def configure(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("folder", metavar="DIR", help="folder for the PNG files")
        parser.add_argument("--lang", dest="shot_lang", choices=("zh", "en"), default=None,
                            help="language of the window (default: the global --lang, zh)")

    def run(self, args: argparse.Namespace, ctx: Context) -> int:
        folder = Path(args.folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"无法创建目录 {folder} (cannot create the folder): {exc}") from exc
        lang = Lang(args.shot_lang or ctx.lang or Lang.ZH)
        saved = self._shoot(ctx.sessions(), ctx.url, folder, lang)
        for path in saved:
            ctx.print(str(path))
        ctx.print(f"已保存 {len(saved)} 张截图 (screenshots saved) → {folder}")
        return 0
