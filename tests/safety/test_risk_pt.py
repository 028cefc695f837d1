"""The risk engine read in Portuguese (``journal/safety/lexicons/pt.py``): a handful of sentences through the whole
engine, one per mechanism. The Portuguese corpus and its thresholds are in test_corpus.py and evaluate.py."""

from __future__ import annotations

import pytest

from journal.safety.risk import Level, assess, explain, read

URGENT, GENTLE, NONE = Level.URGENT, Level.GENTLE, None


def level(text: str, language: str = "pt") -> str | None:
    return assess([text], language=language).level


@pytest.mark.parametrize(
    "sentence",
    [
        "tenho pensado em me matar todos os dias",
        "estou a pensar em matar-me",  # European Portuguese: the clitic after the verb
        "pesquisei a dose letal de paracetamol",
        "escrevi uma carta de despedida pros meus filhos",
        "me cortei de novo ontem a noite",
    ],
)
def test_a_risky_sentence_is_urgent(sentence):
    assert level(sentence) == URGENT
    assert level(sentence, "pt_BR") == URGENT  # a locale reads as its base language


@pytest.mark.parametrize(
    "sentence",
    [
        "morri de rir com meu sobrinho",
        "essa planilha vai me matar",
        "to me matando de estudar pro concurso",
        "vamos enforcar a sexta e emendar o feriado",
        "meu celular morreu no meio da chamada",
        "matei a saudade da minha mae",
    ],
)
def test_an_idiom_is_silent(sentence):
    assert level(sentence) is NONE


@pytest.mark.parametrize(
    "sentence",
    [
        "nao quero morrer, quero viver diferente",
        "nenhum pensamento de me machucar essa semana",
        "sem ideação suicida hoje",
    ],
)
def test_a_negated_sentence_is_gentle(sentence):
    assert level(sentence) == GENTLE
    assert assess([sentence], language="pt").negated


@pytest.mark.parametrize(
    "sentence",
    [
        "morte do ego total, eu nao era ninguem, so luz",
        "senti como se estivesse morrendo e renascendo varias vezes",
        "vi meu proprio funeral na viagem e voltei chorando de alegria",
        "o k-hole foi intenso, perdi o corpo todo",
    ],
)
def test_a_session_description_is_silent(sentence):
    assert level(sentence) is NONE


def test_typed_without_accents_or_with_them_reads_the_same():
    with_accents = "Não vejo saída, sou um fardo pra todo mundo e só quero que tudo pare"
    without = "nao vejo saida, sou um fardo pra todo mundo e so quero que tudo pare"
    assert read(with_accents, "pt").lemmas == read(without, "pt").lemmas
    assert level(with_accents) == level(without) == URGENT  # two soft signals or more
    assert level("tô pensando em suicídio") == level("to pensando em suicidio") == URGENT
    assert level("vc acha q eu quero me matar? quero sim") == URGENT  # vc, q


def test_someone_else_fiction_and_prevention_are_silent():
    assert level("meu tio se matou em 2019 e hoje consegui falar dele sem tremer") is NONE
    assert level("no filme a personagem tira a propria vida") is NONE
    assert level("fiz o treinamento do CVV sobre prevenção do suicídio") is NONE


def test_a_long_past_attempt_is_gentle_and_one_coming_back_is_urgent():
    assert level("ha muitos anos tentei me matar; hoje consigo falar disso com calma") == GENTLE
    assert level("tentei me matar em 2019 e essa semana a mesma vontade ta voltando") == URGENT


def test_a_finding_names_its_language():
    assert any(found[-1] == "pt" for found in explain("quero me matar", "pt"))
