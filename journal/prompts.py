"""The prompt library: domains, themes and prompt sets along the arc of a session.

The library is a versioned data file (``journal/data/prompts.json``). Entries
keep a snapshot of the prompts they answered, so editing the file never
changes what an old entry shows.

- Six *domains* (Bathje et al.'s holistic model of integration: mind, body,
  spirit, relationships, lifestyle, nature); each *theme* of a prompt belongs
  to one, so old entries' themes still find their domain. The blind index
  holds each entry's domains: moving a theme to another domain means bumping
  ``journal.entries.index.FORMAT`` so journals are re-indexed.
- Sets are of three kinds: ``before`` a session, ``after`` it (by stage),
  and ``hard``, offered after a hard session instead of pressing on.
- A prompt or a set's introduction may have *variants* for a medicine or a
  group of medicines (``medicine_groups``); ``for_medicine`` picks them.
- A prompt may *recall* an earlier answer of the same session (a prompt id,
  or ``intention``); ``journal.entries.recall`` finds it for the author.
- The file's English is each text's message id in the catalogs (``journal.i18n_extract`` extracts it):
  ``translate`` and ``PromptSet.translated`` show it in the reader's language, as the last step before
  it is shown (after ``for_medicine`` and ``on_day``, which pick among the English texts). An entry stores
  the question in the language it was asked in, and keeps showing that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from flask_babel import gettext as _catalog_text  # not an extraction keyword: the texts come from prompts.json

BEFORE, AFTER, HARD = "before", "after", "hard"
# Recalls the session's intention, or else the before set's answer on the intention theme (same name).
RECALL_INTENTION = "intention"


@dataclass(frozen=True)
class Prompt:
    id: str
    theme: str
    text: str
    recall: str | None = None
    variants: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class PromptSet:
    key: str
    kind: str
    name: str
    offset_days: int
    window_days: int
    intro: str
    prompts: tuple[Prompt, ...]
    intro_variants: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # The set whose editor offers the gentler set for a hard session instead.
    offers_hard: bool = False
    # Wording for a set still open after its first day, looking back (name, intro, prompt texts by id).
    late: dict = field(default_factory=dict, compare=False, hash=False)

    def for_medicine(self, medicine: str | None) -> PromptSet:
        """This set in the wording for a medicine (a ``Medicine`` value); the plain set for none."""
        groups = library().groups_of(medicine)
        if not groups:
            return self
        prompts = tuple(replace(p, text=_pick(p.variants, groups, p.text)) for p in self.prompts)
        return replace(self, intro=_pick(self.intro_variants, groups, self.intro), prompts=prompts)

    def on_day(self, days_after: int) -> PromptSet:
        """This set as read ``days_after`` its session (the person's local dates): after the day it opens,
        in its looking-back wording when it has one (a "same day" set opened the next day)."""
        if days_after <= self.offset_days or not self.late:
            return self
        texts = self.late.get("prompts", {})
        prompts = tuple(replace(p, text=texts.get(p.id, p.text)) for p in self.prompts)
        return replace(self, name=self.late["name"], intro=self.late["intro"], prompts=prompts, late={})

    def translated(self) -> PromptSet:
        """This set's name, introduction and questions in the active language: the last step before it is shown
        (``for_medicine`` and ``on_day`` pick among the English texts, which are the catalog's ids)."""
        prompts = tuple(replace(p, text=translate(p.text)) for p in self.prompts)
        return replace(self, name=translate(self.name), intro=translate(self.intro), prompts=prompts)


def translate(text: str) -> str:
    """A text of the library (a set's name, a question, a domain's name) in the active language."""
    return _catalog_text(text) if text else text


def _pick(variants: dict[str, str], groups: tuple[str, ...], default: str) -> str:
    return next((variants[key] for key in groups if key in variants), default)


@dataclass(frozen=True)
class Theme:
    key: str
    name: str
    domain: str


@dataclass(frozen=True)
class Library:
    version: int
    domains: dict[str, str]
    themes: dict[str, Theme]
    medicine_groups: dict[str, tuple[str, ...]]
    sets: tuple[PromptSet, ...]

    def get_set(self, key: str | None) -> PromptSet | None:
        return next((prompt_set for prompt_set in self.sets if prompt_set.key == key), None)

    def prompt(self, prompt_id: str | None) -> Prompt | None:
        return next((p for s in self.sets for p in s.prompts if p.id == prompt_id), None)

    def set_of(self, prompt_id: str) -> PromptSet | None:
        return next((s for s in self.sets if any(p.id == prompt_id for p in s.prompts)), None)

    def domain_of(self, theme: str | None) -> str | None:
        """The domain of a theme, also for themes older entries kept; None for an unknown one."""
        found = self.themes.get(theme or "")
        return found.domain if found else None

    def groups_of(self, medicine: str | None) -> tuple[str, ...]:
        """Variant keys for a medicine, most specific first: the medicine, then its groups."""
        if not medicine:
            return ()
        return (medicine, *(name for name, members in self.medicine_groups.items() if medicine in members))

    @property
    def intention_prompt(self) -> str:
        """The prompt of the before set that asks for an intention (what ``recall: intention`` falls back on)."""
        before = next(s for s in self.sets if s.kind == BEFORE)
        return next(p.id for p in before.prompts if p.theme == RECALL_INTENTION)

    @property
    def stages(self) -> tuple[PromptSet, ...]:
        """The sets every session has on its timeline, in order of their days."""
        return tuple(s for s in self.sets if s.kind in (BEFORE, AFTER))


def _load_set(item: dict) -> PromptSet:
    return PromptSet(
        key=item["key"],
        kind=item["kind"],
        name=item["name"],
        offset_days=item["offset_days"],
        window_days=item["window_days"],
        intro=item["intro"],
        intro_variants=item.get("intro_variants", {}),
        offers_hard=item.get("offers_hard", False),
        late=item.get("late", {}),
        prompts=tuple(Prompt(**prompt) for prompt in item["prompts"]),
    )


def _check(lib: Library, medicines: set[str]) -> None:
    variant_keys = medicines | lib.medicine_groups.keys()
    ids = [p.id for s in lib.sets for p in s.prompts]
    if len(ids) != len(set(ids)):
        raise ValueError("prompt ids must be unique")
    for prompt_set in lib.sets:
        where = f"prompt set {prompt_set.key}"
        if prompt_set.kind not in (BEFORE, AFTER, HARD):
            raise ValueError(f"{where} has an unknown kind")
        if not 3 <= len(prompt_set.prompts) <= 6:
            raise ValueError(f"{where} must have 3 to 6 prompts")
        if {p.theme for p in prompt_set.prompts} - lib.themes.keys():
            raise ValueError(f"{where} uses an unknown theme")
        used = set(prompt_set.intro_variants).union(*(p.variants for p in prompt_set.prompts))
        if used - variant_keys:
            raise ValueError(f"{where} has variants for unknown medicines {used - variant_keys}")
        if prompt_set.late and (
            not {"name", "intro"} <= prompt_set.late.keys()
            or set(prompt_set.late.get("prompts", {})) - {p.id for p in prompt_set.prompts}
        ):
            raise ValueError(f"{where}: its late wording needs a name, an intro, and only its own prompts")
        for prompt in prompt_set.prompts:
            if prompt.recall not in (None, RECALL_INTENTION) and prompt.recall not in ids:
                raise ValueError(f"{where}: {prompt.id} recalls an unknown prompt")
    if {theme.domain for theme in lib.themes.values()} - lib.domains.keys():
        raise ValueError("a theme belongs to an unknown domain")
    for members in lib.medicine_groups.values():
        if set(members) - medicines:
            raise ValueError("a medicine group names an unknown medicine")


@cache
def library() -> Library:
    """Load and check the bundled prompt library."""
    from journal.models import Medicine

    raw = json.loads(resources.files("journal").joinpath("data/prompts.json").read_text(encoding="utf-8"))
    lib = Library(
        version=raw["version"],
        domains={key: value["name"] for key, value in raw["domains"].items()},
        themes={key: Theme(key, value["name"], value["domain"]) for key, value in raw["themes"].items()},
        medicine_groups={key: tuple(value) for key, value in raw["medicine_groups"].items()},
        sets=tuple(_load_set(item) for item in raw["sets"]),
    )
    _check(lib, {medicine.value for medicine in Medicine})
    return lib
