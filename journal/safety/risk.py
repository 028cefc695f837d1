"""Noticing risk in what a patient saves: a small, explainable engine. Pure functions: no database, no request.

A save is read in four steps. The text is folded (case, accents, apostrophes) and people's spellings are
rewritten ("dont", "im", "kms"); each word becomes its lemma (``simplemma``, so "killing" and "killed" are
"kill"); the rules of the language's lexicon (``journal.safety.lexicons``) are matched within each sentence,
a few words apart at most; and each match is weighed: dropped when a shield covers it (an idiom, the dosing
experience, medicine, daily life) or when it speaks of someone else, of fiction or of prevention work, and
marked *negated* or *past* when a negation comes just before it or the sentence speaks of long ago. Every
finding keeps the category, the rule that fired and its language, so a decision can always be explained.

The engine knows no language: every word it reads is data in ``journal/safety/lexicons/<code>.py`` (the names a
language module defines are listed in ``journal/safety/lexicons/__init__.py``). A text is read with the rules
of its writer's language and with English's (people mix languages, and English slang is used everywhere), and
the findings of both readings are merged.

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
from types import ModuleType

import simplemma
from flask_babel import lazy_gettext as _l

from journal.safety.lexicons import DEFAULT, base, setting
from journal.safety.lexicons import lexicon as lexicon_of
from journal.text import fold

LOW_MOOD = -4  # this or lower


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


# Shown to therapists and on the patient's own Safety page: translated when read (lazy), in the reader's language.
LABELS = {
    Signal.PASSIVE_WISH: _l("A wish to be dead or not to wake up"),
    Signal.ACTIVE: _l("Thoughts of suicide"),
    Signal.METHOD: _l("Thoughts of a method"),
    Signal.INTENT: _l("Words of intent to act"),
    Signal.PLAN: _l("A plan or preparations"),
    Signal.SELF_HARM: _l("Recent self-harm"),
    Signal.ATTEMPT: _l("A past attempt, with the feeling back or recent"),
    Signal.SOFT: _l("Hopelessness, feeling a burden or trapped"),
    Signal.NEGATED: _l("Words about suicide or self-harm, negated or in the past"),
    Signal.LOW_MOOD: _l("A very low mood (−4 or −5)"),
    Signal.URGE_TO_USE: _l("An urge to use outside treatment"),
    Signal.PHQ9_ITEM9: _l("PHQ-9 question 9 answered above 0"),
    Signal.WORDS: _l("Words about suicide or self-harm"),
}


def tells_the_team(level: str | None) -> bool:
    """Whether a save at this level alerts the therapists the patient allowed: only the urgent level does."""
    return level == Level.URGENT


URGENT_WORDS = {Signal.ACTIVE, Signal.METHOD, Signal.INTENT, Signal.PLAN, Signal.SELF_HARM, Signal.ATTEMPT}


@dataclass(frozen=True)
class Finding:
    """One rule that fired: its category, its id, whether it was negated or long past, and the language of the
    lexicon the rule belongs to."""

    category: str
    rule: str
    qualifier: str = ""  # "", "negated" or "past"
    language: str = DEFAULT

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
        """The findings as stored with the entry (sealed like it): category, rule, qualifier, and the language
        and version of the lexicon, so a rule id can be read against the rules that fired it."""
        return [
            {
                "category": f.category,
                "rule": f.rule,
                "qualifier": f.qualifier,
                "version": _language(f.language).version,
                "language": f.language,
            }
            for f in self.findings
        ]


# -- reading the text -------------------------------------------------------------------------------------

_YEAR = re.compile(r"(19[5-9]\d|20[0-4]\d)$")
_LEXICON_WORDS = re.compile(r"[^\W_A-Z]+")  # the words of a rule's source, not its @SETS, ~gaps or !_


class Language:
    """One language's lexicon, as the engine reads with it: its settings, and the caches of its words."""

    def __init__(
        self,
        module: ModuleType,
        spelled: dict[str, tuple[str, ...]],
        unknown: set[int],
        host: Language | None = None,
    ):
        self.module = module
        # English reading a text of another language (the host's) as a guest: it leaves the host's own words
        # alone (its dictionary's, unknown to English's, and its ``FALSE_FRIENDS``), and never reads one of them
        # as a slip of an English word ("suicida" is not a slip of "suicidal").
        self.host = host
        self.false_friends: frozenset[str] = (
            frozenset(setting(host.module, "FALSE_FRIENDS").split()) if host else frozenset()
        )
        self.code: str = module.__name__.rsplit(".", 1)[-1]
        self.version: int = module.VERSION
        self.lemma_lang: str | None = module.LEMMA_LANG
        self.normalize = getattr(module, "normalize", None)
        self.spelling: dict[str, str] = setting(module, "SPELLING")
        self.literal: frozenset[str] = frozenset(setting(module, "LITERAL"))
        self.endings: tuple[str, ...] = tuple(setting(module, "ENDINGS"))
        self.stem_adds: tuple[str, ...] = tuple(setting(module, "STEM_ADDS"))
        self.undouble: bool = setting(module, "UNDOUBLE")
        self.dropped: dict[str, str] = setting(module, "DROPPED")
        self.accents: dict[str, str] = setting(module, "ACCENTS") if self.lemma_lang is not None else {}
        self.respell: dict[str, tuple[tuple[str, ...], frozenset[str]]] = setting(module, "RESPELL_BEFORE")
        self.sentences = re.compile("[" + re.escape(setting(module, "SENTENCE_ENDS")) + "]+")
        self.joins = [
            (pair, re.compile(rf"{re.escape(pair)}(?!\w)"), joined) for pair, joined in setting(module, "JOINS").items()
        ]
        # What a token reads as, kept between calls only for the lexicon's own words (see ``_spell``).
        self.spelled = spelled
        self.unknown = unknown
        self._vocabulary: frozenset[str] | None = None
        self._known: frozenset[str] | None = None
        self._typos: dict[str, str] | None = None

    def word(self, word: str) -> str:
        """A word of the lexicon as the text's words are read: normalized, then its lemma."""
        return self.lemma(self.normalize(word) if self.normalize else word)

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every word the engine reads: the lexicon's, and those the weighing looks for (contexts, clause words)."""
        if self._vocabulary is None:
            module = self.module
            words: set[str] = set()
            for text in [
                *module.SETS.values(),
                *(rule for _, _, rule in module.RULES),
                *module.SHIELDS,
                *module.PAST,
                *module.RETURNING,
                *module.RECENT,
                module.FICTION,
                module.PREVENTION,
                " ".join(module.CLAUSE | module.REPORTING | module.TRANSPARENT),
            ]:
                words.update(_LEXICON_WORDS.findall(text))
            if self.normalize:
                words = {self.normalize(word) for word in words}
            self._vocabulary = frozenset(words)
        return self._vocabulary

    @property
    def known(self) -> frozenset[str]:
        """The lemmas a token may read as and be kept: the vocabulary, and every lemma the compiled rules hold
        (a lexicon word whose lemma is not itself written in the lexicon: "matarme" is "matar")."""
        if self._known is None:
            self._known = self.vocabulary | compiled(self.code).lemmas
        return self._known

    @property
    def typos(self) -> dict[str, str]:
        """Every string one edit (a letter dropped, added, changed, or two swapped) from a word of the lexicon's
        ``TYPO_TOLERANT``, mapped to that word: "sucide", "suicdal", "thougths", "dissapear"."""
        if self._typos is None:
            letters = setting(self.module, "LETTERS")
            variants: dict[str, str] = {}
            for word in setting(self.module, "TYPO_TOLERANT").split():
                splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
                edits = {a + b[1:] for a, b in splits if b}
                edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
                edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
                edits |= {a + c + b for a, b in splits for c in letters}
                for edit in edits - {word}:
                    variants.setdefault(edit, word)
            self._typos = variants
        return self._typos

    def accented(self, word: str) -> str | None:
        """The word as the dictionary knows it, its accents put back ("queria" is "quería"): one accented letter,
        then two; None when no such spelling is known (or the language has no ``ACCENTS``)."""
        accents, lang = self.accents, self.lemma_lang
        if not accents or lang is None:
            return None
        places = [(i, forms) for i, letter in enumerate(word) if (forms := accents.get(letter))]
        for i, forms in places:
            for form in forms:
                candidate = word[:i] + form + word[i + 1 :]
                if simplemma.is_known(candidate, lang=lang):
                    return candidate
        for n, (i, forms) in enumerate(places):
            for j, others in places[n + 1 :]:
                for form in forms:
                    for other in others:
                        candidate = word[:i] + form + word[i + 1 : j] + other + word[j + 1 :]
                        if simplemma.is_known(candidate, lang=lang):
                            return candidate
        return None

    def is_known(self, word: str) -> bool:
        """Whether the language's dictionary knows the word, as written or with its accents (then it is never
        read as a slip)."""
        if self.lemma_lang is None:
            return False
        return simplemma.is_known(word, lang=self.lemma_lang) or self.accented(word) is not None

    def dictionary_lemma(self, word: str) -> str:
        if self.lemma_lang is None:
            return word
        if not self.accents:
            return simplemma.lemmatize(word, lang=self.lemma_lang).lower()
        if not simplemma.is_known(word, lang=self.lemma_lang):
            word = self.accented(word) or word
        return fold(simplemma.lemmatize(word, lang=self.lemma_lang))

    def lemma(self, word: str) -> str:
        """The lemma of a folded word. Where the dictionary gives none the lexicon knows ("cutting", "thinking"),
        a lexicon word is found by taking the ending off, so the text and the rules always meet on one form.
        A word the lexicon keeps as written ("training" is not "train") stays; a dropped ending is put back
        ("cuttin"); and a word no dictionary knows, one slip from a core word ("sucide"), is read as that word."""
        vocabulary = self.vocabulary
        if word in self.literal:
            return word
        found = self.dictionary_lemma(word)
        if found in vocabulary:
            return found
        for ending in self.endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                candidates = [stem, *(stem + added for added in self.stem_adds)]
                if self.undouble and len(stem) > 2 and stem[-1] == stem[-2]:
                    candidates.append(stem[:-1])
                for candidate in candidates:
                    if candidate in vocabulary:
                        return candidate
        if word in vocabulary:
            return word
        for spoken, written in self.dropped.items():
            if word.endswith(spoken) and len(word) > len(spoken) + 2:
                full = self.lemma(word[: -len(spoken)] + written)
                if full in vocabulary:
                    return full
        if len(word) >= 5 and word in self.typos and not self.is_known(word):
            if self.host is None or not self.host.is_known(word):
                return self.lemma(self.typos[word])
        return found


# What a token reads as, kept between calls only for the lexicon's own words. A word the lexicon does not know
# becomes OTHER_WORD, and only its salted hash is kept (a process's str hashes are keyed per process), so
# no word a patient wrote outlives the request in plain text; the set is emptied when it grows large.
_SPELLED: dict[str, tuple[str, ...]] = {}  # English's; each language keeps its own
_UNKNOWN: set[int] = set()
_UNKNOWN_LIMIT = 200_000
OTHER_WORD = ("_",)
_LANGUAGES: dict[str, Language] = {}
_GUESTS: dict[str, Language] = {}  # English as it reads each other language's texts


def _language(language: str | None = DEFAULT) -> Language:
    """The lexicon a language code reads with ("pt_BR" and "pt-BR" are "pt"; an unknown code is English)."""
    found = _LANGUAGES.get(language or DEFAULT)
    if found is None:
        module = lexicon_of(base(language))
        code = module.__name__.rsplit(".", 1)[-1]
        found = _LANGUAGES.get(code)
        if found is None:
            found = _LANGUAGES[code] = (
                Language(module, _SPELLED, _UNKNOWN) if code == DEFAULT else Language(module, {}, set())
            )
        _LANGUAGES[language or DEFAULT] = found
    return found


def _guest(host: Language) -> Language:
    """English reading a text of the host's language, with caches of its own (a token's reading depends on
    the host)."""
    found = _GUESTS.get(host.code)
    if found is None:
        found = _GUESTS[host.code] = Language(_language(DEFAULT).module, {}, set(), host)
    return found


def lemma(word: str, language: str = DEFAULT) -> str:
    """The lemma of a folded word, in a language's lexicon (see ``Language.lemma``)."""
    return _language(language).lemma(word)


@dataclass(frozen=True)
class Text:
    """A text as the rules see it: lemmas, the sentence each belongs to, and where each lemma stands."""

    lemmas: tuple[str, ...]
    sentence: tuple[int, ...]
    at: dict[str, list[int]]
    words: frozenset[str] = frozenset()  # the lemmas present, to meet a rule's slots in one set operation


def _spell(token: str, language: Language) -> tuple[str, ...]:
    """A token's lemmas, after people's spellings are rewritten."""
    if hash(token) in language.unknown:
        return OTHER_WORD
    host = language.host
    if host is not None and (
        token in language.false_friends or (host.is_known(token) and not language.is_known(token))
    ):
        return _forget(token, language)  # the host language's word, not English's
    written = language.normalize(token) if language.normalize else token
    words = tuple(
        "@YEAR" if _YEAR.match(word) else "@NUMBER" if word.isdigit() else language.lemma(word)
        for word in language.spelling.get(written, written).split()
    )
    known = language.known
    if any(word in known or word.startswith("@") for word in words):
        language.spelled[token] = words
        return words
    return _forget(token, language)


def _forget(token: str, language: Language) -> tuple[str, ...]:
    """A token the lexicon does not read: only its salted hash is kept."""
    if len(language.unknown) > _UNKNOWN_LIMIT:
        language.unknown.clear()
    language.unknown.add(hash(token))
    return OTHER_WORD


def _joiner(text: str, joined: str):
    """The replacement for one pair: the joined word, where the pair does not end a longer word before it."""

    def replace(match: re.Match) -> str:
        return joined if match.start() == 0 or not text[match.start() - 1].isalnum() else match.group()

    return replace


def _join(folded: str, language: Language) -> str:
    """Pairs written apart read as one word ("car park", "my self"), as the lexicon's ``JOINS`` says: each looked
    for once in the whole text, and replaced only where it stands as two whole words (the pattern opens on
    its literal, which ``re`` finds fast; the word boundary before it is checked here)."""
    for pair, pattern, joined in language.joins:
        if pair in folded:
            folded = pattern.sub(_joiner(folded, joined), folded)
    return folded


_WORDS = re.compile(r"\w+")


def read(text: str, language: str = DEFAULT) -> Text:
    """Fold, respell, lemmatize and index a text, sentence by sentence, with a language's lexicon (the lookups
    run in C: a 5,000-word entry is read in about 2 ms)."""
    return _read(text, _language(language))


def _read(text: str, reader: Language) -> Text:
    folded = _join(fold(text).replace("'", "").replace("\u2019", "").replace("\u2018", ""), reader)
    spelled_get, respell = reader.spelled.get, reader.respell
    lemmas: list[str] = []
    sentence: list[int] = []
    for number, part in enumerate(reader.sentences.split(folded)):
        tokens = _WORDS.findall(part)
        spelled = list(map(spelled_get, tokens))
        if None in spelled:
            spelled = [
                known if known is not None else _spell(token, reader)
                for known, token in zip(spelled, tokens, strict=True)
            ]
        if respell and not respell.keys().isdisjoint(tokens):  # "she'd been", not the garden's shed
            for i, token in enumerate(tokens[:-1]):
                if token in respell and tokens[i + 1] in respell[token][1]:
                    spelled[i] = respell[token][0]
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


def compile_pattern(source: str, language: str = DEFAULT) -> Pattern:
    """A rule's source, in a language's lexicon, as slots of lemmas."""
    reader = _language(language)
    sets, lemma = reader.module.SETS, reader.word
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
            if alternative.startswith("@") and alternative[1:] in sets:
                words.update(lemma(w) for w in sets[alternative[1:]].split())
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
    """A language's lexicon compiled: its patterns, and the words the weighing looks for (lemmas)."""

    language: str
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
    reporting: frozenset[str]
    clause: frozenset[str]
    transparent: frozenset[str]
    possessive: frozenset[str]
    subjects: frozenset[str]
    prepositions: frozenset[str]
    doer_adverbs: frozenset[str]
    plural_endings: tuple[str, ...]
    negation_window: int
    person_window: int
    lemmas: frozenset[str]  # every lemma a slot or a word set holds


@cache
def compiled(language: str = DEFAULT) -> Compiled:
    """A language's lexicon compiled, once per language (an unknown code is English's)."""
    reader = _language(language)
    if reader.code != language:
        return compiled(reader.code)
    module, code = reader.module, reader.code

    def words(name: str) -> frozenset[str]:
        return frozenset(reader.word(w) for w in module.SETS[name].split())

    def patterns(sources: list[str]) -> tuple[Pattern, ...]:
        return tuple(compile_pattern(source, code) for source in sources)

    rules = tuple((rule_id, category, compile_pattern(source, code)) for rule_id, category, source in module.RULES)
    shields, past, returning, recent = (
        patterns(module.SHIELDS),
        patterns(module.PAST),
        patterns(module.RETURNING),
        patterns(module.RECENT),
    )
    context = frozenset(reader.word(w) for w in (module.FICTION + " " + module.PREVENTION).split())
    lemmas = set(context)
    for pattern in chain((pattern for _, _, pattern in rules), shields, past, returning, recent):
        lemmas.update(*pattern.slots)
    for name in module.SETS:
        lemmas |= words(name)
    return Compiled(
        code,
        rules,
        shields,
        past,
        returning,
        recent,
        words("SELF"),
        words("OTHER"),
        words("NEG"),
        words("NEG_EXCEPT"),
        context,
        frozenset(module.REPORTING),
        frozenset(module.CLAUSE),
        frozenset(module.TRANSPARENT),
        frozenset(module.POSSESSIVE),
        frozenset(module.SUBJECTS),
        frozenset(module.PREPOSITIONS),
        frozenset(module.DOER_ADVERBS),
        tuple(setting(module, "PLURAL_ENDINGS")),
        setting(module, "NEGATION_WINDOW"),
        setting(module, "PERSON_WINDOW"),
        frozenset(word for word in lemmas if not word.startswith(("@", "_"))),
    )


# -- weighing matches --------------------------------------------------------------------------------------


def _about_someone_else(text: Text, first: int, last: int, model: Compiled) -> bool:
    """The nearest person named before the match, in its clause, is someone else, and the writer is not in it.
    A match that opens on someone of the writer's ("my brother attempted") is about that person."""
    if text.lemmas[first] in model.possessive and first < last and text.lemmas[first + 1] in model.other_words:
        return True
    if any(text.lemmas[p] in model.self_words for p in range(first, last + 1)):
        return False
    for position in range(first - 1, max(-1, first - model.person_window - 1), -1):
        if text.sentence[position] != text.sentence[first] or text.lemmas[position] in model.reporting:
            break
        word = text.lemmas[position]
        if word in model.self_words:
            return False
        if word in model.other_words or any(
            word.endswith(ending) and word[: -len(ending)] in model.other_words for ending in model.plural_endings
        ):
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


def _done_by_someone_else(text: Text, first: int, model: Compiled) -> bool:
    """A preparation whose doer, just before it, is someone else ("in the series she writes letters")."""
    for position in range(first - 1, max(-1, first - 3), -1):
        if text.sentence[position] != text.sentence[first]:
            return False
        if text.lemmas[position] in model.subjects:
            before = position - 1
            return (
                before < 0
                or text.sentence[before] != text.sentence[position]
                or (text.lemmas[before] not in model.prepositions)
            )
        if text.lemmas[position] not in model.doer_adverbs:
            return False
    return False


def _negated(text: Text, first: int, model: Compiled) -> bool:
    """A negation within a few words before the match, in the same clause ("not suicidal", "no thoughts of")."""
    position, counted = first - 1, 0
    while position >= 0 and counted < model.negation_window:
        if text.sentence[position] != text.sentence[first] or text.lemmas[position] in model.clause:
            return False
        if text.lemmas[position] in model.negations:
            following = text.lemmas[position + 1] if position + 1 < len(text.lemmas) else ""
            return following not in model.negation_exceptions
        counted += text.lemmas[position] not in model.transparent
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


def _readings(language: str | None) -> tuple[Language, ...]:
    """The lexicons a text is read with: its writer's language, and English (people mix languages, and English
    slang is used everywhere), as a guest that leaves the language's own words alone."""
    reader = _language(language)
    return (reader,) if reader.code == DEFAULT else (reader, _guest(reader))


def _matches(text: str, reader: Language) -> Iterator[tuple[str, str, int, int, str, Text]]:
    """Every rule's match in a text read with one language's lexicon, weighed: (rule, category, first, last,
    fate, text), where the fate is "shield", "someone else", "context" (dropped), or "negated", "past" or ""
    (kept, with that qualifier). Preparations name other people by nature (a goodbye to a friend, the cat to a
    neighbour): they are the writer's whoever else the sentence names."""
    model, seen = compiled(reader.code), _read(text, reader)
    if not seen.lemmas:
        return
    found = [
        (rule_id, category, first, last)
        for rule_id, category, pattern in model.rules
        for first, last in find(pattern, seen)
    ]
    if not found:  # most texts: the shields, the past and the context need not be read at all
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
    for rule_id, category, first, last in found:
        if any(shielded[first : last + 1]):
            fate = "shield"
        elif (
            _about_someone_else(seen, first, last, model)
            if category != "plan_preparation"
            else _done_by_someone_else(seen, first, model)
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


def find_words(text: str, language: str = DEFAULT) -> list[Finding]:
    """The findings in one text, read with its language's lexicon and with English's: one per category and
    qualifier, each explained by the first rule that fired (its own language's first)."""
    findings: dict[tuple[str, str], Finding] = {}
    for reader in _readings(language):
        for rule_id, category, _, _, fate, _ in _matches(text, reader):
            if fate not in DROPPED and (category, fate) not in findings:
                findings[(category, fate)] = Finding(category, rule_id, fate, reader.code)
    return list(findings.values())


def explain(text: str, language: str = DEFAULT) -> list[tuple[str, str, str, str, str]]:
    """For people tuning rules: each match, with the words it covered, what became of it, and the language of
    the lexicon whose rule matched."""
    return [
        (rule_id, category, " ".join(seen.lemmas[first : last + 1]), fate or "kept", reader.code)
        for reader in _readings(language)
        for rule_id, category, first, last, fate, seen in _matches(text, reader)
    ]


def assess(
    texts: list[str],
    *,
    mood: int | None = None,
    after_effects: list[str] | tuple = (),
    phq9_item9: int = 0,
    language: str = DEFAULT,
) -> Risk:
    """The level and signals of one save: its texts, its check-in and after-effects, or PHQ-9 item 9 (0-3).
    ``language`` is the writer's (a base code or a locale: "pt_BR" is "pt"); the texts are read with its
    lexicon and with English's."""
    findings = [finding for text in texts for finding in find_words(text, language)]
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
