"""Unexpected errors end in a dialog (and the log), not a silent exit; Qt's own messages go
to Python's logging."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("desktop")
qt_log = logging.getLogger("qt")
translate = QCoreApplication.translate

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


HARMLESS = ("This plugin does not support propagateSizeHints()",  # the offscreen platform
            "This plugin does not support raise()")


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in HARMLESS:
        kind = QtMsgType.QtDebugMsg
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    qt_log.log(_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def crash_text(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(kind, value, tb))


def excepthook(kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.critical("unexpected error", exc_info=(kind, value, tb))
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical,
                      translate("Crash", "Unexpected error"),
                      translate("Crash", "Something went wrong that the program did not expect. "
                                "What you saved is safe; the last action may not have been "
                                "completed. Please send the details below to your IT contact."),
                      QMessageBox.StandardButton.Ok)
    box.setDetailedText(crash_text(kind, value, tb))
    box.exec()


def install() -> None:
    sys.excepthook = excepthook
    qInstallMessageHandler(qt_message_handler)
