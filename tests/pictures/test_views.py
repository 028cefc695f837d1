"""Pictures of an entry: added whole or not at all, sealed, shown only to its author and to a therapist it is
shared with."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import EntryPicture, Role
from tests.conftest import login_client
from tests.pictures.images import drawing, photo

BOUNDARY = "picture-boundary-7f3c"


def multipart(fields: dict, files) -> bytes:
    """A multipart body built in memory (the test client would spool a large one to a file of its own)."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, content in files:
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="pictures"; filename="{name}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def upload(client, entry_id, *files):
    body = multipart({"csrf_token": client.csrf_token()}, files)
    return client.post(
        f"/entries/{entry_id}/pictures", data=body, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )


def picture_ids(app, entry_id) -> list:
    with app.app_context():
        return list(
            db.session.scalars(
                select(EntryPicture.id).where(EntryPicture.entry_id == entry_id).order_by(EntryPicture.position)
            )
        )


def test_add_pictures_see_them_and_they_are_sealed(app, client, patient, journal):
    entry_id = journal.entry(patient.id, "by the lake")
    assert "Add pictures or drawings" in client.get(f"/entries/{entry_id}").get_data(as_text=True)
    response = upload(client, entry_id, ("lake.jpg", photo(orientation=6)), ("sketch.png", drawing()))
    assert response.status_code == 302
    first, second = picture_ids(app, entry_id)
    page = client.get(f"/entries/{entry_id}").get_data(as_text=True)
    assert page.count('<img src="/pictures/') == 2 and 'alt="Picture 1 of 2 in this entry"' in page
    shown = client.get(f"/pictures/{first}")
    assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
    assert shown.headers["Cache-Control"] == "no-store" and shown.headers["X-Content-Type-Options"] == "nosniff"
    assert shown.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert b"PhoneMaker" not in shown.data and shown.data.startswith(b"\xff\xd8\xff")
    assert client.get(f"/pictures/{second}").mimetype == "image/png"
    with app.app_context():
        row = db.session.get(EntryPicture, first)
        assert not row.sealed.startswith(b"\xff\xd8") and shown.data not in row.sealed
        assert (row.width, row.height) == (900, 1200)


def test_uploads_never_touch_the_disk(app, client, patient, journal, monkeypatch):
    import werkzeug.formparser

    entry_id = journal.entry(patient.id)
    spooled = []
    real = werkzeug.formparser.SpooledTemporaryFile  # Werkzeug's default: a file on disk past 500 KB
    monkeypatch.setattr(werkzeug.formparser, "SpooledTemporaryFile", lambda *a, **k: spooled.append(1) or real(*a, **k))
    big = photo(2400, 1800, colour=(10, 200, 30))
    assert len(big) > 0 and upload(client, entry_id, ("big.jpg", big + b"\x00" * 600_000)).status_code == 302
    assert spooled == []


def test_one_bad_file_means_none_is_added(app, client, patient, journal):
    entry_id = journal.entry(patient.id)
    response = upload(client, entry_id, ("good.jpg", photo()), ("notes.txt", b"words, not a picture"))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "Picture 2: That file is not a picture we can open" in body and "Nothing was added" in body
    assert picture_ids(app, entry_id) == []
    assert upload(client, entry_id).status_code == 422  # nothing chosen


def test_an_entry_holds_ten_pictures(app, client, patient, journal):
    entry_id = journal.entry(patient.id)
    assert upload(client, entry_id, *[(f"{n}.jpg", photo(40, 30)) for n in range(9)]).status_code == 302
    response = upload(client, entry_id, ("a.jpg", photo(40, 30)), ("b.jpg", photo(40, 30)))
    assert response.status_code == 422 and "room for 1 more" in response.get_data(as_text=True)
    assert upload(client, entry_id, ("a.jpg", photo(40, 30))).status_code == 302
    assert len(picture_ids(app, entry_id)) == 10
    assert 'type="file"' not in client.get(f"/entries/{entry_id}/pictures").get_data(as_text=True)


def test_an_upload_may_be_larger_than_other_requests_but_not_without_bound(app, client, patient, journal):
    entry_id = journal.entry(patient.id)
    padded = photo() + b"\x00" * (9 * 1024 * 1024)  # a decoder stops at the picture's end
    assert app.config["MAX_CONTENT_LENGTH"] < 2 * len(padded)
    assert upload(client, entry_id, ("a.jpg", padded), ("b.jpg", padded)).status_code == 302
    assert len(picture_ids(app, entry_id)) == 2
    with app.test_request_context("/entries/new", method="POST"):  # everywhere else, the usual limit
        from flask import request

        assert request.max_content_length == app.config["MAX_CONTENT_LENGTH"]
    response = upload(client, entry_id, ("huge.jpg", b"\xff\xd8\xff" + b"\x00" * (41 * 1024 * 1024)))
    assert response.status_code == 413
    assert len(picture_ids(app, entry_id)) == 2


def test_removing_asks_first(app, client, patient, journal):
    entry_id = journal.entry(patient.id)
    upload(client, entry_id, ("a.jpg", photo()))
    (picture,) = picture_ids(app, entry_id)
    page = client.get(f"/pictures/{picture}/remove").get_data(as_text=True)
    assert "Remove this picture?" in page and "the entry and its words stay" in page
    assert client.post_form(f"/pictures/{picture}/remove").status_code == 302
    assert picture_ids(app, entry_id) == [] and client.get(f"/pictures/{picture}").status_code == 404


def test_only_the_author_and_a_therapist_it_is_shared_with_see_a_picture(
    app, client, patient, journal, make_user, sharing
):
    entry_id = journal.entry(patient.id)
    upload(client, entry_id, ("a.jpg", photo()))
    (picture,) = picture_ids(app, entry_id)
    shared = make_user(Role.THERAPIST, email="shared@example.org")
    unshared = make_user(Role.THERAPIST, email="unshared@example.org")
    make_user(email="other@example.org")
    for therapist in (shared, unshared):
        sharing.connect(patient.id, therapist.id)
    sharing.share(entry_id, shared.id)
    therapist = login_client(app, "shared@example.org")
    assert therapist.get(f"/therapist/pictures/{picture}").status_code == 200
    assert f'src="/therapist/pictures/{picture}"' in therapist.get(f"/therapist/entries/{entry_id}").get_data(
        as_text=True
    )
    assert therapist.get(f"/pictures/{picture}").status_code == 404  # the author's address is the author's
    assert login_client(app, "unshared@example.org").get(f"/therapist/pictures/{picture}").status_code == 404
    other = login_client(app, "other@example.org")
    for url in (f"/pictures/{picture}", f"/pictures/{picture}/remove", f"/entries/{entry_id}/pictures"):
        assert other.get(url).status_code == 404
    assert upload(other, entry_id, ("b.jpg", photo())).status_code == 404
    assert other.post_form(f"/pictures/{picture}/remove").status_code == 404
    # In the trash, nobody sees it; unshared, the therapist no longer does.
    client.post_form(f"/entries/{entry_id}/delete")
    assert client.get(f"/pictures/{picture}").status_code == 404
    assert therapist.get(f"/therapist/pictures/{picture}").status_code == 404


def test_pictures_go_with_their_entry_deleted_for_good(app, client, patient, journal):
    entry_id = journal.entry(patient.id)
    upload(client, entry_id, ("a.jpg", photo()))
    client.post_form(f"/entries/{entry_id}/delete")
    client.post_form(f"/trash/{entry_id}/delete")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(EntryPicture)) == 0


@pytest.mark.parametrize("who", ["patient", "therapist"])
def test_pictures_are_in_the_pdf(app, client, patient, journal, make_user, sharing, who):
    entry_id = journal.entry(patient.id, "the lake at dusk")
    upload(client, entry_id, ("a.jpg", photo()), ("b.png", drawing()))
    if who == "patient":
        response = client.post_form("/export", {"scope": "all", "include_checkins": "y", "paper_size": "a4"})
    else:
        therapist = make_user(Role.THERAPIST, email="t@example.org")
        sharing.connect(patient.id, therapist.id)
        sharing.share(entry_id, therapist.id)
        response = login_client(app, "t@example.org").post_form(
            f"/therapist/patients/{patient.id}/export", {"paper_size": "a4"}
        )
    reader = PdfReader(io.BytesIO(response.data))
    assert sum(len(page.images) for page in reader.pages) == 2


def test_pictures_travel_in_the_export_zip_and_come_back_on_import(app, client, patient, journal, make_user):
    import json
    import zipfile

    import jsonschema

    from tests.export.test_archive import SCHEMA, download
    from tests.export.test_importing import upload as import_upload
    from tests.export.test_importing import zipped

    entry_id = journal.entry(patient.id, "the lake at dusk")
    upload(client, entry_id, ("a.jpg", photo(orientation=6)), ("b.png", drawing()))
    with zipfile.ZipFile(io.BytesIO(download(client).fp.getvalue())) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(files["journal.json"])
    jsonschema.validate(document, SCHEMA)
    (entry,) = document["entries"]
    assert entry["pictures"] == [f"pictures/{entry_id}-1.jpg", f"pictures/{entry_id}-2.png"]
    assert all(name in files for name in entry["pictures"])
    assert f"![Picture 1](../pictures/{entry_id}-1.jpg)" in next(
        data.decode() for name, data in files.items() if name.startswith("entries/")
    )

    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    assert import_upload(fresh, zipped(files)).status_code == 302
    with app.app_context():
        imported = db.session.scalars(
            select(EntryPicture).where(EntryPicture.owner_id != patient.id).order_by(EntryPicture.position)
        ).all()
        assert [(p.mimetype, p.width, p.height) for p in imported] == [
            ("image/jpeg", 900, 1200),
            ("image/png", 400, 300),
        ]
    # A zip whose picture is not a picture imports nothing at all.
    make_user(email="third@example.org")
    third = login_client(app, "third@example.org")
    broken = {**files, entry["pictures"][0]: b"not a picture"}
    response = import_upload(third, zipped(broken))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Entry 1: Picture 1: That file is not a picture we can open" in page, page[page.find("flash") :][:400]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(EntryPicture)) == 4


def test_a_picture_added_after_a_removal_comes_last(app, client, patient, journal):
    entry_id = journal.entry(patient.id)
    upload(client, entry_id, *[(f"{n}.jpg", photo(40, 30)) for n in range(3)])
    first, middle, last = picture_ids(app, entry_id)
    client.post_form(f"/pictures/{middle}/remove")
    upload(client, entry_id, ("new.jpg", photo(40, 30)))
    *kept, added = picture_ids(app, entry_id)
    assert kept == [first, last] and added not in (first, middle, last)
    with app.app_context():
        positions = list(db.session.scalars(select(EntryPicture.position).where(EntryPicture.entry_id == entry_id)))
        assert len(set(positions)) == 3


def test_the_pixel_cap_is_a_setting(app, client, patient, journal):
    entry_id = journal.entry(patient.id, "by the lake")
    app.config["PICTURE_MAX_PIXELS"] = 100 * 100
    refused = upload(client, entry_id, ("wide.jpg", photo(101, 100)))
    assert refused.status_code == 422 and "too many pixels" in refused.get_data(as_text=True)
    assert upload(client, entry_id, ("small.jpg", photo(100, 100))).status_code == 302
    assert len(picture_ids(app, entry_id)) == 1
