"""One agenda session of an event, in the event's local time."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop.editors.form import CheckList, keep_duration
from desktop.editors.form_dialog import FormDialog
from desktop.editors.item_dialog import datetime_edit, to_qdatetime, wall_clock
from models.language import Lang
from models.lookups import Lookups
from models.operations.events import SessionDraft
from models.timeutil import local_to_utc


class SessionDialog(FormDialog):
    def __init__(self, draft: SessionDraft, zone: str, lookups: Lookups, lang: Lang, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, lang, parent)
        self.original = draft
        self.zone = zone
        self.title_zh = QLineEdit(draft.title_zh)
        self.title_en = QLineEdit(draft.title_en)
        self.start = datetime_edit()
        self.start.setDateTime(to_qdatetime(draft.starts_at.astimezone(ZoneInfo(zone))))
        self.end = datetime_edit()
        self.end.setDateTime(to_qdatetime(draft.ends_at.astimezone(ZoneInfo(zone))))
        keep_duration(self.start, self.end)
        self.room = QLineEdit(draft.room)
        self.speakers = CheckList((p.name(lang), p.id) for p in lookups.people)
        self.speakers.set_values(draft.speaker_ids)
        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setMaximumHeight(70)
        f = self.form
        f.field(self.tr("Title (Chinese)"), self.title_zh, "title_zh")
        f.field(self.tr("Title (English)"), self.title_en, "title_en")
        f.field(self.tr("Starts (%1)").replace("%1", zone), self.start, "starts_at")
        f.field(self.tr("Ends (%1)").replace("%1", zone), self.end, "ends_at")
        f.field(self.tr("Room"), self.room, "room")
        f.field(self.tr("Speakers"), self.speakers, "speaker_ids")
        f.field(self.tr("Notes"), self.notes, "notes")
        self.resize(560, 560)

    def draft(self) -> SessionDraft:
        return SessionDraft(
            title_zh=self.title_zh.text(), title_en=self.title_en.text(),
            starts_at=local_to_utc(wall_clock(self.start), self.zone, "starts_at"),
            ends_at=local_to_utc(wall_clock(self.end), self.zone, "ends_at"),
            room=self.room.text(), speaker_ids=self.speakers.values(),
            notes=self.notes.toPlainText(), uuid=self.original.uuid,
        )
