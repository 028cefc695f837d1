"""Noticing risk: a corpus that pins which sentences bring the care card, and the other signals."""

from __future__ import annotations

import pytest

from journal.safety.risk import LABELS, Signal, assess, find_phrases

# (sentence, card?, negated?) — negated means every phrase found came after "not", "never"…
CORPUS = [
    # The issue's own sentence, and plain statements.
    ("I thought about hurting myself tonight", True, False),
    ("I want to kill myself", True, False),
    ("Sometimes I think everyone would be better off without me.", True, False),
    ("I feel like I'd be better off dead", True, False),
    ("I have been having suicidal thoughts again", True, False),
    ("Suicide keeps crossing my mind", True, False),
    ("SUICIDE", True, False),
    ("Suïcide is on my mind", True, False),  # accents folded
    ("I just want to end my life", True, False),
    ("I keep thinking about ending it all", True, False),
    ("I wish I was dead", True, False),
    ("I wish I were dead some days", True, False),
    ("There is no reason to live anymore", True, False),
    ("I feel I have nothing to live for", True, False),
    ("I don't want to be here anymore", True, False),
    ("I dont want to wake up tomorrow", True, False),
    ("I don’t want to be alive", True, False),  # a typographic apostrophe
    ("I can't go on like this", True, False),
    ("I thought about taking an overdose", True, False),
    ("I cut myself last night", True, False),
    ("The urge to cut myself came back", True, False),
    ("I've been self-harming again", True, False),
    ("Self harm used to be how I coped", True, False),
    ("I want to harm myself", True, False),
    ("I keep wanting to punish myself", True, False),
    ("I wanted to die during the session", True, False),
    ("Part of me wants to take my own life", True, False),
    ("I'd rather be dead than feel this", True, False),
    ("I thought about how I would hang myself", True, False),
    ("Harming myself felt like the only way out", True, False),
    ("I burned myself with the kettle on purpose, I wanted to burn myself", True, False),
    # Negated: still the card (the person is thinking about it), marked for the care team.
    ("I am not going to hurt myself", True, True),
    ("I would never kill myself", True, True),
    ("I'm not suicidal, just tired", True, True),
    ("I don't want to die, I want the pain to stop", True, True),
    ("I won't harm myself, I promise", True, True),
    ("No suicide thoughts this week", True, True),
    ("I didn't cut myself even though I wanted to", True, True),
    # Known false positives, accepted for recall: documented in docs/features.md.
    ("I hurt myself falling off my bike", True, False),
    ("I read a book about suicide prevention", True, False),
    ("My friend's brother died by suicide years ago", True, False),
    # Not risk: near words, other senses, whole-word matching.
    ("Killing time before my appointment", False, False),
    ("The session was killer, in a good way", False, False),
    ("I felt dead tired after the infusion", False, False),
    ("This deadline is killing me", False, False),
    ("I cut the vegetables for dinner", False, False),
    ("I hurt my knee on the stairs", False, False),
    ("I finally forgave myself", False, False),
    ("I want to live more fully", False, False),
    ("I felt alive for the first time in months", False, False),
    ("The overdue bills are stressing me", False, False),
    ("I have a reason to live now: my daughter", False, False),
    ("I noticed harmony in my body", False, False),
    ("I did some self-care and went for a walk", False, False),
    ("A selfie with my dog made me laugh", False, False),
    ("I want to be here for my family", False, False),
    ("I can go on, one day at a time", False, False),
    ("The dream felt like I was watching myself from a distance", False, False),
    ("I ended the day with a bath", False, False),
    ("Endings are hard for me", False, False),
    ("I burnt the toast", False, False),
    ("My mood is low but steady", False, False),
    ("", False, False),
]


@pytest.mark.parametrize("sentence, card, negated", CORPUS, ids=[c[0][:40] or "empty" for c in CORPUS])
def test_the_corpus(sentence, card, negated):
    risk = assess([sentence])
    assert bool(risk) is card
    assert risk.negated is negated
    if card:
        assert risk.signals == (Signal.WORDS,) and risk.phrases_version == 1


def test_the_corpus_is_big_enough_and_balanced():
    positives = sum(1 for _, card, _ in CORPUS if card)
    assert len(CORPUS) >= 60 and positives >= 25 and len(CORPUS) - positives >= 20


def test_words_are_found_in_any_part_of_what_was_written():
    assert assess(["Morning", "", "fine", "I thought about hurting myself"])
    assert not assess(["Morning", "fine"])


def test_a_negation_far_before_the_phrase_does_not_count():
    assert find_phrases("I did not sleep, and then at three I wanted to hurt myself") == [("hurt myself", False)]


@pytest.mark.parametrize("mood, flagged", [(-5, True), (-4, True), (-3, False), (0, False), (5, False), (None, False)])
def test_a_very_low_mood_is_a_signal(mood, flagged):
    assert (Signal.LOW_MOOD in assess([], mood=mood).signals) is flagged


def test_an_urge_to_use_and_phq9_item9_are_signals():
    assert assess([], after_effects=["nausea", "urge_to_use"]).signals == (Signal.URGE_TO_USE,)
    assert not assess([], after_effects=["nausea", "bladder"])
    assert assess([], phq9_item9=True).signals == (Signal.PHQ9_ITEM9,)


def test_the_issues_save_gives_three_signals_named_without_a_diagnosis():
    risk = assess(["I thought about hurting myself tonight"], mood=-5, after_effects=["urge_to_use"])
    assert risk.signals == (Signal.WORDS, Signal.LOW_MOOD, Signal.URGE_TO_USE)
    assert risk.labels == [LABELS[s] for s in risk.signals]
    assert not any(word in " ".join(LABELS.values()).lower() for word in ("diagnos", "disorder", "depressed"))
