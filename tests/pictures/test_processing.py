import io

import pytest
from PIL import Image, JpegImagePlugin

from journal.pictures.processing import MAX_SIDE, PictureRefused, prepare
from tests.pictures.images import GPS_IFD, drawing, photo


def opened(prepared) -> Image.Image:
    return Image.open(io.BytesIO(prepared.data))


def test_a_photo_loses_its_exif_and_location_and_is_turned_upright():
    original = photo(1200, 900, orientation=6)  # taken sideways
    assert b"PhoneMaker" in original
    prepared = prepare(original)
    image = opened(prepared)
    assert (prepared.mimetype, image.format) == ("image/jpeg", "JPEG")
    assert image.size == (prepared.width, prepared.height) == (900, 1200)
    assert dict(image.getexif()) == {} and image.getexif().get_ifd(GPS_IFD) == {}
    assert b"PhoneMaker" not in prepared.data and b"Exif" not in prepared.data
    assert not image.info.get("exif") and not image.info.get("icc_profile")


def test_a_large_photo_is_scaled_down():
    prepared = prepare(photo(4000, 3000))
    assert max(prepared.width, prepared.height) == MAX_SIDE and opened(prepared).size == (2048, 1536)


def test_a_drawing_keeps_its_transparency_as_png():
    prepared = prepare(drawing())
    image = opened(prepared)
    assert prepared.mimetype == "image/png" and image.mode == "RGBA" and image.getpixel((0, 0))[3] == 0


def test_a_heic_photo_is_converted_to_jpeg():
    prepared = prepare(photo(640, 480, fmt="HEIF"))
    assert prepared.mimetype == "image/jpeg" and opened(prepared).size == (640, 480)
    assert b"PhoneMaker" not in prepared.data


def test_too_many_pixels_are_refused_before_decoding(monkeypatch):
    upload = photo(101, 100)
    decoded = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(1))
    with pytest.raises(PictureRefused, match="too many pixels"):
        prepare(upload, max_pixels=100 * 100)
    assert decoded == []


def test_a_large_jpeg_is_decoded_at_a_smaller_scale(monkeypatch):
    """49 megapixels decoded whole took 750 MB at peak; drafted, tens of MB."""
    decoded = []
    load = JpegImagePlugin.JpegImageFile.load

    def spy(self):
        decoded.append(self.size)
        return load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", spy)
    prepared = prepare(photo(8192, 6000))
    assert decoded[0] == (2048, 1500) and (8192, 6000) not in decoded  # the whole photo never sits in memory
    assert (prepared.width, prepared.height) == (2048, 1500)


def test_pillows_own_bomb_check_is_an_error_not_a_warning(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 50 * 50)  # Pillow warns past this, refuses past twice
    with pytest.raises(PictureRefused):
        prepare(photo(60, 60))


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"just some words, not a picture", "not a picture"),
        (b"GIF89a" + b"\x00" * 40, "not a picture"),
        (b"%PDF-1.7 not a picture", "not a picture"),
    ],
)
def test_files_that_are_not_pictures_are_refused_plainly(data, message):
    with pytest.raises(PictureRefused, match=message):
        prepare(data)


def test_other_formats_and_damaged_files_are_refused():
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    with pytest.raises(PictureRefused, match="Only JPEG, PNG and HEIC"):
        prepare(gif.getvalue())
    with pytest.raises(PictureRefused, match="damaged"):
        prepare(photo()[:600])


def test_files_over_ten_megabytes_are_refused():
    with pytest.raises(PictureRefused, match="larger than 10 MB"):
        prepare(b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024))
