"""The entry editor form, built for the prompts an entry answers."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import Optional, ValidationError

from journal.clock import utcnow
from journal.entries.content import AFTER_EFFECTS, Answer, CheckIn, EntryContent, parse_tags
from journal.forms import (
    NOTE_MAX,
    TAGS_MAX,
    TITLE_MAX,
    CheckboxesField,
    FriendlyDateField,
    line_field,
    options,
    parse_count,
    text_field,
)
from journal.timezones import to_local, to_utc

FREE_PROMPT = Answer(prompt_id=None, theme=None, prompt=None, text="")
MAX_TAGS = 20
TAG_MAX = 40
# How far back an entry's day can be set: writing up yesterday, or last month's session.
BACKDATE_DAYS = 365
DRAFT_FIELDS = (
    "title",
    "written_on",
    "mood",
    "intensity",
    "detachment",
    "after_effects",
    "after_effects_note",
    "tags",
    "session_id",
    "version",
)


def _scale(label: str, low: int, high: int, description: str) -> SelectField:
    choices = options([("", _l("Skip"))] + [(str(n), f"{n:+d}" if low < 0 else str(n)) for n in range(low, high + 1)])
    return SelectField(label, choices=choices, default="", validators=[Optional()], description=description)


class EntryForm(FlaskForm):
    """Fields common to every entry; ``build_entry_form`` adds one field per answer."""

    title = line_field(_l("Title"), TITLE_MAX, description=_l("Optional. A few words to find this entry again."))
    written_on = FriendlyDateField(
        _l("Day"),
        validators=[Optional()],
        description=_l("Writing about an earlier day? Choose it here (up to a year back). Empty means today."),
    )
    mood = _scale(_l("Mood right now"), -5, 5, _l("-5 = very low, 5 = very good. You can skip this."))
    intensity = _scale(
        _l("How intense do your emotions feel?"), 0, 10, _l("0 = calm, 10 = overwhelming. You can skip this.")
    )
    detachment = _scale(
        _l("How distant or detached do you feel?"), 0, 10, _l("0 = fully here, 10 = very far away. You can skip this.")
    )
    after_effects = CheckboxesField(_l("Any after-effects today?"), choices=options(AFTER_EFFECTS.items()))
    after_effects_note = text_field(_l("Anything to add about how you feel physically?"), NOTE_MAX, rows=2)
    tags = line_field(_l("Tags"), TAGS_MAX, description=_l("Optional, separated by commas, e.g. family, sleep, hope."))
    session_id = SelectField(_l("Session"), choices=[], default="")
    # Context the editor carries so autosave and rescue know what is being written.
    version = HiddenField()
    draft_id = HiddenField()
    entry_id = HiddenField()
    prompt_set = HiddenField()
    # Drawn fresh with each editor page and sent back with it: the id the new entry takes,
    # so the same page sent twice (a retry after an outage, a double click) saves one entry.
    save_key = HiddenField()

    prompts: list[Answer] = []

    @property
    def answer_fields(self):
        return [self[f"answer_{index}"] for index in range(len(self.prompts))]

    def validate_after_effects(self, field) -> None:
        if "none" in (field.data or []) and len(field.data) > 1:
            raise ValidationError(
                _("You chose “None of these” together with an after-effect. Please pick one or the other.")
            )

    # The day of the entry being edited: kept as it is, however long ago (set by the editor).
    current_day: date | None = None

    def validate_written_on(self, field) -> None:
        if field.data is None or field.data == self.current_day:
            return
        today = to_local(utcnow(), current_user.time_zone).date()
        if field.data > today:
            raise ValidationError(_("That day is still to come. Please choose today or an earlier day."))
        if field.data < today - timedelta(days=BACKDATE_DAYS):
            raise ValidationError(_("Please choose a day within the last year."))

    def written_at(self, zone: str, current: datetime | None = None) -> datetime | None:
        """When the entry is dated: the chosen day at the time of day of ``current`` (an edited
        entry's date) or of now; None to keep ``current`` (or to date a new entry now)."""
        day: date | None = self.written_on.data
        keep = to_local(current or utcnow(), zone)
        if day is None or day == keep.date():
            return None
        return to_utc(datetime.combine(day, keep.time()), zone)

    def validate_tags(self, field) -> None:
        tags = parse_tags(field.data or "")
        if len(tags) > MAX_TAGS:
            raise ValidationError(
                ngettext("Please use at most %(num)d tag.", "Please use at most %(num)d tags.", MAX_TAGS)
            )
        if any(len(tag) > TAG_MAX for tag in tags):
            raise ValidationError(
                ngettext(
                    "Each tag can have at most %(num)d character.",
                    "Each tag can have at most %(num)d characters.",
                    TAG_MAX,
                )
            )

    def content(self) -> EntryContent:
        answers = [
            Answer(prompt.prompt_id, prompt.theme, prompt.prompt, field.data or "")
            for prompt, field in zip(self.prompts, self.answer_fields, strict=True)
        ]
        return EntryContent(
            title=self.title.data or "",
            answers=answers,
            after_effects=list(self.after_effects.data or []),
            after_effects_note=self.after_effects_note.data or "",
            tags=parse_tags(self.tags.data or ""),
        )

    def checkin(self) -> CheckIn:
        value = lambda field: int(field.data) if field.data not in (None, "") else None  # noqa: E731
        return CheckIn(value(self.mood), value(self.intensity), value(self.detachment))

    def chosen_session(self) -> uuid.UUID | None:
        """The chosen session, only if it is one of the user's (the offered choices)."""
        offered = {choice.value for choice in self.session_id.choices if choice.value}
        return uuid.UUID(self.session_id.data) if self.session_id.data in offered else None

    def expected_version(self) -> int:
        """The entry version this form was opened on; garbage never matches a real version."""
        return parse_count(self.version.data, -1)

    def chosen_draft(self) -> uuid.UUID | None:
        return parse_uuid(self.draft_id.data)

    def chosen_save_key(self) -> uuid.UUID | None:
        return parse_uuid(self.save_key.data)

    def draft_fields(self) -> dict[str, list[str]]:
        """The editor's state as plain strings, to seal into a draft.

        Choice fields keep only offered values, so a draft is never bigger than
        its text fields allow.
        """
        names = [*DRAFT_FIELDS, *(f"answer_{index}" for index in range(len(self.prompts)))]
        fields = {}
        for name in names:
            field = self[name]
            values = (
                [str(item) for item in field.data]
                if isinstance(field.data, list)
                else [str(field.data) if field.data else ""]
            )
            if getattr(field, "choices", None):
                offered = {choice.value for choice in field.choices}
                values = [value for value in values if value in offered]
            fields[name] = values
        return fields


def parse_uuid(value: str | None) -> uuid.UUID | None:
    """Read an id sent by the page; anything malformed counts as absent."""
    try:
        return uuid.UUID(value) if value else None
    except (TypeError, ValueError):
        return None


def build_entry_form(prompts: list[Answer], sessions: list[tuple[str, str]], **kwargs) -> EntryForm:
    """Make an editor for these prompts (text snapshots) and the user's sessions."""
    form_class = type("BoundEntryForm", (EntryForm,), {"prompts": prompts})
    for index, prompt in enumerate(prompts):
        # A guided entry's question as it was asked (stored in its language, never translated again).
        label = prompt.prompt or _("What would you like to write?")
        setattr(form_class, f"answer_{index}", text_field(label, rows=8 if prompt.prompt is None else 5))
    form = form_class(**kwargs)
    form.session_id.choices = options([("", _("Not tied to a session")), *sessions])
    if form.chosen_save_key() is None:  # a page being drawn (or a post without one): a new key
        form.save_key.data = str(uuid.uuid4())
    return form
