"""What an .ics import did: counts of created, updated, unchanged, removed and skipped entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from calendars.reading import IcsEntry
from models.enums import EventKind, ItemKind
from models.language import Lang

Progress = Callable[[int, int], None]

_ACTIONS = {"new": ("新建", "new"), "update": ("更新", "update")}


@dataclass(frozen=True)
class PlannedEntry:
    """One entry the import creates or updates, as the preview lists it."""

    action: str  # "new" or "update"
    label_zh: str
    label_en: str
    kind: ItemKind | EventKind
    timezone: str
    all_day: bool

    def text(self, lang: Lang = Lang.ZH) -> str:
        zh, en = _ACTIONS[self.action]
        when = ("all day" if lang is Lang.EN else "全天") if self.all_day else self.timezone
        if lang is Lang.EN:
            return f"{en}: {self.label_en} as {self.kind.en} ({when})"
        return f"{zh}：{self.label_zh}，类别：{self.kind.zh}（{when}）"


@dataclass
class IcsImportReport:
    """What an import did. ``notes`` says why entries were skipped, one line each."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    entries: list[PlannedEntry] = field(default_factory=list)

    def planned(self, entry: IcsEntry, action: str, kind: ItemKind | EventKind,
                timezone: str) -> None:
        self.entries.append(PlannedEntry(action, entry.label(Lang.ZH), entry.label(Lang.EN), kind,
                                         timezone, entry.all_day))

    def skip(self, entry: IcsEntry, zh: str, en: str) -> None:
        self.skipped += 1
        self.notes.append(f"{entry.label(Lang.ZH)}：{zh} ({entry.label(Lang.EN)}: {en})")

    def text(self, lang: Lang = Lang.ZH) -> str:
        if lang == "en":
            return (f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
                    f"{self.deleted} removed, {self.skipped} skipped")
        return (f"新建 {self.created}，更新 {self.updated}，未变 {self.unchanged}，"
                f"删除 {self.deleted}，跳过 {self.skipped}")
