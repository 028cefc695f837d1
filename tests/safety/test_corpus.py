"""The safety engine held to its thresholds on the labelled corpus, in CI (make eval-safety prints the figures).

English's corpus is in ``tests/safety/corpus/``; every other language's in ``tests/safety/corpus/<code>/``,
tested here as soon as its folder holds a part (a language with no folder yet is left out).
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.safety.evaluate import (
    ENGLISH,
    FALSE_ALARM_CEILING,
    HELDOUT_FLOORS,
    LEVELS,
    RECALL_FLOOR,
    is_development,
    is_held_out,
    languages,
    load,
    measure,
    parts,
)

LADDER = {
    "passive_wish",
    "active_thoughts",
    "method",
    "intent",
    "plan_preparation",
    "self_harm",
    "past_attempt_returning",
    "soft_signal",
    "soft_multiple",
}
CATEGORIES = {
    "urgent": {
        "active_thoughts",
        "intent",
        "method",
        "past_attempt_returning",
        "plan_preparation",
        "self_harm",
        "soft_multiple",
    },
    "gentle": {"passive_wish", "negated", "past", "soft_signal"},
    "none": {
        "benign_daily",
        "benign_fiction",
        "benign_idiom",
        "benign_medicine",
        "benign_other_person",
        "benign_prevention",
        "benign_session",
    },
}
LANGUAGES_WITH_A_CORPUS = languages()
OTHER_LANGUAGES = [language for language in LANGUAGES_WITH_A_CORPUS if language != ENGLISH]


@pytest.fixture(scope="module")
def corpus():
    return [case for part in parts(ENGLISH) for case in load(part)]


def test_the_corpus_is_big_enough_in_every_group_and_category(corpus):
    groups = Counter(case.group for case in corpus)
    assert len(corpus) >= 400 and groups["risky"] >= 200 and groups["benign"] >= 150
    assert groups["negated_or_past"] >= 50
    categories = Counter(case.category for case in corpus)
    assert LADDER <= set(categories) and all(categories[c] >= 10 for c in LADDER)
    twice = len(corpus) - len({case.text for case in corpus})  # counted, never shown: held-out sentences stay unread
    assert twice == 0, f"{twice} sentences are in the corpus twice"


def test_a_third_is_held_out(corpus):
    """Big enough to measure: a third of the corpus (each new development part comes with a held-out one)."""
    held_out = [case for case in corpus if is_held_out(case.part)]
    assert len(held_out) >= len(corpus) / 3


def _cases(language: str, which) -> list:
    return [case for part in parts(language) if which(part) for case in load(part, language)]


@pytest.mark.parametrize("language", LANGUAGES_WITH_A_CORPUS)
def test_risky_sentences_are_heard_and_benign_ones_left_alone(language):
    development = _cases(language, is_development)
    if not development:
        pytest.skip(f"no development corpus for {language} yet")
    figures = measure(development)
    recall, false_alarms = figures.recall, figures.false_alarms  # the figures only: a failure shows no sentence
    assert recall >= RECALL_FLOOR, f"{language} recall {recall:.1%}: run make eval-safety"
    assert false_alarms <= FALSE_ALARM_CEILING, f"{language} false alarms {false_alarms:.1%}"


@pytest.mark.parametrize("language", LANGUAGES_WITH_A_CORPUS)
def test_the_held_out_part_never_falls_below_its_last_measure(language):
    held_out = _cases(language, is_held_out)
    if not held_out:
        pytest.skip(f"no held-out corpus for {language} yet")
    floor, ceiling = HELDOUT_FLOORS[language]
    figures = measure(held_out)
    recall, false_alarms = figures.recall, figures.false_alarms  # the figures only: held-out sentences stay unread
    assert recall >= floor, f"{language} held-out recall {recall:.1%}: run make eval-safety"
    assert false_alarms <= ceiling, f"{language} held-out false alarms {false_alarms:.1%}"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_new_languages_development_corpus_is_big_enough(language):
    development = _cases(language, is_development)
    if not development:
        pytest.skip(f"no development corpus for {language} yet")
    groups = Counter(case.group for case in development)
    categories = Counter(case.category for case in development)
    assert len(development) >= 100, f"{language}: {len(development)} sentences in dev"
    thin = {category: categories[category] for category in LADDER if categories[category] < 5}
    assert not thin, f"{language}: fewer than 5 sentences in {thin}"
    assert groups["benign"] >= 30 and groups["negated_or_past"] >= 10, f"{language}: {dict(groups)}"


@pytest.mark.parametrize("language", LANGUAGES_WITH_A_CORPUS)
def test_every_case_has_a_level_and_a_category_of_its_level_and_no_sentence_is_there_twice(language):
    cases = _cases(language, lambda part: True)
    wrong = [case.part for case in cases if case.label not in LEVELS or case.category not in CATEGORIES[case.label]]
    if language == ENGLISH:  # English's older parts file some categories of their own ("benign_mixed")
        wrong = [part for part in wrong if part not in parts(ENGLISH)]
    assert not wrong, f"{language}: {len(wrong)} cases with a label or category outside the ladder, in {set(wrong)}"
    twice = len(cases) - len({case.text for case in cases})  # counted, never shown: held-out sentences stay unread
    assert twice == 0, f"{language}: {twice} sentences are in the corpus twice"
