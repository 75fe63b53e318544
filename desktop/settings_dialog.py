"""Settings: the database, the language, the Chinese font of briefs, the issuer's name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.editors.form import row
from desktop.editors.form_dialog import FormDialog
from desktop.settings import AppSettings, default_font_path
from models.database import default_url, shown_url
from models.errors import ValidationError
from models.language import Lang


class SettingsDialog(FormDialog):
    """``in_use`` is the database the window works on (from --db, the environment, the settings
    or the default): shown above the stored choice, which an empty field leaves to the default."""

    def __init__(self, settings: AppSettings, lang: Lang, parent: QWidget | None = None,
                 in_use: str | None = None) -> None:
        super().__init__(self.tr("Settings"), lang, parent)
        self.settings = settings
        self.in_use = QLabel(in_use or self.tr("(none: the program could not open it)"))
        self.in_use.setTextFormat(Qt.TextFormat.PlainText)
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.in_use.setWordWrap(True)
        self._stored_url = settings.db_url
        self.db_url = QLineEdit(shown_url(settings.db_url) if settings.db_url else "")
        self.db_url.setPlaceholderText(self.tr("(default) %1").replace("%1", default_url()))
        self.db_url.setToolTip(self.tr("A SQLite file or a database URL such as "
                                       "postgresql://user:password@host/dbname"))
        browse_db = QPushButton(self.tr("Choose file…"))
        browse_db.clicked.connect(self._choose_database)
        self.language = QComboBox()
        for value, text in (("system", self.tr("Follow the system")),
                            ("zh", "简体中文"), ("en", "English")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.font_path = QLineEdit(settings.configured_font_path)
        self.font_path.setPlaceholderText(default_font_path() or self.tr("(none found)"))
        browse_font = QPushButton(self.tr("Choose font…"))
        browse_font.clicked.connect(self._choose_font)
        self.issuer_zh = QLineEdit(settings.issuer_zh)
        self.issuer_en = QLineEdit(settings.issuer_en)
        note = QLabel(self.tr("A new database or language takes effect when the program is "
                              "started again."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b7a;")
        f = self.form
        f.field(self.tr("Database in use"), self.in_use)
        f.field(self.tr("Database at the next start"), row(self.db_url, browse_db), "db_url")
        f.field(self.tr("Language"), self.language, "language")
        f.field(self.tr("Chinese font for briefs"), row(self.font_path, browse_font), "font_path")
        f.field(self.tr("Organisation name (Chinese)"), self.issuer_zh, "issuer_zh")
        f.field(self.tr("Organisation name (English)"), self.issuer_en, "issuer_en")
        f.field("", note)
        self.accept_with = lambda _dialog: self.store()
        self.resize(640, 300)

    def _choose_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Campaign database"), self.db_url.text() or default_url(),
            self.tr("SQLite databases (*.db *.sqlite);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.db_url.setText(path)

    def _choose_font(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Chinese TrueType font"), self.font_path.text() or default_font_path(),
            self.tr("TrueType fonts (*.ttf *.ttc);;All files (*)"))
        if path:
            self.font_path.setText(path)

    def store(self) -> bool:
        if not self.issuer_zh.text().strip():
            raise ValidationError("issuer_zh", "单位名称不能为空",
                                  "The organisation's name must not be empty")
        typed = self.db_url.text()
        unchanged = bool(self._stored_url) and typed == shown_url(self._stored_url)
        self.settings.db_url = self._stored_url if unchanged else typed  # a kept password stays
        self.settings.language = str(self.language.currentData())
        self.settings.font_path = self.font_path.text()
        self.settings.issuer_zh = self.issuer_zh.text()
        self.settings.issuer_en = self.issuer_en.text()
        self.settings.sync()
        return True
