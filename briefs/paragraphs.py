"""The paragraph every document is made of: ReportLab's, laid out once per width."""

from __future__ import annotations

from reportlab.platypus import Paragraph


class Para(Paragraph):
    """A paragraph that breaks its lines once per width. A table measures every cell, then
    measures it again to draw it (and its repeated header row again on every page it
    continues on): the same text at the same width gives the same lines, and breaking Chinese
    lines is most of a brief's time. Every paragraph of the documents is one (the headers,
    labels and headings were ReportLab's own until 2026-12: ~50 ms of a 10-day trip brief
    went to breaking their lines again)."""

    _laid_out_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth == self._laid_out_at and "blPara" in self.__dict__:  # split drops it
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._laid_out_at = availWidth if size[0] else None
        return size
