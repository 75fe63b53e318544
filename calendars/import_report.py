"""What an .ics import did: counts of created, updated, unchanged, removed and skipped entries."""

from __future__ import annotations

from dataclasses import dataclass, field

from calendars.reading import IcsEntry
from models.language import Lang


@dataclass
class IcsImportReport:
    """What an import did. ``notes`` says why entries were skipped, one line each."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def skip(self, entry: IcsEntry, zh: str, en: str) -> None:
        self.skipped += 1
        self.notes.append(f"{entry.label(Lang.ZH)}：{zh} ({entry.label(Lang.EN)}: {en})")

    def text(self, lang: Lang = Lang.ZH) -> str:
        if lang == "en":
            return (f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
                    f"{self.deleted} removed, {self.skipped} skipped")
        return (f"新建 {self.created}，更新 {self.updated}，未变 {self.unchanged}，"
                f"删除 {self.deleted}，跳过 {self.skipped}")
