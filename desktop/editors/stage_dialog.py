"""What a stage needs when a project moves there: the signing date and amount for 签约, the
funds received for 资金到位, a reason for going back from 资金到位/投产 or for dropping it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QLineEdit, QWidget

from desktop.context import AppContext
from desktop.editors.form import date_edit, date_of
from desktop.editors.form_dialog import FormDialog
from desktop.editors.saving import save
from desktop.undo.leads import MoveLead
from models.enums import LeadStage
from models.leads import FUNDED_STAGES, SIGNED_STAGES, is_backwards
from models.operations.leads import LeadDraft, today
from models.rows import LeadRow
from models.wording import YI

translate = QCoreApplication.translate


def yi_box(amount_cny: int, parent: QWidget | None = None) -> QDoubleSpinBox:
    """An amount in 亿元 (to the 万元)."""
    box = QDoubleSpinBox(parent)
    box.setRange(0, 100_000)
    box.setDecimals(4)
    box.setGroupSeparatorShown(True)
    box.setSuffix(" " + translate("AmountBox", "× 100 million CNY"))
    box.setValue(amount_cny / YI)
    box.setMinimumWidth(180)
    return box


def cny(box: QDoubleSpinBox) -> int:
    return round(box.value() * YI)


def needs_details(row: LeadRow, stage: LeadStage) -> bool:
    """Whether a move asks anything: 签约 and 资金到位 always, a later stage when its figures are
    missing, a step back from the funded stages and a drop for the reason."""
    if stage is LeadStage.SIGNED or stage is LeadStage.FUNDS_IN:
        return True
    if stage in SIGNED_STAGES and (row.signed_on is None or row.amount_cny <= 0):
        return True
    if stage in FUNDED_STAGES and row.funds_in_cny <= 0:
        return True
    return needs_reason(row.stage, stage) or stage is LeadStage.DROPPED


def needs_reason(before: LeadStage, after: LeadStage) -> bool:
    return before in FUNDED_STAGES and is_backwards(before, after)


class StageMoveDialog(FormDialog):
    """Asks what the new stage needs and saves the move (undoable) when OK is pressed."""

    def __init__(self, ctx: AppContext, row: LeadRow, before: LeadDraft, stage: LeadStage,
                 parent: QWidget | None = None) -> None:
        super().__init__("", ctx.lang, parent)
        self.setWindowTitle(self.tr("Move %1 to %2").replace("%1", row.title(ctx.lang))
                            .replace("%2", stage.label(ctx.lang)))
        self.ctx = ctx
        self.row = row
        self.before = before
        self.stage = stage
        intro = QLabel(self.tr("%1 · %2 → %3").replace("%1", row.organisation.name(ctx.lang))
                       .replace("%2", row.stage.label(ctx.lang))
                       .replace("%3", stage.label(ctx.lang)), self.body)
        intro.setStyleSheet("font-weight: 600;")
        self.form.addRow(intro)
        self.signed_on = date_edit(row.signed_on or today(), self.body)
        self.amount = yi_box(row.amount_cny, self.body)
        self.funds = yi_box(row.funds_in_cny, self.body)
        self.on = date_edit(today(), self.body)
        self.reason = QLineEdit(self.body)
        self.shows_signing = stage in SIGNED_STAGES
        self.shows_funds = stage in FUNDED_STAGES
        if stage is LeadStage.SIGNED:
            self.form.field(self.tr("Signing date"), self.signed_on, "signed_on")
        else:
            self.form.field(self.tr("Date of this stage"), self.on, "on")
        if self.shows_signing:
            if stage is not LeadStage.SIGNED:
                self.form.field(self.tr("Signing date"), self.signed_on, "signed_on")
            self.form.field(self.tr("Signed amount"), self.amount, "amount_cny")
        if self.shows_funds:
            self.form.field(self.tr("Funds received"), self.funds, "funds_in_cny")
        if needs_reason(row.stage, stage) or stage is LeadStage.DROPPED:
            self.reason.setPlaceholderText(
                self.tr("required") if needs_reason(row.stage, stage) else self.tr("optional"))
            self.form.field(self.tr("Reason"), self.reason, "stage_reason")
        shown: set[QWidget] = {self.signed_on, self.amount} if self.shows_signing else set()
        shown |= {self.funds} if self.shows_funds else set()
        shown |= {self.on} if stage is not LeadStage.SIGNED else set()
        shown |= {self.reason} if self.reason.placeholderText() else set()
        for widget in (self.signed_on, self.amount, self.funds, self.on, self.reason):
            widget.setVisible(widget in shown)  # only the fields this stage asks for
        self.resize(460, self.sizeHint().height())
        self.accept_with = lambda _dialog: save(ctx, self.command(), self)

    def command(self) -> MoveLead:
        return MoveLead(
            self.ctx, self.before, self.stage,
            on=date_of(self.signed_on) if self.stage is LeadStage.SIGNED else date_of(self.on),
            signed_on=date_of(self.signed_on) if self.shows_signing else None,
            amount_cny=cny(self.amount) if self.shows_signing else None,
            funds_in_cny=cny(self.funds) if self.shows_funds else None,
            reason=self.reason.text(), revision=self.row.revision)
