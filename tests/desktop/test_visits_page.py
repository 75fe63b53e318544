"""The Visits page (百队千企): plan a visit, record it done, teams, coverage, the drill-down."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.editors.visit_dialogs import RecordVisitDialog, TeamDialog, VisitDialog
from desktop.pages.visits import VisitsPage
from desktop.tables.visits import CoverageTableModel, VisitTableModel
from models.changes import OpChanges, RecordKind
from models.enums import VisitStatus
from models.language import Lang
from models.operations.directory import OrganisationDraft, create_organisation
from models.operations.teams import (
    TeamDraft,
    VisitDraft,
    create_team,
    mark_targets,
    plan_visit,
    team_draft,
    update_team,
    update_visit,
    visit_draft,
)
from models.visits import coverage, list_visits
from tests.desktop.conftest import Small

SHOTS = Path(os.environ.get("CAMPAIGN_PLANNER_SHOTS", "/tmp"))


@pytest.fixture
def team_id(small: Small) -> int:
    with small.sessions.begin() as s:
        mark_targets(s, [small.world.org_id], region_id=small.world.region_id)
        return create_team(s, TeamDraft("第7小分队", leader_id=small.world.staff_id,
                                        unit_id=small.world.unit_id, target_visits=4)).value.id


@pytest.fixture
def page(ctx: AppContext, team_id: int, qtbot: QtBot) -> VisitsPage:
    host = QWidget()
    qtbot.addWidget(host)
    widget = VisitsPage(ctx, Editors(ctx, host))
    qtbot.addWidget(widget)
    widget.shown: list[QWidget] = []  # type: ignore[attr-defined]
    widget.show_dialog = widget.shown.append  # type: ignore[method-assign,attr-defined]
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_plan_a_visit_then_record_it_done_with_undo(page: VisitsPage, ctx: AppContext,
                                                   small: Small, team_id: int) -> None:
    dialog = page.new_record()
    assert isinstance(dialog, VisitDialog)
    dialog.team.set_value(team_id)
    dialog.organisation.set_value(small.world.org_id)
    dialog.day.setDate(QDate(2023, 11, 20))
    dialog.place.setText("Stuttgart 斯图加特")
    assert not dialog.outcome.isEnabled()  # planned: no outcome yet
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1
    (row,) = page.model.rows()
    assert (row.status, row.team, row.place, row.visited_on) == (
        VisitStatus.PLANNED, "第7小分队", "Stuttgart 斯图加特", date(2023, 11, 20))
    assert row.is_target and row.unit is not None and row.unit.id == small.world.unit_id
    page.select_id(row.id)
    record = page.record_selected()
    assert isinstance(record, RecordVisitDialog)
    record.day.setDate(QDate(2023, 11, 21))
    record.outcome.setPlainText("企业有意在松山湖设立华南研发中心")
    record.buttons.accepted.emit()
    (row,) = page.model.rows()
    assert (row.status, row.visited_on, row.outcome) == (
        VisitStatus.DONE, date(2023, 11, 21), "企业有意在松山湖设立华南研发中心")
    assert "已拜访 1 次" in page.summary.text() or "1 visited" in page.summary.text()
    (by_team,) = page.by_team.rows()
    assert (by_team.targets, by_team.visited, by_team.planned) == (4, 1, 0)
    ctx.undo_stack.undo()
    with ctx.sessions() as s:
        assert [v.status for v in list_visits(s)] == [VisitStatus.PLANNED]
    ctx.undo_stack.undo()
    with ctx.sessions() as s:
        assert list_visits(s) == []
    assert page.model.rowCount() == 0


def test_a_visit_without_organisation_is_refused_in_the_dialog(page: VisitsPage) -> None:
    dialog = page.new_record()
    assert isinstance(dialog, VisitDialog)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0
    assert page.model.rowCount() == 0


def test_teams_are_created_and_edited(page: VisitsPage, ctx: AppContext, small: Small) -> None:
    dialog = page.new_team()
    assert isinstance(dialog, TeamDialog)
    dialog.name.setText("第8小分队")
    dialog.leader.set_value(small.world.leader_id)
    dialog.members.set_checked(small.world.staff_id, True)
    dialog.target.setValue(12)
    dialog.buttons.accepted.emit()
    names = [t.name for t in page.teams.rows()]
    assert names == ["第7小分队", "第8小分队"]
    assert page.team_filter.findText("第8小分队") > 0  # the filter knows the new team
    eight = page.teams.rows()[1]
    assert [m.name_zh for m in eight.members] == ["李晓敏"] and eight.target_visits == 12
    ctx.undo_stack.undo()
    assert [t.name for t in page.teams.rows()] == ["第7小分队"]


def test_models_pass_the_model_tester(qtmodeltester: object, sample_ctx: AppContext) -> None:
    with sample_ctx.sessions() as s:
        visits = list_visits(s)
        by_region = coverage(s, "region")
    model = VisitTableModel(Lang.ZH)
    model.set_rows(visits)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    cover = CoverageTableModel(Lang.ZH, "区域")
    cover.set_rows(by_region)
    qtmodeltester.check(cover)  # type: ignore[attr-defined]
    assert sum(r.targets for r in by_region) == 1000


def test_the_dashboard_ring_drills_down_to_the_visits(sample_ctx: AppContext, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    window = MainWindow(sample_ctx, AppSettings())
    qtbot.addWidget(window)
    window.resize(1480, 920)
    window.show()
    window.show_page("dashboard")
    qtbot.waitExposed(window)
    ring = next(card for card in window.dashboard.gauges if card.key == "hq_visits")
    qtbot.mouseClick(ring, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert window.current_page() is window.visits
    assert window.visits.detail.currentIndex() == 0
    assert window.visits.by_team.rowCount() == 100
    assert window.visits.model.rowCount() == 1200
    window.grab().save(str(SHOTS / "visits-page.png"))
    flagship = next(card for card in window.dashboard.gauges if card.key == "flagship_projects")
    window.show_page("dashboard")
    qtbot.mouseClick(flagship, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert window.current_page() is window.projects
    window.editors.close_all()


def test_confirm_a_done_visit_with_undo(page: VisitsPage, ctx: AppContext, small: Small,
                                       team_id: int) -> None:
    with ctx.sessions.begin() as s:
        visit = plan_visit(s, VisitDraft(small.world.org_id, date(2023, 11, 20), team_id,
                                         VisitStatus.PLANNED)).value.id
    ctx.notify(OpChanges.of(RecordKind.HQ_VISIT, visit))
    page.select_id(visit)
    page.confirm_button.click()  # planned: nothing to confirm yet
    assert "尚未完成" in page.messages.last_message
    with ctx.sessions.begin() as s:
        update_visit(s, visit, replace(visit_draft(s, visit), status=VisitStatus.DONE))
    ctx.notify(OpChanges.of(RecordKind.HQ_VISIT, visit))
    page.select_id(visit)
    column = [c.key for c in page.model.columns].index("confirmed")
    assert page.model.index(0, column).data() == "待确认"
    page.confirm_button.click()
    (row,) = page.model.rows()
    assert row.confirmed_at is not None and page.model.index(0, column).data() == "✓ 已确认"
    page.grab().save(str(SHOTS / "visits-confirmed.png"))
    ctx.undo_stack.undo()
    (row,) = page.model.rows()
    assert row.confirmed_at is None


def test_english_team_names_in_the_english_window(small: Small, db_url: str, team_id: int,
                                                  qtbot: QtBot) -> None:
    english = AppContext(small.sessions, db_url, Lang.EN)
    english.background_loading = False
    with small.sessions.begin() as s:
        draft = team_draft(s, team_id)
        draft.name_en = "Team 7"
        update_team(s, team_id, draft)
        plan_visit(s, VisitDraft(small.world.org_id, date(2023, 11, 20), team_id, place="法兰克福"))
    host = QWidget()
    qtbot.addWidget(host)
    page = VisitsPage(english, Editors(english, host))
    qtbot.addWidget(page)
    page.show_dialog = lambda _dialog: None  # type: ignore[method-assign]
    page.resize(1300, 760)
    page.show()
    qtbot.waitExposed(page)
    team_col = page.teams.column_number("name")
    assert page.teams.index(0, team_col).data() == "Team 7"
    visit_col = page.model.column_number("team")
    assert page.model.index(0, visit_col).data() == "Team 7"
    place = page.model.index(0, page.model.column_number("place"))
    assert place.data() == "Frankfurt"  # the directory's city in English, not 法兰克福
    assert place.data(Qt.ItemDataRole.ToolTipRole) == "法兰克福"
    from desktop.tables.organisations import OrganisationTableModel

    with small.sessions.begin() as s:
        org = create_organisation(s, OrganisationDraft("甲公司", hq_city="法兰克福",
                                                       hq_country="DE")).value
    orgs = OrganisationTableModel(Lang.EN)
    orgs.set_rows([org])
    assert orgs.index(0, orgs.column_number("hq")).data() == "Frankfurt (Germany)"
    assert page.team_filter.findText("Team 7") > 0 and page.team_filter.findText("第7小分队") < 0
    dialog = page.new_team()
    qtbot.addWidget(dialog)
    dialog.name.setText("第8小分队")  # as typed (QTest cannot type Chinese)
    dialog.name.textEdited.emit("第8小分队")
    assert dialog.name_en.text() == "Team 8"  # suggested from the Chinese pattern
    dialog.name_en.setText("Pioneers 8")
    qtbot.keyClicks(dialog.name, "x")  # a name typed by hand is never overwritten
    assert dialog.name_en.text() == "Pioneers 8"
    dialog.name.setText("第8小分队")
    dialog.buttons.accepted.emit()
    assert [t.label(Lang.EN) for t in page.teams.rows()] == ["Team 7", "Pioneers 8"]
    assert page.team_filter.findText("Pioneers 8") > 0
    page.teams_view.selectRow(1)
    edit = page.edit_team()
    assert edit is not None
    qtbot.addWidget(edit)
    assert edit.name_en.text() == "Pioneers 8" and "Pioneers 8" in edit.windowTitle()


def test_filter_labels_are_not_clipped_in_english(small: Small, db_url: str, team_id: int,
                                                  qtbot: QtBot) -> None:
    english = AppContext(small.sessions, db_url, Lang.EN)
    english.background_loading = False
    host = QWidget()
    qtbot.addWidget(host)
    page = VisitsPage(english, Editors(english, host))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    combos = [page.team_filter, page.status_filter, page.target_filter]
    assert len(combos) == 3
    for combo in page.findChildren(QComboBox):
        if combo.parent() is page and combo.itemText(0).startswith(("All", "Any")):
            text = combo.itemText(0)
            assert combo.width() > combo.fontMetrics().horizontalAdvance(text) + 16, text


def test_the_follow_up_picker_offers_the_chosen_organisations_projects(
        sample_ctx: AppContext, qtbot: QtBot) -> None:
    """Not the campaign's thousands: the organisation's own projects (and the one chosen);
    all of them, to search by typing, while the organisation has none."""
    from models.lookups import load_lookups
    from models.queries import lead_choices

    with sample_ctx.sessions() as s:
        lookups = load_lookups(s)
        leads = lead_choices(s)
    by_organisation: dict[int, list[int]] = {}
    for lead in leads:
        by_organisation.setdefault(lead.organisation_id, []).append(lead.id)
    company, own = max(by_organisation.items(), key=lambda kv: len(kv[1]))
    without = next(o.id for o in lookups.organisations if o.id not in by_organisation)
    dialog = VisitDialog(sample_ctx, lookups, [], leads)
    qtbot.addWidget(dialog)
    offered = lambda: [dialog.follow_up.itemText(i) for i in range(dialog.follow_up.count())]  # noqa: E731
    assert len(offered()) == len(leads) + 1  # no organisation yet: every project, and "none"
    dialog.organisation.set_value(company)
    assert len(own) >= 1 and len(offered()) == len(own) + 1
    assert offered()[1:] == [f"{x.code}  {x.title(sample_ctx.lang)}" for x in leads
                             if x.organisation_id == company]  # after "none"
    dialog.status.set_value(VisitStatus.DONE)
    dialog.follow_up.set_value(own[-1])
    assert dialog.draft().follow_up_lead_id == own[-1]
    dialog.organisation.set_value(without)  # no project of its own: all, but not the other's
    assert len(offered()) == len(leads) + 1 and dialog.follow_up.value() is None
    assert dialog.draft().follow_up_lead_id is None
    dialog.organisation.set_value(company)
    assert len(offered()) == len(own) + 1 and dialog.follow_up.value() is None
    dialog.follow_up.set_value(own[-1])
    dialog.organisation.set_value(company)  # chosen again: nothing changes
    assert dialog.follow_up.value() == own[-1]


def test_an_existing_visit_keeps_its_follow_up_whoever_s_project_it_is(
        sample_ctx: AppContext, qtbot: QtBot) -> None:
    """Opened on a visit whose follow-up project is another organisation's (saved so before):
    shown and kept as it is, until the user changes the organisation."""
    from models.lookups import load_lookups
    from models.queries import lead_choices

    with sample_ctx.sessions() as s:
        lookups = load_lookups(s)
        leads = lead_choices(s)
    other = leads[0]
    visited = next(o.id for o in lookups.organisations if o.id != other.organisation_id)
    draft = VisitDraft(visited, date(2023, 5, 8), status=VisitStatus.DONE,
                       follow_up_lead_id=other.id)
    dialog = VisitDialog(sample_ctx, lookups, [], leads, draft, revision=1)
    qtbot.addWidget(dialog)
    assert dialog.follow_up.value() == other.id
    assert dialog.draft() == draft
