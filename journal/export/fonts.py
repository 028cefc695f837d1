"""Fonts for the PDF and the safe conversion of user text into ReportLab markup.

User text is never interpreted as markup: it is escaped, then split into runs
by the first font that has each character (``FALLBACK_FONTS``, loaded only
when a character needs one); a character no font has becomes a visible
placeholder. Right-to-left paragraphs are joined (Arabic forms) and put in
visual order line by line; complex scripts are shaped by HarfBuzz
(``export.shaping``).

The fonts are Debian packages the Makefile installs (``make fonts``):
fonts-dejavu-core, fonts-noto-core (the scripts of India and South-East Asia,
Ethiopic, Armenian, Georgian, Hebrew, symbols), fonts-droid-fallback (Chinese
and Japanese), fonts-nanum (Korean) and fonts-symbola (monochrome emoji).
Noto CJK is not used: its outlines are PostScript (CFF), which ReportLab
cannot embed.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from journal.export import shaping

PLACEHOLDER = "\ufffd"  # shown for a character no font can draw
FONT_DIRS = ("/usr/share/fonts/truetype", "/usr/share/fonts/opentype", "/usr/local/share/fonts")
# name: candidate file names, first found wins. Body text is a serif; headings and
# the fallback for other scripts a sans; CJK fonts only when installed.
DEFAULT_FONTS = {
    "Body": ("DejaVuSerif.ttf", "NotoSerif-Regular.ttf"),
    "BodyBold": ("DejaVuSerif-Bold.ttf", "NotoSerif-Bold.ttf"),
    "Sans": ("DejaVuSans.ttf", "NotoSans-Regular.ttf"),
    "SansBold": ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf"),
}
# For characters the body and sans fonts lack, in this order; each is loaded the first time it is needed.
FALLBACK_FONTS = {
    "Noto": ("NotoSans-Regular.ttf",),
    **{
        script: (f"NotoSans{script}-Regular.ttf",)
        for script in (
            "Devanagari",
            "Bengali",
            "Gurmukhi",
            "Gujarati",
            "Oriya",
            "Tamil",
            "Telugu",
            "Kannada",
            "Malayalam",
            "Sinhala",
            "Thai",
            "Lao",
            "Tibetan",
            "Myanmar",
            "Khmer",
            "Ethiopic",
            "Armenian",
            "Georgian",
            "Hebrew",
        )
    },
    "Arabic": ("NotoNaskhArabic-Regular.ttf",),
    "CJK": ("DroidSansFallbackFull.ttf", "wqy-microhei.ttc"),
    "Hangul": ("NanumGothic.ttf",),
    "Symbols": ("NotoSansSymbols-Regular.ttf",),
    "Symbols2": ("NotoSansSymbols2-Regular.ttf",),
    "Math": ("NotoSansMath-Regular.ttf",),
    "Emoji": ("Symbola.ttf", "Symbola_hint.ttf"),
}


class FontsMissing(RuntimeError):
    """No usable TrueType font was found; the message says how to fix it."""


@dataclass
class FontSet:
    """Registered fonts: body, bold and sans; fallbacks for missing glyphs are found and loaded on demand."""

    body: str
    bold: str
    sans: str
    sans_bold: str
    coverage: dict[str, frozenset[int]] = field(repr=False, default_factory=dict)
    # Fallback fonts not loaded yet, in order: (registered name, path).
    pending: list[tuple[str, Path]] = field(repr=False, default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    _found: dict[int, str | None] = field(repr=False, default_factory=dict)
    _lock: threading.Lock = field(repr=False, default_factory=threading.Lock)

    def font_for(self, code: int) -> str | None:
        """The first fallback font with this character, loading fallbacks in order until one has it."""
        if code in self._found:
            return self._found[code]
        with self._lock:
            font = next((f for f in self.fallbacks if code in self.coverage[f]), None)
            while font is None and self.pending:
                name, path = self.pending.pop(0)
                if _register(name, path, self.coverage):
                    self.fallbacks.append(name)
                    font = name if code in self.coverage[name] else None
            self._found[code] = font
            return font


@cache
def _files(directory: str) -> dict[str, Path]:
    """Every font file under a folder by its name (one walk per folder and process)."""
    root = Path(directory)
    if not root.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        found.setdefault(path.name, path)
    return found


def _find(names: Sequence[str], extra_dirs: Sequence[str]) -> Path | None:
    for directory in (*extra_dirs, *FONT_DIRS):
        files = _files(directory)
        for name in names:
            if name in files:
                return files[name]
    return None


def _register(font_name: str, path: Path, coverage: dict[str, frozenset[int]]) -> bool:
    """Register a TrueType font and note its characters; False for one ReportLab cannot embed."""
    try:
        font = TTFont(font_name, str(path), subfontIndex=0)
    except Exception:  # PostScript (CFF) outlines, a damaged file: skip it, the next fallback may do
        return False
    pdfmetrics.registerFont(font)
    coverage[font_name] = frozenset(font.face.charToGlyph)
    return True


_loading = threading.Lock()


def load_fonts(extra_dirs: tuple[str, ...] = ()) -> FontSet:
    """Find and register the main fonts once per process; ``extra_dirs`` are searched first.

    Fallbacks are only located here; each is registered when a character first needs it.
    Two first exports at once wait for one another rather than register the fonts twice.
    """
    with _loading:
        return _load_fonts(extra_dirs)


@cache
def _load_fonts(extra_dirs: tuple[str, ...]) -> FontSet:
    shaping.install()
    registered: dict[str, str] = {}
    coverage: dict[str, frozenset[int]] = {}
    for name, candidates in DEFAULT_FONTS.items():
        path = _find(candidates, extra_dirs)
        if path is not None and _register(f"IJ-{name}", path, coverage):
            registered[name] = f"IJ-{name}"
    if "Body" not in registered or "Sans" not in registered:
        raise FontsMissing(
            "No DejaVu or Noto fonts found for the PDF. Install them (make fonts, or Debian: apt-get install "
            "fonts-dejavu-core) or set JOURNAL_PDF_FONT_DIRS to a folder holding DejaVuSerif.ttf and DejaVuSans.ttf."
        )
    body, sans = registered["Body"], registered["Sans"]
    pending = [
        (f"IJ-{name}", path)
        for name, candidates in FALLBACK_FONTS.items()
        if (path := _find(candidates, extra_dirs)) is not None
    ]
    fallbacks = [sans] if sans != body else []
    return FontSet(
        body, registered.get("BodyBold", body), sans, registered.get("SansBold", sans), coverage, pending, fallbacks
    )


def _first_strong_is_rtl(text: str) -> bool:
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _runs(text: str, fonts: FontSet, base: str) -> str:
    """Escape text and wrap characters the base font lacks in the first font that has them.

    HarfBuzz shapes a word in one font, so a word is not split between fonts
    for its punctuation or digits: in "“नमस्ते”," every mark takes the
    Devanagari font when that font has it.
    """
    base_chars = fonts.coverage[base]
    missing = {ord(c) for c in text} - base_chars - {10}
    if not missing:
        return escape(text)
    chosen: list[tuple[str, str]] = []  # (font, character)
    for char in text:
        code = ord(char)
        if code in base_chars or code == 10:
            chosen.append((base, char))
            continue
        font = fonts.font_for(code)
        if font is None:
            if unicodedata.category(char) in ("Cf", "Mn", "Me"):
                continue  # invisible joiners and marks no font has: drop, don't show a box
            font, char = base, PLACEHOLDER if ord(PLACEHOLDER) in base_chars else "?"
        chosen.append((font, char))
    _one_font_per_word(chosen, fonts, base)
    out: list[str] = []
    for font, chars in groupby(chosen, key=lambda pair: pair[0]):
        chunk = escape("".join(char for _, char in chars))
        out.append(chunk if font == base else f'<font face="{font}">{chunk}</font>')
    return "".join(out)


def _one_font_per_word(chosen: list[tuple[str, str]], fonts: FontSet, base: str) -> None:
    """Give the marks of a word (not its letters) the font of its letters, where that font has them."""
    start = 0
    while start < len(chosen):
        end = start
        while end < len(chosen) and not chosen[end][1].isspace():
            end += 1
        letters = {font for font, char in chosen[start:end] if char.isalpha() and font != base}
        if len(letters) == 1:
            (font,) = letters
            for index in range(start, end):
                char = chosen[index][1]
                if not char.isalpha() and ord(char) in fonts.coverage[font]:
                    chosen[index] = (font, char)
        start = end + 1


def _wrap_logical(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap in logical order, so each line can be reordered on its own."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return lines


def paragraph_markup(
    text: str, fonts: FontSet, *, base: str, size: float, width: float, base_dir: str | None = None
) -> tuple[str, bool]:
    """Turn one paragraph of user text into safe Paragraph markup; also say whether it reads right to left.

    Line breaks inside the paragraph are kept as ``<br/>``. ``base_dir`` ("R" or "L") is the paragraph's
    direction when it holds right-to-left letters; by default its first strong letter's (user text). A label
    of a right-to-left document is "R", whatever the name or date at its start.
    """
    lines = text.split("\n")
    if not shaping.is_rtl(text):
        return "<br/>".join(_runs(line, fonts, base) for line in lines), False
    shaped_lines = [arabic_reshaper.reshape(line) for line in lines]
    # The sans face carries Hebrew and Arabic; the base font when it has every letter (a bold heading stays bold).
    rtl_base = (
        base if all(ord(c) in fonts.coverage[base] for c in "".join(shaped_lines) if not c.isspace()) else fonts.sans
    )
    visual: list[str] = []
    for shaped in shaped_lines:
        for part in _wrap_logical(shaped, rtl_base, size, width):
            visual.append(_runs(get_display(part, base_dir=base_dir), fonts, rtl_base))
    markup = "<br/>".join(visual)
    if rtl_base != base:
        markup = f'<font face="{rtl_base}">{markup}</font>'
    return markup, base_dir == "R" if base_dir else _first_strong_is_rtl(text)


def visual(text: str, base_dir: str | None = None) -> str:
    """A line drawn straight on the canvas (a page header, a table cell, a chart label): joined and put in
    visual order when it holds right-to-left letters, as ``paragraph_markup`` does for a paragraph."""
    if not shaping.is_rtl(text):
        return text
    return get_display(arabic_reshaper.reshape(text), base_dir=base_dir)


def configured_fonts() -> FontSet:
    """The fonts for this app: ``PDF_FONT_DIRS`` first, then the system's."""
    from flask import current_app

    return load_fonts(tuple(current_app.config.get("PDF_FONT_DIRS") or ()))
