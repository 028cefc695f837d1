"""What an entry holds, in plain Python: the shape of its sealed payload."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from flask_babel import lazy_gettext as _l

# Each after-effect's key (stored in entries) and its label, in the reader's language when shown (a lazy string:
# ``str()`` it where a plain string is needed).
AFTER_EFFECTS = {
    "nausea": _l("Nausea"),
    "dizziness": _l("Dizziness"),
    "disorientation": _l("Disorientation or confusion"),
    "headache": _l("Headache"),
    "bladder": _l("Bladder pain or urgency"),
    "urge_to_use": _l("An urge to use outside treatment"),
    "none": _l("None of these"),
}
# Rare but serious after-effects that a therapist should see first.
SERIOUS_AFTER_EFFECTS = frozenset({"bladder", "urge_to_use"})


@dataclass
class Answer:
    """One prompt (a snapshot of its text when answered) and what was written."""

    prompt_id: str | None
    theme: str | None
    prompt: str | None
    text: str


@dataclass
class EntryContent:
    title: str = ""
    answers: list[Answer] = field(default_factory=list)
    after_effects: list[str] = field(default_factory=list)
    after_effects_note: str = ""
    tags: list[str] = field(default_factory=list)
    # The IANA zone an imported entry was written in (Day One keeps one per entry); "" for entries written here.
    time_zone: str = ""
    # What the risk engine found when it was last saved: category, rule and qualifier (journal.safety.risk).
    risk: list[dict] = field(default_factory=list)

    def to_payload(self) -> dict:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict) -> EntryContent:
        answers = [Answer(**answer) for answer in payload.get("answers", [])]
        return cls(**{**payload, "answers": answers})

    @property
    def themes(self) -> set[str]:
        return {answer.theme for answer in self.answers if answer.theme and answer.text.strip()}

    @property
    def domains(self) -> set[str]:
        """The library's domains of the themes answered (``journal.prompts``)."""
        from journal.prompts import library

        return {domain for theme in self.themes if (domain := library().domain_of(theme))}

    @property
    def written(self) -> list[str]:
        """Every piece of text the patient wrote: title, after-effects note, tags, answers."""
        return [self.title, self.after_effects_note, *self.tags, *(answer.text for answer in self.answers)]

    def text_for_search(self) -> str:
        return "\n".join(self.written).casefold()


@dataclass
class CheckIn:
    mood: int | None = None
    intensity: int | None = None
    detachment: int | None = None


def parse_tags(raw: str) -> list[str]:
    """Split a comma-separated tag line; trim, drop empties and repeats, keep order."""
    seen: dict[str, str] = {}
    for tag in raw.split(","):
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())
