"""Saving a person's settings; the rules for each value live here."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from journal.auth.services import AccountError
from journal.extensions import db
from journal.i18n import LANGUAGES
from journal.measures.instruments import measures
from journal.models import Role, User
from journal.safety import crisis
from journal.timezones import CLOCKS, is_valid_time_zone

# The values are stored; the labels are shown ("A4" is its name in every language).
PAPER_SIZES = {"a4": "A4", "letter": _l("US Letter")}


@dataclass(frozen=True)
class Preferences:
    display_name: str
    time_zone: str
    clock: str
    paper_size: str
    crisis_region: str | None
    locale: str | None = None  # None: the browser's language
    reminders: bool = False
    reminder_hour: int = 18
    quiet_from: int = 22
    quiet_until: int = 8
    measures_asked: tuple[str, ...] = ("phq-9", "gad-7", "pcl-5")
    after_hours_line: str | None = None  # therapists only
    digest: bool = False  # therapists only
    digest_hour: int = 8


def save_preferences(user: User, chosen: Preferences) -> None:
    """Store the settings, or raise AccountError naming the value that cannot be used. Commits."""
    if not is_valid_time_zone(chosen.time_zone):
        raise AccountError(_("Please choose a time zone from the list, such as Europe/Berlin."))
    if chosen.clock not in CLOCKS or chosen.paper_size not in PAPER_SIZES:
        raise AccountError(_("Please choose one of the options offered."))
    if chosen.locale is not None and chosen.locale not in LANGUAGES:
        raise AccountError(_("Please choose one of the options offered."))
    if chosen.crisis_region is not None and chosen.crisis_region not in crisis.region_titles():
        raise AccountError(_("Please choose one of the regions offered."))
    if not all(
        0 <= hour <= 23 for hour in (chosen.reminder_hour, chosen.quiet_from, chosen.quiet_until, chosen.digest_hour)
    ):
        raise AccountError(_("Please choose hours from the lists."))
    if not set(chosen.measures_asked) <= set(measures().instruments):
        raise AccountError(_("Please choose questionnaires from the list."))
    user.display_name, user.time_zone, user.clock = chosen.display_name, chosen.time_zone, chosen.clock
    user.paper_size, user.crisis_region, user.locale = chosen.paper_size, chosen.crisis_region, chosen.locale
    if user.role == Role.PATIENT:  # reminders and questionnaires: the settings page offers them to patients only
        user.reminders, user.reminder_hour = chosen.reminders, chosen.reminder_hour
        user.quiet_from, user.quiet_until = chosen.quiet_from, chosen.quiet_until
        user.measures_asked = ",".join(key for key in measures().instruments if key in chosen.measures_asked)
    if user.role == Role.THERAPIST:
        user.after_hours_line = chosen.after_hours_line or None
        user.digest, user.digest_hour = chosen.digest, chosen.digest_hour
    db.session.commit()
