import json
import re
from dataclasses import replace
from importlib import resources

import pytest

from journal.models import Medicine
from journal.prompts import AFTER, BEFORE, HARD, Prompt, _check, library

DOMAINS = {"mind", "body", "spirit", "relationships", "lifestyle", "nature"}
# Themes entries of version 1 were saved with: they must keep a domain.
VERSION_1_THEMES = {"distance", "dreamlike", "insight", "breakthrough", "body", "forward", "intention"}
MEDICINES = {medicine.value for medicine in Medicine}


def every_prompt():
    return [prompt for prompt_set in library().sets for prompt in prompt_set.prompts]


def test_the_stages_follow_the_arc_of_a_session():
    lib = library()
    assert [(s.key, s.kind) for s in lib.stages] == [
        ("before", BEFORE),
        ("same_day", AFTER),
        ("next_day", AFTER),
        ("three_days", AFTER),
        ("one_week", AFTER),
        ("one_month", AFTER),
    ]
    assert [s.offset_days for s in lib.stages] == [-2, 0, 1, 3, 7, 30]
    assert lib.get_set("hard").kind == HARD and lib.get_set("hard") not in lib.stages
    assert [s.key for s in lib.sets if s.offers_hard] == ["same_day"] and lib.intention_prompt == "bf-intention"
    assert all(3 <= len(s.prompts) <= 6 for s in lib.sets)
    assert all(s.window_days >= 1 for s in lib.sets)


def test_all_six_domains_are_themes_asked_about_and_old_themes_keep_a_domain():
    lib = library()
    assert set(lib.domains) == DOMAINS
    assert {lib.domain_of(p.theme) for p in every_prompt()} == DOMAINS
    assert VERSION_1_THEMES <= lib.themes.keys()
    assert {lib.domain_of(theme) for theme in VERSION_1_THEMES} <= DOMAINS
    assert lib.domain_of("no-such-theme") is None


def test_theme_labels_are_true_to_their_prompts():
    lib = library()
    one_word = lib.prompt("sd-word")
    assert lib.themes[one_word.theme].name == "How it feels"  # not "Emotional breakthrough"
    assert lib.themes[lib.prompt("td-memory").theme].name == "Memory"
    assert lib.themes[lib.prompt("ow-outdoors").theme].domain == "nature"


def test_the_preparation_set_asks_intention_hopes_fears_support_and_for_the_therapist():
    before = library().get_set("before")
    texts = " ".join(p.text for p in before.prompts).lower()
    for words in ("bring into this session", "helped with one thing", "worrying", "support", "therapist to know"):
        assert words in texts


def test_the_hard_set_grounds_first_and_never_asks_to_relive():
    hard = library().get_set("hard")
    assert [p.theme for p in hard.prompts[:2]] == ["grounding", "grounding"]
    assert "five things you can see" in hard.prompts[0].text and "breath" in hard.prompts[1].text
    assert "do not need to go back into it" in hard.intro and "stop whenever you like" in hard.intro
    texts = " ".join(p.text for p in hard.prompts).lower()
    assert "no need to describe it" in texts
    assert not re.search(r"\b(relive|in detail|tell the story|walk through)\b", texts)


def test_the_article_themes_are_there():
    memory = library().prompt("td-memory")
    assert "old memory come back differently" in memory.text and "less pain" in memory.text
    assert "numb" in library().prompt("ow-avoid").text


def test_the_wording_is_warm_and_never_a_reproach():
    lib = library()
    texts = [p.text for p in every_prompt()] + [s.intro for s in lib.sets]
    texts += [text for s in lib.sets for text in s.intro_variants.values()]
    texts += [text for p in every_prompt() for text in p.variants.values()]
    for text in texts:
        assert not re.search(r"\b(overdue|missed|should|must|failed|behind|late)\b", text, re.IGNORECASE), text
    assert all(len(p.text.split()) <= 15 for p in lib.get_set("same_day").prompts)
    assert lib.get_set("same_day").intro.startswith("Only if you feel up to it")


def test_medicine_aware_wording_replaces_only_what_differs():
    before = library().get_set("before")
    plain = {p.id: p.text for p in before.prompts}
    spray = {p.id: p.text for p in before.for_medicine(Medicine.ESKETAMINE_NASAL.value).prompts}
    lozenge = {p.id: p.text for p in before.for_medicine(Medicine.KETAMINE_ORAL.value).prompts}
    mdma = {p.id: p.text for p in before.for_medicine(Medicine.MDMA.value).prompts}
    assert "not to drive" in spray["bf-support"] and "at home" in lozenge["bf-support"]
    assert "most of a day" in mdma["bf-support"]
    for wording in (spray, lozenge, mdma):
        assert {k: v for k, v in wording.items() if k != "bf-support"} == {
            k: v for k, v in plain.items() if k != "bf-support"
        }
    assert before.for_medicine(Medicine.OTHER.value) == before and before.for_medicine(None) == before
    assert "no driving" in library().get_set("same_day").for_medicine(Medicine.KETAMINE_IV.value).intro
    assert library().groups_of("ketamine_iv") == ("ketamine_iv", "clinic_ketamine")


def test_recalls_quote_an_earlier_stage_of_the_same_session():
    lib = library()
    recalling = [p for p in every_prompt() if p.recall]
    assert {p.recall for p in recalling} >= {"intention", "td-practice", "ow-image"}
    for prompt in recalling:
        if prompt.recall != "intention":
            assert lib.set_of(prompt.recall).offset_days < lib.set_of(prompt.id).offset_days, prompt.id


@pytest.mark.parametrize(
    "broken, message",
    [
        (lambda p: replace(p, theme="nowhere"), "unknown theme"),
        (lambda p: replace(p, recall="no-such-prompt"), "recalls an unknown prompt"),
        (lambda p: replace(p, variants={"ayahuasca": "x"}), "unknown medicines"),
    ],
)
def test_a_broken_library_is_refused(broken, message):
    lib = library()
    first, *rest = lib.sets
    bad = replace(lib, sets=(replace(first, prompts=(broken(first.prompts[0]), *first.prompts[1:])), *rest))
    with pytest.raises(ValueError, match=message):
        _check(bad, MEDICINES)
    _check(lib, MEDICINES)


def test_sets_have_three_to_six_prompts_and_ids_are_unique():
    lib = library()
    first, *rest = lib.sets
    with pytest.raises(ValueError, match="3 to 6"):
        _check(replace(lib, sets=(replace(first, prompts=first.prompts[:2]), *rest)), MEDICINES)
    extra = Prompt(first.prompts[0].id, "body", "Again?")
    with pytest.raises(ValueError, match="unique"):
        _check(replace(lib, sets=(replace(first, prompts=(*first.prompts[:3], extra)), *rest)), MEDICINES)


def test_the_file_is_versioned():
    raw = json.loads(resources.files("journal").joinpath("data/prompts.json").read_text())
    assert raw["version"] == library().version == 2


def test_only_a_set_with_looking_back_words_changes_after_its_first_day():
    same_day, next_day = library().get_set("same_day"), library().get_set("next_day")
    assert same_day.on_day(0) is same_day and next_day.on_day(2) is next_day
    late = same_day.on_day(1)
    assert late.key == same_day.key and late.name != same_day.name
    assert [p.id for p in late.prompts] == [p.id for p in same_day.prompts]
