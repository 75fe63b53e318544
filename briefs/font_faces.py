"""The brief font's parsed metrics, kept on disk between runs.

ReportLab reads a TrueType font's character map, widths and glyph offsets in Python the first
time a process registers it: 70–80 ms of CPU for WenQuanYi Micro Hei's 35,000 characters, paid
by every ``brief`` command and by the window's first preview, before a line is set. The parsed
face is written once to the program's cache folder (``models.user_cache``) without the font
file's bytes, which are read again; later runs load it in a few milliseconds. Its name holds the
font file's path, size and modification time and the versions of ReportLab and Python, so a
changed font or an upgraded ReportLab is parsed anew, and the new file replaces the one kept for
the same font file before (its name begins the same: the file's name, face and path). A
missing, damaged or unwritable cache file only means the font is parsed as before; the PDF is
the same byte for byte either way.

The file is read by an unpickler that accepts plain values and the two ReportLab types a parsed
font holds (its names and its encoding), nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from models.user_cache import cache_folder, drop_older, read_pickle, write_pickle

FORMAT = 2  # of the kept file: raised when what is kept changes
_NOT_KEPT = ("_ttf_data", "_pdfScale", "_pos")  # the file's bytes (read again), a closure, a cursor
_ALLOWED = {
    ("reportlab.pdfbase.ttfonts", "TTFNameBytes"): TTFNameBytes,
    ("reportlab.pdfbase.ttfonts", "TTEncoding"): TTEncoding,
}


def load_ttfont(name: str, path: str, index: int) -> TTFont:
    """``TTFont(name, path, subfontIndex=index)``, from the cache when this font was parsed before.

    Raises what ``TTFont`` raises for a file that is not a usable font."""
    found = _kept(path, index)
    if found is not None:
        state = _read(found.path)
        if state is not None:
            try:
                return _rebuilt(name, path, found.size, state)
            except Exception:  # a kept face that does not fit, however: parsed again below
                pass
    font = _parse(name, path, index)
    if found is not None:
        _keep(found, font)
    return font


def _parse(name: str, path: str, index: int) -> TTFont:
    return TTFont(name, path, subfontIndex=index)


def kept_file(path: str, index: int) -> Path | None:
    """Where the parsed face of ``path`` (face ``index`` of a collection) is kept; None when the
    font file cannot be looked at."""
    found = _kept(path, index)
    return found.path if found is not None else None


class _Kept(NamedTuple):
    path: Path  # the kept file
    size: int  # of the font file
    family: str  # how the names of the files kept for this font file begin


def _kept(path: str, index: int) -> _Kept | None:
    """:func:`kept_file`, the font file's size, and the kept files' family."""
    try:
        real = os.path.realpath(path)
        stat = os.stat(real)
    except OSError:
        return None
    where = _digest(real, index)[:8]
    family = f"{Path(path).stem.lstrip('.') or 'font'}-{index}-{where}-"  # not hidden
    digest = _digest(FORMAT, real, index, stat.st_size, stat.st_mtime_ns, reportlab.Version,
                     sys.version_info[:2])[:20]
    return _Kept(cache_folder() / "fonts" / f"{family}{digest}.pickle", stat.st_size, family)


def _digest(*parts: object) -> str:
    key = "|".join(map(str, parts))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


def _read(kept: Path) -> dict[str, Any] | None:
    state = read_pickle(kept, _ALLOWED)
    if not (isinstance(state, dict) and isinstance(state.get("face"), dict)):
        return None
    return state


def _keep(kept: _Kept, font: TTFont) -> None:
    """The parsed face only: the font's own settings are the run's (see :func:`_rebuilt`);
    the files kept for this font file before are removed."""
    face = {k: v for k, v in font.face.__dict__.items() if k not in _NOT_KEPT}
    write_pickle(kept.path, {"face": face})
    # and the files of this font's name and face from before their names held the font
    # file's place (``<name>-<face>-<24 hex>.pickle``, until 2026-12-03): no run reads them
    unplaced = re.compile(re.escape(kept.family.rsplit("-", 2)[0] + "-") + "[0-9a-f]{24}[.]pickle")
    with contextlib.suppress(OSError, ValueError):  # only tidying: never a failed font
        drop_older(kept.path, kept.family, also=unplaced)


def _rebuilt(name: str, path: str, size: int, state: dict[str, Any]) -> TTFont:
    """The font as ``TTFont.__init__`` leaves it: the kept attributes, the file's bytes read
    again, the scale ReportLab computes from the units per em, and no document's state yet."""
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state["face"])
    with open(path, "rb") as file:
        face._ttf_data = file.read()
    if len(face._ttf_data) != size:
        raise ValueError("the font file changed since it was looked at")
    face.filename = path  # as this run names it
    face._pos = 0
    face._pdfScale = _scale(int(face.unitsPerEm))
    if not isinstance(face.charToGlyph, dict) or not isinstance(face.glyphPos, list):
        raise TypeError("not a parsed face")
    # what TTFont.__init__ sets from the run's settings (rl_config, uharfbuzz installed or not)
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob or ())
    return font


def _scale(units_per_em: int) -> Callable[[float], float]:
    """ReportLab's conversion of font units to thousandths of an em (``extractInfo``)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor
