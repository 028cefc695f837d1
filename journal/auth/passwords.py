"""Password policy (NIST SP 800-63B, OWASP ASVS 5) and argon2id hashing."""

from __future__ import annotations

import gzip
import string
import unicodedata
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext

MIN_LENGTH = 12
# NIST asks to allow at least 64 and ASVS at least 128; a cap bounds hashing cost.
MAX_LENGTH = 256
SERVICE_WORDS = ("integration journal", "integrationjournal")
_EDGE_CHARS = string.digits + string.punctuation + " "


def normalize_password(password: str) -> str:
    """Apply NFKC so one password typed on two keyboards hashes the same."""
    return unicodedata.normalize("NFKC", password)


def password_problem(password: str, *, context: tuple[str, ...] = ()) -> str | None:
    """Return why a new password is refused, or None when it is acceptable.

    Length counts characters, not bytes; there are no composition rules. The
    password is refused when it is one of the commonest passwords (alone, or
    with digits and symbols around it), a repeated pattern, or built on the
    user's own email, name or this service's name (``context``).
    """
    password = normalize_password(password)
    if len(password) < MIN_LENGTH:
        return ngettext(
            "Use at least %(num)d character. A few words in a row work well.",
            "Use at least %(num)d characters. A few words in a row work well.",
            MIN_LENGTH,
        )
    if len(password) > MAX_LENGTH:
        return ngettext("Use at most %(num)d character.", "Use at most %(num)d characters.", MAX_LENGTH)
    lowered = password.casefold()
    core = lowered.strip(_EDGE_CHARS)
    common = common_passwords()
    if lowered in common or (len(core) >= 4 and core in common) or _is_pattern(lowered):
        return _("This password is among the most commonly used ones, so it is easy to guess. Please choose another.")
    for word in (*SERVICE_WORDS, *context):
        word = word.casefold().strip()
        if len(word) >= 4 and word in lowered:
            return _("Please don't build your password on your name, your email or this service's name.")
    return None


def _is_pattern(lowered: str) -> bool:
    """Tell whether a password is one short unit repeated or a run of neighbours."""
    for size in range(1, 5):
        unit = lowered[:size]
        if unit * (len(lowered) // size) + unit[: len(lowered) % size] == lowered:
            return True
    if lowered.isdigit():  # 1234567890 wraps around: 9 is followed by 0
        steps = {(int(b) - int(a)) % 10 for a, b in zip(lowered, lowered[1:], strict=False)}
        return steps in ({1}, {9})
    steps = {ord(b) - ord(a) for a, b in zip(lowered, lowered[1:], strict=False)}
    return steps in ({1}, {-1})


@cache
def common_passwords() -> frozenset[str]:
    """Load the bundled list of about 20,000 common passwords."""
    data = resources.files("journal").joinpath("data/common-passwords.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def _hasher() -> PasswordHasher:
    params = current_app.config.get("PASSWORD_HASH_PARAMS") or {}
    return PasswordHasher(**params)


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    return _hasher().hash(normalize_password(password))


def verify_password(password_hash: str, password: str) -> bool:
    """Check a password against a stored hash without raising."""
    try:
        return _hasher().verify(password_hash, normalize_password(password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Tell whether a hash was made with parameters other than today's."""
    return _hasher().check_needs_rehash(password_hash)


@cache
def _dummy_hash(params: tuple) -> str:
    return PasswordHasher(**dict(params)).hash("not a real password, only for timing")


def burn_verification_time(password: str) -> None:
    """Spend the time of one verification, so unknown emails answer as slowly."""
    params = tuple(sorted((current_app.config.get("PASSWORD_HASH_PARAMS") or {}).items()))
    verify_password(_dummy_hash(params), password)
