"""The languages the app writes in: Chinese first, English beside it."""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    """Which language a text is written in.

    ``BOTH`` writes Chinese with English beside it (messages shown to a user whose language is
    not known, such as a command line error or a spreadsheet import report).
    """

    ZH = "zh"
    EN = "en"
    BOTH = "both"

    def pick(self, zh: str, en: str) -> str:
        """``zh`` or ``en`` by language; both (``zh (en)``) for BOTH, Chinese alone when no English."""
        if self is Lang.EN:
            return en or zh
        if self is Lang.BOTH and en and en != zh:
            return f"{zh} ({en})"
        return zh
