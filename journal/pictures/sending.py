"""The one way a picture leaves the server: decrypted in memory, never cached, never sniffed."""

from __future__ import annotations

from flask import Response

from journal.models import EntryPicture
from journal.pictures.services import picture_bytes

EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}


def send_picture(picture: EntryPicture) -> Response:
    """Answer with the picture; the caller has decided that the asker may see it."""
    response = Response(picture_bytes(picture), mimetype=picture.mimetype)
    response.headers["Content-Disposition"] = f'inline; filename="picture.{EXTENSIONS[picture.mimetype]}"'
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return response  # Cache-Control: no-store and nosniff are added to every response (journal.security)
