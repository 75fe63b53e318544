"""Steering in the window: a leader's (挂点领导) and an industry chain's (链长) projects, trips
and visits (the same read as ``show``), the chain leaders and the target list edited with
undo, and the linked leader on a project's editor."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.editors.chain_leaders import ChainLeadersDialog
from desktop.editors.lead import LeadEditor
from desktop.editors.opening import Editors
from desktop.editors.person import PersonEditor
from desktop.editors.target_dialog import TargetDialog
from desktop.editors.visit_dialogs import VisitDialog
from desktop.pages.organisations import OrganisationsPage
from desktop.pages.projects import ProjectsPage
from desktop.pages.steering import BY_CHAIN, SteeringPanel
from desktop.pages.visits import VisitsPage
from models.enums import VisitStatus
from models.language import Lang
from models.leaders import chain_leaders, chain_view, leader_view
from models.operations.leads import LeadDraft, create_lead, lead_draft
from models.operations.teams import TeamDraft, VisitDraft, create_team, plan_visit
from models.visits import list_targets, target_regions
from tests.desktop.conftest import Small

YI = 100_000_000
SHOTS = Path(os.environ.get("CAMPAIGN_PLANNER_SHOTS", "/tmp"))


@pytest.fixture
def steered(small: Small) -> Small:
    """A project linked to the city leader, a team he leads with a planned visit."""
    w = small.world
    with small.sessions.begin() as s:
        create_lead(s, LeadDraft("博世电驱动项目", w.org_id, 60 * YI, unit_id=w.unit_id,
                                 industry_id=w.industry_id, leader_id=w.leader_id))
        team = create_team(s, TeamDraft("第1小分队", leader_id=w.leader_id,
                                        unit_id=w.unit_id, target_visits=10)).value
        plan_visit(s, VisitDraft(w.org_id, date(2023, 3, 22), team.id, place="Stuttgart"))
    return small


def _shown(widget: QWidget, qtbot: QtBot) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)


def test_the_panel_shows_the_same_view_as_show(ctx: AppContext, steered: Small,
                                               qtbot: QtBot) -> None:
    w = steered.world
    panel = SteeringPanel(ctx)
    panel.resize(1100, 420)
    _shown(panel, qtbot)
    panel.show_leader(w.leader_id)
    with ctx.sessions() as s:
        expected = leader_view(s, w.leader_id)
    assert panel.view_shown == expected
    assert [r.title_zh for r in panel.projects.rows()] == ["博世电驱动项目"]
    assert [r.code for r in panel.trips.rows()] == [steered.trip.code]
    assert [r.place for r in panel.visits.rows()] == ["Stuttgart"]
    assert panel.tabs.tabText(0) == "Projects (1)"  # no translator installed here
    assert panel.heading.text().startswith("王建国")
    panel.grab().save(str(SHOTS / "steering-leader-zh.png"))
    panel.show_chain(w.industry_id)
    with ctx.sessions() as s:
        assert panel.view_shown == chain_view(s, w.industry_id)
    assert panel.heading.text().startswith("新能源汽车 · chain leader: (none)")


def test_projects_page_by_leader_and_chain(ctx: AppContext, steered: Small,
                                          qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    page = ProjectsPage(ctx, Editors(ctx, host))
    page.resize(1300, 700)
    _shown(page, qtbot)
    panel = page.show_steering()
    assert panel.isVisible() and not page.view.isVisible() and not page.board.isVisible()
    assert page.steering_button.isChecked()
    panel.show_chain(steered.world.industry_id)
    assert panel.by.currentData() == BY_CHAIN
    assert panel.projects.rowCount() == 1
    panel.project_view.selectRow(0)
    assert page.selected_row() is not None  # Open and Delete act on the project shown
    page.grab().save(str(SHOTS / "projects-by-chain-zh.png"))
    page.show_mode(0)
    assert page.view.isVisible() and not panel.isVisible()


def test_chain_leaders_dialog_with_undo(ctx: AppContext, steered: Small, qtbot: QtBot) -> None:
    w = steered.world
    panel = SteeringPanel(ctx)
    _shown(panel, qtbot)
    panel.show_chain(w.industry_id)
    panel.show_dialog = lambda _d: None  # type: ignore[method-assign]
    dialog = panel.edit_chain_leaders()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ChainLeadersDialog)
    dialog.boxes[w.industry_id].set_value(w.leader_id)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1
    with ctx.sessions() as s:
        assert chain_leaders(s)[w.industry_id].id == w.leader_id
    assert "王建国" in panel.heading.text()  # the panel follows the change
    ctx.undo_stack.undo()
    with ctx.sessions() as s:
        assert w.industry_id not in chain_leaders(s)
    ctx.undo_stack.redo()
    with ctx.sessions() as s:
        assert chain_leaders(s)[w.industry_id].id == w.leader_id


def test_a_staff_member_cannot_be_chain_leader(ctx: AppContext, steered: Small,
                                              qtbot: QtBot) -> None:
    w = steered.world
    dialog = ChainLeadersDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.boxes[w.industry_id].findText("李晓敏") < 0  # city leaders only
    dialog.buttons.accepted.emit()  # nothing changed: closes, nothing on the undo stack
    assert dialog.result() == 1 and ctx.undo_stack.count() == 0


def test_a_person_editor_shows_what_they_steer(ctx: AppContext, steered: Small,
                                              qtbot: QtBot) -> None:
    editor = PersonEditor(ctx, steered.world.leader_id)
    _shown(editor, qtbot)
    assert editor.steering is not None
    editor.tabs.setCurrentIndex(editor.steering_tab)
    assert editor.steering.projects.rowCount() == 1
    assert editor.steering.visits.rowCount() == 1
    editor.grab().save(str(SHOTS / "person-steering-zh.png"))
    assert PersonEditor(ctx, None).steering is None  # a new person steers nothing yet


def test_opening_a_visit_from_the_panel(ctx: AppContext, steered: Small, qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    editors = Editors(ctx, host)
    panel = SteeringPanel(ctx, person_id=steered.world.leader_id)
    _shown(panel, qtbot)
    panel.tabs.setCurrentIndex(2)
    panel.visit_view.selectRow(0)
    panel.open_selected()
    assert len(editors.visits) == 1
    dialog = next(iter(editors.visits.values()))
    assert isinstance(dialog, VisitDialog) and dialog.place.text() == "Stuttgart"
    dialog.reject()


def test_the_linked_leader_on_the_project_editor(ctx: AppContext, steered: Small,
                                                 qtbot: QtBot) -> None:
    with ctx.sessions() as s:
        lead_id = leader_view(s, steered.world.leader_id).projects[0].id
    editor = LeadEditor(ctx, lead_id)
    qtbot.addWidget(editor)
    assert editor.leader.value() == steered.world.leader_id
    assert editor.leader.itemText(1).startswith("王建国")  # city leaders first
    editor.leader.set_value(None)
    assert editor.save()
    with ctx.sessions() as s:
        assert lead_draft(s, lead_id).leader_id is None
    ctx.undo_stack.undo()
    with ctx.sessions() as s:
        assert lead_draft(s, lead_id).leader_id == steered.world.leader_id


def test_mark_and_unmark_target_hqs_on_the_organisations_page(
        ctx: AppContext, small: Small, qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    page = OrganisationsPage(ctx, Editors(ctx, host))
    page.resize(1200, 600)
    _shown(page, qtbot)
    shown: list[QWidget] = []
    page.show_dialog = shown.append  # type: ignore[method-assign]
    assert page.mark_selected() is None  # nothing selected: a message
    assert page.select_id(small.world.org_id)
    dialog = page.mark_selected()
    assert isinstance(dialog, TargetDialog)
    qtbot.addWidget(dialog)
    assert dialog.industry.value() == small.world.industry_id  # the organisation's own
    dialog.region.set_value(small.world.region_id)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1
    with ctx.sessions() as s:
        assert target_regions(s)[small.world.org_id] is not None
    page.target_filter.setCurrentIndex(1)  # target HQs only
    assert page.proxy.rowCount() == 1
    page.select_id(small.world.org_id)
    assert page.unmark_selected()
    with ctx.sessions() as s:
        assert small.world.org_id not in target_regions(s)
    assert page.proxy.rowCount() == 0
    ctx.undo_stack.undo()  # back on the list, with its region
    with ctx.sessions() as s:
        region = target_regions(s)[small.world.org_id]
    assert region is not None and region.id == small.world.region_id
    ctx.undo_stack.undo()  # the mark undone: off the list
    with ctx.sessions() as s:
        assert small.world.org_id not in target_regions(s)


def test_the_target_list_on_the_visits_page(ctx: AppContext, small: Small,
                                            qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    page = VisitsPage(ctx, Editors(ctx, host))
    page.resize(1300, 760)
    shown: list[QWidget] = []
    page.show_dialog = shown.append  # type: ignore[method-assign]
    _shown(page, qtbot)
    page.detail.setCurrentIndex(page.targets_tab)
    assert page.target_list.rowCount() == 0
    dialog = page.add_target()
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()  # no organisation chosen: refused beside the field
    assert dialog.result() == 0
    assert dialog.organisation is not None
    dialog.organisation.set_value(small.world.org_id)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1
    assert page.target_list.rowCount() == 1
    assert page.by_industry.rows()[0].targets == 1  # the coverage follows
    page.targets_view.selectRow(0)
    refile = page.refile_targets()
    assert refile is not None
    qtbot.addWidget(refile)
    refile.region.set_value(small.world.home_region_id)
    refile.buttons.accepted.emit()
    with ctx.sessions() as s:
        row = list_targets(s)[0]
    assert row.region is not None and row.region.id == small.world.home_region_id
    page.grab().save(str(SHOTS / "visits-target-list-zh.png"))
    ctx.undo_stack.undo()
    with ctx.sessions() as s:
        assert list_targets(s)[0].region is None
    page.targets_view.selectRow(0)
    assert page.remove_targets()
    assert page.target_list.rowCount() == 0
    assert ctx.undo_stack.undoText() != ""


def test_english_steering_panel(small: Small, db_url: str, steered: Small,
                                qtbot: QtBot) -> None:
    ctx = AppContext(small.sessions, db_url, Lang.EN)
    ctx.background_loading = False
    panel = SteeringPanel(ctx)
    panel.resize(1100, 420)
    _shown(panel, qtbot)
    panel.show_leader(steered.world.leader_id)
    assert panel.heading.text().startswith("Wang Jianguo")
    with ctx.sessions() as s:
        planned = [v for v in leader_view(s, steered.world.leader_id).visits
                   if v.status is VisitStatus.PLANNED]
    assert len(planned) == 1
    panel.grab().save(str(SHOTS / "steering-leader-en.png"))
