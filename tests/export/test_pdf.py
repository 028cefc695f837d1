import io
import re
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from journal.extensions import db
from journal.models import AccessAction, AccessLog, Role
from tests.conftest import PASSWORD, login_client

START = datetime(2026, 3, 2, 9, tzinfo=UTC)


def read(response) -> PdfReader:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    return PdfReader(io.BytesIO(response.data))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def export(client, **fields):
    data = {"scope": "all", "include_checkins": "y", "include_replies": "y", "paper_size": "a4", **fields}
    return client.post_form("/export", data)


@pytest.fixture
def diary(make_user, journal):
    patient = make_user(email="p@example.org", display_name="Pat Example")
    first = journal.session(patient.id, occurred_at=START, intention="To soften")
    second = journal.session(patient.id, occurred_at=START + timedelta(days=14), intention="To rest")
    ids = {
        "a": journal.entry(
            patient.id, "alpha words", title="Alpha", session_id=first, created_at=START + timedelta(hours=5), mood=2
        ),
        "b": journal.entry(
            patient.id, "bravo words", title="Bravo", session_id=first, created_at=START + timedelta(days=1)
        ),
        "c": journal.entry(
            patient.id, "charlie words", title="Charlie", session_id=second, created_at=START + timedelta(days=15)
        ),
        "d": journal.entry(patient.id, "delta words", title="Delta", created_at=START + timedelta(days=20)),
        "gone": journal.entry(patient.id, "trashed words", title="Gone", created_at=START + timedelta(days=2)),
    }
    client = login_client(journal.app, "p@example.org")
    client.post_form(f"/entries/{ids['gone']}/delete")
    return patient, client, ids, (first, second)


def test_whole_journal_in_session_and_date_order(app, diary):
    patient, client, ids, _ = diary
    response = export(client)
    assert re.fullmatch(
        r'attachment; filename="integration-journal-\d{4}-\d{2}-\d{2}\.pdf"', response.headers["Content-Disposition"]
    )
    assert response.headers["Cache-Control"] == "no-store"
    reader = read(response)
    text = text_of(reader)
    positions = [text.index(word) for word in ("alpha words", "bravo words", "charlie words", "delta words")]
    assert positions == sorted(positions)
    assert "trashed words" not in text
    assert "Confidential — contains health information" in text
    assert "Contents" in text and re.search(r"page 2 of \d+", text)
    assert "To soften" in text  # each session is headed by its intention
    assert outline_titles(reader) == [
        "Progress",
        "Session of 2 March 2026",
        "Alpha",
        "Bravo",
        "Session of 16 March 2026",
        "Charlie",
        "Entries not tied to a session",
        "Delta",
    ]
    meta = reader.metadata
    assert meta.title == "Integration Journal" and meta.author == "Pat Example"
    assert "Integration Journal" in meta.subject and meta.creation_date is not None
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4


def test_letter_paper_is_remembered(app, diary):
    patient, client, _, _ = diary
    reader = read(export(client, paper_size="letter"))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert 'value="letter" checked' in client.get("/export").get_data(
        as_text=True
    ) or 'checked id="paper_size-1"' in client.get("/export").get_data(as_text=True)


def test_date_range_session_and_chosen_entries(app, diary):
    patient, client, ids, (first, second) = diary
    ranged = text_of(read(export(client, scope="range", date_from="2026-03-03", date_to="2026-03-18")))
    assert "bravo words" in ranged and "charlie words" in ranged
    assert "alpha words" not in ranged and "delta words" not in ranged
    session_only = text_of(read(export(client, scope="session", session=str(second))))
    assert "charlie words" in session_only and "alpha words" not in session_only
    chosen = text_of(read(export(client, scope="chosen", entries=[str(ids["a"]), str(ids["d"])])))
    assert "alpha words" in chosen and "delta words" in chosen and "bravo words" not in chosen


def test_without_checkins_and_replies(app, diary, make_user, sharing):
    patient, client, ids, _ = diary
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    sharing.connect(patient.id, therapist.id)
    sharing.share(ids["a"], therapist.id)
    login_client(app, "t@example.org").post_form(f"/therapist/entries/{ids['a']}/replies", {"text": "reply words"})
    full = text_of(read(export(client)))
    assert "Mood" in full and "reply words" in full
    bare = text_of(read(client.post_form("/export", {"scope": "all", "paper_size": "a4"})))
    assert "Mood" not in bare and "reply words" not in bare and "alpha words" in bare


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"scope": "session"}, "choose a session"),
        ({"scope": "chosen"}, "at least one entry"),
        ({"scope": "range"}, "start date"),
        ({"scope": "range", "date_from": "2026-13-01"}, "like 2026-11-27"),
        ({"scope": "range", "date_from": "2026-05-01", "date_to": "2026-04-01"}, "before the start date"),
    ],
)
def test_bad_choices_are_explained(app, diary, fields, message):
    _, client, _, _ = diary
    response = client.post_form("/export", {"paper_size": "a4", **fields})
    assert response.status_code == 422 and message in response.get_data(as_text=True)


MARKUP = [
    "<b>bold</b>",
    '<font color="red">red</font>',
    "<para>para</para>",
    "&amp;",
    "fish & chips",
    "]]>",
    "<i>unbalanced",
    "</b> stray",
    "<br/>",
    "<a href='x'>link</a>",
]


def test_markup_in_user_text_is_printed_literally(app, make_user, journal):
    patient = make_user(email="p@example.org")
    journal.entry(patient.id, "\n\n".join(MARKUP), title="<title> & co")
    text = text_of(read(export(login_client(app, "p@example.org"))))
    for snippet in MARKUP + ["<title> & co"]:
        assert snippet in text, snippet


def test_line_breaks_paragraphs_and_long_words(app, make_user, journal):
    patient = make_user(email="p@example.org")
    long_word = "x" * 600
    journal.entry(patient.id, f"line one\nline two\n\nsecond paragraph\n\n{long_word}")
    text = text_of(read(export(login_client(app, "p@example.org"))))
    assert "line one\nline two" in text
    assert "second paragraph" in text
    assert text.replace("\n", "").count("x" * 100) >= 6  # the long word wrapped, whole


SCRIPTS = {
    "latin": "Crème brûlée, naïve façade, Ærøskøbing, Łódź",
    "greek": "Καλημέρα κόσμε",
    "cyrillic": "Привет, как дела",
    "hebrew": "שלום עולם",
    "arabic": "مرحبا بالعالم",
    "cjk": "你好世界 こんにちは",
    "emoji": "calm 🌊🌙 waves 👩‍👩‍👧",
}


def test_every_script_renders_or_shows_a_placeholder(app, make_user, journal):
    patient = make_user(email="p@example.org")
    for name, sample in SCRIPTS.items():
        journal.entry(patient.id, f"{name}: {sample}", title=name)
    text = unicodedata.normalize("NFKC", text_of(read(export(login_client(app, "p@example.org")))))
    for name in ("latin", "greek", "cyrillic"):
        assert SCRIPTS[name] in text
    for name in ("hebrew", "arabic"):  # right to left: drawn in visual order, letters all present
        letters = {c for c in unicodedata.normalize("NFKC", SCRIPTS[name]) if c.isalpha()}
        assert letters <= set(text), name
    for name in ("cjk", "emoji"):
        line = next(line for line in text.splitlines() if line.startswith(f"{name}:"))
        assert "\ufffd" in line or all(c in line for c in SCRIPTS[name] if not c.isspace() and ord(c) > 0x2000), line


def test_therapist_exports_only_shared_entries_and_it_is_logged(app, diary, make_user, sharing):
    patient, _, ids, (first, second) = diary
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    sharing.connect(patient.id, therapist.id)
    sharing.share(ids["a"], therapist.id)
    sharing.share(ids["c"], therapist.id)
    sharing.share_session(second, therapist.id)
    client = login_client(app, "t@example.org")
    assert "Export Pat Example" in client.get(f"/therapist/patients/{patient.id}/export").get_data(as_text=True)
    reader = read(
        client.post_form(f"/therapist/patients/{patient.id}/export", {"paper_size": "a4", "include_replies": "y"})
    )
    text = text_of(reader)
    assert "alpha words" in text and "charlie words" in text
    assert "bravo words" not in text and "delta words" not in text and "trashed words" not in text
    assert "To rest" in text and "To soften" not in text  # only the shared session's intention
    with app.app_context():
        assert db.session.scalar(select(AccessLog.action).order_by(AccessLog.id.desc())) == AccessAction.EXPORT

    ranged = text_of(
        read(
            client.post_form(
                f"/therapist/patients/{patient.id}/export", {"paper_size": "a4", "date_from": "2026-03-10"}
            )
        )
    )
    assert "charlie words" in ranged and "alpha words" not in ranged

    stranger = make_user(Role.THERAPIST, email="s@example.org")
    assert (
        login_client(app, "s@example.org")
        .post_form(f"/therapist/patients/{patient.id}/export", {"paper_size": "a4"})
        .status_code
        == 404
    )
    assert stranger.id


def test_export_pdf_command(app, runner, make_user, journal, tmp_path):
    patient = make_user(email="p@example.org")
    journal.entry(patient.id, "from the command line", created_at=START)
    journal.entry(patient.id, "too early", created_at=START - timedelta(days=40))
    out = tmp_path / "journal.pdf"
    result = runner.invoke(args=["export-pdf", "p@example.org", "--out", str(out), "--from", "2026-03-01"])
    assert result.exit_code == 0, result.output
    text = text_of(PdfReader(out))
    assert "from the command line" in text and "too early" not in text
    assert runner.invoke(args=["export-pdf", "nobody@example.org", "--out", str(out)]).exit_code != 0


def test_the_progress_section_shows_questionnaires_and_follows_sharing_for_therapists(app, diary, make_user, sharing):
    patient, client, ids, _ = diary
    client.post_form("/measures/gad-7/new", {f"item{n}": "2" for n in range(1, 8)})
    text = text_of(read(export(client)))
    assert "Progress" in text and "Generalized Anxiety Disorder 7-item scale (GAD-7)" in text
    assert "Latest:" in text and "14 (moderate)" in text
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    connection_id = sharing.connect(patient.id, therapist.id)
    sharing.share(ids["a"], therapist.id)
    doctor = login_client(app, "t@example.org")

    def pdf() -> str:
        return text_of(
            read(
                doctor.post_form(
                    f"/therapist/patients/{patient.id}/export", {"paper_size": "a4", "include_replies": "y"}
                )
            )
        )

    assert "GAD-7" not in pdf()  # not shared
    client.post_form(f"/connections/{connection_id}/measures", {"share_measures": "y"})
    assert "Generalized Anxiety Disorder 7-item scale (GAD-7)" in pdf()


def test_the_progress_section_lists_after_effects_per_session(app, diary, journal):
    patient, client, ids, (first, _) = diary
    journal.entry(
        patient.id, "queasy", session_id=first, created_at=START + timedelta(hours=6), after_effects=["nausea"]
    )
    text = text_of(read(export(client)))
    assert "After-effects by session" in text and "Nausea: 1 day" in text


def test_after_confirming_the_password_the_export_comes_back_with_its_choices(app, make_user, journal, clock):
    """The whole journal asks for the password; afterwards the page keeps what was chosen, to press once more."""
    patient = make_user(email="p@example.org")
    journal.entry(patient.id, "alpha words", title="Alpha")
    clock(START)
    client = login_client(app, "p@example.org")
    clock(START + timedelta(minutes=16))
    asked = client.post_form("/export", {"scope": "all", "paper_size": "letter", "include_replies": "y"})
    assert asked.status_code == 302 and asked.headers["Location"].startswith("/reauth?next=")
    back = client.post_form(asked.headers["Location"], {"password": PASSWORD}).headers["Location"]
    assert back == "/export?resume=1&scope=all&paper_size=letter&include_replies=y"  # choices only, no words
    page = client.get(back).get_data(as_text=True)
    assert "press Download PDF to get your journal" in page
    assert re.search(r'<input checked id="paper_size-1" name="paper_size" type="radio" value="letter">', page)
    assert re.search(r'<input checked id="include_replies" name="include_replies" type="checkbox"', page)
    assert re.search(r'<input id="include_checkins" name="include_checkins" type="checkbox"', page)
    assert 'class="button" autofocus>Download PDF</button>' in page
    pdf = client.post_form("/export", {"scope": "all", "paper_size": "letter", "include_replies": "y"})
    assert pdf.mimetype == "application/pdf"
    assert "press Download PDF" not in client.get("/export").get_data(as_text=True)  # only when coming back


# The reader's language and direction ------------------------------------------------------------------------


def positions(reader: PdfReader, page_number: int) -> list[tuple[str, float]]:
    """Each run of text drawn on a page and the x where it starts, in points."""
    found: list[tuple[str, float]] = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            found.append((text.strip(), cm[0] * tm[4] + cm[2] * tm[5] + cm[4]))

    reader.pages[page_number].extract_text(visitor_text=seen)
    return found


def x_of(found: list[tuple[str, float]], text: str) -> float:
    return next(x for drawn, x in found if text in drawn)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_a_right_to_left_readers_pdf_has_its_labels_on_the_right_and_their_own_text_in_its_own_direction(
    app, make_user, journal, locale, monkeypatch
):
    """The layout, measured on the English words: the Arabic catalog is set aside for this test (its words are
    checked elsewhere), so the same labels are found in both directions."""
    from babel.support import Translations

    from journal.i18n import babel

    with app.app_context():
        monkeypatch.setitem(babel.domain_instance.cache, ("ar", "messages"), Translations())
    patient = make_user(email="p@example.org", display_name="Pat", locale=locale)
    session = journal.session(patient.id, occurred_at=START, intention="To soften")
    journal.entry(patient.id, "alpha words", title="Alpha", session_id=session, created_at=START, tags=["calm"])
    journal.entry(patient.id, "كلمات هادئة في الصباح", title="Beta", session_id=session, created_at=START)
    reader = read(export(login_client(app, "p@example.org")))
    middle = float(reader.pages[0].mediabox.width) / 2
    contents, page = positions(reader, 1), positions(reader, 2)  # after the cover: the contents, then the journal
    # What a person wrote keeps its own direction in either document: English from the left, Arabic (joined,
    # in visual order) from the right.
    assert x_of(page, "alpha words") < middle / 2 and x_of(page, "ﻛﻠﻤﺎﺕ") > middle
    labels = [x_of(page, "Intention"), x_of(page, "Tags: calm"), x_of(contents, "Contents"), x_of(page, "Alpha")]
    running_title, confidential = x_of(page, "Integration Journal · Pat"), x_of(page, "Confidential")
    if locale == "ar":
        assert reader.trailer["/Root"]["/Lang"] == "ar"
        assert all(x > middle for x in labels), labels  # labels and headings end at the right margin
        assert running_title > middle > confidential  # the page header mirrored
        assert x_of(contents, "3") < middle / 2  # the contents' page numbers on the left
    else:
        assert all(x < middle / 2 for x in labels), labels
        assert running_title < middle < confidential
        assert x_of(contents, "3") > middle


def test_a_pdf_is_in_its_readers_language_the_therapists_for_a_therapists_export(app, diary, make_user, sharing):
    patient, client, ids, _ = diary  # an English-speaking patient
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz", locale="de")
    sharing.connect(patient.id, therapist.id)
    sharing.share(ids["a"], therapist.id)
    doctor = login_client(app, "t@example.org")
    response = doctor.post_form(
        f"/therapist/patients/{patient.id}/export", {"paper_size": "a4", "include_replies": "y"}
    )
    text = text_of(read(response))
    assert "2. März 2026" in text and "March" not in text  # the therapist's language, not the patient's
    assert "March" in text_of(read(export(client)))  # the patient's own export: theirs
