"""Short excerpts of an entry for the author's own list: around the words a search matched, or, for an
untitled entry, its opening words."""

from __future__ import annotations

import re

from journal.entries.content import EntryContent
from journal.entries.index import starts_word
from journal.text import fold, words

BEFORE_CHARS = 60
AFTER_CHARS = 120
_TOKEN = re.compile(r"\w+")

# An excerpt is a list of (text, matched) pieces; the template escapes each piece.
Piece = tuple[str, bool]


def _matches(token: str, wanted: list[str]) -> bool:
    folded = fold(token)
    return any(starts_word(folded, word) for word in wanted)


def excerpt(content: EntryContent, query: str) -> list[Piece]:
    """The first passage of the entry's answers or note with a search word, its matches marked.

    Empty when only the title or a tag matched: the list shows those already.
    """
    wanted = words(query)
    if not wanted:
        return []
    for text in [answer.text for answer in content.answers] + [content.after_effects_note]:
        first = next((m for m in _TOKEN.finditer(text) if _matches(m.group(), wanted)), None)
        if first is None:
            continue
        start = max(0, first.start() - BEFORE_CHARS)
        end = min(len(text), first.end() + AFTER_CHARS)
        # Cut on spaces, not inside a word.
        if start > 0:
            start = text.find(" ", start, first.start()) + 1 or start
        if end < len(text):
            end = text.rfind(" ", first.end(), end) if text.rfind(" ", first.end(), end) > 0 else end
        return _pieces(" ".join(text[start:end].split()), wanted, start > 0, end < len(text))
    return []


OPENING_CHARS = 160


def opening(content: EntryContent) -> list[Piece]:
    """The first words written (an answer, else the note), for an entry without a title; empty if it has one."""
    if content.title:
        return []
    text = next(
        (" ".join(t.split()) for t in [a.text for a in content.answers] + [content.after_effects_note] if t.strip()), ""
    )
    if len(text) <= OPENING_CHARS:
        return [(text, False)] if text else []
    cut = text.rfind(" ", 0, OPENING_CHARS)
    return [(text[: cut if cut > 0 else OPENING_CHARS] + " …", False)]


def _pieces(passage: str, wanted: list[str], cut_start: bool, cut_end: bool) -> list[Piece]:
    pieces: list[Piece] = [("… ", False)] if cut_start else []
    position = 0
    for match in _TOKEN.finditer(passage):
        if _matches(match.group(), wanted):
            if match.start() > position:
                pieces.append((passage[position : match.start()], False))
            pieces.append((match.group(), True))
            position = match.end()
    pieces.append((passage[position:] + (" …" if cut_end else ""), False))
    return [piece for piece in pieces if piece[0]]
