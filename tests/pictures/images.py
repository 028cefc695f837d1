"""Pictures made in memory for the tests: a phone photo with its metadata, a drawing, a HEIC."""

import io

from PIL import Image

GPS_IFD = 0x8825


def photo(width=1200, height=900, *, orientation=1, fmt="JPEG", colour=(180, 120, 60)) -> bytes:
    """A photo with EXIF as a phone writes it: orientation, camera, and where it was taken."""
    image = Image.new("RGB", (width, height), colour)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)})
    out = io.BytesIO()
    if fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    image.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def drawing(width=400, height=300) -> bytes:
    """A drawing with a transparent background."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image.paste((30, 60, 90, 255), (50, 50, 200, 150))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
