"""Confirm and Unconfirm on the pages of counted results (signed projects, HQ visits done):
the leaderboard counts a result once it is confirmed, which is a planner's or an admin's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from models.accounts.permissions import may_confirm
from models.accounts.signed_in import SignedIn

translate = QCoreApplication.translate


def confirm_buttons(parent: QWidget, tooltip: str,
                    confirm: Callable[[bool], object]) -> tuple[QPushButton, QPushButton]:
    """Confirm (Ctrl+Shift+K; ``tooltip`` says what it confirms) and Unconfirm, calling
    ``confirm(True)`` and ``confirm(False)``."""
    confirm_button = QPushButton(translate("ConfirmButtons", "Con&firm"), parent)
    confirm_button.setToolTip(tooltip)
    confirm_button.setShortcut("Ctrl+Shift+K")
    confirm_button.clicked.connect(lambda: confirm(True))
    unconfirm_button = QPushButton(translate("ConfirmButtons", "Unconfirm"), parent)
    unconfirm_button.clicked.connect(lambda: confirm(False))
    return confirm_button, unconfirm_button


def allow_confirming(buttons: tuple[QPushButton, QPushButton], account: SignedIn | None) -> None:
    """Confirming is a planner's: the buttons are off for unit and viewer accounts."""
    allowed = account is None or may_confirm(account)
    for button in buttons:
        button.setEnabled(allowed)
        if not allowed:
            button.setToolTip(translate("ConfirmButtons",
                                        "Only planners and admins confirm results"))
