"""A message strip over a planning view: why a move was refused, without a modal dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningBanner")
        self.setStyleSheet(
            "#planningBanner { background: #fdecea; border: 1px solid #f3b9b2; border-radius: 4px; }"
            "#planningBanner QLabel { color: #8a1f11; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.dismiss)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def dismiss(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""
