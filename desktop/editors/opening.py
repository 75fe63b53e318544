"""Opening record editors from anywhere (tables, calendar, search): one window per record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.lookups import LookupCache
from models.changes import RecordKind

if TYPE_CHECKING:  # each editor's module is imported when the first one opens, not at start
    from sqlalchemy.orm import Session

    from desktop.editors.base import EditorDialog
    from desktop.editors.event import EventEditor
    from desktop.editors.lead import LeadEditor
    from desktop.editors.organisation import OrganisationEditor
    from desktop.editors.person import PersonEditor
    from desktop.editors.trip import TripEditor
    from desktop.editors.unit import UnitEditor
    from desktop.editors.visit_dialogs import VisitDialog
    from models.operations.leads import LeadDraft


class Editors(QObject):
    """Keeps the open editors; asking again for an open record raises its window."""

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.lookups = LookupCache(ctx, self)
        self.open: dict[tuple[str, int], EditorDialog] = {}
        ctx.open_trip_requested.connect(self.open_trip)
        ctx.open_event_requested.connect(self.open_event)
        ctx.new_event_requested.connect(self.new_event_at)
        ctx.open_field_requested.connect(self.open_at)
        ctx.open_lead_requested.connect(self.open_lead)
        ctx.open_visit_requested.connect(self.open_visit)
        self.visits: dict[int, VisitDialog] = {}

    def read_ahead(self) -> None:
        """What the first trip editor would read and make on the window's thread, done on a
        worker thread once the window's first view is filled (``LookupCache.read_ahead``): the
        lookups and the pickers' labels, the editor's modules, its reads of a trip (their
        statements are compiled once a process) and the modules the first save imports. The
        first editor then opens in ~80 ms instead of ~0.5 s at ten years of history."""
        def first_editor(session: Session) -> None:
            from desktop.editors.trip import read_ahead
            from models.concurrency import install_write_listeners

            read_ahead(session)
            install_write_listeners()

        self.lookups.read_ahead(first_editor)

    def _show(self, kind: str, ident: int | None,
              make: Callable[[], EditorDialog]) -> EditorDialog:
        key = (kind, ident) if ident is not None else None
        if key is not None and key in self.open:
            editor = self.open[key]
            editor.raise_()
            editor.activateWindow()
            return editor
        from desktop.editors.read_only import refusal

        editor = make()
        reason = refusal(self.ctx, kind, ident)
        if reason:
            editor.set_read_only(reason)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(Qt.WindowModality.NonModal)
        if key is not None:
            self.open[key] = editor
            editor.destroyed.connect(lambda _obj=None, k=key: self.open.pop(k, None))
        editor.show()
        editor.raise_()
        editor.activateWindow()  # its Ctrl+S and Ctrl+Z work at once, without a click
        return editor

    def open_trip(self, trip_id: int | None = None) -> TripEditor:
        from desktop.editors.trip import TripEditor

        editor = self._show("trip", trip_id, lambda: TripEditor(self.ctx, trip_id, self.window,
                                                        lookups=self.lookups.get()))
        assert isinstance(editor, TripEditor)
        return editor

    def open_event(self, event_id: int | None = None) -> EventEditor:
        from desktop.editors.event import EventEditor

        editor = self._show("event", event_id,
                            lambda: EventEditor(self.ctx, event_id, self.window,
                                                lookups=self.lookups.get()))
        assert isinstance(editor, EventEditor)
        return editor

    def new_event_at(self, day: date, at: time | None = None) -> EventEditor:
        """A new event's editor on ``day`` (at ``at`` for an hour, else all working day)."""
        from desktop.editors.event import EventEditor

        editor = self._show("event", None,
                            lambda: EventEditor(self.ctx, None, self.window,
                                                lookups=self.lookups.get(), day=day, at=at))
        assert isinstance(editor, EventEditor)
        return editor

    def open_at(self, kind: RecordKind, ident: int, field: str) -> EditorDialog | None:
        """Open a trip's, an event's or a person's editor at ``field`` (a finding's)."""
        editor: EditorDialog
        if kind is RecordKind.TRIP:
            editor = self.open_trip(ident)
        elif kind is RecordKind.EVENT:
            editor = self.open_event(ident)
        elif kind is RecordKind.PERSON:
            editor = self.open_person(ident)
        else:
            return None
        editor.focus_field(field)
        return editor

    def open_person(self, person_id: int | None = None) -> PersonEditor:
        from desktop.editors.person import PersonEditor

        editor = self._show("person", person_id,
                            lambda: PersonEditor(self.ctx, person_id, self.window,
                                                 lookups=self.lookups.get()))
        assert isinstance(editor, PersonEditor)
        return editor

    def open_organisation(self, org_id: int | None = None) -> OrganisationEditor:
        from desktop.editors.organisation import OrganisationEditor

        editor = self._show("organisation", org_id,
                            lambda: OrganisationEditor(self.ctx, org_id, self.window))
        assert isinstance(editor, OrganisationEditor)
        return editor

    def open_lead(self, lead_id: int | None = None,
                  draft: LeadDraft | None = None) -> LeadEditor:
        """A project's editor; a new one may be prefilled (``draft``, e.g. from a meeting)."""
        from desktop.editors.lead import LeadEditor

        editor = self._show("lead", lead_id,
                            lambda: LeadEditor(self.ctx, lead_id, self.window,
                                               lookups=self.lookups.get(), draft=draft))
        assert isinstance(editor, LeadEditor)
        return editor

    def open_visit(self, visit_id: int) -> VisitDialog:
        """An HQ visit's dialog (from the calendar or a leader's view); one per visit."""
        from desktop.editors.visit_dialogs import VisitDialog
        from models.operations.teams import get_visit, visit_draft
        from models.queries import lead_choices
        from models.visits import list_teams

        if visit_id in self.visits:
            dialog = self.visits[visit_id]
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        with self.ctx.sessions() as session:
            draft = visit_draft(session, visit_id)
            revision = get_visit(session, visit_id).revision
            teams = list_teams(session)
            leads = lead_choices(session)  # the follow-up picker: codes and titles
        dialog = VisitDialog(self.ctx, self.lookups.get(), teams, leads, draft, revision,
                             self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.visits[visit_id] = dialog
        dialog.destroyed.connect(lambda _obj=None, k=visit_id: self.visits.pop(k, None))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_unit(self, unit_id: int | None = None) -> UnitEditor:
        from desktop.editors.unit import UnitEditor

        editor = self._show("unit", unit_id, lambda: UnitEditor(self.ctx, unit_id, self.window))
        assert isinstance(editor, UnitEditor)
        return editor

    def close_all(self) -> bool:
        """Close every editor; False when one stays open (its user kept unsaved changes)."""
        for key, editor in list(self.open.items()):
            if not editor.close():
                return False
            self.open.pop(key, None)
        return True
