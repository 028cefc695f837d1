"""The page script's words come from the catalog: every key it uses exists, and every key is used."""

from __future__ import annotations

import json
import re
from pathlib import Path

from journal import i18n
from journal.js_messages import MESSAGES, Plural, js_messages

SCRIPTS = Path(__file__).resolve().parent.parent / "static" / "js"
USED = re.compile(r"""\bt\(\s*["']([\w.-]+)["']""")


def used_keys() -> set[str]:
    """The keys every page script asks ``t`` for (journal.js, offline.js, push.js…)."""
    return {key for script in SCRIPTS.glob("*.js") for key in USED.findall(script.read_text(encoding="utf-8"))}


def test_the_script_says_something():
    assert "time_zone_offer" in used_keys()  # the pattern still finds the script's calls


def test_every_key_the_script_uses_has_a_message():
    missing = used_keys() - set(MESSAGES)
    assert not missing, f"used in static/js but not in journal/js_messages.py: {sorted(missing)}"


def test_every_message_is_used_by_the_script():
    unused = set(MESSAGES) - used_keys()
    assert not unused, f"in journal/js_messages.py but not used by any script in static/js: {sorted(unused)}"


def test_messages_are_strings_with_their_placeholders_in_english(app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        said = js_messages()
    assert set(said) == set(MESSAGES)
    assert said["time_zone_offer"] == "Use this device's time zone: %(zone)s"
    # A plural: one wording per plural category of the language, the number left for the script.
    assert said["autosave_offline"] == {
        "one": "No connection. Your writing is still here; trying again in %(num)d second.",
        "other": "No connection. Your writing is still here; trying again in %(num)d seconds.",
    }
    for key, text in MESSAGES.items():
        assert isinstance(said[key], dict if isinstance(text, Plural) else str), key


def test_a_plural_has_each_category_of_the_language(app):
    with app.test_request_context(headers={"Accept-Language": "ar"}):
        forms = js_messages()["autosave_failed"]
        assert i18n.current_locale() == "ar"
    assert set(forms) == {"zero", "one", "two", "few", "many", "other"}


def test_every_page_carries_the_messages_for_the_script(client):
    page = client.get("/login").get_data(as_text=True)
    found = re.search(r'<script type="application/json" id="js-messages">(.*?)</script>', page, re.S)
    assert found is not None
    assert set(json.loads(found.group(1))) == set(MESSAGES)
