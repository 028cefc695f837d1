"""Which ``next`` targets are safe to redirect to after login."""

from urllib.parse import unquote, urlsplit


def is_safe_next(target: str | None) -> bool:
    """Accept only a path on this site: never another host, however disguised.

    Browsers drop tabs and newlines and read a backslash as a slash, so
    ``/\\host`` and ``/<tab>/host`` would leave the site; both are refused, as
    are their percent-encoded forms.
    """
    if not target:
        return False
    for candidate in (target, unquote(target)):
        if any(ord(char) < 0x20 or ord(char) == 0x7F for char in candidate) or "\\" in candidate:
            return False
        if not candidate.startswith("/") or candidate.startswith("//"):
            return False
        parts = urlsplit(candidate)
        if parts.scheme or parts.netloc:
            return False
    return True
