"""Qt's own words that Qt's Chinese catalogue (``qtbase_zh_CN.qm``) lacks.

A non-native file dialog (Linux without a desktop's portal, and every test) shows "&Look in:"
and "Files of &type:" in English beside 文件名称 and 保存. The strings are marked here under
Qt's own context so that ``pyside6-lupdate`` keeps them in the app's catalogue, which
``desktop.i18n`` installs before Qt's: Qt looks up its own catalogue first and falls back on
ours for what it lacks. On Windows the static ``QFileDialog`` functions open the native dialog,
which Windows words itself.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MISSING_FROM_QT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
