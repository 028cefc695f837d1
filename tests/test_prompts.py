import json
from importlib import resources

from journal.prompts import library

THEMES = {"distance", "dreamlike", "insight", "breakthrough", "body", "forward", "intention"}


def test_library_has_the_stages_of_integration():
    lib = library()
    assert [s.key for s in lib.sets] == ["same_day", "next_day", "three_days", "one_week", "one_month"]
    assert all(3 <= len(s.prompts) <= 6 for s in lib.sets)
    assert set(lib.themes) == THEMES
    assert {p.theme for s in lib.sets for p in s.prompts} == THEMES  # every theme is asked about
    assert lib.preparation


def test_same_day_prompts_are_short_and_gentle():
    same_day = library().get_set("same_day")
    assert all(len(p.text.split()) <= 15 for p in same_day.prompts)
    assert "Only if you feel up to it" in same_day.intro


def test_prompt_ids_are_unique_and_the_file_is_versioned():
    ids = [p.id for s in library().sets for p in s.prompts]
    assert len(ids) == len(set(ids))
    raw = json.loads(resources.files("journal").joinpath("data/prompts.json").read_text())
    assert isinstance(raw["version"], int) and raw["version"] == library().version
