"""Noticing risk in what a patient saves: a small, explainable engine. Pure functions: no database, no request.

A save is read in four steps. The text is folded (case, accents, apostrophes) and people's spellings are
rewritten ("dont", "im", "kms"); each word becomes its lemma (``simplemma``, so "killing" and "killed" are
"kill"); the rules of ``journal.safety.lexicon`` are matched within each sentence, a few words apart at
most; and each match is weighed: dropped when a shield covers it (an idiom, the dosing experience, medicine,
daily life) or when it speaks of someone else, of fiction or of prevention work, and marked *negated* or
*past* when a negation comes just before it or the sentence speaks of long ago. Every finding keeps the
category and the rule that fired, so a decision can always be explained.

Two levels, never a diagnosis: **urgent** (active thoughts, method, intent, plan or preparation, recent
self-harm, a recent attempt or one whose feeling is back, two soft signals or more, a wish to be dead or a
soft signal with a very low mood, PHQ-9 item 9 at 2 or 3) and **gentle** (a wish to be dead, one soft signal,
anything negated or long past, a very low mood, an urge to use, PHQ-9 item 9 at 1).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain

import simplemma

from journal.safety import lexicon
from journal.text import fold

LOW_MOOD = -4  # this or lower
NEGATION_WINDOW = 4  # words before a match in which a negation counts
PERSON_WINDOW = 8  # words before a match searched for who it is about


class Level:
    URGENT = "urgent"
    GENTLE = "gentle"


class Signal:
    """What an alert and a flag name. The word categories, and the signals that are not words."""

    PASSIVE_WISH = "passive_wish"
    ACTIVE = "active_thoughts"
    METHOD = "method"
    INTENT = "intent"
    PLAN = "plan_preparation"
    SELF_HARM = "self_harm"
    ATTEMPT = "attempt"
    SOFT = "soft"
    NEGATED = "negated"  # words about suicide or self-harm, negated or long past
    LOW_MOOD = "low_mood"
    URGE_TO_USE = "urge_to_use"
    PHQ9_ITEM9 = "phq9_item9"
    WORDS = "words"  # what the phrase list before this engine recorded: kept for old alerts


LABELS = {
    Signal.PASSIVE_WISH: "A wish to be dead or not to wake up",
    Signal.ACTIVE: "Thoughts of suicide",
    Signal.METHOD: "Thoughts of a method",
    Signal.INTENT: "Words of intent to act",
    Signal.PLAN: "A plan or preparations",
    Signal.SELF_HARM: "Recent self-harm",
    Signal.ATTEMPT: "A past attempt, with the feeling back or recent",
    Signal.SOFT: "Hopelessness, feeling a burden or trapped",
    Signal.NEGATED: "Words about suicide or self-harm, negated or in the past",
    Signal.LOW_MOOD: "A very low mood (−4 or −5)",
    Signal.URGE_TO_USE: "An urge to use outside treatment",
    Signal.PHQ9_ITEM9: "PHQ-9 question 9 answered above 0",
    Signal.WORDS: "Words about suicide or self-harm",
}


def tells_the_team(level: str | None) -> bool:
    """Whether a save at this level alerts the therapists the patient allowed: only the urgent level does."""
    return level == Level.URGENT


URGENT_WORDS = {Signal.ACTIVE, Signal.METHOD, Signal.INTENT, Signal.PLAN, Signal.SELF_HARM, Signal.ATTEMPT}


@dataclass(frozen=True)
class Finding:
    """One rule that fired: its category, its id, and whether it was negated or long past."""

    category: str
    rule: str
    qualifier: str = ""  # "", "negated" or "past"

    @property
    def signal(self) -> str:
        if self.qualifier:
            return Signal.NEGATED
        return Signal.SOFT if self.category.startswith("soft_") else self.category


@dataclass(frozen=True)
class Risk:
    """What was noticed in one save: a level (or none), the signals, and the findings that explain them."""

    signals: tuple[str, ...] = ()
    level: str | None = None
    findings: tuple[Finding, ...] = ()
    version: int = lexicon.VERSION

    def __bool__(self) -> bool:
        return self.level is not None

    @property
    def urgent(self) -> bool:
        return tells_the_team(self.level)

    @property
    def negated(self) -> bool:
        """Every word finding was negated or long past."""
        return bool(self.findings) and all(f.qualifier for f in self.findings)

    @property
    def labels(self) -> list[str]:
        return [LABELS[signal] for signal in self.signals]

    def explain(self) -> list[dict]:
        """The findings as stored with the entry (sealed like it): category, rule, qualifier, and the lexicon's
        version, so a rule id can be read against the rules that fired it."""
        return [
            {"category": f.category, "rule": f.rule, "qualifier": f.qualifier, "version": self.version}
            for f in self.findings
        ]


# -- reading the text -------------------------------------------------------------------------------------

_YEAR = re.compile(r"(19[5-9]\d|20[0-4]\d)$")


@cache
def _vocabulary() -> frozenset[str]:
    """Every word the engine reads: the lexicon's, and those the weighing looks for (contexts, clause words)."""
    words: set[str] = set()
    for text in [
        *lexicon.SETS.values(),
        *(rule for _, _, rule in lexicon.RULES),
        *lexicon.SHIELDS,
        *lexicon.PAST,
        *lexicon.RETURNING,
        *lexicon.RECENT,
        lexicon.FICTION,
        lexicon.PREVENTION,
        " ".join(CLAUSE | REPORTING | TRANSPARENT),
    ]:
        words.update(word for word in re.findall(r"[a-z0-9]+", text))
    return frozenset(words)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@cache
def _typos() -> dict[str, str]:
    """Every string one edit (a letter dropped, added, changed, or two swapped) from a word of
    ``lexicon.TYPO_TOLERANT``, mapped to that word: "sucide", "suicdal", "thougths", "dissapear"."""
    variants: dict[str, str] = {}
    for word in lexicon.TYPO_TOLERANT.split():
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        edits |= {a + c + b for a, b in splits for c in _LETTERS}
        for edit in edits - {word}:
            variants.setdefault(edit, word)
    return variants


def lemma(word: str) -> str:
    """The lemma of a folded word. Where simplemma gives none the lexicon knows ("cutting", "thinking"),
    a lexicon word is found by taking the ending off, so the text and the rules always meet on one form.
    A word the lexicon keeps as written ("training" is not "train") stays; a dropped g is put back
    ("cuttin"); and a word no dictionary knows, one slip from a core word ("sucide"), is read as that word."""
    vocabulary = _vocabulary()
    if word in lexicon.LITERAL:
        return word
    found = simplemma.lemmatize(word, lang="en").lower()
    if found in vocabulary:
        return found
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem):
                if candidate in vocabulary:
                    return candidate
    if word in vocabulary:
        return word
    if word.endswith("in") and len(word) > 4 and lemma(word + "g") in vocabulary:
        return lemma(word + "g")
    if len(word) >= 5 and word in _typos() and not simplemma.is_known(word, lang="en"):
        return lemma(_typos()[word])
    return found


@dataclass(frozen=True)
class Text:
    """A text as the rules see it: lemmas, the sentence each belongs to, and where each lemma stands."""

    lemmas: tuple[str, ...]
    sentence: tuple[int, ...]
    at: dict[str, list[int]]
    words: frozenset[str] = frozenset()  # the lemmas present, to meet a rule's slots in one set operation


# What a token reads as, kept between calls only for the lexicon's own words. A word the lexicon does not know
# becomes OTHER_WORD, and only its salted hash is kept (a process's str hashes are keyed per process), so
# no word a patient wrote outlives the request in plain text; the set is emptied when it grows large.
_SPELLED: dict[str, tuple[str, ...]] = {}
_UNKNOWN: set[int] = set()
_UNKNOWN_LIMIT = 200_000
OTHER_WORD = ("_",)


def _spell(token: str) -> tuple[str, ...]:
    """A token's lemmas, after people's spellings are rewritten."""
    if hash(token) in _UNKNOWN:
        return OTHER_WORD
    words = tuple(
        "@YEAR" if _YEAR.match(word) else "@NUMBER" if word.isdigit() else lemma(word)
        for word in lexicon.SPELLING.get(token, token).split()
    )
    vocabulary = _vocabulary()
    if any(word in vocabulary or word.startswith("@") for word in words):
        _SPELLED[token] = words
        return words
    if len(_UNKNOWN) > _UNKNOWN_LIMIT:
        _UNKNOWN.clear()
    _UNKNOWN.add(hash(token))
    return OTHER_WORD


_SENTENCES = re.compile(r"[.!?;\n]+")
_JOINS = [(pair, re.compile(rf"{pair}(?!\w)"), joined) for pair, joined in lexicon.JOINS.items()]


def _joiner(text: str, joined: str):
    """The replacement for one pair: the joined word, where the pair does not end a longer word before it."""

    def replace(match: re.Match) -> str:
        return joined if match.start() == 0 or not text[match.start() - 1].isalnum() else match.group()

    return replace


def _join(folded: str) -> str:
    """Pairs written apart read as one word ("car park", "my self"), as ``lexicon.JOINS`` says: each looked
    for once in the whole text, and replaced only where it stands as two whole words (the pattern opens on
    its literal, which ``re`` finds fast; the word boundary before it is checked here)."""
    for pair, pattern, joined in _JOINS:
        if pair in folded:
            folded = pattern.sub(_joiner(folded, joined), folded)
    return folded


_WORDS = re.compile(r"\w+")
_SHE = ("she", "would")


def read(text: str) -> Text:
    """Fold, respell, lemmatize and index a text, sentence by sentence (the lookups run in C: a 5,000-word
    entry is read in about 2 ms)."""
    folded = _join(fold(text).replace("'", "").replace("\u2019", "").replace("\u2018", ""))
    lemmas: list[str] = []
    sentence: list[int] = []
    for number, part in enumerate(_SENTENCES.split(folded)):
        tokens = _WORDS.findall(part)
        spelled = list(map(_SPELLED.get, tokens))
        if None in spelled:
            spelled = [
                known if known is not None else _spell(token) for known, token in zip(spelled, tokens, strict=True)
            ]
        if "shed" in tokens:  # "she'd been", not the garden's
            for i, token in enumerate(tokens[:-1]):
                if token == "shed" and tokens[i + 1] in lexicon.SHED_BEFORE:
                    spelled[i] = _SHE
        words = list(chain.from_iterable(spelled))
        lemmas += words
        sentence += [number] * len(words)
    at: dict[str, list[int]] = defaultdict(list)
    for position, word in enumerate(lemmas):
        at[word].append(position)
    return Text(tuple(lemmas), tuple(sentence), at, frozenset(at))


# -- patterns ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """Slots of alternative lemmas, each within ``gaps[i]`` words after the one before; and the words that may
    not come straight after the last slot ("my attempt" but not "my attempt at baking")."""

    slots: tuple[frozenset[str], ...]
    gaps: tuple[int, ...]
    not_next: frozenset[str] = frozenset()
    at_end: bool = False  # ``$``: the last slot ends its sentence ("I've decided.")


def compile_pattern(source: str) -> Pattern:
    slots: list[frozenset[str]] = []
    gaps: list[int] = []
    gap = 0
    not_next: set[str] = set()
    at_end = False
    for part in source.split():
        if part == "$":
            at_end = True
            continue
        if part.startswith("~"):
            gap = int(part[1:])
            continue
        if part.startswith("!"):
            not_next.update(w if w.startswith(("@", "_")) else lemma(w) for w in part[1:].split("|"))
            continue
        words: set[str] = set()
        for alternative in part.split("|"):
            if alternative.startswith("@") and alternative[1:] in lexicon.SETS:
                words.update(lemma(w) for w in lexicon.SETS[alternative[1:]].split())
            else:
                words.add(alternative if alternative.startswith("@") else lemma(alternative))
        slots.append(frozenset(words))
        gaps.append(gap)
        gap = 0
    return Pattern(tuple(slots), tuple(gaps), frozenset(not_next), at_end)


def find(pattern: Pattern, text: Text) -> list[tuple[int, int]]:
    """Every (first, last) position where the pattern matches inside one sentence.

    Most rules stop at once, at a slot whose words the text does not hold. The others are anchored on their
    rarest slot and extended to each side, trying every place within each gap, the nearest first.
    """
    present = []
    for slot in pattern.slots:
        words = slot & text.words
        if not words:
            return []
        present.append(words)
    at = text.at
    anchor, final = 0, len(present) - 1
    if final:
        counts = [sum(len(at[word]) for word in words) for words in present]
        anchor = counts.index(min(counts))
    words = present[anchor]
    positions = at[next(iter(words))] if len(words) == 1 else sorted(p for word in words for p in at[word])
    checks_next = pattern.at_end or bool(pattern.not_next)
    found = []
    for origin in positions:
        first = origin if anchor == 0 else _extend(pattern, anchor - 1, origin, text, -1)
        if first is None:
            continue
        last = origin if anchor == final else _extend(pattern, anchor + 1, origin, text, +1)
        if last is None:
            continue
        if checks_next and last + 1 < len(text.lemmas) and text.sentence[last + 1] == text.sentence[last]:
            if pattern.at_end or text.lemmas[last + 1] in pattern.not_next:
                continue
        found.append((first, last))
    return found


def _extend(pattern: Pattern, slot: int, origin: int, text: Text, step: int) -> int | None:
    """Match slots from ``slot`` outwards (``step`` -1 leftwards, +1 rightwards); the outermost position."""
    if slot < 0 or slot == len(pattern.slots):
        return origin
    gap = pattern.gaps[slot] if step > 0 else pattern.gaps[slot + 1]
    words, lemmas, sentence = pattern.slots[slot], text.lemmas, text.sentence
    here, following = sentence[origin], slot + step
    outermost = following < 0 or following == len(pattern.slots)
    position = origin
    for _ in range(gap + 1):
        position += step
        if position < 0 or position >= len(lemmas) or sentence[position] != here:
            return None
        if lemmas[position] in words:
            if outermost:
                return position
            outer = _extend(pattern, following, position, text, step)
            if outer is not None:
                return outer
    return None


@dataclass(frozen=True)
class Compiled:
    rules: tuple[tuple[str, str, Pattern], ...]
    shields: tuple[Pattern, ...]
    past: tuple[Pattern, ...]
    returning: tuple[Pattern, ...]
    recent: tuple[Pattern, ...]
    self_words: frozenset[str]
    other_words: frozenset[str]
    negations: frozenset[str]
    negation_exceptions: frozenset[str]
    context: frozenset[str]


@cache
def compiled() -> Compiled:
    def words(name: str) -> frozenset[str]:
        return frozenset(lemma(w) for w in lexicon.SETS[name].split())

    return Compiled(
        tuple((rule_id, category, compile_pattern(source)) for rule_id, category, source in lexicon.RULES),
        tuple(compile_pattern(source) for source in lexicon.SHIELDS),
        tuple(compile_pattern(source) for source in lexicon.PAST),
        tuple(compile_pattern(source) for source in lexicon.RETURNING),
        tuple(compile_pattern(source) for source in lexicon.RECENT),
        words("SELF"),
        words("OTHER"),
        words("NEG"),
        words("NEG_EXCEPT"),
        frozenset(lemma(w) for w in (lexicon.FICTION + " " + lexicon.PREVENTION).split()),
    )


# -- weighing matches --------------------------------------------------------------------------------------


# Words after which a new clause begins: "he doesn't know [it's goodbye]", "she thinks [I'm on a retreat]".
REPORTING = frozenset({"know", "think", "say", "tell", "realise", "realize", "guess", "believe", "and", "but"})


def _about_someone_else(text: Text, first: int, last: int, model: Compiled) -> bool:
    """The nearest person named before the match, in its clause, is someone else, and the writer is not in it.
    A match that opens on someone of the writer's ("my brother attempted") is about that person."""
    if text.lemmas[first] in POSSESSIVE and first < last and text.lemmas[first + 1] in model.other_words:
        return True
    if any(text.lemmas[p] in model.self_words for p in range(first, last + 1)):
        return False
    for position in range(first - 1, max(-1, first - PERSON_WINDOW - 1), -1):
        if text.sentence[position] != text.sentence[first] or text.lemmas[position] in REPORTING:
            break
        word = text.lemmas[position]
        if word in model.self_words:
            return False
        if word in model.other_words or (word.endswith("s") and word[:-1] in model.other_words):
            return True
    return False


def _sentences_in_context(text: Text, model: Compiled) -> set[int]:
    """The sentences that speak of fiction or of prevention work."""
    return {text.sentence[p] for word in model.context for p in text.at.get(word, ())}


def _in_context(text: Text, first: int, last: int, model: Compiled, context: set[int]) -> bool:
    """Fiction or prevention work in the sentence, and the match itself does not name the writer."""
    if text.sentence[first] not in context:
        return False
    return not any(text.lemmas[p] in model.self_words for p in range(first, last + 1))


CLAUSE = frozenset({"and", "but", "so", "because", "then", "while", "though", "although"})
# Words a negation reaches across without using up its window: "not having any thoughts of killing myself".
TRANSPARENT = frozenset({"any", "of", "about", "thought", "urge", "plan", "intention", "real", "serious", "active"})
POSSESSIVE = frozenset({"my", "our"})
# Who does a preparation when the word just before it names them: "she writes letters", "we gave the cat"
# (the lemmas of "him", "her" and "them" are these too: after a preposition they are not the doer).
SUBJECTS = frozenset({"he", "she", "they", "we", "you"})
PREPOSITIONS = frozenset({"for", "to", "with", "at", "from", "by", "of", "about", "on", "than", "into", "onto"})


def _done_by_someone_else(text: Text, first: int) -> bool:
    """A preparation whose doer, just before it, is someone else ("in the series she writes letters")."""
    for position in range(first - 1, max(-1, first - 3), -1):
        if text.sentence[position] != text.sentence[first]:
            return False
        if text.lemmas[position] in SUBJECTS:
            before = position - 1
            return (
                before < 0
                or text.sentence[before] != text.sentence[position]
                or (text.lemmas[before] not in PREPOSITIONS)
            )
        if text.lemmas[position] not in {"just", "also", "already", "finally", "then", "even", "always"}:
            return False
    return False


def _negated(text: Text, first: int, model: Compiled) -> bool:
    """A negation within a few words before the match, in the same clause ("not suicidal", "no thoughts of")."""
    position, counted = first - 1, 0
    while position >= 0 and counted < NEGATION_WINDOW:
        if text.sentence[position] != text.sentence[first] or text.lemmas[position] in CLAUSE:
            return False
        if text.lemmas[position] in model.negations:
            following = text.lemmas[position + 1] if position + 1 < len(text.lemmas) else ""
            return following not in model.negation_exceptions
        counted += text.lemmas[position] not in TRANSPARENT
        position -= 1
    return False


def _shielded(text: Text, model: Compiled) -> bytearray:
    """1 at each position a shield covers (an idiom, the dosing experience, medicine, daily life)."""
    covered = bytearray(len(text.lemmas))
    for pattern in model.shields:
        for first, last in find(pattern, text):
            covered[first : last + 1] = b"\x01" * (last - first + 1)
    return covered


def _sentences_with(patterns: tuple[Pattern, ...], text: Text) -> set[int]:
    return {text.sentence[first] for pattern in patterns for first, _ in find(pattern, text)}


def _matches(text: str) -> Iterator[tuple[str, str, int, int, str, Text]]:
    """Every rule's match in a text, weighed: (rule, category, first, last, fate, text), where the fate is
    "shield", "someone else", "context" (dropped), or "negated", "past" or "" (kept, with that qualifier).
    Preparations name other people by nature (a goodbye to a friend, the cat to a neighbour): they are the
    writer's whoever else the sentence names."""
    model, seen = compiled(), read(text)
    if not seen.lemmas:
        return
    shielded = _shielded(seen, model)
    past = _sentences_with(model.past, seen) - _sentences_with(model.recent, seen)
    back = {  # sentences that say the feeling is back ("it's back"; not "it never came back")
        seen.sentence[first]
        for pattern in model.returning
        for first, _ in find(pattern, seen)
        if first == 0 or seen.lemmas[first - 1] not in model.negations
    }
    context = _sentences_in_context(seen, model)
    for rule_id, category, pattern in model.rules:
        for first, last in find(pattern, seen):
            if any(shielded[first : last + 1]):
                fate = "shield"
            elif (
                _about_someone_else(seen, first, last, model)
                if category != "plan_preparation"
                else _done_by_someone_else(seen, first)
            ):
                fate = "someone else"
            elif _in_context(seen, first, last, model, context):
                fate = "context"
            elif seen.lemmas[first] not in model.negations and _negated(seen, first, model):
                fate = "negated"  # a rule that begins with its own negation ("no way out") is not negated
            elif seen.sentence[first] in past and not back & {seen.sentence[first] + step for step in (-1, 0, 1)}:
                fate = "past"  # a past attempt whose feeling is back (or with no time said) stays urgent
            else:
                fate = ""
            yield rule_id, category, first, last, fate, seen


DROPPED = {"shield", "someone else", "context"}


def find_words(text: str) -> list[Finding]:
    """The findings in one text, one per category and qualifier, each explained by the first rule that fired."""
    findings: dict[tuple[str, str], Finding] = {}
    for rule_id, category, _, _, fate, _ in _matches(text):
        if fate not in DROPPED and (category, fate) not in findings:
            findings[(category, fate)] = Finding(category, rule_id, fate)
    return list(findings.values())


def explain(text: str) -> list[tuple[str, str, str, str]]:
    """For people tuning rules: each match, with the words it covered and what became of it."""
    return [
        (rule_id, category, " ".join(seen.lemmas[first : last + 1]), fate or "kept")
        for rule_id, category, first, last, fate, seen in _matches(text)
    ]


def assess(
    texts: list[str], *, mood: int | None = None, after_effects: list[str] | tuple = (), phq9_item9: int = 0
) -> Risk:
    """The level and signals of one save: its texts, its check-in and after-effects, or PHQ-9 item 9 (0-3)."""
    findings = [finding for text in texts for finding in find_words(text)]
    live = [f for f in findings if not f.qualifier]
    soft = {f.category for f in live if f.category.startswith("soft_")}
    low_mood = mood is not None and mood <= LOW_MOOD
    signals = list(dict.fromkeys(f.signal for f in findings))
    if low_mood:
        signals.append(Signal.LOW_MOOD)
    if "urge_to_use" in after_effects:
        signals.append(Signal.URGE_TO_USE)
    if phq9_item9:
        signals.append(Signal.PHQ9_ITEM9)
    urgent = (
        any(f.category in URGENT_WORDS for f in live)
        or len(soft) >= 2
        or (low_mood and any(f.category == Signal.PASSIVE_WISH or f.category.startswith("soft_") for f in live))
        or int(phq9_item9) >= 2
    )
    level = Level.URGENT if urgent else Level.GENTLE if signals else None
    return Risk(tuple(signals), level, tuple(findings))
