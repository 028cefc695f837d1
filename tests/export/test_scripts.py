"""Every script a patient writes in survives the PDF: drawn with a real glyph, shaped, and readable as text.

The proof is ``pdftotext`` (Poppler), as a reader or a search would see it.
"""

import os
import shutil
import subprocess
import unicodedata

import pytest

from tests.conftest import login_client
from tests.export.test_pdf import export, read

# Left to right: pdftotext gives each sample back exactly.
LTR = {
    "latin": "Crème brûlée, naïve façade, Ærøskøbing, Łódź",
    "decomposed": "Cafe\u0301 au lait",
    "vietnamese": "Tiếng Việt có dấu",
    "greek": "Καλημέρα κόσμε",
    "cyrillic": "Привет, как дела",
    "armenian": "Բարեւ աշխարհ",
    "georgian": "გამარჯობა მსოფლიო",
    "devanagari": "क्षत्रिय नमस्ते, हिन्दी में लिखा",
    "bengali": "বাংলা ভাষা ক্ষমা",
    "tamil": "தமிழ் கொண்டு வணக்கம்",
    "gujarati": "ગુજરાતી ભાષા",
    "thai": "ภาษาไทย น้ำใจ",
    "ethiopic": "ሰላም ዓለም",
    "chinese": "你好世界",
    "japanese": "こんにちは、日本語のテキスト",
    "korean": "안녕하세요 마음",
    "emoji": "calm 🌊🌙 waves 🌿",
}
# Right to left: drawn in visual order; every letter is there.
RTL = {"hebrew": "שלום עולם", "arabic": "مرحبا بالعالم"}


@pytest.fixture
def pdftotext():
    found = shutil.which("pdftotext")
    if found is None:
        if os.environ.get("JOURNAL_TEST_REQUIRE_FONTS"):
            pytest.fail("pdftotext is missing (make fonts installs poppler-utils)")
        pytest.skip("pdftotext is missing: make fonts installs it with the fonts")
    return found


def extracted(pdftotext, pdf: bytes, tmp_path) -> str:
    path = tmp_path / "journal.pdf"
    path.write_bytes(pdf)
    result = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFC", result.stdout.decode("utf-8"))


def test_every_script_comes_out_of_the_pdf_as_written(app, make_user, journal, pdftotext, tmp_path):
    assert len(LTR) + len(RTL) >= 15
    patient = make_user(email="p@example.org")
    for name, sample in {**LTR, **RTL}.items():
        journal.entry(patient.id, f"{name}: {sample}", title=f"In {name}")
    response = export(login_client(app, "p@example.org"))
    text = extracted(pdftotext, read(response) and response.data, tmp_path)
    lines = " ".join(text.split())
    for name, sample in LTR.items():
        assert unicodedata.normalize("NFC", f"{name}: {sample}") in lines, name
    for name, sample in RTL.items():
        letters = {c for c in unicodedata.normalize("NFKC", sample) if c.isalpha()}
        assert letters <= set(unicodedata.normalize("NFKC", text)), name
    assert "\ufffd" not in text and "In korean" in text


def test_complex_scripts_are_shaped_and_latin_is_not(app, make_user, journal):
    patient = make_user(email="p@example.org")
    journal.entry(patient.id, "plain words only", title="Latin")
    latin = read(export(login_client(app, "p@example.org")))
    assert not any(b"ActualText" in page.get_contents().get_data() for page in latin.pages)
    journal.entry(patient.id, LTR["devanagari"], title="Hindi")
    shaped = read(export(login_client(app, "p@example.org")))
    # A shaped run is drawn with HarfBuzz's glyphs and carries its own text beside them.
    assert any(b"ActualText" in page.get_contents().get_data() for page in shaped.pages)


def test_characters_beyond_the_basic_plane_map_back_to_themselves():
    from journal.export.shaping import _to_unicode_cmap

    cmap = _to_unicode_cmap("F", [ord("a"), 0x1F33F])
    assert "<00> <0061>" in cmap and "<01> <D83CDF3F>" in cmap  # UTF-16, a surrogate pair for 🌿


def test_a_character_no_font_has_becomes_a_visible_placeholder(app, make_user, journal):
    from journal.export.fonts import load_fonts, paragraph_markup

    fonts = load_fonts()
    markup, _ = paragraph_markup("a\U000f0001b", fonts, base=fonts.body, size=10, width=100)  # private use
    assert markup in ("a\ufffdb", "a?b")


def test_the_quick_right_to_left_test_misses_no_right_to_left_letter():
    from journal.export.shaping import is_rtl

    rtl = [chr(code) for code in range(0x110000) if unicodedata.bidirectional(chr(code)) in ("R", "AL")]
    assert len(rtl) > 1000 and all(is_rtl(f"abc {char} def") for char in rtl)
    assert not is_rtl("Crème brûlée, क्षत्रिय, 日本語, 🌿")
