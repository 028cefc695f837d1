"""The therapist's summary of each questionnaire: the latest score, and the flags that need attention."""

from __future__ import annotations

from datetime import timedelta

import pytest

from journal.clock import utcnow
from journal.measures.instruments import measures
from journal.measures.services import NO_RESPONSE_AFTER, clinical_summary, open_response, save_response

NO_RESPONSE = {
    "phq-9": "No response (a 50% drop)",
    "gad-7": "No response (a 50% drop)",
    "pcl-5": "No reliable change (a 5-point drop)",
}


def take(patient_id, key, first_items, days_ago):
    instrument = measures().instruments[key]
    answers = (first_items + [0] * len(instrument.items))[: len(instrument.items)]
    return save_response(patient_id, instrument, answers, None, taken_at=utcnow() - timedelta(days=days_ago))


def flags(patient_id, key, sessions):
    line = next(
        line for line in clinical_summary(patient_id, lambda moment: sessions, "UTC") if line.instrument.key == key
    )
    return " ".join(line.flags)


# (instrument, baseline answers, latest answers, no response?) — the baseline totals 12 (PHQ-9, GAD-7) or 40.
CASES = [
    ("phq-9", [3, 3, 3, 3], [3, 3, 1], True),  # 12 → 7: a drop of 42%
    ("phq-9", [3, 3, 3, 3], [3, 3], False),  # 12 → 6: a drop of 50%
    ("gad-7", [3, 3, 3, 3], [3, 3, 1], True),
    ("gad-7", [3, 3, 3, 3], [3, 3], False),
    ("pcl-5", [2] * 20, [2] * 18 + [0, 1], True),  # 40 → 37: 3 points
    ("pcl-5", [2] * 20, [2] * 17 + [1], False),  # 40 → 35: 5 points, a reliable change
]


@pytest.mark.parametrize("key, baseline, latest, flagged", CASES)
def test_no_response_is_flagged_after_four_sessions_by_each_instruments_own_rule(
    app, patient, key, baseline, latest, flagged
):
    with app.app_context():
        take(patient.id, key, baseline, 60)
        take(patient.id, key, latest, 1)
        assert (NO_RESPONSE[key] in flags(patient.id, key, NO_RESPONSE_AFTER)) is flagged
        assert NO_RESPONSE[key] not in flags(patient.id, key, NO_RESPONSE_AFTER - 1)


def test_a_single_response_is_never_called_no_response(app, patient):
    with app.app_context():
        take(patient.id, "phq-9", [3, 3, 3, 3], 1)
        assert "No response" not in flags(patient.id, "phq-9", 10)


def test_the_difficulty_answer_is_sealed_with_the_answers(app, patient):
    with app.app_context():
        row = save_response(patient.id, measures().instruments["gad-7"], [1] * 7, 2)
        assert open_response(row).difficulty == 2
