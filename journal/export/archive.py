"""Everything a patient wrote, in one zip: journal.json, one Markdown file per entry, and the PDF.

``journal.json`` follows ``journal/data/journal-export.schema.json`` (format
``integration-journal-export``, version 1). The zip is written to a temporary
file one entry at a time, in batches, so a long journal is never held in
memory whole; the caller streams the file and deletes it. What a person reads in it (the Markdown
files' labels, the README, the PDF) is in the account's language; journal.json's keys are a format.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import pgettext
from sqlalchemy import select

from journal import audit
from journal.audit import Event
from journal.clock import utcnow
from journal.entries.drafts import open_draft
from journal.entries.services import open_entry
from journal.export.document import build_pdf
from journal.export.fonts import configured_fonts
from journal.export.gather import ExportOptions, patient_export
from journal.extensions import db
from journal.i18n import reader_locale, speaking
from journal.measures.services import open_response
from journal.models import (
    Connection,
    Draft,
    Entry,
    EntryShare,
    MeasureResponse,
    Reply,
    SessionShare,
    TreatmentSession,
    User,
)
from journal.pictures.sending import EXTENSIONS
from journal.pictures.services import picture_bytes, pictures_of
from journal.safety import plan as safety_plan
from journal.sessions.services import open_session
from journal.timezones import format_local
from journal.vault import unseal_row

FORMAT = "integration-journal-export"
VERSION = 1
BATCH = 200  # entries decrypted and written at a time


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def _names(user_ids) -> dict[int, str]:
    ids = set(user_ids)
    if not ids:
        return {}
    return dict(db.session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all())


def _sessions(user: User) -> list[dict]:
    rows = list(
        db.session.scalars(
            select(TreatmentSession).where(TreatmentSession.owner_id == user.id).order_by(TreatmentSession.occurred_at)
        )
    )
    shares = defaultdict(list)
    for session_id, therapist_id in db.session.execute(
        select(SessionShare.session_id, SessionShare.therapist_id).where(
            SessionShare.session_id.in_([r.id for r in rows])
        )
    ):
        shares[session_id].append(therapist_id)
    names = _names(t for ids in shares.values() for t in ids)
    out = []
    for row in rows:
        details = open_session(row).details
        out.append(
            {
                "id": str(row.id),
                "occurred_at": _iso(row.occurred_at),
                "medicine": row.medicine.value,
                "medicine_other": details.medicine_other,
                "setting": row.setting.value,
                "setting_other": details.setting_other,
                "intention": details.intention,
                "notes": details.notes,
                "shared_with": sorted(names.get(t, "") for t in shares[row.id]),
            }
        )
    return out


def _entries(user: User) -> Iterator[tuple[dict, list[tuple[str, bytes]]]]:
    """Every entry (trash included), oldest first, with its shares, replies and pictures (as files of the
    zip, named by the entry's id); BATCH at a time."""
    ids = list(
        db.session.scalars(select(Entry.id).where(Entry.owner_id == user.id).order_by(Entry.created_at, Entry.id))
    )
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = db.session.scalars(select(Entry).where(Entry.id.in_(chunk)).order_by(Entry.created_at, Entry.id)).all()
        shares = defaultdict(list)
        for share in db.session.scalars(select(EntryShare).where(EntryShare.entry_id.in_(chunk))):
            shares[share.entry_id].append(share)
        replies = defaultdict(list)
        for reply in db.session.scalars(select(Reply).where(Reply.entry_id.in_(chunk)).order_by(Reply.created_at)):
            replies[reply.entry_id].append(reply)
        names = _names(
            [s.therapist_id for v in shares.values() for s in v] + [r.author_id for v in replies.values() for r in v]
        )
        pictures = pictures_of(chunk)
        for row in rows:
            content = open_entry(row).content
            files = [
                (f"pictures/{row.id}-{n}.{EXTENSIONS[p.mimetype]}", picture_bytes(p))
                for n, p in enumerate(pictures[row.id], 1)
            ]
            yield (
                {
                    "id": str(row.id),
                    "created_at": _iso(row.created_at),
                    "updated_at": _iso(row.updated_at),
                    "trashed_at": _iso(row.deleted_at),
                    "kind": row.kind.value,
                    "session_id": str(row.session_id) if row.session_id else None,
                    "prompt_set": row.prompt_set,
                    "library_version": row.library_version,
                    "title": content.title,
                    "answers": [
                        {"prompt_id": a.prompt_id, "theme": a.theme, "prompt": a.prompt, "text": a.text}
                        for a in content.answers
                    ],
                    "checkin": {"mood": row.mood, "intensity": row.intensity, "detachment": row.detachment},
                    "after_effects": list(content.after_effects),
                    "after_effects_note": content.after_effects_note,
                    "tags": list(content.tags),
                    "time_zone": content.time_zone,
                    "to_discuss": row.to_discuss,
                    "shared_with": [
                        {
                            "therapist": names.get(s.therapist_id, ""),
                            "shared_at": _iso(s.shared_at),
                            "reviewed_at": _iso(s.reviewed_at),
                        }
                        for s in shares[row.id]
                    ],
                    "replies": [
                        {
                            "author": names.get(r.author_id, ""),
                            "from_therapist": r.author_id != user.id,
                            "created_at": _iso(r.created_at),
                            "text": unseal_row(r)["text"],
                        }
                        for r in replies[row.id]
                    ],
                    "pictures": [name for name, _ in files],
                },
                files,
            )
        for done in [
            *rows,
            *(s for v in shares.values() for s in v),
            *(r for v in replies.values() for r in v),
            *(p for v in pictures.values() for p in v),
        ]:
            db.session.expunge(done)  # what was written is not kept


def _questionnaires(user: User) -> list[dict]:
    out = []
    for row in db.session.scalars(
        select(MeasureResponse).where(MeasureResponse.owner_id == user.id).order_by(MeasureResponse.taken_at)
    ):
        view = open_response(row)  # the one reader of a response's sealed answers
        out.append(
            {
                "id": str(row.id),
                "instrument": row.instrument,
                "library_version": row.library_version,
                "taken_at": _iso(row.taken_at),
                "answers": view.answers,
                "difficulty": view.difficulty,
                "total": row.total,
            }
        )
    return out


def _safety_plan(user: User) -> dict | None:
    plan = safety_plan.plan_of(user.id)
    if plan is None:
        return None
    return {"updated_at": _iso(plan.updated_at), "sections": safety_plan.read(plan)}


def _drafts(user: User) -> list[dict]:
    out = []
    for row in db.session.scalars(select(Draft).where(Draft.owner_id == user.id).order_by(Draft.created_at)):
        draft = open_draft(row)
        out.append(
            {
                "id": str(row.id),
                "created_at": _iso(row.created_at),
                "updated_at": _iso(row.updated_at),
                "entry_id": str(row.entry_id) if row.entry_id else None,
                "session_id": str(row.session_id) if row.session_id else None,
                "prompt_set": row.prompt_set,
                "fields": draft.fields,
            }
        )
    return out


def _connections(user: User) -> list[dict]:
    rows = list(
        db.session.scalars(select(Connection).where(Connection.patient_id == user.id).order_by(Connection.created_at))
    )
    names = _names(r.therapist_id for r in rows)
    return [
        {
            "therapist": names.get(r.therapist_id, ""),
            "connected_at": _iso(r.created_at),
            "ended_at": _iso(r.ended_at),
            "auto_share": r.auto_share,
        }
        for r in rows
    ]


MARKDOWN_TIME = "%-d %B %Y, %H:%M"
# The check-in's keys in journal.json, as a Markdown file names them.
CHECKIN_LABELS = {"mood": _l("mood"), "intensity": _l("intensity"), "detachment": _l("detachment")}


def markdown(entry: dict, zone: str = "UTC", clock: str = "24h") -> str:
    """One entry as Markdown: title, date, answers under their prompts, check-in, tags and replies.

    Times are the person's (``zone``, ``clock``), as on every page; a prompt left unanswered is left out.
    """

    def when(iso: str) -> str:
        return f"{format_local(datetime.fromisoformat(iso), zone, MARKDOWN_TIME, clock)} ({zone.replace('_', ' ')})"

    listed = pgettext("list separator", ", ")
    lines = [f"# {entry['title'] or _('Untitled entry')}", "", f"*{when(entry['created_at'])}*", ""]
    for answer in entry["answers"]:
        if not answer["text"].strip():
            continue
        if answer["prompt"]:
            lines += [f"## {answer['prompt']}", ""]
        lines += [answer["text"], ""]
    checkin = {k: v for k, v in entry["checkin"].items() if v is not None}
    if checkin:
        values = listed.join(f"{CHECKIN_LABELS.get(k, k)} {v}" for k, v in checkin.items())
        lines += [_("Check-in: %(values)s", values=values), ""]
    if entry["after_effects"] or entry["after_effects_note"]:
        effects = listed.join(entry["after_effects"])
        if entry["after_effects_note"]:
            line = _("After-effects: %(effects)s (%(note)s)", effects=effects, note=entry["after_effects_note"])
        else:
            line = _("After-effects: %(effects)s", effects=effects)
        lines += [line, ""]
    if entry["tags"]:
        lines += [_("Tags: %(tags)s", tags=listed.join(entry["tags"])), ""]
    for number, name in enumerate(entry.get("pictures", []), 1):
        lines += [f"![{_('Picture %(number)d', number=number)}](../{name})", ""]
    for reply in entry["replies"]:
        lines += [
            f"> **{reply['author']}**, {when(reply['created_at'])}:",
            ">",
            *(f"> {t}" for t in reply["text"].splitlines()),
            "",
        ]
    return "\n".join(lines)


def export_everything(user: User, *, by: str) -> Path:
    """Write the archive and record the export in the audit trail; ``by`` says how it was asked for."""
    path = write_archive(user)
    try:
        audit.record(Event.DATA_EXPORTED, subject_id=user.id, actor_id=user.id if by == "settings" else None, detail=by)
    except BaseException:
        path.unlink(missing_ok=True)  # an unrecorded export is not handed out, nor left in /tmp
        raise
    return path


def write_archive(user: User) -> Path:
    """Write the user's whole journal to a temporary zip file and return its path (the caller deletes it)."""
    handle = tempfile.NamedTemporaryFile(prefix="journal-export-", suffix=".zip", delete=False)
    handle.close()
    path = Path(handle.name)
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            _write(archive, user)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _write(archive: zipfile.ZipFile, user: User) -> None:
    with speaking(reader_locale(user)):
        _write_all(archive, user)


def _write_all(archive: zipfile.ZipFile, user: User) -> None:
    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _iso(utcnow()),
        "account": {
            "display_name": user.display_name,
            "email": user.email,
            "time_zone": user.time_zone,
            "created_at": _iso(user.created_at),
        },
        "sessions": _sessions(user),
        "questionnaires": _questionnaires(user),
        "safety_plan": _safety_plan(user),
        "drafts": _drafts(user),
        "connections": _connections(user),
    }
    # journal.json goes to a file of its own while the Markdown files go into the zip: one pass, one
    # decryption per entry, and nothing but the current batch in memory.
    with tempfile.TemporaryFile() as out:
        out.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2].encode())  # all but the closing brace
        out.write(b',\n "entries": [')
        for number, (entry, pictures) in enumerate(_entries(user)):
            out.write((",\n  " if number else "\n  ").encode() + json.dumps(entry, ensure_ascii=False).encode())
            # Named by date and id, never by title: a file name shows in listings and logs that a text does not.
            archive.writestr(
                f"entries/{entry['created_at'][:10]}-{entry['id'][:8]}.md", markdown(entry, user.time_zone, user.clock)
            )
            for name, data in pictures:
                archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)  # JPEG and PNG are compressed
        out.write(b"\n ]\n}\n")
        out.seek(0)
        with archive.open("journal.json", "w") as member:
            shutil.copyfileobj(out, member)
    pdf = build_pdf(patient_export(user, ExportOptions(page_size=user.paper_size)), configured_fonts())
    archive.writestr("journal.pdf", pdf)
    archive.writestr("README.txt", readme())


def readme() -> str:
    """The archive's README, in the active language (the account's)."""
    return str(README)


README = _l("""Your Integration Journal, exported.

journal.json   everything you wrote: sessions, entries (with check-ins, after-effects, tags,
               shares and replies), drafts and connections. Its format is described by
               journal-export.schema.json in the app's source (format "integration-journal-export",
               version 1), and it can be imported into another account.
entries/       one Markdown file per entry, readable in any text editor.
pictures/      the pictures and drawings of your entries, named by the entry's id.
journal.pdf    the whole journal as a PDF.

This file is not encrypted. Keep it somewhere private.
""")
