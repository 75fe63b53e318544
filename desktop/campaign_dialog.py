"""本年度活动 Campaign: the campaign's names, slogan (Chinese and English), the bureau's duty
phone printed in every delegation brief, the targets and the flagship threshold. OK saves them
as one step of the window's Undo."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget

from desktop.context import AppContext
from desktop.editors.form_dialog import FormDialog
from desktop.editors.saving import save
from desktop.editors.stage_dialog import cny, yi_box
from desktop.undo.campaign import EditCampaign
from models.operations.campaign import CampaignDraft, campaign_draft
from models.queries import current_campaign_row


def _count(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 100_000)
    box.setGroupSeparatorShown(True)
    box.setValue(value)
    return box


class CampaignDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Campaign"), ctx.lang, parent)
        self.ctx = ctx
        with ctx.sessions() as session:
            campaign = current_campaign_row(session)
            self.year, self.revision = campaign.year, campaign.revision
            self.before = campaign_draft(session, self.year)
        d = self.before
        self.name_zh, self.name_en = QLineEdit(d.name_zh), QLineEdit(d.name_en)
        self.slogan, self.slogan_en = QLineEdit(d.slogan), QLineEdit(d.slogan_en)
        self.duty_phone = QLineEdit(d.duty_phone)
        self.duty_phone.setPlaceholderText("+86 769 2283 0000")
        self.slogan_en.setPlaceholderText(self.tr("Printed on English packs; empty: the Chinese"))
        self.trips, self.events = _count(d.target_trips), _count(d.target_events)
        self.hq_visits = _count(d.target_hq_visits)
        self.investment = yi_box(d.target_investment_cny)
        self.threshold = yi_box(d.flagship_threshold_cny)
        self.flagships = _count(d.target_flagship_projects)
        note = QLabel(self.tr("The duty phone is printed in every delegation brief's emergency "
                              "contacts and checklist. Projects at or above the flagship "
                              "threshold count as flagship projects."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b7a;")
        f = self.form
        f.field(self.tr("Year"), QLabel(str(self.year)))
        f.field(self.tr("Name"), self.name_zh, "name_zh")
        f.field(self.tr("Name (English)"), self.name_en, "name_en")
        f.field(self.tr("Slogan"), self.slogan, "slogan")
        f.field(self.tr("Slogan (English)"), self.slogan_en, "slogan_en")
        f.field(self.tr("Duty phone (24 h)"), self.duty_phone, "duty_phone")
        f.field(self.tr("Trips target"), self.trips, "target_trips")
        f.field(self.tr("Events target"), self.events, "target_events")
        f.field(self.tr("HQ visits target"), self.hq_visits, "target_hq_visits")
        f.field(self.tr("Investment target"), self.investment, "target_investment_cny")
        f.field(self.tr("Flagship threshold"), self.threshold, "flagship_threshold_cny")
        f.field(self.tr("Flagship projects target"), self.flagships, "target_flagship_projects")
        f.field("", note)
        self.accept_with = lambda _dialog: self.store()
        self.resize(620, 520)

    def draft(self) -> CampaignDraft:
        return CampaignDraft(
            name_zh=self.name_zh.text(), name_en=self.name_en.text(), slogan=self.slogan.text(),
            slogan_en=self.slogan_en.text(), duty_phone=self.duty_phone.text(),
            target_trips=self.trips.value(), target_events=self.events.value(),
            target_hq_visits=self.hq_visits.value(), target_investment_cny=cny(self.investment),
            flagship_threshold_cny=cny(self.threshold),
            target_flagship_projects=self.flagships.value())

    def store(self) -> bool:
        after = self.draft()
        if after == self.before:
            return True  # nothing changed: no empty step on the Undo list
        return save(self.ctx, EditCampaign(self.ctx, self.year, self.before, after,
                                           self.revision), self)
