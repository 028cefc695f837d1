"""Turn an uploaded file into a picture safe to keep: decoded and re-encoded, nothing else carried over.

Pure functions (Pillow, in memory). A file is accepted only if it decodes as
JPEG, PNG or HEIC/HEIF (an iPhone's photos) within a pixel budget, so a
"decompression bomb" is refused before it is decoded. The picture is turned
upright (EXIF orientation), drawn onto a fresh image, scaled down to at most
``MAX_SIDE`` pixels, and saved anew: EXIF, GPS, camera and any other metadata
are simply never copied. Photos become JPEG; pictures with transparency (a
drawing) PNG.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

pillow_heif.register_heif_opener()

MAX_BYTES = 10 * 1024 * 1024  # per file, as uploaded
MAX_PIXELS = 50_000_000  # a 50-megapixel photo decodes; more is refused before decoding
MAX_SIDE = 2048  # longest side kept
JPEG_QUALITY = 85
ACCEPTED = {"JPEG": "JPEG", "PNG": "PNG", "HEIF": "HEIC", "MPO": "JPEG"}  # MPO: a phone's JPEG with a depth map


class PictureRefused(ValueError):
    """The file is not a picture we can keep; the message says why, in plain words."""


@dataclass(frozen=True)
class Prepared:
    data: bytes
    mimetype: str
    width: int
    height: int


def prepare(data: bytes) -> Prepared:
    """Check, decode and re-encode one uploaded file."""
    if not data:
        raise PictureRefused("That file is empty.")
    if len(data) > MAX_BYTES:
        raise PictureRefused("That file is larger than 10 MB. Please choose a smaller picture.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data))
            if source.format not in ACCEPTED:
                raise PictureRefused("Only JPEG, PNG and HEIC pictures can be added.")
            width, height = source.size
            if width * height > MAX_PIXELS:
                raise PictureRefused("That picture has too many pixels to open safely.")
            source.seek(0)  # the first frame of an animated or multi-picture file
            source.load()
    except PictureRefused:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PictureRefused("That file is not a picture we can open. JPEG, PNG and HEIC work.") from None
    except (OSError, ValueError, SyntaxError):
        raise PictureRefused("That picture seems damaged and could not be opened.") from None
    return _reencode(source)


def _reencode(source: Image.Image) -> Prepared:
    upright = ImageOps.exif_transpose(source)
    keeps_alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    mode = "RGBA" if keeps_alpha else "RGB"
    fresh = Image.new(mode, upright.size)  # a new image: only pixels cross over, never metadata
    fresh.paste(upright.convert(mode))
    fresh.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if keeps_alpha:
        fresh.save(out, "PNG", optimize=True)
        mimetype = "image/png"
    else:
        fresh.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        mimetype = "image/jpeg"
    return Prepared(out.getvalue(), mimetype, fresh.width, fresh.height)
