"""What an import will do (:class:`ImportPlan`) and what it did (:class:`SheetImportReport`): plain
data, independent of any session, that the window shows and the command line prints."""

from __future__ import annotations

import os
import pickle
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO, Any

from models.errors import ValidationError
from models.language import Lang

SHOWN_ERRORS = 10


class ImportKind(StrEnum):
    ORGANISATIONS = "organisations"
    PEOPLE = "people"
    LEADS = "leads"

    def label(self, lang: Lang = Lang.ZH) -> str:
        zh, en = _KIND_LABELS[self]
        return lang.pick(zh, en)


_KIND_LABELS = {
    ImportKind.ORGANISATIONS: ("机构", "organisations"),
    ImportKind.PEOPLE: ("人员", "people"),
    ImportKind.LEADS: ("招商项目", "leads"),
}


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class RowError:
    """One problem with one row (``column`` is the header as the file has it, or "")."""

    row: int
    column: str
    message_zh: str
    message_en: str

    def text(self, lang: Lang = Lang.ZH) -> str:
        if lang == "both":
            return f"{self.text(Lang.ZH)} ({self.text(Lang.EN)})"
        if lang == "en":
            where = f"row {self.row}, '{self.column}'" if self.column else f"row {self.row}"
            return f"{where}: {self.message_en}"
        where = f"第 {self.row} 行“{self.column}”" if self.column else f"第 {self.row} 行"
        return f"{where}：{self.message_zh}"


@dataclass(frozen=True)
class PlannedRow:
    """A row that will create or update a record (or leaves it as it is)."""

    row: int
    action: Action
    label: str
    draft: Any  # OrganisationDraft | PersonDraft | LeadDraft
    record_id: int | None = None
    revision: int | None = None
    changed: tuple[str, ...] = ()


class RowSpool:
    """Planned rows kept in an anonymous temporary file, a chunk at a time (pickled), not in
    memory: a plan of 100,000 rows holds its counts, and its rows on disk until they are
    written. The file is the process's own (unlinked on creation) and goes with the plan."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._chunks = 0
        self.counts: Counter[Action] = Counter()

    def add(self, rows: list[PlannedRow]) -> None:
        """Keep one chunk of rows, in row order."""
        if not rows:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (open for the plan's life)
            weakref.finalize(self, self._file.close)  # closed (and gone) with the plan
        self._file.seek(0, os.SEEK_END)
        pickle.dump(rows, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._chunks += 1
        self.counts.update(r.action for r in rows)

    def chunks(self) -> Iterator[list[PlannedRow]]:
        """The chunks, in the order they were added, read back one at a time."""
        if self._file is None:
            return
        offset = 0
        for _ in range(self._chunks):
            self._file.seek(offset)
            chunk: list[PlannedRow] = pickle.load(self._file)  # our own file, written above
            offset = self._file.tell()
            yield chunk

    def __len__(self) -> int:
        return sum(self.counts.values())


@dataclass
class ImportPlan:
    """The outcome of checking every row: ``errors`` (nothing will be written while there is
    one), ``creates``, ``updates`` and ``unchanged``; ``skipped`` are total lines. The planned
    rows wait in ``spool`` (a temporary file), not in memory; ``rows`` reads them all back."""

    kind: ImportKind
    source_zh: str
    source_en: str
    columns: tuple[tuple[str, str, str], ...] = ()  # (header, field zh, field en)
    ignored_columns: tuple[str, ...] = ()
    spool: RowSpool = field(default_factory=RowSpool, repr=False, compare=False)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # cells that look like formulas
    skipped: list[int] = field(default_factory=list)
    attr_columns: dict[str, str] = field(default_factory=dict)  # draft attribute -> header

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows(self) -> list[PlannedRow]:
        """Every planned row, in row order (read back from the spool: for small plans)."""
        return [row for chunk in self.spool.chunks() for row in chunk]

    @property
    def creates(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action is Action.CREATE]

    @property
    def updates(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action is Action.UPDATE]

    @property
    def unchanged(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action is Action.UNCHANGED]

    def count(self, action: Action) -> int:
        """How many rows will ``action`` (without reading them back)."""
        return self.spool.counts[action]

    def counts(self, lang: Lang = Lang.ZH) -> str:
        if lang == "both":
            return f"{self.counts(Lang.ZH)} ({self.counts(Lang.EN)})"
        kind = self.kind.label(lang)
        skipped = len(self.skipped)
        creates, updates = self.count(Action.CREATE), self.count(Action.UPDATE)
        unchanged = self.count(Action.UNCHANGED)
        if lang == "en":
            text = (f"{kind}: {creates} to create, {updates} to update, "
                    f"{unchanged} unchanged")
            return text + (f", {skipped} total line{'s' * (skipped != 1)} skipped" if skipped else "")
        text = (f"{kind}：新建 {creates}，更新 {updates}，"
                f"未变 {unchanged}")
        return text + (f"，跳过合计行 {skipped}" if skipped else "")

    def error_text(self, lang: Lang = Lang.ZH, limit: int = SHOWN_ERRORS) -> str:
        """One message: how many errors in how many rows, nothing written, the first few."""
        if not self.errors:
            return ""
        shown = self.errors[:limit]
        more = len(self.errors) - len(shown)
        if lang == "en":
            tail = f"\n  … and {more} more" if more else ""
        else:
            tail = f"\n  …… 另有 {more} 处错误" if more else ""
        head = self._error_head(lang)
        return head + "".join(f"\n  {e.text(lang)}" for e in shown) + tail

    def _error_head(self, lang: Lang) -> str:
        errors, rows = len(self.errors), len({e.row for e in self.errors})
        if lang == "both":
            return f"{self._error_head(Lang.ZH)} ({self._error_head(Lang.EN)})"
        if lang == "en":
            return (f"Import refused, nothing written: {errors} error{'s' * (errors != 1)} in "
                    f"{rows} row{'s' * (rows != 1)} of {self.source_en}")
        return f"导入被拒绝，未写入任何数据：{self.source_zh}，共 {rows} 行有 {errors} 处错误"

    def summary(self, lang: Lang = Lang.ZH) -> str:
        """What the import will do; with errors, the error message instead."""
        if self.errors:
            return self.error_text(lang)
        return "\n".join([*self.reading(lang), self.counts(lang), *self.warning_lines(lang)])

    def warning_lines(self, lang: Lang = Lang.ZH, limit: int = SHOWN_ERRORS) -> list[str]:
        """Cells that look like formulas (kept as text): the count and the first few."""
        if not self.warnings:
            return []
        count = len(self.warnings)
        head = {Lang.EN: f"{count} cell{'s' * (count != 1)} look like formulas and are stored "
                         "as text:",
                Lang.BOTH: f"{count} 个单元格看起来像公式，已按文字保存 ({count} cells look like "
                           "formulas and are stored as text):"}.get(
            lang, f"{count} 个单元格看起来像公式，已按文字保存：")
        lines = [head, *(f"  {w.text(lang)}" for w in self.warnings[:limit])]
        if count > limit:
            lines.append(f"  … and {count - limit} more" if lang == "en"
                         else f"  …… 另有 {count - limit} 处")
        return lines

    def reading(self, lang: Lang = Lang.ZH) -> list[str]:
        """How the file was read, and the columns that were left out."""
        lines = [self.source_en if lang == "en" else
                 f"{self.source_zh} ({self.source_en})" if lang == "both" else self.source_zh]
        if self.ignored_columns:
            zh = f"未识别的列（已忽略）：{'、'.join(self.ignored_columns)}"
            en = f"Columns not recognised (ignored): {', '.join(self.ignored_columns)}"
            lines.append(en if lang == "en" else f"{zh} ({en})" if lang == "both" else zh)
        return lines


@dataclass(frozen=True)
class SheetImportReport:
    """What :func:`spreadsheets.apply_import` wrote."""

    kind: ImportKind
    created: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    unchanged: int = 0
    skipped: int = 0

    def text(self, lang: Lang = Lang.ZH) -> str:
        if lang == "both":
            return f"{self.text(Lang.ZH)} ({self.text(Lang.EN)})"
        kind = self.kind.label(lang)
        if lang == "en":
            return (f"{kind}: {len(self.created)} created, {len(self.updated)} updated, "
                    f"{self.unchanged} unchanged")
        return f"{kind}：新建 {len(self.created)}，更新 {len(self.updated)}，未变 {self.unchanged}"


class ImportRefusedError(ValidationError):
    """Rows were refused: nothing may be kept (the caller rolls back). ``errors`` lists them."""

    def __init__(self, plan: ImportPlan) -> None:
        self.errors = tuple(plan.errors)
        self.plan = plan
        super().__init__("rows", plan.error_text(Lang.ZH), plan.error_text(Lang.EN))
