"""Scoring exactly as published: every band edge, PHQ-9 item 9, PCL-5 clusters and the DSM-5 rule, bad input."""

from __future__ import annotations

import pytest

from journal.measures.instruments import measures
from journal.measures.scoring import AnswersRefused, change, read_answers, read_difficulty, score

PHQ9, GAD7, PCL5 = (measures().instruments[key] for key in ("phq-9", "gad-7", "pcl-5"))


def answers_for(instrument, total: int, avoid_last: bool = True) -> list[int]:
    """Answers adding up to ``total``, filled from the first item (PHQ-9's item 9 left at 0 when possible)."""
    answers = [0] * len(instrument.items)
    order = list(range(len(answers) - 1)) + ([len(answers) - 1] if not avoid_last else [])
    order += [len(answers) - 1] if avoid_last else []
    for index in order:
        take = min(instrument.max_item, total)
        answers[index], total = take, total - take
    assert total == 0
    return answers


@pytest.mark.parametrize(
    "total, band",
    [
        (0, "Minimal"),
        (4, "Minimal"),
        (5, "Mild"),
        (9, "Mild"),
        (10, "Moderate"),
        (14, "Moderate"),
        (15, "Moderately severe"),
        (19, "Moderately severe"),
        (20, "Severe"),
        (27, "Severe"),
    ],
)
def test_phq9_bands_at_every_edge(total, band):
    result = score(PHQ9, answers_for(PHQ9, total))
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(
    "total, band",
    [
        (0, "Minimal"),
        (4, "Minimal"),
        (5, "Mild"),
        (9, "Mild"),
        (10, "Moderate"),
        (14, "Moderate"),
        (15, "Severe"),
        (21, "Severe"),
    ],
)
def test_gad7_bands_at_every_edge(total, band):
    result = score(GAD7, answers_for(GAD7, total))
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_item9_is_flagged_whatever_the_total(item9):
    answers = [0] * 8 + [item9]
    result = score(PHQ9, answers)
    assert result.self_harm and result.band == "Minimal"
    assert not score(PHQ9, [3] * 8 + [0]).self_harm  # a high total alone is not the item-9 flag


def test_pcl5_total_clusters_and_cutoff():
    answers = [1, 2, 3, 4, 0, 4, 1, 0, 1, 2, 3, 4, 0, 1, 2, 2, 2, 2, 2, 2]
    result = score(PCL5, answers)
    assert result.total == sum(answers) == 38
    assert result.clusters == {"B": 10, "C": 5, "D": 11, "E": 12}
    assert result.above_cutoff and result.band == ""
    assert score(PCL5, [1] * 12 + [3] * 7 + [0]).total == 33 and score(PCL5, [1] * 12 + [3] * 7 + [0]).above_cutoff
    assert not score(PCL5, [1] * 14 + [3] * 6).above_cutoff  # 32


def pcl5_with(b=0, c=0, d=0, e=0) -> list[int]:
    """PCL-5 answers with this many items of each cluster rated 2 (the rest 1: present but not endorsed)."""
    answers = [1] * 20
    for first, count in ((0, b), (5, c), (7, d), (14, e)):
        for index in range(first, first + count):
            answers[index] = 2
    return answers


@pytest.mark.parametrize(
    "endorsed, meets",
    [
        ({"b": 1, "c": 1, "d": 2, "e": 2}, True),
        ({"b": 0, "c": 1, "d": 2, "e": 2}, False),
        ({"b": 1, "c": 0, "d": 2, "e": 2}, False),
        ({"b": 1, "c": 1, "d": 1, "e": 2}, False),
        ({"b": 1, "c": 1, "d": 2, "e": 1}, False),
        ({"b": 5, "c": 2, "d": 7, "e": 6}, True),
    ],
)
def test_pcl5_dsm5_provisional_rule_per_cluster(endorsed, meets):
    assert score(PCL5, pcl5_with(**endorsed)).meets_dsm5_rule is meets


@pytest.mark.parametrize(
    "posted, message",
    [
        ({}, "Please answer questions 1, 2, 3, 4, 5, 6, 7."),
        ({**{f"item{n}": "0" for n in range(1, 7)}}, "Please answer question 7."),
        ({**{f"item{n}": "0" for n in range(1, 8)}, "item3": "4"}, "Question 3: choose one of the answers (0 to 3)."),
        ({**{f"item{n}": "0" for n in range(1, 8)}, "item3": "-1"}, "Question 3: choose one of the answers"),
        ({**{f"item{n}": "0" for n in range(1, 8)}, "item3": "²"}, "Question 3: choose one of the answers"),
        ({**{f"item{n}": "0" for n in range(1, 8)}, "item8": "1"}, "Unexpected fields: item8."),
    ],
)
def test_bad_answers_are_named(posted, message):
    with pytest.raises(AnswersRefused) as refused:
        read_answers(GAD7, posted)
    assert message in str(refused.value)


def test_all_answers_read_in_order():
    assert read_answers(GAD7, {f"item{n}": str(n % 4) for n in range(1, 8)}) == [1, 2, 3, 0, 1, 2, 3]


@pytest.mark.parametrize(
    "instrument, baseline, now, expected",
    [
        (PHQ9, 20, 10, {"response": True, "remission": False}),
        (PHQ9, 20, 11, {"response": False, "remission": False}),
        (PHQ9, 8, 4, {"response": True, "remission": True}),
        (PHQ9, 8, 5, {"response": False, "remission": False}),
        (GAD7, 14, 7, {"response": True, "remission": None}),
        (GAD7, 14, 8, {"response": False, "remission": None}),
        (PCL5, 50, 45, {"reliable": True, "meaningful": False}),
        (PCL5, 50, 46, {"reliable": False, "meaningful": False}),
        (PCL5, 50, 40, {"reliable": True, "meaningful": True}),
        (PCL5, 40, 45, {"reliable": False, "meaningful": False}),
    ],
)
def test_change_from_baseline_uses_published_thresholds(instrument, baseline, now, expected):
    result = change(instrument, baseline, now)
    assert result.difference == now - baseline
    for name, value in expected.items():
        assert getattr(result, name) is value, name


def test_the_library_holds_the_published_shape():
    assert [len(i.items) for i in (PHQ9, GAD7, PCL5)] == [9, 7, 20]
    assert (PHQ9.max_total, GAD7.max_total, PCL5.max_total) == (27, 21, 80)
    assert PHQ9.items[8] == "Thoughts that you would be better off dead or of hurting yourself in some way"
    assert PHQ9.attribution.startswith("Developed by Drs. Robert L. Spitzer")
    assert "public domain" in PCL5.attribution and PCL5.question == "In the past month, how much were you bothered by:"


@pytest.mark.parametrize(
    "instrument, value, expected",
    [
        (PHQ9, "", None),
        (PHQ9, None, None),
        (PHQ9, "0", 0),
        (PHQ9, "3", 3),
        (GAD7, "2", 2),
        (GAD7, 1, 1),
    ],
)
def test_the_difficulty_question_is_optional_and_one_of_its_answers(instrument, value, expected):
    assert read_difficulty(instrument, value) == expected


@pytest.mark.parametrize(
    "instrument, value, message",
    [
        (PHQ9, "4", "The last question: choose one of the answers."),
        (GAD7, "-1", "The last question: choose one of the answers."),
        (GAD7, 9, "The last question: choose one of the answers."),
        (PCL5, "1", "The PCL-5 has no question on difficulty."),
    ],
)
def test_a_difficulty_out_of_range_or_on_the_pcl5_is_refused(instrument, value, message):
    with pytest.raises(AnswersRefused, match=message):
        read_difficulty(instrument, value)


def test_difficulty_is_an_unexpected_field_where_there_is_no_such_question():
    posted = {f"item{n}": "0" for n in range(1, 21)} | {"difficulty": "1"}
    with pytest.raises(AnswersRefused, match="Unexpected fields: difficulty."):
        read_answers(PCL5, posted)
    assert read_answers(GAD7, {f"item{n}": "0" for n in range(1, 8)} | {"difficulty": "1"}) == [0] * 7
