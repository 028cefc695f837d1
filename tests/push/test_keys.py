"""The VAPID key pair: made once in instance/ (0600), reused, and the public key browsers subscribe with."""

from __future__ import annotations

import base64
import stat

from cryptography.hazmat.primitives import serialization

from journal.push import keys


def test_the_key_is_made_once_private_and_reused(app, tmp_path):
    path = tmp_path / "vapid_private.pem"
    assert not path.exists()
    with app.app_context():
        first = keys.public_key_b64()
        assert path.exists()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700
        written = path.read_bytes()
        assert keys.public_key_b64() == first  # read back, not made again
    assert path.read_bytes() == written
    assert not list(tmp_path.glob(".vapid_private.*"))  # no temporary file left behind


def test_the_public_key_is_the_uncompressed_point_of_the_private_key(app):
    with app.app_context():
        raw = base64.urlsafe_b64decode(keys.public_key_b64() + "=")
        point = (
            keys.private_key()
            .public_key()
            .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        )
    assert len(raw) == 65 and raw[0] == 4 and raw == point


def test_a_key_already_there_is_used_not_replaced(app, tmp_path):
    from cryptography.hazmat.primitives.asymmetric import ec

    mine = ec.generate_private_key(ec.SECP256R1())
    (tmp_path / "vapid_private.pem").write_bytes(
        mine.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    with app.app_context():
        assert keys.private_key().private_numbers() == mine.private_numbers()


def test_the_subject_is_the_setting_else_the_mail_sender_else_the_public_url(app):
    with app.app_context():
        assert keys.subject() == "mailto:no-reply@localhost"
        app.config["MAIL_FROM"] = "Clinic <ops@clinic.example>"
        assert keys.subject() == "mailto:ops@clinic.example"
        app.config.update(MAIL_FROM="Clinic", PUBLIC_URL="https://journal.example/")
        assert keys.subject() == "https://journal.example"
        app.config["PUSH_VAPID_SUBJECT"] = "mailto:push@clinic.example"
        assert keys.subject() == "mailto:push@clinic.example"
