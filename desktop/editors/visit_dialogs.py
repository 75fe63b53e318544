"""Dialogs of the Visits page: plan or edit a visit, record it as done, edit a team.

Each saves through an undoable command when OK is pressed; a refused save keeps the dialog
open with the message beside its field.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from desktop.context import AppContext
from desktop.editors.form import CheckList, EnumCombo, IdCombo, date_edit, date_of
from desktop.editors.form_dialog import FormDialog
from desktop.editors.own_unit import keep_to_own_unit, own_unit
from desktop.editors.saving import save
from desktop.undo.base import PlannerCommand
from desktop.undo.visits import CreateTeam, EditTeam, EditVisit, PlanVisit
from models.enums import VisitStatus
from models.lookups import Lookups
from models.operations.leads import today
from models.operations.teams import TeamDraft, VisitDraft, english_team_name
from models.rows import LeadChoice, TeamRow


class VisitDialog(FormDialog):
    """Plan a visit (team, organisation, day, place) or edit one."""

    def __init__(self, ctx: AppContext, lookups: Lookups, teams: list[TeamRow],
                 leads: list[LeadChoice], draft: VisitDraft | None = None, revision: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__("", ctx.lang, parent)
        lang = ctx.lang
        self.ctx = ctx
        self.before = draft
        self.revision = revision
        self.setWindowTitle(self.tr("Plan an HQ visit") if draft is None
                            else self.tr("HQ visit"))
        d = draft or VisitDraft(0, today())
        unit = own_unit(ctx)
        if unit is not None and draft is None:  # a unit account plans its own unit's visits
            d = replace(d, unit_id=unit)
        self.team = IdCombo(((t.label(ctx.lang), t.id) for t in teams),
                            none_label=self.tr("(no team)"))
        self.organisation = IdCombo(((o.name(lang), o.id) for o in lookups.organisations),
                                    none_label=self.tr("(choose)"))
        self.day = date_edit(d.visited_on)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("city, address or meeting room"))
        self.status = EnumCombo(VisitStatus, lang)
        self.unit = IdCombo(((u.name(lang), u.id) for u in lookups.units),
                            none_label=self.tr("(the team's unit)"))
        self.outcome = QPlainTextEdit()
        self.outcome.setFixedHeight(70)
        self.leads = leads
        self.follow_up = IdCombo((), none_label=self.tr("(none)"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.form.field(self.tr("Team"), self.team, "team_id")
        self.form.field(self.tr("Organisation"), self.organisation, "organisation_id")
        self.form.field(self.tr("Date"), self.day, "visited_on")
        self.form.field(self.tr("Place"), self.place, "place")
        self.form.field(self.tr("Status"), self.status, "status")
        self.form.field(self.tr("Credited unit"), self.unit, "unit_id")
        self.form.field(self.tr("Outcome"), self.outcome, "outcome")
        self.form.field(self.tr("Follow-up project"), self.follow_up, "follow_up_lead_id")
        self.form.field(self.tr("Notes"), self.notes, "notes")
        self.team.set_value(d.team_id)
        self.organisation.set_value(d.organisation_id or None)
        self.place.setText(d.place)
        self.status.set_value(d.status)
        self.unit.set_value(d.unit_id)
        keep_to_own_unit(self.unit, unit, d.unit_id, draft is None)
        self.outcome.setPlainText(d.outcome)
        self._offer_follow_ups(d.follow_up_lead_id)  # the visit's own, whoever's it is
        self.organisation.currentIndexChanged.connect(lambda _i: self._organisation_changed())
        self.notes.setPlainText(d.notes)
        self.status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self._status_changed()
        self.resize(560, self.sizeHint().height())
        self.accept_with = lambda _dialog: self._save()

    def _organisation_changed(self) -> None:
        """Another organisation: its projects, the one chosen kept only if it is one of them
        (a visit to B does not follow up A's project)."""
        chosen, organisation = self.follow_up.value(), self.organisation.value()
        self._offer_follow_ups(chosen if any(
            x.id == chosen and x.organisation_id == organisation for x in self.leads) else None)

    def _offer_follow_ups(self, kept: int | None) -> None:
        """The follow-up projects offered: the chosen organisation's (and ``kept``, chosen),
        not the campaign's thousands; every project while no organisation is chosen or the
        chosen one has none (type to search them)."""
        organisation = self.organisation.value()
        own = [x for x in self.leads
               if (organisation is not None and x.organisation_id == organisation) or x.id == kept]
        if not any(x.organisation_id == organisation for x in own):
            own = self.leads
        lang = self.ctx.lang
        self.follow_up.set_choices((f"{x.code}  {x.title(lang)}", x.id) for x in own)
        self.follow_up.set_value(kept)

    def _status_changed(self) -> None:
        done = self.status.value() is VisitStatus.DONE
        self.outcome.setEnabled(done)
        self.follow_up.setEnabled(done)

    def draft(self) -> VisitDraft:
        base = self.before or VisitDraft(0, today())
        done = self.status.value() is VisitStatus.DONE
        return replace(
            base, team_id=self.team.value(), organisation_id=self.organisation.value() or 0,
            visited_on=date_of(self.day), place=self.place.text(), status=self.status.value(),
            unit_id=self.unit.value(), outcome=self.outcome.toPlainText() if done else "",
            follow_up_lead_id=self.follow_up.value() if done else None,
            notes=self.notes.toPlainText())

    def command(self) -> PlannerCommand | None:
        draft = self.draft()
        label = self.organisation.currentText()
        if self.before is None:
            return PlanVisit(self.ctx, draft, label)
        if draft == self.before:
            return None
        return EditVisit(self.ctx, self.before, draft, self.revision,
                         self.tr("Edit the visit to %1").replace("%1", label))

    def _save(self) -> bool:
        command = self.command()
        return command is None or save(self.ctx, command, self)


class RecordVisitDialog(VisitDialog):
    """Record a planned visit as done: the day, the outcome, the follow-up project."""

    def __init__(self, ctx: AppContext, lookups: Lookups, teams: list[TeamRow],
                 leads: list[LeadChoice], draft: VisitDraft, revision: int,
                 parent: QWidget | None = None) -> None:
        # the follow-up project is one of the visited organisation's (VisitDialog), or none
        super().__init__(ctx, lookups, teams, leads, draft, revision, parent)
        self.setWindowTitle(self.tr("Record the visit"))
        self.status.set_value(VisitStatus.DONE)
        for widget in (self.team, self.organisation, self.unit):
            widget.setEnabled(False)
        self.outcome.setFocus()

    def command(self) -> PlannerCommand | None:
        assert self.before is not None
        return EditVisit(self.ctx, self.before, self.draft(), self.revision,
                         self.tr("Record the visit to %1").replace(
                             "%1", self.organisation.currentText()))


class TeamDialog(FormDialog):
    """A team of 百队千企: name, leader, unit, members, target number of visits."""

    def __init__(self, ctx: AppContext, lookups: Lookups, draft: TeamDraft | None = None,
                 revision: int = 0, parent: QWidget | None = None) -> None:
        super().__init__("", ctx.lang, parent)
        lang = ctx.lang
        self.ctx = ctx
        self.before = draft
        self.revision = revision
        self.setWindowTitle(self.tr("New team") if draft is None else self.tr("Team %1")
                            .replace("%1", lang.pick(draft.name, draft.name_en)))
        d = draft or TeamDraft("")
        people = [(f"{p.name(lang)}  {p.title(lang)}".strip(), p.id) for p in lookups.people]
        self.name = QLineEdit(d.name)
        self.name.setPlaceholderText(self.tr("e.g. 第101小分队"))
        self.name_en = QLineEdit(d.name_en)
        self.name_en.setPlaceholderText(self.tr("e.g. Team 101"))
        self._suggested_en = english_team_name(d.name)
        self.name.textEdited.connect(self._suggest_english)
        self.leader = IdCombo(people, none_label=self.tr("(none)"))
        self.unit = IdCombo(((u.name(lang), u.id) for u in lookups.units),
                            none_label=self.tr("(none)"))
        self.members = CheckList(people)
        self.members.setMinimumHeight(180)
        self.target = QSpinBox()
        self.target.setRange(0, 1000)
        self.notes = QLineEdit(d.notes)
        self.form.field(self.tr("Name"), self.name, "name")
        self.form.field(self.tr("English name"), self.name_en, "name_en")
        self.form.field(self.tr("Leader"), self.leader, "leader_id")
        self.form.field(self.tr("Unit"), self.unit, "unit_id")
        self.form.field(self.tr("Members"), self.members, "member_ids")
        self.form.field(self.tr("Target visits"), self.target, "target_visits")
        self.form.field(self.tr("Notes"), self.notes, "notes")
        self.leader.set_value(d.leader_id)
        self.unit.set_value(d.unit_id)
        self.members.set_values(d.member_ids)
        self.target.setValue(d.target_visits)
        self.resize(560, 560)
        self.accept_with = lambda _dialog: self._save()

    def draft(self) -> TeamDraft:
        base = self.before or TeamDraft("")
        return replace(base, name=self.name.text(), name_en=self.name_en.text(),
                       leader_id=self.leader.value(),
                       unit_id=self.unit.value(), member_ids=self.members.values(),
                       target_visits=self.target.value(), notes=self.notes.text())

    def _suggest_english(self, name: str) -> None:
        """Typing 第101小分队 fills Team 101 while the English name is empty or the suggestion."""
        if self.name_en.text() in ("", self._suggested_en):
            self._suggested_en = english_team_name(name)
            self.name_en.setText(self._suggested_en)

    def _save(self) -> bool:
        draft = self.draft()
        if self.before is None:
            return save(self.ctx, CreateTeam(self.ctx, draft), self)
        if draft == self.before:
            return True
        return save(self.ctx, EditTeam(self.ctx, self.before, draft, self.revision), self)
