"""People and organisations: create, edit, history, delete with undo; refusals explained."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.editors.organisation import OrganisationEditor
from desktop.editors.person import PersonEditor
from desktop.main_window import MainWindow
from models import queries
from models.enums import PersonKind
from tests.desktop.conftest import Small


def people(window: MainWindow) -> dict[str, object]:
    with window.ctx.sessions() as session:
        return {p.name_zh: p for p in queries.list_people(session)}


def test_person_create_edit_delete(window: MainWindow, small: Small, answers: list[str],
                                   qtbot: QtBot) -> None:
    window.show_page("people")
    editor = window.new_record()
    assert isinstance(editor, PersonEditor)
    editor.name_zh.setText("赵敏")
    editor.kind.set_value(PersonKind.UNIT_STAFF)
    editor.email.setText("not-an-address")
    assert not editor.save()
    assert "邮箱" in editor.errors.label("email").text()
    assert editor.name_zh.text() == "赵敏"
    editor.email.setText("zhao@example.cn")
    assert editor.save()
    editor.phone.setText("0769-22223333")
    assert editor.save()
    assert people(window)["赵敏"].phone == "0769-22223333"  # type: ignore[attr-defined]
    editor.close()
    person_id = people(window)["赵敏"].id  # type: ignore[attr-defined]
    window.people.select_id(person_id)
    window.delete_selected()
    assert "赵敏" not in people(window)
    window.ctx.undo_stack.undo()
    assert people(window)["赵敏"].email == "zhao@example.cn"  # type: ignore[attr-defined]


def test_deleting_a_leader_is_explained(window: MainWindow, small: Small, answers: list[str],
                                        qtbot: QtBot) -> None:
    window.show_page("people")
    window.people.select_id(small.world.leader_id)
    window.delete_selected()
    assert "仍被引用" in window.people.messages.last_message
    assert "王建国" in people(window)


def test_organisation_editor_shows_history(window: MainWindow, small: Small,
                                           qtbot: QtBot) -> None:
    window.show_page("organisations")
    window.organisations.select_id(small.world.org_id)
    tree = window.organisations.history
    groups = [tree.topLevelItem(n).text(0) for n in range(tree.topLevelItemCount())]
    assert groups[0].endswith("(1)")  # the trip that targets Bosch
    assert groups[1].endswith("(1)")  # the event that invited it
    editor = window.edit_selected()
    assert isinstance(editor, OrganisationEditor)
    assert editor.tabs.isTabEnabled(editor.history_tab)
    editor.hq_country.setEditText("D1")
    assert not editor.save()
    assert "两位字母" in editor.errors.label("hq_country").text()
    editor.hq_country.setEditText("de")
    editor.fortune.setValue(88)
    assert editor.save()
    with window.ctx.sessions() as session:
        bosch = queries.get_organisation(session, small.world.org_id)
    assert (bosch.hq_country, bosch.fortune_global_500_rank) == ("DE", 88)


def test_new_organisation_and_undo(window: MainWindow, small: Small, qtbot: QtBot) -> None:
    window.show_page("organisations")
    editor = window.new_record()
    assert isinstance(editor, OrganisationEditor)
    editor.name_zh.setText("宁德时代")
    editor.name_en.setText("CATL")
    assert editor.save()
    assert editor.record_id() is not None
    assert window.organisations.model.find_row(editor.record_id()) >= 0
    window.ctx.undo_stack.undo()
    assert window.organisations.model.find_row(editor.record_id()) < 0


def test_the_dossier_s_fields_sit_one_under_another(window: MainWindow, small: Small,
                                                    qtbot: QtBot) -> None:
    """Business, revenue, employees and the presences follow each other without empty bands,
    however tall the editor; the room left over stays below the last field."""
    editor = window.editors.open_organisation(small.world.org_id)
    editor.resize(900, 760)
    editor.tabs.setCurrentIndex(1)
    qtbot.waitExposed(editor)
    fields = [editor.business, editor.revenue, editor.employees, editor.china_presence,
              editor.gba_presence]
    tops = [f.mapTo(editor, f.rect().topLeft()).y() for f in fields]
    bottoms = [f.mapTo(editor, f.rect().bottomLeft()).y() for f in fields]
    assert tops == sorted(tops)
    for above, below in zip(bottoms, tops[1:], strict=False):
        assert below - above < 24  # the form's spacing and an empty error line, not a band
    editor.discard_and_close()
