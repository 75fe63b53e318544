"""The Projects page: filters and totals, the pipeline board's drag (with undo), the editor."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.editors.lead import LeadEditor
from desktop.editors.opening import Editors
from desktop.editors.organisation_chooser import OrganisationChooser
from desktop.editors.stage_dialog import StageMoveDialog
from desktop.pages.projects import ProjectsPage
from desktop.pages.projects_board import StageList
from desktop.tables.leads import LeadTableModel
from models import queries
from models.changes import OpChanges, RecordKind
from models.enums import LeadStage
from models.language import Lang
from models.operations.directory import OrganisationDraft, create_organisation
from models.operations.leads import LeadDraft, create_lead, move_lead
from tests.desktop.conftest import Small

YI = 100_000_000
SHOTS = Path(os.environ.get("CAMPAIGN_PLANNER_SHOTS", "/tmp"))


@pytest.fixture
def lead_id(small: Small) -> int:
    with small.sessions.begin() as s:
        return create_lead(s, LeadDraft(
            "博世新能源汽车零部件项目", small.world.org_id, 60 * YI, unit_id=small.world.unit_id,
            industry_id=small.world.industry_id, source_trip_id=small.trip.id,
            first_contact_on=date(2023, 3, 1))).value.id


@pytest.fixture
def page(ctx: AppContext, lead_id: int, qtbot: QtBot) -> ProjectsPage:
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    widget = ProjectsPage(ctx, Editors(ctx, host))
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drag(board_list: StageList, target: StageList, lead: int) -> None:
    """Drop the card of ``lead`` from one column onto another, as a mouse drag ends."""
    item = next(board_list.item(n) for n in range(board_list.count())
                if board_list.item(n).data(Qt.ItemDataRole.UserRole + 1) == lead)
    mime = board_list.mimeData([item])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    target.dropEvent(event)


def stage_of(ctx: AppContext, lead: int) -> LeadStage:
    with ctx.sessions() as s:
        return next(x.stage for x in queries.list_leads(s) if x.id == lead)


def test_table_model_passes_the_model_tester(qtmodeltester: object, sample_ctx: AppContext) -> None:
    model = LeadTableModel(Lang.ZH)
    with sample_ctx.sessions() as s:
        model.set_rows(queries.list_leads(s))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 62


def test_drag_to_the_next_stage_and_undo(page: ProjectsPage, lead_id: int, ctx: AppContext) -> None:
    page.show_board(True)
    board = page.board
    contact = board.columns[LeadStage.CONTACT].cards
    assert contact.count() == 1
    assert "60 亿元" in contact.item(0).text() and "★" in contact.item(0).text()
    assert "接洽" in contact.item(0).toolTip()
    drag(contact, board.columns[LeadStage.NEGOTIATION].cards, lead_id)
    assert stage_of(ctx, lead_id) is LeadStage.NEGOTIATION
    assert board.columns[LeadStage.NEGOTIATION].cards.count() == 1
    assert contact.count() == 0
    ctx.undo_stack.undo()
    assert stage_of(ctx, lead_id) is LeadStage.CONTACT
    assert board.columns[LeadStage.CONTACT].cards.count() == 1
    ctx.undo_stack.redo()
    assert stage_of(ctx, lead_id) is LeadStage.NEGOTIATION


def test_drag_to_signed_asks_for_the_date_and_amount(page: ProjectsPage, lead_id: int,
                                                     ctx: AppContext,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[StageMoveDialog] = []

    def answer(dialog: StageMoveDialog) -> None:
        asked.append(dialog)
        dialog.signed_on.setDate(dialog.signed_on.date().fromString("2023-04-18", "yyyy-MM-dd"))
        dialog.amount.setValue(0)
        dialog.buttons.accepted.emit()  # refused: a signed project needs its amount
        assert dialog.result() == 0 and "金额" in dialog.banner.text() + _errors(dialog)
        dialog.amount.setValue(45.5)
        dialog.buttons.accepted.emit()

    monkeypatch.setattr(page, "ask_stage_details", answer)
    page.show_board(True)
    page.board.columns[LeadStage.SIGNED].show()
    drag(page.board.columns[LeadStage.CONTACT].cards, page.board.columns[LeadStage.SIGNED].cards,
         lead_id)
    assert len(asked) == 1
    with ctx.sessions() as s:
        row = next(x for x in queries.list_leads(s) if x.id == lead_id)
    assert (row.stage, row.signed_on, row.amount_cny) == (LeadStage.SIGNED, date(2023, 4, 18),
                                                          int(45.5 * YI))
    assert row.history[-1].on == date(2023, 4, 18)
    ctx.undo_stack.undo()
    with ctx.sessions() as s:
        row = next(x for x in queries.list_leads(s) if x.id == lead_id)
    assert (row.stage, row.signed_on, row.amount_cny, len(row.history)) == (
        LeadStage.CONTACT, None, 60 * YI, 1)


def _errors(dialog: StageMoveDialog) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_filters_and_totals(sample_ctx: AppContext, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    page = ProjectsPage(sample_ctx, Editors(sample_ctx, host))
    qtbot.addWidget(page)
    page.resize(1500, 760)
    page.show()
    qtbot.waitExposed(page)
    assert page.proxy.rowCount() == 62
    assert "62" in page.totals.text() and "1,600 亿元" in page.totals.text()
    page.flagship_filter.setCurrentIndex(1)
    flagships = page.shown_rows()
    assert flagships and all(r.is_flagship for r in flagships)
    page.flagship_filter.setCurrentIndex(0)
    page.min_amount.setValue(50)
    assert all(r.amount_cny >= 50 * YI for r in page.shown_rows())
    page.min_amount.setValue(0)
    signed_index = next(n for n in range(page.stage_filter.count())
                        if page.stage_filter.itemText(n) == "签约")
    page.stage_filter.setCurrentIndex(signed_index)
    assert {r.stage for r in page.shown_rows()} == {LeadStage.SIGNED}
    page.stage_filter.setCurrentIndex(0)
    page.grab().save(str(SHOTS / "projects-list.png"))
    page.show_board(True)
    qtbot.wait(10)
    page.grab().save(str(SHOTS / "projects-board.png"))
    total = sum(page.board.columns[s].cards.count() for s in LeadStage)
    assert total == 62


def test_editor_shows_every_field_and_the_history(ctx: AppContext, lead_id: int,
                                                  qtbot: QtBot) -> None:
    editor = LeadEditor(ctx, lead_id)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.title_zh.text() == "博世新能源汽车零部件项目"
    assert editor.history.topLevelItemCount() == 1
    editor.stage.set_value(LeadStage.SIGNED)
    assert not editor.save()  # no signing date yet
    assert stage_of(ctx, lead_id) is LeadStage.CONTACT
    editor.signed_on.setDate(editor.signed_on.date().fromString("2023-05-02", "yyyy-MM-dd"))
    assert editor.save()
    assert stage_of(ctx, lead_id) is LeadStage.SIGNED
    assert editor.history.topLevelItemCount() == 2
    editor.grab().save(str(SHOTS / "project-editor.png"))
    ctx.undo_stack.undo()
    assert stage_of(ctx, lead_id) is LeadStage.CONTACT


def test_project_from_a_meeting_of_a_trip(ctx: AppContext, small: Small, qtbot: QtBot) -> None:
    from desktop.editors.trip import TripEditor

    trip_editor = TripEditor(ctx, small.trip.id)
    qtbot.addWidget(trip_editor)
    trip_editor.show()
    assert trip_editor.projects.model.rowCount() == 0
    trip_editor.items_view.selectRow(0)
    editor = trip_editor.project_from_item()
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.organisation.value() == small.world.org_id
    assert editor.source_trip.value() == small.trip.id
    assert editor.unit.value() == small.world.unit_id  # the trip's host unit
    assert editor.industry.value() == small.world.industry_id
    assert editor.meeting.text() == "拜访博世"
    editor.amount.setValue(12)
    assert editor.save()
    assert trip_editor.projects.model.rowCount() == 1
    row = trip_editor.projects.model.rows()[0]
    assert (row.source_trip_code, row.source_meeting, row.amount_cny) == (
        small.trip.code, "拜访博世", 12 * YI)
    trip_editor.tabs.setCurrentIndex(trip_editor.projects_tab)
    trip_editor.grab().save(str(SHOTS / "trip-editor-projects.png"))


def test_project_from_an_event_session(ctx: AppContext, small: Small, qtbot: QtBot) -> None:
    from desktop.editors.event import EventEditor

    event_editor = EventEditor(ctx, small.event.id)
    qtbot.addWidget(event_editor)
    event_editor.show()
    assert event_editor.project_from_session() is None  # nothing selected: a message
    assert event_editor.banner.isVisible()
    event_editor.agenda_view.selectRow(0)
    asked: list[OrganisationChooser] = []

    def accept_first(chooser: OrganisationChooser) -> bool:  # the user presses OK at once
        asked.append(chooser)
        qtbot.addWidget(chooser)
        return chooser.chosen() is not None

    event_editor.projects.ask_organisation = accept_first  # type: ignore[method-assign]
    editor = event_editor.project_from_session()
    assert editor is not None
    assert len(asked) == 1  # the session names no one organisation: the user was asked
    qtbot.addWidget(editor)
    assert editor.source_event.value() == small.event.id
    assert editor.organisation.value() == small.world.org_id
    assert editor.meeting.text() == "开幕致辞"
    assert editor.save()
    assert event_editor.projects.model.rowCount() == 1


def test_choosing_the_organisation_of_a_session(ctx: AppContext, small: Small,
                                                qtbot: QtBot) -> None:
    """The session's organisations come first (speakers', then invitees by RSVP), then any;
    typing narrows; Cancel makes no project."""
    from desktop.editors.event import EventEditor

    with small.sessions.begin() as s:
        catl = create_organisation(s, OrganisationDraft("宁德时代", name_en="CATL")).value.id
        create_organisation(s, OrganisationDraft("比亚迪", name_en="BYD"))
    event_editor = EventEditor(ctx, small.event.id)
    qtbot.addWidget(event_editor)
    event_editor.show()
    event_editor.agenda_view.selectRow(0)
    asked: list[OrganisationChooser] = []

    def cancel(chooser: OrganisationChooser) -> bool:
        asked.append(chooser)
        qtbot.addWidget(chooser)
        return False

    event_editor.projects.ask_organisation = cancel  # type: ignore[method-assign]
    assert event_editor.project_from_session() is None
    chooser = asked[0]
    texts = [chooser.list.item(n).text() for n in range(chooser.list.count())]
    assert texts[1].startswith("博世集团")  # the invitee, under "In this meeting"
    assert texts.index("比亚迪  ·  BYD") > texts.index("All organisations")
    assert chooser.chosen() == small.world.org_id  # preselected
    chooser.show()
    chooser.grab().save(str(SHOTS / "organisation-chooser.png"))
    chooser.search.setText("catl")
    assert chooser.chosen() == catl  # the only one left: chosen
    chooser.search.setText("没有这个机构")
    assert chooser.chosen() is None
    assert not chooser.buttons.button(chooser.buttons.StandardButton.Ok).isEnabled()

    def choose_catl(chooser: OrganisationChooser) -> bool:
        qtbot.addWidget(chooser)
        return chooser.choose(catl)

    event_editor.projects.ask_organisation = choose_catl  # type: ignore[method-assign]
    editor = event_editor.project_from_session()
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.organisation.value() == catl
    assert editor.title_zh.text() == "宁德时代项目"
    assert editor.meeting.text() == "开幕致辞"


def test_confirm_a_signed_project_with_undo(page: ProjectsPage, lead_id: int, ctx: AppContext,
                                           qtbot: QtBot) -> None:
    page.select_id(lead_id)
    page.confirm_button.click()  # 接洽: nothing to confirm, one clear message
    assert "LEAD-2023-001 尚未签约" in page.messages.last_message
    with ctx.sessions.begin() as s:
        move_lead(s, lead_id, LeadStage.SIGNED, signed_on=date(2023, 3, 20), amount_cny=60 * YI)
    ctx.notify(OpChanges.of(RecordKind.LEAD, lead_id))
    page.select_id(lead_id)
    column = [c.key for c in page.model.columns].index("confirmed")
    (row,) = page.model.rows()
    assert row.awaits_confirmation
    assert page.model.index(0, column).data() == "待确认"
    assert "of which unconfirmed 60 亿元" in page.totals.text()
    page.confirm_button.click()
    (row,) = page.model.rows()
    assert row.confirmed_at is not None and page.model.index(0, column).data() == "✓ 已确认"
    assert "unconfirmed" not in page.totals.text()
    page.grab().save(str(SHOTS / "projects-confirmed.png"))
    ctx.undo_stack.undo()
    (row,) = page.model.rows()
    assert row.awaits_confirmation and row.confirmed_by == ""
    ctx.undo_stack.redo()
    (row,) = page.model.rows()
    assert row.confirmed_at is not None
    page.unconfirm_button.click()
    (row,) = page.model.rows()
    assert row.confirmed_at is None


def test_the_board_makes_cards_a_page_at_a_time(sample_ctx: AppContext, qtbot: QtBot,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten years of projects are 20,000 cards: a column makes a page of them, more as it is
    scrolled to its end, and the card of a project asked for (a saved one, to select);
    the board is not drawn at all while the list is shown."""
    from PySide6.QtWidgets import QWidget

    from desktop.pages import projects_board

    monkeypatch.setattr(projects_board, "CARD_PAGE", 3)
    host = QWidget()
    qtbot.addWidget(host)
    page = ProjectsPage(sample_ctx, Editors(sample_ctx, host))
    qtbot.addWidget(page)
    page.resize(1400, 400)
    page.show()
    qtbot.waitExposed(page)
    assert sum(c.cards.count() for c in page.board.columns.values()) == 0  # the list shown
    page.show_board(True)
    qtbot.wait(20)  # laid out: a column short of cards to fill it makes more
    column = max(page.board.columns.values(), key=lambda c: len(c.rows))
    made = column.cards.count()
    assert 3 <= made < len(column.rows) and made % 3 == 0
    assert column.cards.verticalScrollBar().maximum() > 0  # enough to scroll
    assert column.summary.text().startswith(f"{len(column.rows)} · ")  # every project counted
    bar = column.cards.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert column.cards.count() == min(made + 3, len(column.rows))
    last = column.rows[-1]
    found = page.board.card(last.id)
    assert found is not None and found[0] is column.cards
    assert found[1].data(projects_board.LEAD_ID_ROLE) == last.id
    assert column.cards.count() == len(column.rows)
    assert [column.cards.item(n).data(projects_board.LEAD_ID_ROLE)
            for n in range(column.cards.count())] == [r.id for r in column.rows]
