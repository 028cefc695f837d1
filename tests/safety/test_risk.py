"""The risk engine, rule by rule: each test fails if the rule it names is taken out of journal/safety.

The labelled corpus and its thresholds are in test_corpus.py; these pin the mechanisms.
"""

from __future__ import annotations

import pytest

from journal.safety.lexicons import en as lexicon
from journal.safety.risk import LABELS, Level, Signal, assess, compile_pattern, explain, find, read

URGENT, GENTLE, NONE = Level.URGENT, Level.GENTLE, None


def level(*texts: str, **signals) -> str | None:
    return assess(list(texts), **signals).level


# (sentence, level): what the previous phrase list caught must still be caught.
KEPT = [
    ("I thought about hurting myself tonight", URGENT),
    ("I want to kill myself", URGENT),
    ("I have been having suicidal thoughts again", URGENT),
    ("Suïcide is on my mind", URGENT),  # accents folded
    ("I just want to end my life", URGENT),
    ("I keep thinking about ending it all", URGENT),
    ("I wish I was dead", GENTLE),
    ("I don’t want to be alive", GENTLE),  # a typographic apostrophe
    ("I dont want to wake up tomorrow", GENTLE),
    ("I can't go on like this", GENTLE),
    ("I thought about taking an overdose", URGENT),
    ("I cut myself last night", URGENT),
    ("I've been self-harming again", URGENT),
    ("I thought about how I would hang myself", URGENT),
    ("Sometimes I think everyone would be better off without me.", GENTLE),
]


@pytest.mark.parametrize(("sentence", "expected"), KEPT, ids=[s[:40] for s, _ in KEPT])
def test_what_the_phrase_list_caught_is_still_caught(sentence, expected):
    assert level(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "im gonna kms",
        "ctb thoughts all day",
        "sewerslide is on my mind",
        "want to self delete",
        "keep thinking about unaliving myself",
        "been thinking about checking out for good",
    ],
)
def test_slang_and_euphemisms_are_heard(sentence):
    assert level(sentence) == URGENT


def test_spelling_variants_and_inflections_are_read_as_one_word():
    assert read("I'm killing").lemmas == read("im KILLED").lemmas[:2] + ("kill",)
    assert read("dont").lemmas == ("do", "not")
    assert level("i keep CUTTING again") == URGENT
    assert level("I cut myself") == level("i cut myself") == level("i cut myself.") == URGENT


def test_words_may_stand_apart_but_never_across_sentences():
    assert level("i keep thinking about the rope in the garage and whether it would hold my weight") == URGENT
    pattern = compile_pattern("kill ~1 myself")
    assert find(pattern, read("kill. myself")) == [] and find(pattern, read("kill me myself")) != []


@pytest.mark.parametrize(
    "sentence",
    [
        "dying to see the new film",
        "my phone died on the call",
        "absolutely killing it at work",
        "dead tired after the session",
        "my feet are killing me",
        "i could murder a pizza",
        "laughed so hard i nearly died",
        "cut my hair and it looks awful",
        "burnt the toast again",
        "hung the laundry out",
        "hanging out with jo later",
        "jumped off the diving board with my niece",
    ],
)
def test_everyday_senses_are_shielded(sentence):
    assert level(sentence) is NONE


@pytest.mark.parametrize(
    "sentence",
    [
        "total ego death about forty minutes in, beautiful",
        "felt like i was dying and being reborn",
        "the death and rebirth thing everyone talks about happened to me",
        "saw my own funeral in the journey",
    ],
)
def test_the_dosing_experience_is_not_a_risk(sentence):
    assert level(sentence) is NONE


@pytest.mark.parametrize(
    "sentence",
    [
        "my uncle took his own life in 2019",
        "my friend was suicidal last year and i sat with her",
        "lost my brother to an overdose three years ago",
        "her suicide still haunts the family",
    ],
)
def test_other_peoples_deaths_and_attempts_are_not_the_writers(sentence):
    assert level(sentence) is NONE


def test_the_writer_is_heard_even_beside_someone_else():
    assert level("my friend said i should not kill myself") == GENTLE  # negated, never silent
    assert level("after my brothers suicide i keep thinking about killing myself") == URGENT


@pytest.mark.parametrize(
    "sentence",
    [
        "did the suicide prevention walk with my sister",
        "volunteering on the crisis line, lots of calls about overdoses",
        "rewatched the virgin suicides, that soundtrack",
        "the main character hangs himself in chapter nine",
    ],
)
def test_prevention_work_and_fiction_are_not_a_risk(sentence):
    assert level(sentence) is NONE


def test_negated_statements_get_the_gentle_level_never_silence():
    risk = assess(["im not going to kill myself, just needed to write"])
    assert risk.level == GENTLE and risk.negated and risk.signals == (Signal.NEGATED,)
    assert level("I would never kill myself") == GENTLE
    assert level("no thoughts of suicide this week") == GENTLE


def test_a_negation_in_another_clause_does_not_count():
    assert level("I did not sleep, and then at three I wanted to hurt myself") == URGENT


def test_the_distant_past_is_gentle_and_a_past_attempt_with_the_feeling_back_is_urgent():
    assert level("i used to cut when i was 15") == GENTLE
    assert level("years ago i overdosed; today i feel steady") == GENTLE
    assert level("i tried once at 22 and the same feeling is creeping back this week") == URGENT
    assert level("I tried to kill myself last night") == URGENT  # recent: no distant past


def test_soft_signals_are_gentle_alone_and_urgent_together_or_with_a_very_low_mood():
    assert level("i feel like such a burden") == GENTLE
    assert level("i feel like such a burden and there is no way out") == URGENT
    assert level("i feel like such a burden", mood=-5) == URGENT
    assert level("i feel like such a burden", mood=-3) == GENTLE
    assert level("i wish i could disappear", mood=-4) == URGENT


def test_the_other_signals_and_their_levels():
    assert level(mood=-5) == GENTLE and level(mood=-3) is NONE
    assert assess([], after_effects=["nausea", "urge_to_use"]).signals == (Signal.URGE_TO_USE,)
    assert level(after_effects=["urge_to_use"]) == GENTLE
    assert level(phq9_item9=1) == GENTLE and level(phq9_item9=2) == URGENT and level(phq9_item9=0) is NONE


def test_every_decision_is_explained_by_its_category_and_rule():
    risk = assess(["counted the pills in the cabinet tonight, i know why"])
    assert risk.explain() == [
        {
            "category": "method",
            "rule": "method.pills_count",
            "qualifier": "",
            "version": lexicon.VERSION,
            "language": "en",
        }
    ]
    assert ("method.pills_count", "method", "count the pill twice", "kept", "en") in explain("counted the pills twice")


def test_every_signal_has_a_label_and_every_rule_compiles():
    assert all(signal in LABELS for name, signal in vars(Signal).items() if name.isupper())
    for rule_id, category, source in lexicon.RULES:
        assert compile_pattern(source).slots, rule_id
        assert category in {
            "passive_wish",
            "active_thoughts",
            "method",
            "intent",
            "plan_preparation",
            "self_harm",
            "attempt",
        } or category.startswith("soft_"), rule_id
    assert len({rule_id for rule_id, _, _ in lexicon.RULES}) == len(lexicon.RULES)


def test_nothing_written_is_nothing_found():
    assert not assess(["", "   ", "Morning"])


def test_every_signal_an_entry_can_raise_fits_the_alerts_column():
    from journal.models import SafetyAlert

    entry_signals = [
        signal
        for name, signal in vars(Signal).items()
        if name.isupper() and signal not in (Signal.PHQ9_ITEM9, Signal.WORDS)
    ]
    assert len(",".join(entry_signals)) <= SafetyAlert.__table__.c.signals.type.length


def test_only_a_nearby_sentence_can_bring_the_past_back():
    assert level("Years ago I used to cut my arms. I went to yoga again today.") == GENTLE
    assert level("When I was 16 I attempted suicide. I had pasta again tonight, lovely.") == GENTLE
    assert level("When I was 16 I attempted suicide. The feeling is back this week.") == URGENT


def test_no_word_outside_the_lexicon_is_kept_in_plain_text_between_saves():
    from journal.safety import risk

    assess(["the zebrafinchquartz on my windowsill, and i want to die"])
    assert "zebrafinchquartz" not in risk._SPELLED and "windowsill" not in risk._SPELLED
    assert "die" in risk._SPELLED  # the lexicon's own words are remembered


def test_someone_named_in_another_clause_does_not_take_the_words_away():
    assert level("she doesnt know its the last entry") == URGENT  # "know" starts a clause of the writer's


def test_preparations_stay_the_writers_whoever_else_they_name():
    assert level("left the passwords for him, for afterwards") == URGENT


@pytest.mark.parametrize(
    "sentence",
    [
        "been having suicidal thougths again",  # two letters swapped
        "thinking of commiting sucide",  # a letter dropped
        "i wanna kil myself",
        "suicidle again",
        "been cuttin again",  # a dropped g
        "i want to dissapear forever and ever, i want to die",
        "kill my self",  # written apart
    ],
)
def test_a_slip_of_one_letter_in_a_core_word_is_forgiven(sentence):
    assert level(sentence) is not NONE


def test_typo_tolerance_is_guarded():
    assert read("sucide").lemmas == ("suicide",)
    assert read("though").lemmas != ("thought",)  # a real word is never a slip
    assert read("mysel").lemmas == ("myself",) and read("kil").lemmas == ("kill",)
    assert level("training for the marathon") is NONE  # "training" is not the train


def test_a_pattern_can_refuse_the_next_word_or_ask_for_the_sentence_end():
    assert find(compile_pattern("my ~1 attempt !to|at"), read("my attempt at sourdough")) == []
    assert find(compile_pattern("my ~1 attempt !to|at"), read("after my attempt i was lost")) != []
    assert find(compile_pattern("i ~2 decide $"), read("ive decided. sunday")) != []
    assert find(compile_pattern("i ~2 decide $"), read("i decided to bake")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "my brother attempted last year, he is doing well now",
        "i tried yoga for the first time",
        "the dog bit my hand when i tried to take the sock",
        "burned my hand on the oven tray",
        "bought a rope for the tire swing",
        "picked the date for our wedding",
        "in the series she writes letters to everyone before she dies",
        "keep my meds locked in a box because of the kids",
        "learning what a lethal dose of caffeine is for my pharmacology exam",
        "did my suicide intervention training today",
    ],
)
def test_look_alikes_stay_silent(sentence):
    assert level(sentence) is NONE


def test_a_negation_reaches_across_thoughts_of():
    assert level("not having any thoughts of killing myself, just sad") == GENTLE
    assert level("nothing helps, i want to kill myself") == URGENT  # "nothing" is not a negation of the wish


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("i dont care if i live or die", GENTLE),
        ("i pray god takes me in my sleep", GENTLE),
        ("why cant i just fall asleep and never wake up", GENTLE),
        ("wouldnt be so bad if i got hit by a car", GENTLE),
        ("wondering if the belt would hold my weight", URGENT),
        ("stood on the platform and felt the pull when the train came", URGENT),
        ("went without food for 3 days to punish my body", URGENT),
        ("broke my 6 month streak, cut three times", URGENT),
        ("attempt no 2 was in august, thinking about a third", URGENT),
        ("in my early twenties i was cutting daily", GENTLE),
    ],
)
def test_general_constructions_of_wishes_methods_harm_and_the_past(sentence, expected):
    assert level(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "giving my things away to the people i love",
        "im giving away my stuff before christmas",
        "decided to end it after the holiday",
        "i have enough pills saved to last me, for good",
        "hoping this is the last time i have to wake up",
        "i keep picturing stepping off the edge of the carpark roof",
        "ive been practising how to hang myself in the garage",
        "cut myself deeper than usual, probably needed stitches",
        "i wont be around for my sisters wedding in june",
        "theres a shotgun in the house since dad got his licence and i keep thinking about using it on myself",
    ],
)
def test_a_shield_never_silences_risk_that_shares_its_everyday_words(sentence):
    """Shields with wide windows silenced each of these once (lexicon 4's draft): keep shields short."""
    assert level(sentence) is not NONE


@pytest.mark.parametrize(
    "sentence",
    [
        "i collect my prescription on monday",
        "need to collect my meds tomorrow",
        "i count my pills every sunday so i dont miss any",
        "wrote notes for my therapist before the session",
        "bought a rope toy for the dog",
        "the vet gave the cat her worming tablets",
    ],
)
def test_a_patients_medicine_and_therapy_routines_are_not_a_risk(sentence):
    assert level(sentence) is NONE
