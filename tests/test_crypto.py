import base64

import pytest

from journal import crypto

KEY = bytes(range(32))
ROW = dict(table="entries", row_id="row-1", owner_id=7)


def test_seal_round_trip_keeps_every_character():
    payload = {"text": "Καλημέρα 👋 <b>&amp; \n\n שלום"}
    blob = crypto.seal(KEY, 1, payload=payload, **ROW)
    assert crypto.unseal(KEY, blob, **ROW) == payload
    assert b"Kal" not in blob and "שלום".encode() not in blob


def test_same_text_seals_differently_each_time():
    assert crypto.seal(KEY, 1, payload={"a": 1}, **ROW) != crypto.seal(KEY, 1, payload={"a": 1}, **ROW)


@pytest.mark.parametrize("moved", [dict(row_id="row-2"), dict(owner_id=8), dict(table="drafts")])
def test_a_blob_moved_to_another_row_owner_or_table_does_not_open(moved):
    blob = crypto.seal(KEY, 1, payload={"secret": "x"}, **ROW)
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(KEY, blob, **{**ROW, **moved})


def test_a_tampered_blob_or_key_version_does_not_open():
    blob = bytearray(crypto.seal(KEY, 1, payload={"secret": "x"}, **ROW))
    flipped = bytes(blob[:-1]) + bytes([blob[-1] ^ 1])
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(KEY, flipped, **ROW)
    other_version = bytes(blob[:1]) + (2).to_bytes(2, "big") + bytes(blob[3:])
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(KEY, other_version, **ROW)


def test_wrong_data_key_does_not_open():
    blob = crypto.seal(KEY, 1, payload={"secret": "x"}, **ROW)
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(bytes(32), blob, **ROW)


def test_wrapped_data_key_is_bound_to_its_user():
    ring = crypto.Keyring()
    ring.add_new_key()
    key_id, wrapped = ring.wrap(KEY, user_id=1)
    assert ring.unwrap(key_id, wrapped, user_id=1) == KEY
    with pytest.raises(crypto.DecryptionError):
        ring.unwrap(key_id, wrapped, user_id=2)


def test_keyring_text_round_trip_and_active_key():
    ring = crypto.Keyring()
    ring.add_new_key()
    ring.add_new_key()
    parsed = crypto.Keyring.parse(ring.dump())
    assert parsed.keys == ring.keys and parsed.active_id == 2
    inline = ", ".join(line for line in ring.dump().splitlines() if not line.startswith("#"))
    assert crypto.Keyring.parse(inline).keys == ring.keys


@pytest.mark.parametrize("text", ["", "# only a comment", "1:" + base64.b64encode(b"short").decode(), "x:abc"])
def test_keyring_refuses_bad_keys(text):
    with pytest.raises(ValueError):
        crypto.Keyring.parse(text)
