"""The risk engine reading Arabic (journal/safety/lexicons/ar.py): a few sentences that pin its mechanisms.

The labelled Arabic corpus and its figures are in tests/safety/corpus/ar/ (``python -m tests.safety.evaluate``).
"""

from __future__ import annotations

import pytest

from journal.safety import risk
from journal.safety.lexicons import ar as arabic
from journal.safety.lexicons import check
from journal.safety.risk import Level, assess

URGENT, GENTLE, NONE = Level.URGENT, Level.GENTLE, None


def level(text: str) -> str | None:
    return assess([text], language="ar").level


def test_the_module_has_every_name_the_interface_asks_for():
    assert check(arabic) == []
    assert arabic.LEMMA_LANG is None


@pytest.mark.parametrize(
    "sentence",
    [
        "من امبارح وانا بفكر انتحر",  # Egyptian
        "بدي اقتل حالي",  # Levantine
        "ودي انهي حياتي",  # Gulf
        "أفكر في إنهاء حياتي",  # Modern Standard
        "جرحت نفسي امبارح تاني",
        "كتبت رسالة وداع لامي",
        "خلاص قررت، الليلة هي الليلة",
    ],
)
def test_a_risky_sentence_is_urgent(sentence):
    assert level(sentence) == URGENT


@pytest.mark.parametrize(
    "sentence",
    [
        "موتتني من الضحك",  # you made me die laughing
        "ميت من التعب النهاردة",  # dead tired
        "بموت في الشوكولاتة",  # I adore chocolate
        "الجو حر موت",
        "قتلت نفسي في المذاكرة امبارح",  # I worked myself to death
        "تقبريني شو حلوة",  # may you bury me: an endearment
        "الله يرحمه، الموت حق",  # a condolence
        "اللهم توفني وانت راض عني",  # a prayer
    ],
)
def test_an_idiom_or_a_religious_phrase_is_silent(sentence):
    assert level(sentence) is NONE


@pytest.mark.parametrize(
    "sentence",
    [
        "ما عندي اي نية اني انتحر",
        "مش هأذي نفسي، اوعدك",
        "لا أفكر في الانتحار",
        "ماعنديش افكار انتحارية خالص",  # the Egyptian ma...sh negation, written as one word
        "mesh 3ayez amoot",
    ],
)
def test_a_negated_sentence_is_gentle(sentence):
    found = assess([sentence], language="ar")
    assert found.level == GENTLE and found.negated


@pytest.mark.parametrize(
    "sentence",
    [
        "موت الأنا كان مخيف في الأول",  # ego death
        "حسيت اني بموت وبتولد من جديد",
        "حسيت اني خرجت من جسمي",
        "في الجلسة حسيت اني بذوب واختفي",
        "الدكتور زود جرعة السيرترالين",
    ],
)
def test_a_session_or_a_dose_is_silent(sentence):
    assert level(sentence) is NONE


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("أُرِيدُ أَنْ أَمُوتَ", "اريد ان اموت"),  # harakat and hamza
        ("أتمنى الموت", "اتمني الموت"),  # alef maqsura
        ("أفكر بالانتحار", "افكر بالإنتحار"),
        ("فكرة الانتحار مش بتسيبني", "فكره الانتحار مش بتسيبنى"),  # taa marbuta
        ("بفكــــر انتحـــر", "بفكر انتحر"),  # tatweel
        ("عايز امووووت", "عايز اموت"),  # a letter stretched for emphasis
    ],
)
def test_the_same_sentence_with_or_without_hamza_and_diacritics_gets_the_same_level(written, typed):
    assert level(written) == level(typed) is not NONE


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("bde mout", GENTLE),
        ("3ayez amoot", GENTLE),
        ("nefsy amout", GENTLE),
        ("bafakar a2tel nafsy", URGENT),
        ("fakart fel inte7ar embare7", URGENT),
        ("wallah mawwetny men el da7k", NONE),
    ],
)
def test_arabizi_is_heard(sentence, expected):
    assert level(sentence) == expected


def test_someone_elses_risk_fiction_and_prevention_are_silent():
    assert level("ابن خالتي حاول ينتحر الشهر اللي فات") is NONE
    assert level("صديقي يقول انه عبء على اهله") is NONE
    assert level("أقرأ رواية عن رجل يخطط للانتحار") is NONE
    assert level("حضرت ورشة عن الوقاية من الانتحار") is NONE


def test_a_past_attempt_is_gentle_and_urgent_when_the_feeling_is_back():
    assert level("من عشر سنين حاولت انتحر") == GENTLE
    assert level("من سنتين حاولت انتحر، والاسبوع ده الفكرة رجعت تاني") == URGENT


@pytest.mark.parametrize(
    "word", ["أَمُوتُ", "بالانتحار", "للانتحار", "وبفكر", "الليلة", "موووت", "لنفسي", "amoot", "2e2tol", "mafeesh"]
)
def test_normalize_is_idempotent(word):
    once = arabic.normalize(word)
    assert arabic.normalize(once) == once


def test_normalize_unifies_letter_forms_and_takes_clitics_off():
    assert arabic.normalize("أَمُوتُ") == arabic.normalize("اموت") == "اموت"
    assert arabic.normalize("بالانتحار") == arabic.normalize("الإنتحار") == "انتحار"
    assert arabic.normalize("فكرة") == "فكره"  # taa marbuta; ف stays when little would be left
    assert arabic.normalize("لنفسي") != arabic.normalize("نفسي")  # "for myself" is not "myself"
    assert arabic.normalize("amoot") == arabic.normalize("emout") == arabic.normalize("amout")


def test_the_weighing_words_are_lemmas():
    """They are compared with the lemmas of the text as they stand (see lexicons/__init__.py)."""
    for name in ("CLAUSE", "REPORTING", "TRANSPARENT", "POSSESSIVE", "SUBJECTS", "PREPOSITIONS", "DOER_ADVERBS"):
        for word in getattr(arabic, name):
            assert risk.lemma(word, "ar") == word, (name, word)
