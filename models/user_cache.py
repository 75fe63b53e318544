"""The program's cache folder: what it keeps between runs to start faster (the holiday tables,
the brief font's parsed metrics). Anything in it may be deleted; it is rebuilt when needed."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "CAMPAIGN_PLANNER_CACHE"  # the cache folder (tests); else the user's cache folder


def cache_folder() -> Path:
    """``$CAMPAIGN_PLANNER_CACHE``, else the user's cache folder (platformdirs)."""
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        import platformdirs

        from models.database import APP_AUTHOR, APP_NAME

        folder = platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)
    return Path(folder)
