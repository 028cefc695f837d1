"""A patient's personal safety plan: the sections of the Stanley–Brown Safety Planning Intervention,
in our own words, sealed like an entry; one plan per patient, saved whole with a version check."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from journal.clock import utcnow
from journal.extensions import db
from journal.models import SafetyPlan
from journal.vault import seal_row, unseal_row

SECTION_MAX = 4000


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # lazy: in the reader's language when shown
    hint: str


# The order of the Stanley–Brown plan: from noticing a crisis coming, to what I can do alone, to
# other people, to professionals, to a safer place, to what matters most.
SECTIONS = (
    Section(
        "warning_signs",
        _l("My warning signs"),
        _l("Thoughts, feelings, images or situations that tell me a hard time may be starting."),
    ),
    Section(
        "coping",
        _l("Things I can do on my own"),
        _l("Ways to take my mind off things without contacting anyone: a walk, music, a shower, breathing."),
    ),
    Section(
        "distractions",
        _l("People and places that help me feel better"),
        _l("People to be with and places to go that can take my mind off things."),
    ),
    Section(
        "helpers",
        _l("People I can ask for help"),
        _l("Names and numbers of people I can tell how I really feel."),
    ),
    Section(
        "professionals",
        _l("Professionals and services I can contact"),
        _l("My therapist, my clinic's after-hours line, a crisis line, the nearest emergency department."),
    ),
    Section(
        "environment",
        _l("Making my surroundings safer"),
        _l("What I can do, or ask someone to help with, to keep things I could hurt myself with out of reach."),
    ),
    Section(
        "reasons",
        _l("What matters most to me"),
        _l("My reasons for living: the people, animals, plans and things worth staying for."),
    ),
)
SOURCE = _l(
    "The sections follow the Stanley–Brown Safety Planning Intervention (Stanley B, Brown GK. "
    "Cognitive and Behavioral Practice, 2012), in this app's own words."
)


class PlanConflict(Exception):
    """The plan was saved elsewhere since this form was opened; ``current`` holds that version's text."""

    def __init__(self, current: dict[str, str], version: int) -> None:
        super().__init__("the safety plan changed since it was opened")
        self.current, self.version = current, version


def plan_of(owner_id: int) -> SafetyPlan | None:
    return db.session.scalar(select(SafetyPlan).where(SafetyPlan.owner_id == owner_id))


def read(plan: SafetyPlan | None) -> dict[str, str]:
    """Each section's text ("" where nothing is written yet)."""
    stored = unseal_row(plan)["sections"] if plan is not None else {}
    return {section.key: stored.get(section.key, "") for section in SECTIONS}


def save(
    owner_id: int, sections: dict[str, str], expected_version: int, *, at: datetime | None = None, commit: bool = True
) -> SafetyPlan:
    """Store the whole plan, sealed, if it is still the version the form was opened on (0: none yet).

    Raises PlanConflict otherwise, and nothing is written. Commits unless ``commit`` is False (an
    import, which commits everything at once); ``at`` is the time an imported plan was last changed.
    """
    plan = plan_of(owner_id)
    current_version = plan.version if plan is not None else 0
    if expected_version != current_version:
        raise PlanConflict(read(plan), current_version)
    if plan is None:
        plan = SafetyPlan(id=uuid.uuid4(), owner_id=owner_id)
        db.session.add(plan)
    seal_row(plan, {"sections": {section.key: sections.get(section.key, "") for section in SECTIONS}})
    plan.updated_at = at or utcnow()
    try:
        db.session.flush()  # the version check happens here: SQLAlchemy's UPDATE ... WHERE version = ...
        if commit:
            db.session.commit()
    except (IntegrityError, StaleDataError):  # another tab saved in the same instant
        db.session.rollback()
        other = plan_of(owner_id)
        raise PlanConflict(read(other), other.version) from None
    return plan


def is_empty(sections: dict[str, str]) -> bool:
    return not any(text.strip() for text in sections.values())
