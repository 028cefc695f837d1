"""The safety engine held to its thresholds on the labelled corpus, in CI (make eval-safety prints the figures)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.safety.evaluate import (
    DEVELOPMENT,
    FALSE_ALARM_CEILING,
    HELD_OUT,
    HELDOUT_FALSE_ALARM_CEILING,
    HELDOUT_RECALL_FLOOR,
    PARTS,
    RECALL_FLOOR,
    load,
    measure,
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


@pytest.fixture(scope="module")
def corpus():
    return [case for part in PARTS for case in load(part)]


def test_the_corpus_is_big_enough_in_every_group_and_category(corpus):
    groups = Counter(case.group for case in corpus)
    assert len(corpus) >= 400 and groups["risky"] >= 200 and groups["benign"] >= 150
    assert groups["negated_or_past"] >= 50
    categories = Counter(case.category for case in corpus)
    assert LADDER <= set(categories) and all(categories[c] >= 10 for c in LADDER)
    assert len({case.text for case in corpus}) == len(corpus), "a sentence is in the corpus twice"


def test_a_third_is_held_out(corpus):
    """Big enough to measure: a third of the corpus (heldout3 was written after dev3 to keep it so)."""
    held_out = [case for case in corpus if case.part in HELD_OUT]
    assert len(held_out) >= len(corpus) / 3


def test_risky_sentences_are_heard_and_benign_ones_left_alone(corpus):
    figures = measure([case for case in corpus if case.part in DEVELOPMENT])
    assert figures.recall >= RECALL_FLOOR, f"recall {figures.recall:.1%}: run make eval-safety"
    assert figures.false_alarms <= FALSE_ALARM_CEILING, f"false alarms {figures.false_alarms:.1%}"


def test_the_held_out_third_never_falls_below_its_last_measure(corpus):
    figures = measure([case for case in corpus if case.part in HELD_OUT])
    assert figures.recall >= HELDOUT_RECALL_FLOOR, f"held-out recall {figures.recall:.1%}: run make eval-safety"
    assert figures.false_alarms <= HELDOUT_FALSE_ALARM_CEILING, f"held-out false alarms {figures.false_alarms:.1%}"
