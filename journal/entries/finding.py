"""The entry list: filters, search and pages.

Filters that are plain ids and dates may travel in the URL; tags and search
words are journal text, so they only travel in a POST body. A valid search is
kept sealed for a while (``entries.searches``) and answered with a redirect to
its random id, so Back and reload show the results again.
"""

from __future__ import annotations

from datetime import timedelta

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import HiddenField
from wtforms.validators import Optional, ValidationError

from journal.access import owned_or_none
from journal.entries.excerpt import excerpt, opening
from journal.entries.forms import parse_uuid
from journal.entries.searches import SEARCH_MINUTES, open_search, save_search
from journal.entries.services import EntryFilters, all_tags, find_entries
from journal.forms import FriendlyDateField, SelectField, line_field, options, parse_count
from journal.models import SavedSearch, User
from journal.prompts import library, translate
from journal.sessions.services import session_menu, sessions_by_id
from journal.sharing.services import patient_connections, shared_with
from journal.timezones import local_midnight_utc


class FilterForm(FlaskForm):
    session = SelectField(_l("Session"), choices=[], default="")
    theme = SelectField(_l("Theme"), choices=[], default="")
    tag = SelectField(_l("Tag"), choices=[], default="")
    date_from = FriendlyDateField(_l("From"), validators=[Optional()])
    date_to = FriendlyDateField(_l("To"), validators=[Optional()])
    q = line_field(_l("Search your entries"))
    page = HiddenField(default="1")

    def validate_date_to(self, field) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_("The end date is before the start date."))


def filters_from(form: FilterForm, zone: str) -> EntryFilters:
    return EntryFilters(
        session_id=parse_uuid(form.session.data),
        start=local_midnight_utc(form.date_from.data, zone) if form.date_from.data else None,
        end=local_midnight_utc(form.date_to.data + timedelta(days=1), zone) if form.date_to.data else None,
        tag=form.tag.data or "",
        domain=form.theme.data or "",
        query=form.q.data or "",
    )


SEARCH_FIELDS = ("q", "tag", "theme", "session", "date_from", "date_to")


def render_list(user: User):
    """Answer GET (plain filters in the query string, or a kept search) and POST (a search)."""
    posting = request.method == "POST"
    search_id = None if posting else parse_uuid(request.args.get("search"))
    saved = open_search(owned_or_none(SavedSearch, search_id))
    if posting:
        form = FilterForm()
    else:
        form = FilterForm(formdata=MultiDict(saved) if saved is not None else request.args, meta={"csrf": False})
    menu = session_menu(user.id, user.time_zone, keep=[parse_uuid(form.session.data)])
    form.session.choices = options([("", _("All sessions")), *menu])
    form.theme.choices = options(
        [("", _("All themes")), *((key, translate(name)) for key, name in library().domains.items())]
    )
    form.tag.choices = options([("", _("All tags")), *((tag, tag) for tag in all_tags(user.id))])
    if not posting and saved is None:  # words never come from a URL, even a hand-made one
        form.q.data = form.tag.data = ""
    valid = form.validate()
    if posting and valid:
        kept = save_search(user.id, {name: request.form.get(name, "") for name in SEARCH_FIELDS})
        return redirect(url_for("entries.index", search=kept, page=parse_count(form.page.data, 1)), 303)
    page_number = parse_count(request.args.get("page") if saved is not None else form.page.data, 1)
    filters = filters_from(form, user.time_zone) if valid else EntryFilters()
    page = find_entries(user.id, filters, page_number)
    therapists = {t.id: t.display_name for _, t in patient_connections(user.id)}
    shares = {
        entry_id: sorted(therapists[t] for t in ids if t in therapists)
        for entry_id, ids in shared_with([entry.id for entry in page.items]).items()
    }
    # The author's own page only: a search's matches, else an untitled entry's opening words.
    excerpts = {entry.id: excerpt(entry.content, filters.query) or opening(entry.content) for entry in page.items}
    return render_template(
        "entries/index.html",
        form=form,
        page=page,
        searching=posting or saved is not None,
        search_id=search_id if saved is not None else None,
        search_ended=search_id is not None and saved is None,
        search_minutes=SEARCH_MINUTES,
        excerpts=excerpts,
        library=library(),
        sessions=sessions_by_id(user.id, (entry.row.session_id for entry in page.items)),
        shares=shares,
        has_therapists=bool(therapists),
    ), (200 if valid else 422)
