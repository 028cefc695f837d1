"""Cleaning of text typed by people, applied by every form."""

import re
import unicodedata

# C0 and C1 control characters except tab and newline; carriage returns are
# folded into newlines first so Windows line endings survive as line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_multiline(value: str | None) -> str | None:
    """Remove control characters, keeping tabs, line breaks and all other Unicode."""
    if value is None:
        return None
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value)


def clean_line(value: str | None) -> str | None:
    """Clean one line of text: no control characters, no line breaks, trimmed."""
    if value is None:
        return None
    value = clean_multiline(value).replace("\n", " ").replace("\t", " ")
    return unicodedata.normalize("NFC", value).strip()
