"""A Day One export reads as it did in Day One: the first line is the title, Markdown escapes are undone, and
photos come in as pictures (re-encoded, without EXIF or location) in the order their placeholders stood."""

from __future__ import annotations

import io
import json

from PIL import Image
from sqlalchemy import select

from journal.extensions import db
from journal.models import Entry, EntryPicture
from journal.pictures.services import picture_bytes
from tests.export.test_importing import upload, zipped
from tests.pictures.images import GPS_IFD, drawing, photo

# Shaped like a real iPhone export: most entries start with a photo, escapes everywhere, a first line without "#".
JOURNAL = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "A1",
            "creationDate": "2021-05-02T07:10:00Z",
            "timeZone": "Europe/Lisbon",
            "text": "# Morning at the river\n\n![](dayone-moment://PHOTO2)\n\nfinally \\.\\. still \\- here\\!\n\n"
            "![](dayone-moment://PHOTO1)\n",
            "photos": [
                {"identifier": "PHOTO1", "md5": "aaa111", "type": "jpeg", "orderInEntry": 0},
                {"identifier": "PHOTO2", "md5": "bbb222", "type": "png", "orderInEntry": 1},
            ],
        },
        {
            "uuid": "B2",
            "creationDate": "2021-05-03T20:00:00Z",
            "text": "![](dayone-moment://PHOTO3)\n\nWalked to the sea\\. Cold \\(but kind\\)\\.\nThen home\\.",
            "photos": [{"identifier": "PHOTO3", "md5": "ccc333", "type": "jpeg"}],
        },
        {
            "uuid": "C3",
            "creationDate": "2021-05-04T20:00:00Z",
            "text": "Only a video today\n![](dayone-moment:/video/VID1)\n1\\. breathe",
            "videos": [{"identifier": "VID1", "md5": "ddd444", "type": "mov"}],
        },
    ],
}
GPS_PHOTO = photo(1600, 1200, orientation=6)  # taken sideways, with EXIF and where it was taken


def export(with_photos: bool = True) -> bytes:
    files = {"Journal.json": json.dumps(JOURNAL).encode()}
    if with_photos:  # PHOTO3's file is missing, as when a photo never synced
        files |= {"photos/aaa111.jpeg": GPS_PHOTO, "photos/bbb222.png": drawing(400, 300)}
    return zipped(files)


def imported(app) -> dict[str, tuple]:
    from journal.entries.services import open_entry

    with app.app_context():
        result = {}
        for row in db.session.scalars(select(Entry).order_by(Entry.created_at)):
            content = open_entry(row).content
            pictures = db.session.scalars(
                select(EntryPicture).where(EntryPicture.entry_id == row.id).order_by(EntryPicture.position)
            ).all()
            result[content.title] = (content.answers[0].text, [picture_bytes(p) for p in pictures])
        return result


def test_day_one_text_reads_as_it_did_in_day_one(app, client, patient):
    response = upload(client, export(), "Export.zip")
    assert response.status_code == 302
    page = client.get("/settings").get_data(as_text=True)
    assert "Imported 3 entries and 2 pictures from Day One." in page
    assert (
        "<li>1 photo: not in the zip</li>" in page
        and "<li>1 video: this app keeps words and pictures only</li>" in page
    )
    entries = imported(app)
    assert list(entries) == ["Morning at the river", "Walked to the sea. Cold (but kind).", "Only a video today"]
    river, sea, video = entries.values()
    assert river[0] == "finally .. still - here!"
    assert sea[0] == "Then home."
    assert video[0] == "1. breathe"
    assert not any("dayone-moment" in text or "\\" in text for text, _ in entries.values())


def test_day_one_photos_become_pictures_in_placeholder_order_without_exif(app, client, patient):
    upload(client, export(), "Export.zip")
    river, sea, video = imported(app).values()
    assert sea[1] == [] and video[1] == []  # PHOTO3 is not in the zip; a video is not a picture
    drawn, taken = (Image.open(io.BytesIO(data)) for data in river[1])
    assert drawn.format == "PNG" and drawn.size == (400, 300)  # PHOTO2's placeholder stood first
    assert taken.format == "JPEG" and taken.size == (1200, 1600)  # turned upright
    assert dict(taken.getexif()) == {} and taken.getexif().get_ifd(GPS_IFD) == {}
    assert b"PhoneMaker" not in river[1][1]
    upload(client, export(), "Export.zip")  # importing again adds neither entries nor pictures
    with app.app_context():
        assert len(db.session.scalars(select(EntryPicture.id)).all()) == 2


def test_without_the_photos_folder_placeholders_go_and_photos_are_counted(app, client, patient):
    upload(client, export(with_photos=False), "Export.zip")
    page = client.get("/settings").get_data(as_text=True)
    assert "Imported 3 entries from Day One." in page and "<li>3 photos: not in the zip</li>" in page
    river, sea, _ = imported(app).values()
    assert river == ("finally .. still - here!", []) and sea[1] == []
