"""Put organisations on the campaign's target list (千企, the investment map) for an industry
chain and a region, or change the chain and region of those on it: one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.context import AppContext
from desktop.editors.form import IdCombo
from desktop.editors.form_dialog import FormDialog
from desktop.editors.saving import save
from desktop.undo.steering import MarkTargets
from models.errors import ValidationError
from models.lookups import Lookups
from models.rows import Ref


class TargetDialog(FormDialog):
    """``organisations``: the ones to mark (the Organisations page's selection); none: the
    user picks one here (the Visits page's target list)."""

    def __init__(self, ctx: AppContext, lookups: Lookups, organisations: list[Ref] | None = None,
                 industry_id: int | None = None, region_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", ctx.lang, parent)
        lang = ctx.lang
        self.ctx = ctx
        self.organisations = organisations
        self.setWindowTitle(self.tr("Target HQs (千企)"))
        self.organisation: IdCombo | None = None
        if organisations is None:
            self.organisation = IdCombo(((o.name(lang), o.id) for o in lookups.organisations),
                                        none_label=self.tr("(choose)"))
            self.form.field(self.tr("Organisation"), self.organisation, "organisation_id")
        else:
            names = QLabel(lang.pick("、", ", ").join(o.name(lang) for o in organisations[:8])
                           + (self.tr(" and %n more", "", len(organisations) - 8)
                              if len(organisations) > 8 else ""))
            names.setWordWrap(True)
            self.form.field(self.tr("Organisations"), names)
        self.industry = IdCombo(((i.name(lang), i.id) for i in lookups.industries),
                                none_label=self.tr("(the organisation's industry)"))
        self.region = IdCombo(((r.name(lang), r.id) for r in lookups.regions),
                              none_label=self.tr("(none)"))
        self.industry.set_value(industry_id)
        self.region.set_value(region_id)
        self.form.field(self.tr("Industry chain"), self.industry, "industry_id")
        self.form.field(self.tr("Region"), self.region, "region_id")
        self.resize(480, self.sizeHint().height())
        self.accept_with = lambda _dialog: self._save()

    def chosen(self) -> list[Ref]:
        if self.organisations is not None:
            return self.organisations
        assert self.organisation is not None
        ident = self.organisation.value()
        if ident is None:
            raise ValidationError("organisation_id", "请选择机构", "Choose an organisation")
        return [Ref(ident, self.organisation.currentText())]

    def _save(self) -> bool:
        chosen = self.chosen()
        label = chosen[0].name_zh if len(chosen) == 1 else self.tr("%n organisation(s)", "",
                                                                    len(chosen))
        return save(self.ctx, MarkTargets(self.ctx, [o.id for o in chosen],
                                          self.industry.value(), self.region.value(), label),
                    self)
