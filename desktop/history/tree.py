"""An organisation's history as a tree: trips, events (with RSVP), leads, HQ visits, contacts."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from desktop.formatting import fmt_cny, fmt_date
from models.language import Lang
from models.organisation_history import OrganisationHistory
from models.rows import PersonRow


class HistoryTree(QTreeWidget):
    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Record"), self.tr("Date"), self.tr("Status"),
                              self.tr("Details")])
        self.setColumnWidth(0, 300)
        self.setColumnWidth(1, 140)
        self.setColumnWidth(2, 100)

    def show_history(self, h: OrganisationHistory, contacts: tuple[PersonRow, ...]) -> None:
        lang = self.lang
        self.clear()

        def group(title: str, count: int) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self, [f"{title} ({count})"])
            item.setExpanded(True)
            return item

        trips = group(self.tr("Promotion trips"), len(h.trips))
        for t in h.trips:
            QTreeWidgetItem(trips, [f"{t.code} {t.title_zh}", fmt_date(t.start_date, lang),
                                    t.status.label(lang), t.region.name(lang)])
        events = group(self.tr("Themed events"), len(h.events))
        for e, rsvp, guests in h.events:
            QTreeWidgetItem(events, [f"{e.code} {e.title_zh}",
                                     fmt_date(e.local_start.date(), lang), rsvp.label(lang),
                                     self.tr("%n guest(s)", "", guests)])
        leads = group(self.tr("Leads and projects"), len(h.leads))
        for lead in h.leads:
            QTreeWidgetItem(leads, [f"{lead.code} {lead.title_zh}",
                                    fmt_date(lead.signed_on or lead.first_contact_on, lang),
                                    lead.stage.label(lang), fmt_cny(lead.amount_cny, lang)])
        visits = group(self.tr("HQ visits"), len(h.visits))
        for v in h.visits:
            QTreeWidgetItem(visits, [v.team_name(lang) or self.tr("HQ visit"), fmt_date(v.visited_on, lang),
                                     v.trip_code or "", v.unit.name(lang) if v.unit else ""])
        people = group(self.tr("Contacts"), len(contacts))
        for p in contacts:
            QTreeWidgetItem(people, [p.name(lang), "", p.title(lang),
                                     " ".join(x for x in (p.phone, p.email) if x)])
