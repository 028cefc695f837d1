"""The prompt library: themes and prompt sets by time since a session.

The library is a versioned data file (``journal/data/prompts.json``). Entries
keep a snapshot of the prompts they answered, so editing the file never
changes what an old entry shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Prompt:
    id: str
    theme: str
    text: str


@dataclass(frozen=True)
class PromptSet:
    key: str
    name: str
    offset_days: int
    intro: str
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True)
class Library:
    version: int
    themes: dict[str, str]
    preparation: tuple[str, ...]
    sets: tuple[PromptSet, ...]

    def get_set(self, key: str | None) -> PromptSet | None:
        return next((prompt_set for prompt_set in self.sets if prompt_set.key == key), None)

    def theme_name(self, key: str | None) -> str:
        return self.themes.get(key or "", "")


@cache
def library() -> Library:
    """Load and check the bundled prompt library."""
    raw = json.loads(resources.files("journal").joinpath("data/prompts.json").read_text(encoding="utf-8"))
    themes = {key: value["name"] for key, value in raw["themes"].items()}
    sets = tuple(
        PromptSet(
            key=item["key"], name=item["name"], offset_days=item["offset_days"], intro=item["intro"],
            prompts=tuple(Prompt(**prompt) for prompt in item["prompts"]),
        )
        for item in raw["sets"]
    )
    for prompt_set in sets:
        if not 3 <= len(prompt_set.prompts) <= 6:
            raise ValueError(f"prompt set {prompt_set.key} must have 3 to 6 prompts")
        unknown = {prompt.theme for prompt in prompt_set.prompts} - themes.keys()
        if unknown:
            raise ValueError(f"prompt set {prompt_set.key} uses unknown themes {unknown}")
    return Library(raw["version"], themes, tuple(raw["preparation"]), sets)
