"""Forms of the safety loop: the safety plan, and a therapist's steps on an alert."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
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


def _sentence_case(label: object) -> str:
    """A step's label (lower case, for the middle of a sentence) as a choice: only its first letter raised,
    so a language's own capitals (German nouns) stay."""
    text = str(label)
    return text[:1].upper() + text[1:]


def action_choices() -> list:
    """What a therapist may have done, in the reader's language: made for each form, never at import."""
    return options((a.value, _sentence_case(a.label)) for a in AlertAction)


def outcome_choices() -> list:
    return options((o.value, _sentence_case(o.label)) for o in AlertOutcome)


class AcknowledgeForm(FlaskForm):
    action = RadioField(
        _l("What did you do?"), choices=action_choices, validators=[InputRequired(_l("Please choose what you did."))]
    )
    note = text_field(_l("A short note (never shown to your patient)"), NOTE_MAX, rows=2)


class ResolveForm(FlaskForm):
    outcome = RadioField(
        _l("How is it closed?"),
        choices=outcome_choices,
        validators=[InputRequired(_l("Please choose how it was closed."))],
    )
    note = text_field(_l("A short note"), NOTE_MAX, rows=2)
