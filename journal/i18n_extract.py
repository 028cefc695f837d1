"""A Babel extractor for the prompt library (``journal/data/prompts.json``): every word of it a patient reads.

Registered in ``babel.cfg`` (``[extractors] prompts = journal.i18n_extract:extract_prompts``), so
``make translations`` puts the library's wording into the catalog like any marked string. The English text is
the message id; ``journal.prompts.translate`` shows it in the reader's language. Each message carries a comment
naming where it comes from (a set's key, a prompt's id, a medicine's variant), for the translator.

Read: the domains' names (the Theme filter of the journal), and each set's name, introduction and questions,
with their variants for a medicine and their looking-back ("late") wording. Not read anywhere, so not
extracted: the themes' names and the ``about`` notes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any


def prompt_messages(raw: dict) -> Iterator[tuple[str, str]]:
    """(text, where) for every text of the library a patient reads, in the file's order."""
    for key, domain in raw["domains"].items():
        yield domain["name"], f"Theme filter of the journal: the name of the domain {key!r}."
    for prompt_set in raw["sets"]:
        where = f"Prompt set {prompt_set['key']!r}"
        yield prompt_set["name"], f"{where}: its name (a step of a session's timeline, an editor's heading)."
        yield prompt_set["intro"], f"{where}: its introduction."
        for medicine, text in prompt_set.get("intro_variants", {}).items():
            yield text, f"{where}: its introduction, for {medicine}."
        for prompt in prompt_set["prompts"]:
            yield prompt["text"], f"{where}: question {prompt['id']}."
            for medicine, text in prompt.get("variants", {}).items():
                yield text, f"{where}: question {prompt['id']}, for {medicine}."
        late = prompt_set.get("late", {})
        if late:
            looking_back = f"{where}, opened after its day (looking back)"
            yield late["name"], f"{looking_back}: its name."
            yield late["intro"], f"{looking_back}: its introduction."
            for prompt_id, text in late.get("prompts", {}).items():
                yield text, f"{looking_back}: question {prompt_id}."


def _line_of(source: str, text: str) -> int:
    """The line where ``text`` first appears as a JSON string in ``source`` (1 if written another way)."""
    at = source.find(json.dumps(text, ensure_ascii=False))
    if at < 0:
        at = source.find(json.dumps(text))
    return source.count("\n", 0, at) + 1 if at >= 0 else 1


def extract_prompts(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict
) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extractor interface: (line, function name, message, comments) for each text of the library."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for text, where in prompt_messages(json.loads(source)):
        yield _line_of(source, text), None, text, [where]
