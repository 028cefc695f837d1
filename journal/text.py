"""Text typed by people: cleaning, applied by every form, and folding, shared by search and risk detection."""

import re
import unicodedata

# C0 and C1 control characters except tab and newline; carriage returns and
# the Unicode line and paragraph separators become newlines first.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates can make text display in another
# order than it was written (to a therapist, or in a PDF); the byte-order mark
# is invisible noise. Marks that scripts need (ZWJ, ZWNJ, LRM, RLM, zero-width
# space) are kept.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\ufeff]")
_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})


def clean_multiline(value: str | None) -> str | None:
    """Remove control and bidi-override characters, keeping tabs, line breaks and all other Unicode."""
    if value is None:
        return None
    value = value.replace("\r\n", "\n").translate(_NEWLINES)
    return _INVISIBLE.sub("", _CONTROL.sub("", value))


def clean_line(value: str | None) -> str | None:
    """Clean one line of text: no control characters, no line breaks, trimmed."""
    if value is None:
        return None
    value = clean_multiline(value).replace("\n", " ").replace("\t", " ")
    return unicodedata.normalize("NFC", value).strip()


_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Casefold and strip accents, so "Café", "CAFE" and "cafe" are one word."""
    if text.isascii():  # nothing to decompose: most writing, at a fraction of the cost
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text))
