"""Turn an uploaded file into a picture safe to keep: decoded and re-encoded, nothing else carried over.

Pure functions (Pillow, in memory). A file is accepted only if it decodes as
JPEG, PNG or HEIC/HEIF (an iPhone's photos) within a pixel budget
(``PICTURE_MAX_PIXELS``), read from the header, so a "decompression bomb" is
refused before it is decoded. A JPEG is decoded straight at the smallest scale
that still gives ``MAX_SIDE`` pixels (``draft``), and any picture is scaled
down (``reduce``, then resampling) before anything else is done to it, so one
large photo costs one decoded copy, not four. The picture is turned upright
(EXIF orientation), drawn onto a fresh image and saved anew: EXIF, GPS, camera
and any other metadata are simply never copied. Photos become JPEG; pictures with transparency (a
drawing) PNG.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass

import pillow_heif
from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

pillow_heif.register_heif_opener()

MAX_BYTES = 10 * 1024 * 1024  # per file, as uploaded
MAX_PIXELS = 50_000_000  # the default of PICTURE_MAX_PIXELS: a 48-megapixel phone photo decodes
MAX_SIDE = 2048  # longest side kept
JPEG_QUALITY = 85
ACCEPTED = {"JPEG": "JPEG", "PNG": "PNG", "HEIF": "HEIC", "MPO": "JPEG"}  # MPO: a phone's JPEG with a depth map


class PictureRefused(ValueError):
    """The file is not a picture we can keep; the message says why, in plain words (in the reader's language)."""


def _too_many_pixels() -> PictureRefused:
    return PictureRefused(_("That picture has too many pixels to open safely. Please choose a smaller one."))


@dataclass(frozen=True)
class Prepared:
    data: bytes
    mimetype: str
    width: int
    height: int


# Pillow's own bomb check, for every image it opens: it warns past this (an error inside ``prepare``) and
# refuses past twice this. ``prepare`` refuses past its own cap first; a higher configured cap raises this one.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def allow_pixels(max_pixels: int) -> None:
    """Let Pillow's own check pass what the configured cap allows (it is never lowered: it is process-wide)."""
    if max_pixels > (Image.MAX_IMAGE_PIXELS or 0):
        Image.MAX_IMAGE_PIXELS = max_pixels


def prepare(data: bytes, max_pixels: int = MAX_PIXELS) -> Prepared:
    """Check, decode and re-encode one uploaded file, refusing more than ``max_pixels`` before decoding."""
    if not data:
        raise PictureRefused(_("That file is empty."))
    if len(data) > MAX_BYTES:
        raise PictureRefused(_("That file is larger than 10 MB. Please choose a smaller picture."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data))
            if source.format not in ACCEPTED:
                raise PictureRefused(_("Only JPEG, PNG and HEIC pictures can be added."))
            width, height = source.size
            if width * height > max_pixels:
                raise _too_many_pixels()
            source.seek(0)  # the first frame of an animated or multi-picture file
            small = _decode_small(source)
    except PictureRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise PictureRefused(_("That file is not a picture we can open. JPEG, PNG and HEIC work.")) from None
    except (OSError, ValueError, SyntaxError):
        raise PictureRefused(_("That picture seems damaged and could not be opened.")) from None
    return _reencode(small)


def _decode_small(source: Image.Image) -> Image.Image:
    """Decode at most ``MAX_SIDE`` pixels a side: a JPEG at a smaller scale (``draft``), then ``reduce``
    by whole factors and resample, in place; the full-size pixels are let go as soon as they are read."""
    scale = MAX_SIDE / max(source.size)
    if scale < 1:  # Pillow's thumbnail drafts for a square box, which a landscape photo never fills
        source.draft(None, (math.ceil(source.width * scale), math.ceil(source.height * scale)))
    if source.mode not in ("RGB", "RGBA", "L", "LA"):  # palette, 16-bit, CMYK: resampled well only once converted
        source = source.convert("RGBA" if _has_alpha(source) else "RGB")
    source.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)  # reduce() by whole factors first
    return source


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _reencode(source: Image.Image) -> Prepared:
    keeps_alpha = _has_alpha(source)
    mode = "RGBA" if keeps_alpha else "RGB"
    upright = ImageOps.exif_transpose(source)
    fresh = Image.new(mode, upright.size)  # a new image: only pixels cross over, never metadata
    fresh.paste(upright.convert(mode))
    out = io.BytesIO()
    if keeps_alpha:
        fresh.save(out, "PNG", optimize=True)
        mimetype = "image/png"
    else:
        fresh.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        mimetype = "image/jpeg"
    return Prepared(out.getvalue(), mimetype, fresh.width, fresh.height)
