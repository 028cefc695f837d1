"""Forms of the safety loop: the safety plan, and a therapist's steps on an alert."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField
from wtforms.validators import InputRequired

from journal.forms import options, parse_count, text_field
from journal.models import AlertAction, AlertOutcome
from journal.safety.alerts import NOTE_MAX
from journal.safety.plan import SECTION_MAX, SECTIONS


class SafetyPlanForm(FlaskForm):
    """One field per section of the plan, plus the version it was opened on."""

    version = HiddenField()

    def sections(self) -> dict[str, str]:
        return {section.key: self[section.key].data or "" for section in SECTIONS}

    def expected_version(self) -> int:
        return parse_count(self.version.data, -1)


for _section in SECTIONS:
    setattr(SafetyPlanForm, _section.key, text_field(_section.title, SECTION_MAX, rows=4, description=_section.hint))


ACTIONS = [(a.value, a.label.capitalize()) for a in AlertAction]
OUTCOMES = [(o.value, o.label.capitalize()) for o in AlertOutcome]


class AcknowledgeForm(FlaskForm):
    action = RadioField(
        "What did you do?", choices=options(ACTIONS), validators=[InputRequired("Please choose what you did.")]
    )
    note = text_field("A short note (never shown to your patient)", NOTE_MAX, rows=2)


class ResolveForm(FlaskForm):
    outcome = RadioField(
        "How is it closed?", choices=options(OUTCOMES), validators=[InputRequired("Please choose how it was closed.")]
    )
    note = text_field("A short note", NOTE_MAX, rows=2)
