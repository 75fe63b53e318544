"""The chain leaders (链长) of the key industries: one city leader per industry, chosen in one
dialog and saved as one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.editors.form import IdCombo
from desktop.editors.form_dialog import FormDialog
from desktop.editors.saving import save
from desktop.undo.steering import SetChainLeaders
from models import queries
from models.leaders import chain_leaders, city_leaders


class ChainLeadersDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("", ctx.lang, parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Chain leaders (链长)"))
        with ctx.sessions() as session:
            industries = queries.industries(session)
            leaders = city_leaders(session)
            current = chain_leaders(session)
        self.before: dict[int, int | None] = {
            i.id: current[i.id].id if i.id in current else None for i in industries}
        self.boxes: dict[int, IdCombo] = {}
        choices = [(p.name(ctx.lang), p.id) for p in leaders]
        for industry in industries:
            box = IdCombo(choices, none_label=self.tr("(none)"))
            box.set_value(self.before[industry.id])
            self.boxes[industry.id] = box
            self.form.field(industry.name(ctx.lang), box, f"industry_{industry.id}")
        self.resize(460, self.sizeHint().height())
        self.accept_with = lambda _dialog: self._save()

    def after(self) -> dict[int, int | None]:
        return {i: box.value() for i, box in self.boxes.items()}

    def _save(self) -> bool:
        after = self.after()
        changed = {i: p for i, p in after.items() if p != self.before[i]}
        if not changed:
            return True
        command = SetChainLeaders(self.ctx, {i: self.before[i] for i in changed}, changed)
        return save(self.ctx, command, self)
