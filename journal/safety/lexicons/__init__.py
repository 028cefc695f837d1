"""What the risk engine (``journal.safety.risk``) listens for, one module per language: data only.

The engine is language-neutral: everything that belongs to a language (its words, rules, shields, the words
that open a clause or negate, its inflections and its spellings) is in ``journal/safety/lexicons/<code>.py``.
A text is read with the rules of its writer's language *and* with English's (people mix languages, and English
slang such as "kms" is used everywhere). ``en.py`` is the reference: read it beside this list.

Every word in a module is written **folded** (lower case, no accents: "suicidio", "nao", "mude"; Arabic
without harakat), as the text is folded before it is read (``journal.text.fold``). The engine passes each
word of the lexicon, as it passes each word of the text, through ``normalize`` (if defined) and then takes
its lemma, so the text and the rules meet on one form: write words in any inflection, except in the sets
marked *lemmas* below, which are compared with the lemmas of the text as they stand.

A language module defines these top-level names.

Required:

- ``VERSION: int`` -- the version of this language's lexicon, recorded with each finding; raise it when
  rules change.
- ``LEMMA_LANG: str | None`` -- the ``simplemma`` language code ("en", "es", "pt", "de"), or None when
  simplemma has no dictionary for the language (Arabic): words are then only folded, normalized and cut by
  ``ENDINGS``.
- ``SETS: dict[str, str]`` -- named word sets, space-separated, used in rules as ``@NAME``. The engine itself
  reads four, which every module must have: ``SELF`` (the writer: i me my myself), ``OTHER`` (anyone else:
  pronouns, family, friends, professions, characters), ``NEG`` (negations: not no never), ``NEG_EXCEPT``
  (words that, right after a negation, do not negate what follows: "not sure I want to live").
- ``RULES: list[tuple[str, str, str]]`` -- (id, category, pattern). Ids unique within the module (the same
  id may exist in another language: a finding records its language). Categories: passive_wish,
  active_thoughts, method, intent, plan_preparation, self_harm, attempt, soft_hopeless, soft_burden,
  soft_trapped, soft_pointless, soft_stop, soft_exhausted. Pattern syntax: slots separated by spaces,
  alternatives by ``|``, ``@NAME`` for a word set, ``~N`` for up to N other words before the next slot,
  ``!a|b`` after the last slot for words that may not come next (``!_`` an unknown word), ``$`` for the end
  of the sentence; ``@NUMBER`` and ``@YEAR`` match digits. A rule never crosses a sentence.
- ``SHIELDS: list[str]`` -- patterns of everyday senses (idioms, the dosing experience, medicine, daily life):
  a rule's match that overlaps a shield's is no finding.
- ``PAST: list[str]`` -- patterns of a sentence that speaks of a distant past (the finding becomes "past").
- ``RECENT: list[str]`` -- patterns that bring a sentence back to now ("last night"), cancelling ``PAST``.
- ``RETURNING: list[str]`` -- patterns saying the feeling is back ("it's back", "again"): a past attempt or
  harm in or next to such a sentence stays urgent.
- ``FICTION: str`` and ``PREVENTION: str`` -- words (space-separated) that put a sentence in a film, book or
  song, or in prevention work; a match there is dropped unless it names the writer.
- ``CLAUSE: frozenset[str]`` -- *lemmas* that open a new clause: a negation does not reach across them
  ("and", "but", "because").
- ``REPORTING: frozenset[str]`` -- *lemmas* after which a new clause begins when looking back for who a match
  is about ("she thinks [I'm fine]": know, think, say, tell, and, but).
- ``TRANSPARENT: frozenset[str]`` -- *lemmas* a negation reaches across without using up its window ("not
  having any thoughts of killing myself": any, of, about, thought, urge, plan).
- ``POSSESSIVE: frozenset[str]`` -- *lemmas* of the writer's possessives ("my", "our"): a match that opens
  on "my brother" is about the brother.
- ``SUBJECTS: frozenset[str]`` -- *lemmas* of the pronouns of someone else as a subject ("he", "she", "they",
  "we", "you"): a preparation straight after one is that person's ("she writes letters").
- ``PREPOSITIONS: frozenset[str]`` -- *lemmas* after which a pronoun is not the doer ("letters for her").
- ``DOER_ADVERBS: frozenset[str]`` -- *lemmas* that may stand between that subject and the preparation
  ("she just writes letters": just, also, already).

Optional, with their default:

- ``SPELLING: dict[str, str] = {}`` -- a folded token (apostrophes dropped) rewritten into the words the rules
  are written in ("dont" -> "do not", "q" -> "que", "kms" -> "kill myself"); "" drops the token.
- ``JOINS: dict[str, str] = {}`` -- two words written apart read as one ("self harm" -> "selfharm"), looked
  for in the folded text before it is split into words.
- ``LITERAL: frozenset[str] = frozenset()`` -- words read as written, never as their lemma ("training").
- ``TYPO_TOLERANT: str = ""`` -- core words (space-separated) in which a slip of one letter is forgiven when
  the word written is 5 letters or more and the dictionary does not know it ("sucide").
- ``LETTERS: str = "abcdefghijklmnopqrstuvwxyz"`` -- the alphabet the slips of ``TYPO_TOLERANT`` are made of.
- ``ENDINGS: tuple[str, ...] = ()`` -- inflection endings taken off a word the dictionary gives no lemma of
  the lexicon knows, longest first (English: "ing", "ed", "es", "s").
- ``STEM_ADDS: tuple[str, ...] = ()`` -- endings tried on such a stem (English "e": "hoping" -> "hope").
- ``UNDOUBLE: bool = False`` -- also try the stem with a doubled last letter undone ("cutting" -> "cut").
- ``DROPPED: dict[str, str] = {}`` -- a spoken ending and the written one it stands for, tried when nothing
  else gives a lexicon word (English {"in": "ing"}: "cuttin").
- ``PLURAL_ENDINGS: tuple[str, ...] = ()`` -- endings a word of ``OTHER`` may carry in the text and still name
  someone else (English "s": "friends").
- ``RESPELL_BEFORE: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}`` -- a token read as the given
  lemmas when the next token is one of the set (English: "shed" is "she would" before "been").
- ``ACCENTS: dict[str, str] = {}`` -- for a word the dictionary does not know as written, the accented letters
  each plain letter may stand for, tried one or two at a time until the dictionary knows the word (Spanish
  {"e": "é", "n": "ñ", ...}: "queria" is read as "quería", "contrasenas" as "contraseñas"); the lemma found
  is folded. For languages people often write without their accents; empty: the dictionary as written.
- ``FALSE_FRIENDS: str = ""`` -- words of this language (space-separated, folded) that English must not read
  in a text of this language (German "die", "will", "man"). English reads every text as a guest and already
  leaves alone the words this language's dictionary knows and English's does not.
- ``SENTENCE_ENDS: str = ".!?;\\n"`` -- the characters that end a sentence (Arabic adds "؟" and "؛").
- ``NEGATION_WINDOW: int = 4`` -- words before a match in which a negation counts.
- ``PERSON_WINDOW: int = 8`` -- words before a match searched for who it is about.
- ``def normalize(word: str) -> str`` -- a hook for a language's own folding, applied to every token of the
  text (after ``fold``, before ``SPELLING``) and to every word of the lexicon: Arabic letter forms (alef
  variants, taa marbuta, alef maqsura), tatweel, clitic prefixes. Default: the word unchanged. It returns one
  word (a clitic is stripped, not split off) and must be idempotent: normalize(normalize(w)) == normalize(w).

Names of the module that are not in this list (English's ``MEDICINES``, ``LIGATURES``) are its own helpers.
``REQUIRED``, ``OPTIONAL`` and ``check(module)`` say what is missing; ``tests/safety/test_risk_languages.py`` runs it
on every module present.
"""

from __future__ import annotations

import importlib
from types import ModuleType

LANGUAGES = ("en", "es", "pt", "de", "ar")
DEFAULT = "en"

REQUIRED = (
    "VERSION",
    "LEMMA_LANG",
    "SETS",
    "RULES",
    "SHIELDS",
    "PAST",
    "RECENT",
    "RETURNING",
    "FICTION",
    "PREVENTION",
    "CLAUSE",
    "REPORTING",
    "TRANSPARENT",
    "POSSESSIVE",
    "SUBJECTS",
    "PREPOSITIONS",
    "DOER_ADVERBS",
)
REQUIRED_SETS = ("SELF", "OTHER", "NEG", "NEG_EXCEPT")
OPTIONAL: dict[str, object] = {
    "SPELLING": {},
    "JOINS": {},
    "LITERAL": frozenset(),
    "TYPO_TOLERANT": "",
    "LETTERS": "abcdefghijklmnopqrstuvwxyz",
    "ENDINGS": (),
    "STEM_ADDS": (),
    "UNDOUBLE": False,
    "DROPPED": {},
    "PLURAL_ENDINGS": (),
    "RESPELL_BEFORE": {},
    "ACCENTS": {},
    "FALSE_FRIENDS": "",
    "SENTENCE_ENDS": ".!?;\n",
    "NEGATION_WINDOW": 4,
    "PERSON_WINDOW": 8,
}


def base(language: str | None) -> str:
    """The base code of a locale: "pt_BR", "pt-BR" and "PT" are "pt"; None or "" is English."""
    if not language:
        return DEFAULT
    return language.replace("-", "_").split("_")[0].strip().lower() or DEFAULT


def check(module: ModuleType) -> list[str]:
    """What a language module lacks of the interface above (empty when it is complete)."""
    missing = [name for name in REQUIRED if not hasattr(module, name)]
    sets = getattr(module, "SETS", {})
    missing += [f"SETS[{name!r}]" for name in REQUIRED_SETS if name not in sets]
    return missing


def lexicon(language: str | None) -> ModuleType:
    """The lexicon module of a language (its base code): English for an unknown code, or for a language whose
    module is not written yet. A module that exists but is broken or incomplete raises, so tests catch it."""
    code = base(language)
    if code not in LANGUAGES:
        code = DEFAULT
    name = f"{__name__}.{code}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return importlib.import_module(f"{__name__}.{DEFAULT}")
    missing = check(module)
    if missing:
        raise AttributeError(f"{name} lacks {', '.join(missing)} (see journal/safety/lexicons/__init__.py)")
    return module


def setting(module: ModuleType, name: str):
    """A name of the interface in a module, or its default when the module leaves an optional one out."""
    return getattr(module, name, OPTIONAL.get(name))


def available() -> tuple[str, ...]:
    """The languages whose module is written (English always)."""
    present = []
    for code in LANGUAGES:
        try:
            importlib.import_module(f"{__name__}.{code}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{code}":
                raise
            continue
        present.append(code)
    return tuple(present)
