import pytest

from journal.auth.passwords import (
    MAX_LENGTH,
    MIN_LENGTH,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)


@pytest.mark.parametrize(
    "password",
    [
        "x7#kq2!mzp4w",  # exactly 12
        "correct horse battery staple",  # spaces
        "all lowercase words only",  # no composition rules
        "🌊🌊 tide comes in 🌙🌙",  # emoji
        "Καλημέρα κόσμε σήμερα",  # Greek
        "z" * 3 + "q8" * 60 + "w" * 5,  # 128 characters
        "k" + "the sea is wide " * 15,  # long, near the maximum
    ],
)
def test_accepts_long_passwords_of_any_characters(password):
    assert len(password) >= MIN_LENGTH
    assert password_problem(password) is None


def test_refuses_eleven_characters():
    assert "at least 12" in password_problem("x7#kq2!mzp4")


def test_counts_characters_not_bytes():
    # Twelve emoji are 48 bytes but twelve characters: accepted, not 48 nor 3.
    assert password_problem("🌊🌙🌿🔥🍂🌸🐚🌈⛰🌵🦋🍃") is None
    assert password_problem("🌊🌙🌿🔥🍂🌸🐚🌈⛰🌵🦋") is not None


def test_allows_at_least_128_and_caps_at_the_maximum():
    assert MAX_LENGTH >= 128
    assert password_problem("tide " * (MAX_LENGTH // 5) + "x" * (MAX_LENGTH % 5)) is None
    assert "at most" in password_problem("q" + "tide " * (MAX_LENGTH // 5) + "xyz")


@pytest.mark.parametrize(
    "password",
    [
        "password1234",
        "qwerty123456",
        "Password2024!",
        "1q2w3e4r5t6y",
        "iloveyou1234",
        "aaaaaaaaaaaa",
        "abababababab",
        "abcdefghijklmn",
        "987654321098",
        "123456789012",
    ],
)
def test_refuses_common_passwords_and_patterns(password):
    assert "commonly used" in password_problem(password)


def test_refuses_passwords_built_on_the_users_own_words():
    assert "your name" in password_problem("margaret-and-the-sea", context=("margaret",))
    assert "your name" in password_problem("my integration journal!")


def test_hash_is_argon2id_and_does_not_truncate(app):
    with app.app_context():
        stored = hash_password("p" * 100 + "A")
        assert stored.startswith("$argon2id$")
        assert verify_password(stored, "p" * 100 + "A")
        # bcrypt would cut at 72 bytes and accept this one:
        assert not verify_password(stored, "p" * 100 + "B")


def test_unicode_forms_of_one_password_match(app):
    with app.app_context():
        stored = hash_password("café au lait please")  # precomposed é
        assert verify_password(stored, "cafe\u0301 au lait please")  # e + combining accent


def test_needs_rehash_when_parameters_change(app):
    with app.app_context():
        stored = hash_password("a quiet walk by the river")
        assert not needs_rehash(stored)
        app.config["PASSWORD_HASH_PARAMS"] = {"time_cost": 2, "memory_cost": 2048, "parallelism": 1}
        assert needs_rehash(stored)


def test_verify_never_raises_on_a_broken_hash(app):
    with app.app_context():
        assert verify_password("not-a-hash", "anything at all") is False
