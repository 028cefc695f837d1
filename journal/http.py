"""Small helpers about the request and response, shared by every area of the app."""

from __future__ import annotations

import io

from flask import Request, current_app, request


def wants_json() -> bool:
    """Tell whether the client asked for JSON (the autosave script and the re-login dialog do)."""
    return request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"


FORM_ROOM = 64 * 1024  # a form's other fields and its multipart headers, beside the file


def allow_bytes(limit: int | str):
    """Let one view read a larger request than ``MAX_CONTENT_LENGTH`` (picture uploads, imports).

    ``limit`` is a number of bytes, or the name of the config setting that holds a file's limit: the
    request then gets ``FORM_ROOM`` more for the rest of the form, so a file just over the setting
    meets the view's own, plainer refusal rather than a 413.

    Set on the view rather than inside it: the CSRF check reads the form before any view runs.
    """

    def decorate(view):
        view.max_content_length = limit
        return view

    return decorate


class InMemoryRequest(Request):
    """Uploaded files stay in memory, never in a temporary file; a view may allow a larger body.

    Werkzeug spools an upload over 500 KB to a file on disk; a picture of a
    journal must never touch the disk unencrypted. Uploads are bounded by the
    request limit: ``MAX_CONTENT_LENGTH``, or a view's own (``allow_bytes``).
    """

    @property
    def max_content_length(self) -> int | None:
        view = current_app.view_functions.get(self.endpoint or "") if current_app else None
        limit = getattr(view, "max_content_length", None)
        if isinstance(limit, str):
            limit = current_app.config[limit] + FORM_ROOM
        return limit or super().max_content_length

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()
