"""The risk engine in other languages than English: the language modules' interface, how a language code is
read, and a handful of Spanish sentences through the whole engine (the Spanish corpus is in test_corpus.py)."""

from __future__ import annotations

import importlib

import pytest

from journal.safety import lexicons, risk
from journal.safety.lexicons import en
from journal.safety.risk import Level, assess, compile_pattern, explain, find_words

URGENT, GENTLE, NONE = Level.URGENT, Level.GENTLE, None


def level(text: str, language: str = "es") -> str | None:
    return assess([text], language=language).level


# -- the interface -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", lexicons.available())
def test_every_language_module_defines_the_interface_and_its_rules_compile(code):
    module = importlib.import_module(f"journal.safety.lexicons.{code}")
    assert lexicons.check(module) == []
    for rule_id, category, source in module.RULES:
        assert compile_pattern(source, code).slots, (code, rule_id)
        assert category in {
            "passive_wish",
            "active_thoughts",
            "method",
            "intent",
            "plan_preparation",
            "self_harm",
            "attempt",
        } or category.startswith("soft_"), (code, rule_id)
    assert len({rule_id for rule_id, _, _ in module.RULES}) == len(module.RULES), code
    assert risk.compiled(code).language == code


def test_english_defines_every_optional_name_too():
    assert all(hasattr(en, name) for name in lexicons.OPTIONAL)


def test_the_spanish_weighing_words_are_lemmas():
    """They are compared with the lemmas of the text as they stand (see lexicons/__init__.py)."""
    from journal.safety.lexicons import es

    for name in ("CLAUSE", "REPORTING", "TRANSPARENT", "POSSESSIVE", "SUBJECTS", "PREPOSITIONS", "DOER_ADVERBS"):
        for word in getattr(es, name):
            assert risk.lemma(word, "es") == word, (name, word)


# -- language codes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["pt_BR", "pt-BR", "PT", "pt"])
def test_a_locale_is_read_as_its_base_language(code):
    assert lexicons.base(code) == "pt"
    assert risk._language(code) is risk._language("pt")
    sentence = "I want to kill myself"
    assert assess([sentence], language=code).findings == assess([sentence], language="pt").findings


def test_an_unknown_language_is_read_as_english():
    assert lexicons.lexicon("xx") is en and lexicons.lexicon(None) is en
    assert level("I want to kill myself tonight", "xx") == URGENT
    assert {f.language for f in find_words("I want to kill myself", "xx")} == {"en"}
    assert assess(["me quiero morir"], language="xx").level is NONE  # no Spanish rules for it


def test_a_language_whose_module_is_not_written_yet_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(lexicons, "LANGUAGES", (*lexicons.LANGUAGES, "zz"))
    assert lexicons.lexicon("zz") is en
    assert "zz" not in lexicons.available()


# -- Spanish through the engine ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "llevo dias pensando en suicidarme",
        "me corte otra vez anoche",
        "ya escribi la carta de despedida",
        "kiero matarme, ya no puedo mas",
    ],
)
def test_a_risky_spanish_sentence_is_urgent(sentence):
    assert level(sentence) == URGENT


@pytest.mark.parametrize(
    "sentence",
    [
        "me muero de risa con mi prima",
        "estoy muerta de cansancio",
        "mi jefe me va a matar si llego tarde",
        "me quiero morir de la verguenza, me cai en la calle",
        "en la sesion de ketamina senti q me salia del cuerpo",
    ],
)
def test_a_spanish_idiom_or_the_session_itself_is_silent(sentence):
    assert level(sentence) is NONE


def test_a_spanish_negation_is_gentle():
    assert level("no quiero matarme, solo estoy triste") == GENTLE
    assert level("nunca me haria daño") == GENTLE
    assert level("no quiero que nadie sepa que me corto") == URGENT  # "que" opens a clause of its own


def test_the_writer_is_told_from_someone_else_in_spanish():
    assert level("mi hermano se corta y no se como ayudarlo") is NONE
    assert level("le dije a mi terapeuta que quiero matarme") == URGENT  # "quiero": the writer


def test_a_mixed_text_is_read_with_both_lexicons():
    findings = find_words("no veo salida, soy una carga. honestly i want to kms", "es")
    assert {f.language for f in findings} == {"es", "en"}
    assert {f.category for f in findings} >= {"soft_trapped", "soft_burden", "active_thoughts"}
    assert level("estoy fatal, literal quiero kms") == URGENT  # English slang inside Spanish
    assert any(language == "en" for *_, language in explain("estoy fatal, literal quiero kms", "es"))


def test_english_reading_a_spanish_text_leaves_spanish_words_alone():
    """ "suicidas" is one letter from "suicidal": in a Spanish text it is the Spanish word, not an English slip."""
    assert level("nunca tuve ideas suicidas") == GENTLE
    assert risk.read("suicidas", "en").lemmas == ("suicidal",)  # English text keeps its slips


def test_the_explanation_records_the_language_of_the_rule_that_fired():
    explained = assess(["quiero suicidarme"], language="es").explain()
    assert explained and all(item["language"] == "es" for item in explained)
    assert explained[0]["version"] == lexicons.lexicon("es").VERSION
    assert assess(["I want to kill myself"]).explain()[0]["language"] == "en"
