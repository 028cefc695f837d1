"""``Entry.is_live``: one meaning of "not in the trash", in Python and in SQL."""

from sqlalchemy import select

from journal.clock import utcnow
from journal.entries.services import trash_entry
from journal.extensions import db
from journal.models import Entry


def test_an_entry_is_live_until_trashed():
    entry = Entry()
    assert entry.is_live
    entry.deleted_at = utcnow()
    assert not entry.is_live


def test_queries_select_live_and_trashed_entries(app, make_user, journal):
    owner = make_user()
    live, trashed = journal.entry(owner.id), journal.entry(owner.id)
    with app.app_context():
        trash_entry(db.session.get(Entry, trashed))
        assert list(db.session.scalars(select(Entry.id).where(Entry.is_live))) == [live]
        assert list(db.session.scalars(select(Entry.id).where(~Entry.is_live))) == [trashed]
