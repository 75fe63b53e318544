"""How a brief is printed (language, font, issuer, mark, date) and what one rendering needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefs.contents import Outline
from briefs.fonts import FontInfo, find_cjk_font, use_coverage
from briefs.layout import DocMeta
from briefs.styles import Styles, make_styles
from briefs.words import Words
from models.language import Lang


@dataclass(frozen=True, kw_only=True)
class BriefOptions:
    """Printing options. ``generated_on`` is required: renderers never read the clock."""

    generated_on: date
    lang: Lang = Lang.ZH
    font_path: str | None = None  # a TrueType CJK font; None: search the system
    issuer_zh: str = "东莞市投资促进局"
    issuer_en: str = "Dongguan Investment Promotion Bureau"
    confidentiality: str = "内部资料 注意保密"
    confidentiality_en: str = "Internal — Confidential"
    redact: bool = False  # leave out personal data: phones, passport numbers

    @property
    def withheld(self) -> str:
        """What a redacted value prints."""
        return "(withheld)" if self.lang == "en" else "（已隐去）"

    def personal(self, value: str) -> str:
        """``value`` (personal data), or the redaction note when it is asked for."""
        return self.withheld if self.redact and value else value

    @property
    def issuer(self) -> str:
        return self.issuer_en if self.lang == "en" and self.issuer_en else self.issuer_zh

    @property
    def mark(self) -> str:
        if self.lang == "en" and self.confidentiality:
            return self.confidentiality_en or self.confidentiality
        return self.confidentiality


@dataclass
class Kit:
    """Font, styles, words and section numbering for one rendering."""

    options: BriefOptions
    font: FontInfo
    s: Styles
    w: Words
    outline: Outline

    def meta(self, title: str, subject: str) -> DocMeta:
        w = self.w
        return DocMeta(
            title=title, subject=subject, issuer=self.options.issuer, mark=self.options.mark,
            generated=w("生成日期 ", "Generated ") + w.day(self.options.generated_on, False),
            words=w, font=self.font.name,
        )


def kit(options: BriefOptions) -> Kit:
    if options.lang not in ("zh", "en"):
        raise ValueError(f"unknown language {options.lang!r} (zh or en)")
    font = find_cjk_font(options.font_path)
    use_coverage(font.name)
    styles = make_styles(font.name)
    words = Words(options.lang)
    return Kit(options, font, styles, words, Outline(styles, words))
