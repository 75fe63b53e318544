"""A picker of records by id (``desktop.editors.form.IdCombo``) where two records read the same:
two people of one name are common, and the one chosen is the one saved."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.context import AppContext
from desktop.editors.event import EventEditor
from desktop.editors.form import IdCombo
from models.enums import PersonKind
from models.language import Lang
from models.operations.directory import PersonDraft, create_person
from models.operations.events import create_event
from models.operations.events import event_draft as stored_event
from tests.desktop.conftest import event_draft
from tests.factories import make_world

NAMESAKES = [("王伟", 1), ("李娜", 2), ("王伟", 3)]


def test_the_chosen_one_of_two_alike_is_the_value(qtbot: QtBot) -> None:
    combo = IdCombo(NAMESAKES, none_label="（无）")
    qtbot.addWidget(combo)
    for ident in (3, 1, 2, None):
        combo.set_value(ident)
        assert combo.value() == ident
    combo.setEditText("李娜")  # typed: the entry that reads so
    assert combo.value() == 2
    combo.set_value(2)
    combo.setEditText("王伟")  # typed where another was chosen: the first that reads so
    assert combo.value() == 1


def test_an_event_led_by_one_of_two_namesakes_opens_unchanged_and_keeps_its_lead(
        sessions: sessionmaker[Session], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def question(*args: object, **_kw: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    with sessions.begin() as session:
        w = make_world(session)
        people = [create_person(session, PersonDraft("王伟", PersonKind.BUREAU_STAFF,
                                                     title_zh=title)).value.id
                  for title in ("科员", "副科长")]
        event = create_event(session, event_draft(w, lead_person_id=people[1])).value
    ctx = AppContext(sessions, "test", Lang.ZH)
    ctx.background_loading = False
    editor = EventEditor(ctx, event.id)
    qtbot.addWidget(editor)
    assert editor.lead_person.value() == people[1]
    assert editor.lead_person.currentText() == "王伟 · 副科长"  # told apart by the position
    assert not editor.is_dirty()
    editor.title_zh.setText("新能源汽车产业峰会（第二届）")
    assert editor.save()
    with sessions() as session:
        saved = stored_event(session, event.id)
    assert saved.lead_person_id == people[1]
    assert replace(saved, title_zh="") == replace(editor.loaded, title_zh="")
    editor.close()
    assert asked == []  # nothing unsaved: no question on closing
