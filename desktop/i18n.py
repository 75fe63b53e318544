"""Loading the Chinese translation of the window (Qt .qm files) for the chosen language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from models.language import Lang

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CATALOGUE = "campaign_planner"


def qm_path(lang: Lang) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{'zh_CN' if lang == 'zh' else lang}.qm"


def install_translators(app: QCoreApplication, lang: Lang) -> list[QTranslator]:
    """Install the app's and Qt's own translations for ``lang``; English needs none.

    Returns the translators (keep them referenced for as long as the app runs).
    """
    installed: list[QTranslator] = []
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(str(qm_path(lang))):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load("qtbase_zh_CN", qt_folder):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
