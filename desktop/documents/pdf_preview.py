"""A brief shown in the window (QtPdf), with Save as PDF, Print and Open in the system viewer."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.saved_notice import SavedNotice, show_saved
from desktop.errors_text import describe
from desktop.settings import AppSettings
from models.atomic_write import write_bytes_atomic
from models.language import Lang


class PdfPreview(QDialog):
    """``rerender(redact)`` (when given) prints the same data again with or without personal
    data; the dialog's "Leave out personal data" switch calls it."""

    def __init__(self, pdf: bytes, title: str, file_name: str, lang: Lang,
                 settings: AppSettings, warning: str = "",
                 parent: QWidget | None = None,
                 rerender: Callable[[bool], bytes] | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.rerender = rerender
        self.file_name = file_name
        self.lang = lang
        self.settings = settings
        self.saved_path: Path | None = None
        self.saved_notice: SavedNotice | None = None
        self.setWindowTitle(title)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.notice = QLabel(warning, self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b35c00;")
        self.notice.setVisible(bool(warning))
        self.status = QLabel(self.tr("%n page(s)", "", self.document.pageCount()), self)
        self.redact = QCheckBox(self.tr("Leave out personal data"), self)
        self.redact.setToolTip(self.tr(
            "Print the brief without personal phones and passport numbers, and with phone "
            "numbers, e-mail addresses, passport and ID-card numbers masked in notes and "
            "other typed text"))
        self.redact.setVisible(rerender is not None)
        self.redact.toggled.connect(self.set_redacted)
        save = QPushButton(self.tr("Save as PDF…"), self)
        print_button = QPushButton(self.tr("Print…"), self)
        external = QPushButton(self.tr("Open in PDF viewer"), self)
        close = QPushButton(self.tr("Close"), self)
        save.clicked.connect(self.save_pdf)
        print_button.clicked.connect(self.print_pdf)
        external.clicked.connect(self.open_external)
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status)
        buttons.addStretch(1)
        buttons.addWidget(self.redact)
        for button in (save, print_button, external, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(900, 1000)

    def set_redacted(self, redacted: bool) -> None:
        """Print the same brief again with (or without) personal data, and show it."""
        if self.rerender is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf = self.rerender(redacted)
        finally:
            QApplication.restoreOverrideCursor()
        self.pdf = pdf
        self.document.close()
        self.buffer.close()
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        self.status.setText(self.tr("%n page(s)", "", self.document.pageCount()))

    def save_pdf(self) -> Path | None:
        suggested = str(Path(self.settings.last_folder) / self.file_name)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save brief as PDF"),
                                                    suggested, self.tr("PDF documents (*.pdf)"))
        if not path:
            return None
        target = Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")
        try:
            write_bytes_atomic(target, self.pdf)
        except OSError as exc:
            self.status.setText(describe(exc, self.lang))
            return None
        self.settings.last_folder = str(target.parent)
        self.saved_path = target
        self.status.setText(self.tr("Saved to %1").replace("%1", str(target)))
        self.saved_notice = show_saved(self, self.tr("Saved the brief, %n page(s)", "",
                                               self.document.pageCount()), target)
        return target

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page rendered at the printer's resolution."""
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be started."))
            return
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                size = self.document.pagePointSize(page).scaled(
                    area.size().toSizeF(), Qt.AspectRatioMode.KeepAspectRatio).toSize()
                painter.drawImage(0, 0, self.document.render(page, size))
        finally:
            painter.end()

    def open_external(self) -> Path:
        folder = Path(tempfile.gettempdir()) / "CampaignPlanner"
        folder.mkdir(parents=True, exist_ok=True)
        target = write_bytes_atomic(folder / self.file_name, self.pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target
