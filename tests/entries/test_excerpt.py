from journal.entries.content import Answer, EntryContent
from journal.entries.excerpt import excerpt


def content(*texts, note="") -> EntryContent:
    return EntryContent(
        title="A title with river", answers=[Answer(None, None, None, t) for t in texts], after_effects_note=note
    )


def marked(pieces) -> str:
    return "".join(f"[{text}]" if hit else text for text, hit in pieces)


def test_the_first_match_with_some_words_around_it():
    assert (
        marked(excerpt(content("A quiet day by the River, then home."), "river"))
        == "A quiet day by the [River], then home."
    )


def test_prefixes_accents_and_every_matched_word_are_marked():
    found = marked(excerpt(content("Le café était calme; Cafés again."), "cafe"))
    assert found == "Le [café] était calme; [Cafés] again."
    assert marked(excerpt(content("go on, an ocean"), "an")) == "go on, [an] ocean"  # short words whole only


def test_long_texts_are_cut_on_spaces_with_ellipses():
    text = "word " * 40 + "river " + "after " * 60
    result = marked(excerpt(content(text), "river"))
    assert result.startswith("… word") and result.endswith("after …") and "[river]" in result
    assert len(result) < 220


def test_the_note_is_searched_and_a_title_or_tag_match_gives_no_excerpt():
    assert marked(excerpt(content("nothing", note="the river ached"), "river")) == "the [river] ached"
    assert excerpt(content("nothing here"), "river") == []
    assert excerpt(content("river"), "") == []
