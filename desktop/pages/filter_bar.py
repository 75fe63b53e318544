"""Narrow filter combo boxes for pages with many filters (Projects, Visits)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


def narrow_filters(page: QWidget, search_width: int = 160) -> None:
    """Filter combos take little room on the line; the list that opens shows whole names."""
    search = getattr(page, "search", None)
    if search is not None:
        search.setMinimumWidth(search_width)
    for combo in page.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        view = combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
