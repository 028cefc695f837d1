"""Complex scripts in the PDF: shaped by HarfBuzz, still readable as text.

ReportLab shapes paragraphs with HarfBuzz (``uharfbuzz``) when a style asks
for it, so Devanagari conjuncts, Bengali and Tamil vowel signs and Thai marks
are drawn right. Two things it leaves undone are done here, once per process
(``install``):

- **The words stay text.** A shaped glyph (a conjunct, a vowel sign drawn
  before its consonant) has no character of its own, so copying or searching
  the PDF would lose letters. Each shaped run is wrapped in a marked-content
  span whose ``/ActualText`` is the writer's own text (PDF 1.7, 14.9.4), which
  readers and ``pdftotext`` use in place of the glyphs.
- **Characters beyond U+FFFF** (emoji) get a correct ``ToUnicode`` entry:
  ReportLab writes their code point as hex instead of UTF-16.

Only words with a character of a script that needs shaping go to HarfBuzz:
Latin text costs nothing more. Right-to-left paragraphs are already in visual
order and joined (``fonts.paragraph_markup``) and are never shaped twice.
"""

from __future__ import annotations

import re
import threading
import unicodedata

import reportlab.platypus.paragraph as rl_paragraph
from reportlab.pdfbase import ttfonts
from reportlab.pdfgen import textobject

# Scripts whose letters change shape or order: Indic, Sinhala, Thai, Lao, Tibetan, Myanmar,
# Khmer, Hangul jamo, and combining marks anywhere (a decomposed accent is placed by HarfBuzz).
NEEDS_SHAPING = re.compile(
    "[\u0300-\u036f\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff"
    "\u1dc0-\u1dff\u20d0-\u20ff\ua960-\ua97f\ud7b0-\ud7ff\ufe20-\ufe2f]"
)
_installed = threading.Lock()
_done = False


def needs_shaping(text: str) -> bool:
    return NEEDS_SHAPING.search(text) is not None


# The blocks holding every right-to-left letter (and the RLM mark): a quick test before the exact one.
_RTL_BLOCKS = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def is_rtl(text: str) -> bool:
    """Whether the text holds a right-to-left letter (bidi class R or AL)."""
    if _RTL_BLOCKS.search(text) is None:  # most text: one regular-expression scan, no per-character lookup
        return False
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _shape_word(word, *args, **kwargs):
    """ReportLab's word shaping, for the words that need it, keeping each cluster's text."""
    pieces = [(frag, part) for frag, part in word[1:] if not hasattr(frag, "cbDefn")]
    text = "".join(part for _, part in pieces)
    if not needs_shaping(text) or is_rtl(text):
        return word
    if len({frag.fontName for frag, _ in pieces}) > 1:
        return word  # HarfBuzz would shape it all in the first font: draw a word of two fonts unshaped
    shaped = ttfonts.shapeFragWord(word, *args, **kwargs)
    if shaped is word:
        return word
    _keep_cluster_text(shaped, text)
    return shaped


def _keep_cluster_text(shaped, text: str) -> None:
    """Give the first glyph of each cluster the cluster's characters (``actual``), the others none."""
    runs = [(index, part) for index, (_, part) in enumerate(shaped[1:], 1) if isinstance(part, ttfonts.ShapedStr)]
    starts = sorted(
        {glyph.cluster for _, part in runs for glyph in part.__shapeData__ if 0 <= glyph.cluster < len(text)}
    )
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    seen: set[int] = set()
    for index, part in runs:
        glyphs = []
        for glyph in part.__shapeData__:
            copy = ttfonts.ShapeData(*glyph)
            if glyph.cluster in ends:
                copy.actual = "" if glyph.cluster in seen else text[glyph.cluster : ends[glyph.cluster]]
                seen.add(glyph.cluster)
            glyphs.append(copy)
        shaped[index] = (shaped[index][0], ttfonts.ShapedStr(str(part), shapeData=glyphs))


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _format_text(original):
    def format_text(self, text):
        drawn = original(self, text)
        if not isinstance(text, ttfonts.ShapedStr):
            return drawn
        glyphs = text.__shapeData__
        if not any(hasattr(glyph, "actual") for glyph in glyphs):
            return drawn
        actual = "".join(getattr(glyph, "actual", char) for char, glyph in zip(text, glyphs, strict=False))
        return f"/Span <</ActualText <FEFF{_utf16(actual)}>>> BDC {drawn} EMC"

    return format_text


def _to_unicode_cmap(fontname: str, subset) -> str:
    """ReportLab's ToUnicode CMap, with each character written in UTF-16 (surrogate pairs beyond U+FFFF)."""
    entries = [f"<{index:02X}> <{_utf16(chr(code))}>" for index, code in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def install() -> bool:
    """Hook the above into ReportLab (once). False when HarfBuzz is missing: text is then drawn unshaped."""
    global _done
    with _installed:
        if not _done:
            ttfonts.makeToUnicodeCMap = _to_unicode_cmap
            if ttfonts.uharfbuzz is not None:
                rl_paragraph.shapeFragWord = _shape_word
                textobject.PDFTextObject._formatText = _format_text(textobject.PDFTextObject._formatText)
            _done = True
    return ttfonts.uharfbuzz is not None
