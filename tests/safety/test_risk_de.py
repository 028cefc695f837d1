"""The risk engine reading German (journal/safety/lexicons/de.py): a few sentences that pin its mechanisms.

The labelled German corpus and its figures are in tests/safety/corpus/de/ (``python -m tests.safety.evaluate``).
"""

from __future__ import annotations

import pytest

from journal.safety.lexicons import check
from journal.safety.lexicons import de as german
from journal.safety.risk import Level, assess

URGENT, GENTLE, NONE = Level.URGENT, Level.GENTLE, None


def level(text: str) -> str | None:
    return assess([text], language="de").level


def test_the_module_has_every_name_the_interface_asks_for():
    assert check(german) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ich will mich umbringen.",
        "bring mich heute einfach um, so fühlt es sich an",
        "hab wieder Selbstmordgedanken",
        "hab mich gestern wieder geritzt",
        "ich hab mir schon ein seil gekauft",
        "heute nacht ist es soweit",
    ],
)
def test_a_risky_sentence_is_urgent(sentence):
    assert level(sentence) == URGENT


@pytest.mark.parametrize(
    "sentence",
    [
        "ich sterbe vor hunger",
        "die hitze bringt mich heute echt um",
        "ich lach mich tot über deine nachricht",
        "todmüde nach der nachtschicht",
        "akku vom handy ist tot",
    ],
)
def test_an_idiom_is_silent(sentence):
    assert level(sentence) is NONE


@pytest.mark.parametrize(
    "sentence",
    [
        "nicht suizidal, nur müde",
        "keine suizidgedanken diese woche",
        "keine sorge, ich bring mich nicht um",
        "ich würde mir nie was antun",
    ],
)
def test_a_negated_sentence_is_gentle(sentence):
    risk = assess([sentence], language="de")
    assert risk.level == GENTLE and risk.negated


@pytest.mark.parametrize(
    "sentence",
    [
        "totaler ego-tod nach 40 minuten, nur noch licht",
        "fühlte sich an als würde ich sterben und wiedergeboren werden",
        "hab meine eigene beerdigung gesehen, alle haben gelacht",
        "im k-loch gewesen, friedlich",
    ],
)
def test_a_session_description_is_silent(sentence):
    assert level(sentence) is NONE


@pytest.mark.parametrize(
    ("with_umlauts", "typed"),
    [
        ("ich wünschte ich wäre tot", "ich wuenschte ich waere tot"),
        ("hab eine Überdosis gegoogelt", "hab eine ueberdosis gegoogelt"),
        (
            "alle wären ohne mich glücklicher und ich bin hoffnungslos",
            "alle waren ohne mich glucklicher und ich bin hoffnungslos",
        ),
    ],
)
def test_typed_without_umlauts_reads_the_same(with_umlauts, typed):
    assert level(with_umlauts) == level(typed) is not NONE


def test_compounds_are_read_by_their_parts():
    assert german.normalize("selbstmordgedanken") == german.normalize("suizidgedanken") == "suizidgedanke"
    assert german.normalize("schlaftabletten") == "tabletten"
    assert german.normalize("suizidpraevention") == "suizidpravention"  # prevention work: a context, not a risk
    assert level("Suizidprävention ist mir wichtig") is NONE


@pytest.mark.parametrize("word", ["muede", "neue", "aktuell", "selbstmordversuch", "aufzuhängen", "suizidal"])
def test_normalize_is_idempotent(word):
    once = german.normalize(word)
    assert german.normalize(once) == once


def test_someone_elses_risk_and_fiction_are_silent():
    assert level("mein bruder ritzt sich wieder, ich mache mir sorgen") is NONE
    assert level("in der serie schreibt sie abschiedsbriefe an alle") is NONE
