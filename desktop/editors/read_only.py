"""Records the signed-in account may not change open read-only.

The editor says why in a banner (the refusal the save would get, from
:func:`models.accounts.permissions.may_edit_record`, the same check the command line runs), its
fields cannot be changed, and Save is disabled: nothing is typed that could not be saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.context import AppContext
from models.accounts.permissions import may_edit_record
from models.campaign import Unit
from models.events import ThemedEvent
from models.leads import Lead
from models.organisations import Organisation
from models.people import Person
from models.trips import Trip

RECORDS: dict[str, type[Any]] = {"trip": Trip, "event": ThemedEvent, "lead": Lead,
                                 "person": Person, "organisation": Organisation, "unit": Unit}
"""The editors' kinds of record (see desktop/editors/opening.py) and their mappings."""


def refusal(ctx: AppContext, kind: str, ident: int | None) -> str | None:
    """Why the signed-in account may not change the record (None: it may, or it is new)."""
    cls = RECORDS.get(kind)
    if cls is None or ident is None:
        return None
    with ctx.sessions() as session:
        record = session.get(cls, ident)
        if record is None:
            return None
        refused = may_edit_record(session, record)
    return refused.text(ctx.lang) if refused is not None else None


def freeze(root: QWidget, keep: tuple[QWidget, ...] = ()) -> None:
    """Make every input under ``root`` read-only (texts stay selectable, lists scrollable)."""
    for widget in root.findChildren(QWidget):
        if any(widget is k or k.isAncestorOf(widget) for k in keep):
            continue
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            widget.setReadOnly(True)
        elif isinstance(widget, QComboBox | QAbstractButton):
            widget.setEnabled(False)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget.parent(), QComboBox):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
