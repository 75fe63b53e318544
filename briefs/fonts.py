"""Finding and registering one font that prints Chinese and Latin text and travels in the PDF.

Order of search: the configured path, then the known TrueType CJK fonts of Windows, macOS and
Linux. Only TrueType outlines embed (Noto/Source Han CFF fonts are refused by ReportLab), so
each candidate is opened and the first that loads wins. When none does, ReportLab's built-in
``STSong-Light`` CID font is used: it is not embedded (readers need an Asian font pack), so
the caller receives a warning to show.
"""

from __future__ import annotations

import contextvars
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError

from briefs.font_faces import load_ttfont
from models.language import Lang

CID_FALLBACK = "STSong-Light"

# (file name, index in a .ttc collection). Chinese UI fonts first: they hold Latin glyphs too.
_WINDOWS_FONTS = (("msyh.ttc", 0), ("msyh.ttf", 0), ("simsun.ttc", 0), ("simhei.ttf", 0),
                  ("simkai.ttf", 0), ("simfang.ttf", 0))
_MAC_FONTS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
_LINUX_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian/Ubuntu fonts-wqy-microhei
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",  # Fedora
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",  # Arch
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)


@dataclass(frozen=True)
class FontInfo:
    """The font the briefs print with. ``warning`` is empty unless something needs saying."""

    name: str  # registered ReportLab font name
    path: str  # file, or "" for the built-in CID font
    subfont_index: int
    embedded: bool
    warning_zh: str = ""
    warning_en: str = ""

    @property
    def warning(self) -> str:
        """Chinese with English beside it; empty when the font is the one asked for."""
        if not self.warning_zh:
            return ""
        return f"{self.warning_zh} ({self.warning_en})"

    def warning_text(self, lang: Lang = Lang.ZH) -> str:
        return lang.pick(self.warning_zh, self.warning_en)


def candidate_fonts() -> list[tuple[str, int]]:
    """The system fonts worth trying on this machine, best first."""
    out: list[tuple[str, int]] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    folders = [Path(windir) / "Fonts"] if windir else []
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    for folder in folders:
        out += [(str(folder / name), index) for name, index in _WINDOWS_FONTS]
    out += [(path, 0) for path in _MAC_FONTS]
    out += [(path, 0) for path in _LINUX_FONTS]
    return out


def _font_name(path: str, index: int) -> str:
    return f"CJK-{Path(path).stem}-{index}".replace(" ", "_")


def _try_register(path: str, index: int) -> str | None:
    """The registered name of the TrueType font at ``path``, or None when it cannot be used."""
    name = _font_name(path, index)
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if not os.path.isfile(path):
        return None
    try:
        font = load_ttfont(name, path, index)
    except (TTFError, OSError, ValueError, IndexError, KeyError):
        return None
    if ord("中") not in font.face.charToGlyph or ord("A") not in font.face.charToGlyph:
        return None  # a Latin-only or CJK-only font would print boxes for half the text
    pdfmetrics.registerFont(font)
    _same_face_for_all_styles(name)
    return name


def _same_face_for_all_styles(name: str) -> None:
    """One face serves as bold and italic too, so ``<b>`` never asks for a missing font."""
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)


def _split_configured(configured: str) -> tuple[str, int]:
    """``path`` or ``path#index`` (the index of the face in a .ttc collection)."""
    path, sep, index = configured.rpartition("#")
    if sep and index.isdigit():
        return path, int(index)
    return configured, 0


@functools.lru_cache(maxsize=16)
def find_cjk_font(configured: str | None = None) -> FontInfo:
    """The font to print with: ``configured`` (a path, or ``path#index``), else a system font.

    Falls back to the built-in, non-embedded ``STSong-Light`` with a warning.
    """
    notes: list[tuple[str, str]] = []
    if configured:
        path, index = _split_configured(configured)
        name = _try_register(path, index)
        if name is not None:
            return FontInfo(name, path, index, embedded=True)
        notes.append((f"配置的字体 {configured} 无法使用（不存在，或不是含中文的 TrueType 字体）",
                       f"the configured font {configured} cannot be used (missing, or not a "
                       "TrueType font with Chinese)"))
    for path, index in candidate_fonts():
        name = _try_register(path, index)
        if name is not None:
            if not notes:
                return FontInfo(name, path, index, embedded=True)
            return FontInfo(name, path, index, embedded=True,
                            warning_zh="；".join(n[0] for n in notes) + f"，改用 {path}",
                            warning_en="; ".join(n[1] for n in notes) + f"; using {path}")
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        _same_face_for_all_styles(CID_FALLBACK)
    notes.append((
        "未找到可嵌入的中文 TrueType 字体，改用内置 STSong-Light 字体（不嵌入文件，"
        "没有亚洲字体包的阅读器可能无法显示）。请安装文泉驿微米黑（fonts-wqy-microhei）"
        "或在设置中指定 msyh.ttc / simsun.ttc",
        "no embeddable TrueType Chinese font found, using the built-in STSong-Light, which is "
        "not embedded (readers without an Asian font pack may not show it). Install WenQuanYi "
        "Micro Hei (fonts-wqy-microhei) or configure msyh.ttc / simsun.ttc",
    ))
    return FontInfo(CID_FALLBACK, "", 0, embedded=False,
                    warning_zh="；".join(n[0] for n in notes),
                    warning_en="; ".join(n[1] for n in notes))


# --- characters the main font lacks ------------------------------------------------------------

# Fonts tried, in order, for a character the main font lacks: TrueType symbol and emoji fonts
# from the system (Debian: fonts-dejavu-core, fonts-symbola; Windows: Segoe UI Symbol).
_FALLBACK_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",  # Arch, Fedora
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/gdouros-symbola/Symbola.ttf",
    "/System/Library/Fonts/Apple Symbols.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)
_WINDOWS_FALLBACKS = ("seguisym.ttf", "seguiemj.ttf", "arialuni.ttf")

MISSING_MARKER = "〓"  # printed where no font has the character (the typesetter's geta mark)
# Joiners and variation selectors shape emoji sequences; printed alone they are nothing.
_INVISIBLE = frozenset([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0xFE00, 0xFE10)])


def _fallback_candidates() -> list[str]:
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    out = [str(Path(windir) / "Fonts" / name) for name in _WINDOWS_FALLBACKS] if windir else []
    return out + list(_FALLBACK_FONTS)


@functools.lru_cache(maxsize=1)
def fallback_fonts() -> tuple[tuple[str, frozenset[int]], ...]:
    """The registered fallback fonts found on this machine with the characters each has."""
    out: list[tuple[str, frozenset[int]]] = []
    for path in _fallback_candidates():
        name = f"Fallback-{Path(path).stem}".replace(" ", "_")
        if name in pdfmetrics.getRegisteredFontNames():
            font = pdfmetrics.getFont(name)
        elif os.path.isfile(path):
            try:
                font = load_ttfont(name, path, 0)
            except (TTFError, OSError, ValueError, IndexError, KeyError):
                continue
            pdfmetrics.registerFont(font)
            _same_face_for_all_styles(name)
        else:
            continue
        out.append((name, frozenset(font.face.charToGlyph)))
    return tuple(out)


@dataclass(frozen=True)
class Coverage:
    """Which font prints each character: the main font, a fallback, or none (the marker).

    The fallback fonts are opened the first time a character asks for one: most briefs have
    none, and reading the symbol fonts' tables costs a brief a fifth of a second."""

    main: frozenset[int] | None  # None: the built-in CID font, whose coverage is not known
    fallbacks_of: Callable[[], tuple[tuple[str, frozenset[int]], ...]] = lambda: ()

    @property
    def fallbacks(self) -> tuple[tuple[str, frozenset[int]], ...]:
        return self.fallbacks_of()

    def font_for(self, ch: str) -> str | None:
        """"" for the main font, a fallback font's name, or None when no font has ``ch``."""
        code = ord(ch)
        if self.main is None or code < 0x20 or code in self.main:
            return ""
        for name, chars in self.fallbacks:
            if code in chars:
                return name
        return None

    def covers(self, value: str) -> bool:
        """True when the main font prints every character of ``value``."""
        main = self.main
        # the set's own loop first (a brief asks this of ~50,000 characters): a character
        # by character look only for text with one the font lacks, maybe a control character
        return (main is None or main.issuperset(map(ord, value))
                or all(ord(ch) < 0x20 or ord(ch) in main for ch in value))

    def markup(self, escaped: str) -> str:
        """Escaped text with runs the main font lacks set in a fallback font, and the marker
        where no font has a character."""
        if self.covers(escaped):
            return escaped
        out: list[str] = []
        run_font = ""
        for ch in escaped:
            if ord(ch) in _INVISIBLE:
                continue
            font = self.font_for(ch)
            if font is None:
                font, ch = "", MISSING_MARKER
            if font != run_font:
                if run_font:
                    out.append("</font>")
                if font:
                    out.append(f'<font name="{font}">')
                run_font = font
            out.append(ch)
        if run_font:
            out.append("</font>")
        return "".join(out)

    def unprintable(self, value: str) -> list[str]:
        """The characters of ``value`` that no font prints (each once, in order)."""
        if self.covers(value):
            return []
        seen = dict.fromkeys(ch for ch in value
                             if ord(ch) not in _INVISIBLE and self.font_for(ch) is None)
        return list(seen)


@functools.lru_cache(maxsize=8)
def coverage(font_name: str) -> Coverage:
    """The coverage of the registered main font ``font_name`` with the system's fallbacks."""
    if font_name == CID_FALLBACK:
        return Coverage(None)
    face = pdfmetrics.getFont(font_name).face
    return Coverage(frozenset(face.charToGlyph), fallback_fonts)


_ACTIVE: contextvars.ContextVar[Coverage | None] = contextvars.ContextVar("brief_coverage",
                                                                            default=None)


def use_coverage(font_name: str) -> Coverage:
    """Make the rendering under way (this thread or task) set user text with fallbacks for
    ``font_name``: :func:`briefs.words.esc` asks :func:`active_coverage`."""
    cov = coverage(font_name)
    _ACTIVE.set(cov)
    return cov


def active_coverage() -> Coverage | None:
    return _ACTIVE.get()
