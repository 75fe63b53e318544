"""The user's settings, kept with QSettings: database, language, brief font, issuer, window.

``CAMPAIGN_PLANNER_SETTINGS`` names an .ini file to use instead of the per-user store (tests,
portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

from models.language import Lang

SETTINGS_ENV = "CAMPAIGN_PLANNER_SETTINGS"
ORGANISATION = "CampaignPlanner"
APPLICATION = "CampaignPlanner"
LANGUAGES = ("system", "zh", "en")
DEFAULT_ISSUER_ZH = "东莞市投资促进局"
DEFAULT_ISSUER_EN = "Dongguan Investment Promotion Bureau"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
)


def default_font_path() -> str:
    """A TrueType CJK font this machine has (briefs embed it), or "" when none is known."""
    return next((p for p in FONT_CANDIDATES if Path(p).is_file()), "")


def system_language() -> Lang:
    return Lang.ZH if QLocale.system().language() == QLocale.Language.Chinese else Lang.EN


class AppSettings:
    """Typed access to the stored settings. Values are read and written straight through."""

    def __init__(self, store: QSettings | None = None) -> None:
        if store is None:
            path = os.environ.get(SETTINGS_ENV)
            store = (QSettings(path, QSettings.Format.IniFormat) if path else
                     QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                               ORGANISATION, APPLICATION))
        self.store = store

    def _text(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return str(value) if value is not None else default

    def _set(self, key: str, value: object) -> None:
        self.store.setValue(key, value)

    @property
    def db_url(self) -> str:
        """The database chosen in the settings ("" means the default per-user file)."""
        return self._text("database/url")

    @db_url.setter
    def db_url(self, value: str) -> None:
        self._set("database/url", value.strip())

    @property
    def language(self) -> str:
        value = self._text("ui/language", "system")
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value if value in LANGUAGES else "system")

    def ui_language(self, override: str | None = None) -> Lang:
        """The language to show: the command line's, the setting's, else the system's."""
        if override in ("zh", "en"):
            return Lang(override)
        return Lang(self.language) if self.language != "system" else system_language()

    @property
    def configured_font_path(self) -> str:
        """The font the user chose ("" when none: a system font is looked for)."""
        return self._text("briefs/font_path")

    @property
    def font_path(self) -> str:
        return self.configured_font_path or default_font_path()

    @font_path.setter
    def font_path(self, value: str) -> None:
        self._set("briefs/font_path", value.strip())

    @property
    def issuer_zh(self) -> str:
        return self._text("documents/issuer_zh", DEFAULT_ISSUER_ZH)

    @issuer_zh.setter
    def issuer_zh(self, value: str) -> None:
        self._set("documents/issuer_zh", value.strip())

    @property
    def issuer_en(self) -> str:
        return self._text("documents/issuer_en", DEFAULT_ISSUER_EN)

    @issuer_en.setter
    def issuer_en(self, value: str) -> None:
        self._set("documents/issuer_en", value.strip())

    @property
    def last_view(self) -> str:
        return self._text("window/last_view")

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._set("window/last_view", value)

    @property
    def last_folder(self) -> str:
        return self._text("window/last_folder") or str(Path.home())

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._set("window/last_folder", value)

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, value: QByteArray) -> None:
        self._set("window/state", value)

    def sync(self) -> None:
        self.store.sync()
