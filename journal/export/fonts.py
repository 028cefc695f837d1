"""Fonts for the PDF and the safe conversion of user text into ReportLab markup.

User text is never interpreted as markup: it is escaped, then split into runs
by the first configured font that has each character; a character no font
has becomes a visible placeholder. Right-to-left paragraphs are shaped
(Arabic joining forms) and put in visual order line by line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

PLACEHOLDER = "\ufffd"  # shown for a character no font can draw
FONT_DIRS = ("/usr/share/fonts/truetype", "/usr/share/fonts/opentype", "/usr/local/share/fonts")
# name: candidate file names, first found wins. Body text is a serif; headings and
# the fallback for other scripts a sans; CJK fonts only when installed.
DEFAULT_FONTS = {
    "Body": ("DejaVuSerif.ttf", "NotoSerif-Regular.ttf"),
    "BodyBold": ("DejaVuSerif-Bold.ttf", "NotoSerif-Bold.ttf"),
    "Sans": ("DejaVuSans.ttf", "NotoSans-Regular.ttf"),
    "SansBold": ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf"),
    "CJK": ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "wqy-microhei.ttc", "DroidSansFallbackFull.ttf"),
}


class FontsMissing(RuntimeError):
    """No usable TrueType font was found; the message says how to fix it."""


@dataclass
class FontSet:
    """Registered fonts: body, bold and sans, plus fallbacks tried in order for missing glyphs."""

    body: str
    bold: str
    sans: str
    sans_bold: str
    fallbacks: tuple[str, ...]
    coverage: dict[str, frozenset[int]] = field(repr=False, default_factory=dict)


def _find(names: Sequence[str], extra_dirs: Sequence[str]) -> Path | None:
    for directory in (*extra_dirs, *FONT_DIRS):
        root = Path(directory)
        if not root.is_dir():
            continue
        for name in names:
            found = next(iter(sorted(root.rglob(name))), None)
            if found:
                return found
    return None


@cache
def load_fonts(extra_dirs: tuple[str, ...] = ()) -> FontSet:
    """Find and register the fonts once per process; ``extra_dirs`` are searched first."""
    registered: dict[str, str] = {}
    coverage: dict[str, frozenset[int]] = {}
    for name, candidates in DEFAULT_FONTS.items():
        path = _find(candidates, extra_dirs)
        if path is None:
            continue
        font_name = f"IJ-{name}"
        font = TTFont(font_name, str(path), subfontIndex=0) if path.suffix != ".otf" else None
        if font is None:
            continue  # CFF-flavoured OpenType is not supported by ReportLab
        pdfmetrics.registerFont(font)
        registered[name] = font_name
        coverage[font_name] = frozenset(font.face.charToGlyph)
    if "Body" not in registered or "Sans" not in registered:
        raise FontsMissing(
            "No DejaVu or Noto fonts found for the PDF. Install them (Debian: apt-get install fonts-dejavu-core) "
            "or set JOURNAL_PDF_FONT_DIRS to a folder holding DejaVuSerif.ttf and DejaVuSans.ttf."
        )
    body, sans = registered["Body"], registered["Sans"]
    fallbacks = tuple(f for f in (sans, registered.get("CJK")) if f and f != body)
    return FontSet(body, registered.get("BodyBold", body), sans, registered.get("SansBold", sans), fallbacks, coverage)


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _first_strong_is_rtl(text: str) -> bool:
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _runs(text: str, fonts: FontSet, base: str) -> str:
    """Escape text and wrap characters the base font lacks in the first font that has them."""
    base_chars = fonts.coverage[base]
    missing = {ord(c) for c in text} - base_chars - {10}
    if not missing:
        return escape(text)
    out: list[str] = []
    current, buffer = base, []

    def flush():
        if buffer:
            chunk = escape("".join(buffer))
            out.append(chunk if current == base else f'<font face="{current}">{chunk}</font>')
            buffer.clear()

    for char in text:
        code = ord(char)
        if code in base_chars or code == 10:
            font = base
        else:
            font = next((f for f in fonts.fallbacks if code in fonts.coverage[f]), None)
            if font is None:
                if unicodedata.category(char) in ("Cf", "Mn", "Me"):
                    continue  # invisible joiners and marks no font has: drop, don't show a box
                font, char = base, PLACEHOLDER if ord(PLACEHOLDER) in base_chars else "?"
        if font != current:
            flush()
            current = font
        buffer.append(char)
    flush()
    return "".join(out)


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


def paragraph_markup(text: str, fonts: FontSet, *, base: str, size: float, width: float) -> tuple[str, bool]:
    """Turn one paragraph of user text into safe Paragraph markup; also say whether it reads right to left.

    Line breaks inside the paragraph are kept as ``<br/>``.
    """
    lines = text.split("\n")
    if not _is_rtl(text):
        return "<br/>".join(_runs(line, fonts, base) for line in lines), False
    rtl_base = fonts.sans  # the sans face carries Hebrew and Arabic
    visual: list[str] = []
    for line in lines:
        shaped = arabic_reshaper.reshape(line)
        for part in _wrap_logical(shaped, rtl_base, size, width):
            visual.append(_runs(get_display(part), fonts, rtl_base))
    markup = "<br/>".join(visual)
    if rtl_base != base:
        markup = f'<font face="{rtl_base}">{markup}</font>'
    return markup, _first_strong_is_rtl(text)


def configured_fonts() -> FontSet:
    """The fonts for this app: ``PDF_FONT_DIRS`` first, then the system's."""
    from flask import current_app

    return load_fonts(tuple(current_app.config.get("PDF_FONT_DIRS") or ()))
