"""What every painted calendar surface shares: entries, hit-testing, selection, tooltips,
dragging and the keyboard.

A surface (month grid, week header, week time grid, year timeline) lays its entries out into
``self.hits`` in ``relayout()`` and paints from them; it never touches the database. A drag or
a key asks for a move through ``move_requested``; the view that owns the surface carries it
out (``desktop.undo.moves``) and reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from typing_extensions import override

from desktop.calendar.actions import Permits
from desktop.calendar.marks import mark_tooltip
from desktop.calendar.style import ColourBy, entry_tooltip
from desktop.formatting import plain_tooltip
from desktop.undo.moves import Move
from models.language import Lang
from planning.check_marks import CheckMarks, Mark
from planning.entries import CalendarEntry, EntryKind, TimeMode

Hit = tuple[QRectF, CalendarEntry]


class CalendarCanvas(QWidget):
    open_requested = Signal(object)  # CalendarEntry: open its editor
    move_requested = Signal(object, object, bool)  # CalendarEntry, Move, merge (a keyboard step)
    selection_changed = Signal(object)  # CalendarEntry | None
    refused = Signal(str)  # a move the account may not make was tried: the one refusal wording

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = Lang.ZH
        self.mode = TimeMode.LOCAL
        self.colour_by = ColourBy.REGION
        self.entries: list[CalendarEntry] = []
        self.marks = CheckMarks()  # the checks' open findings by record, holidays abroad
        self.hits: list[Hit] = []
        self._selected: tuple[EntryKind, int] | None = None
        self._press: tuple[QPointF, CalendarEntry] | None = None
        self.dragging: CalendarEntry | None = None
        self.drag_preview: Move | None = None
        self.permits = Permits()  # entries the signed-in account may not move; creating at all
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    # --- what subclasses provide ------------------------------------------------------------

    def relayout(self) -> None:
        """Compute ``self.hits`` (and any other geometry) for the current size and entries."""
        raise NotImplementedError

    def drag_move(self, entry: CalendarEntry, start: QPointF, pos: QPointF) -> Move | None:
        """The move a drag of ``entry`` from ``start`` to ``pos`` asks for (None: none)."""
        raise NotImplementedError

    def vertical_move(self, entry: CalendarEntry, steps: int) -> Move | None:
        """Alt+Up/Down: surfaces with a time axis move timed entries; others do nothing."""
        return None

    def empty_double_click(self, pos: QPointF) -> None:
        """A double-click where there is no entry."""

    def refusal_of(self, entry: CalendarEntry) -> str | None:
        """Why the signed-in account may not move or resize ``entry`` (None: it may)."""
        return self.permits.refusal(entry)

    def _refuse(self, entry: CalendarEntry) -> bool:
        """Say why ``entry`` may not be moved (True), or nothing when it may (False)."""
        reason = self.refusal_of(entry)
        if reason is not None:
            self.refused.emit(reason)
        return reason is not None

    # --- entries and selection --------------------------------------------------------------

    def set_entries(self, entries: list[CalendarEntry]) -> None:
        self.entries = entries
        self.relayout()
        keys = {e.key for e in entries}
        if self._selected is not None and self._selected not in keys:
            self._selected = None
            self.selection_changed.emit(None)
        self.update()

    def mark_of(self, entry: CalendarEntry) -> Mark | None:
        return self.marks.for_entry(entry.code, entry.id if entry.kind is EntryKind.ITEM else None)

    def selected_entry(self) -> CalendarEntry | None:
        return next((e for e in self.entries if e.key == self._selected), None)

    def select(self, entry: CalendarEntry | None) -> None:
        key = entry.key if entry else None
        if key != self._selected:
            self._selected = key
            self.selection_changed.emit(entry)
            self.update()

    def is_selected(self, entry: CalendarEntry) -> bool:
        return entry.key == self._selected

    def hit(self, pos: QPointF) -> CalendarEntry | None:
        for rect, entry in reversed(self.hits):  # painted last is on top
            if rect.contains(pos):
                return entry
        return None

    def rects_of(self, entry: CalendarEntry) -> list[QRectF]:
        return [r for r, e in self.hits if e.key == entry.key]

    def keyboard_order(self) -> list[CalendarEntry]:
        """Entries in the order Tab and the arrow keys walk through them."""
        seen: dict[tuple[EntryKind, int], CalendarEntry] = {}
        for _rect, entry in sorted(self.hits, key=lambda h: (h[0].top(), h[0].left())):
            seen.setdefault(entry.key, entry)
        return list(seen.values())

    # --- Qt events ----------------------------------------------------------------------------

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.hit(QPointF(event.pos()))
            if entry is None:
                QToolTip.hideText()
                event.ignore()
            else:
                mark = self.mark_of(entry)
                text = entry_tooltip(entry, self.mode, self.lang)
                reason = self.refusal_of(entry)
                if reason is not None:
                    text = f"{text}\n{reason}"
                QToolTip.showText(event.globalPos(), plain_tooltip(
                    text + (mark_tooltip(mark) if mark is not None else "")), self)
            return True
        return super().event(event)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        entry = self.hit(event.position())
        self.select(entry)
        if entry is not None and event.button() == Qt.MouseButton.LeftButton:
            self._press = (event.position(), entry)
        else:
            super().mousePressEvent(event)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, entry = self._press
            if self.dragging is None:
                distance = (event.position() - start).manhattanLength()
                if distance < QApplication.startDragDistance():
                    return
                if self._refuse(entry):  # the drag does not start; the view says why
                    self._press = None
                    self.setCursor(Qt.CursorShape.ForbiddenCursor)
                    return
                self.dragging = entry
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.drag_preview = self.drag_move(entry, start, event.position())
            self.update()
            return
        over = self.hit(event.position())
        movable = over is not None and self.refusal_of(over) is None
        self.setCursor(Qt.CursorShape.OpenHandCursor if movable else Qt.CursorShape.ArrowCursor)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        entry, move = self.dragging, self.drag_preview
        self._end_drag()
        if entry is not None and move is not None and not move.empty:
            self.move_requested.emit(entry, move, False)

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.hit(event.position())
        if entry is not None:
            self.open_requested.emit(entry)
        elif self.permits.creates:  # a viewer creates nothing
            self.empty_double_click(event.position())

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._end_drag()
        super().focusOutEvent(event)

    @override
    def focusNextPrevChild(self, forward: bool) -> bool:
        return False  # Tab walks through the entries, not out of the surface

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        entry = self.selected_entry()
        if key == Qt.Key.Key_Escape and self.dragging is not None:
            self._end_drag()
        elif alt and entry is not None and key in (Qt.Key.Key_Left, Qt.Key.Key_Right,
                                                   Qt.Key.Key_Up, Qt.Key.Key_Down) and self._refuse(entry):
            pass  # the view says why
        elif alt and entry is not None and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.move_requested.emit(entry, Move(days=-1 if key == Qt.Key.Key_Left else 1), True)
        elif alt and entry is not None and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            move = self.vertical_move(entry, -1 if key == Qt.Key.Key_Up else 1)
            if move is not None:
                self.move_requested.emit(entry, move, True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and entry is not None:
            self.open_requested.emit(entry)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Right, Qt.Key.Key_Down) and not alt:
            self._step(1)
        elif key in (Qt.Key.Key_Backtab, Qt.Key.Key_Left, Qt.Key.Key_Up) and not alt:
            self._step(-1)
        else:
            super().keyPressEvent(event)

    def _step(self, direction: int) -> None:
        order = self.keyboard_order()
        if not order:
            return
        keys = [e.key for e in order]
        if self._selected in keys:
            index = (keys.index(self._selected) + direction) % len(order)
        else:
            index = 0 if direction > 0 else len(order) - 1
        self.select(order[index])
        self.reveal(order[index])

    def reveal(self, entry: CalendarEntry) -> None:
        """Make ``entry`` visible (surfaces in a scroll area scroll to it)."""
        rects = self.rects_of(entry)
        parent = self.parentWidget()
        scroller = parent.parentWidget() if parent is not None else None
        if rects and scroller is not None and hasattr(scroller, "ensureVisible"):
            r = rects[0]
            scroller.ensureVisible(int(r.center().x()), int(r.center().y()),
                                   int(r.width() / 2) + 8, int(r.height() / 2) + 8)

    def _end_drag(self) -> None:
        self._press = None
        if self.dragging is not None:
            self.dragging = None
            self.drag_preview = None
            self.unsetCursor()
            self.update()
