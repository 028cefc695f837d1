"""The editor's "Saved as a draft at …" time: the server's, in the person's zone and clock, not the device's."""

from datetime import UTC, datetime

from tests.entries.test_drafts import autosave, new_editor


def test_the_saved_time_is_in_the_persons_zone_and_clock(app, client, patient, clock):
    clock(datetime(2026, 11, 2, 23, 45, tzinfo=UTC))  # 00:45 on the 3rd in Berlin
    fields = new_editor(client)
    saved = autosave(client, fields["draft_id"], {**fields, "answer_0": "a few words"})
    assert saved.status_code == 200 and saved.get_json()["saved_at_text"] == "00:45"
    settings = {"display_name": "Pat", "time_zone": "Lisbon", "clock": "12h", "paper_size": "a4", "crisis_region": ""}
    assert client.post_form("/settings", settings).status_code == 302
    saved = autosave(client, fields["draft_id"], {**fields, "answer_0": "a few more words"})
    assert saved.get_json()["saved_at_text"] == "11:45 PM"  # Lisbon, on the 12-hour clock
