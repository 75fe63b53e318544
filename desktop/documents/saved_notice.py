"""After a file is written: what went into it, where, and buttons to open the folder or the file.

``已导出 27 条日程`` with the path below it, 打开文件夹 Open folder and 打开文件 Open file, as a
window that does not block (the work is done; the user may just read it and go on).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def open_url(url: QUrl) -> bool:
    """Open a local file or folder with the desktop's program (tests replace it)."""
    return QDesktopServices.openUrl(url)


class SavedNotice(QMessageBox):
    """Says what was written to ``path``; its buttons open the folder or the file."""

    def __init__(self, summary: str, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Information, self.tr("Saved"), summary,
                         QMessageBox.StandardButton.NoButton, parent)
        self.path = path
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setInformativeText(str(path))
        self.folder_button = self.addButton(self.tr("Open folder"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.file_button = self.addButton(self.tr("Open file"), QMessageBox.ButtonRole.ActionRole)
        close = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(close)
        self.setEscapeButton(close)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.folder_button:
            open_url(QUrl.fromLocalFile(str(self.path.parent)))
        elif button is self.file_button:
            open_url(QUrl.fromLocalFile(str(self.path)))


def show_saved(parent: QWidget, summary: str, path: Path) -> SavedNotice:
    """Show the notice without blocking and return it."""
    notice = SavedNotice(summary, path, parent)
    notice.open()
    return notice
