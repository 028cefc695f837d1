"""Import a journal: our own export (journal.json, or the zip it comes in) and Day One's JSON export zip.

An import reads and checks the whole file first (text lengths, dates, every
picture decoded and re-encoded), so a file that is wrong anywhere changes
nothing and says what is wrong. Only then is it written, ``IMPORT_BATCH_SIZE``
items per commit, so that nobody else's save waits behind one long transaction
(SQLite has one writer at a time). Imported sessions and entries get ids derived
from the account and the source's own ids, so importing the same file again
adds nothing, and an entry already there is never overwritten: an import cut
short while writing (a restart, a lost database) is finished by importing the
same file again. Shares, replies, connections and drafts belong to
relationships in the other account; they are not imported.
"""

from __future__ import annotations

import io
import json
import re
import time
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, partial
from pathlib import Path

import jsonschema
from flask import current_app
from flask_babel import format_number, lazy_ngettext, ngettext, pgettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from journal import audit
from journal.audit import Event
from journal.entries.content import AFTER_EFFECTS, Answer, CheckIn, EntryContent, parse_tags
from journal.entries.forms import MAX_TAGS, TAG_MAX
from journal.entries.services import create_entry
from journal.extensions import db
from journal.forms import ANSWER_MAX, NOTE_MAX, SHORT_MAX, TITLE_MAX
from journal.measures.instruments import measures
from journal.measures.scoring import AnswersRefused, read_difficulty, score
from journal.models import Entry, EntryKind, MeasureResponse, Medicine, Setting, TreatmentSession, User
from journal.pictures.processing import PictureRefused, Prepared
from journal.pictures.services import MAX_PER_ENTRY, add_prepared, prepare_all, prepare_one
from journal.safety import plan as safety_plan
from journal.sessions.services import SessionDetails, save_session
from journal.timezones import is_valid_time_zone
from journal.vault import seal_row

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "journal-export.schema.json"
SQLITE_BATCH_PAUSE = 0.12  # seconds; longer than the busy handler's longest sleep between tries (100 ms)
MAX_DEPTH = 20  # lists and objects inside each other; both formats need fewer than 10
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # everything inside a zip, unpacked
MAX_MEMBERS = 20_000
MAX_RATIO = 100  # unpacked / packed, per member: more is a zip bomb
NAMESPACE = uuid.UUID("6f1c3d52-9a0e-4b7e-8f43-2d7c1a9e5b60")  # for ids derived from a source's ids


class ImportRefused(ValueError):
    """The file cannot be imported and nothing changed; the message says why, for the person."""

    def for_person(self) -> str:
        return _("Nothing was imported. %(reason)s", reason=str(self))


class ImportInterrupted(ImportRefused):
    """Writing stopped part way (the database went away); what was committed stays, and importing again finishes."""

    def for_person(self) -> str:
        return str(self)


Write = Callable[[], object]  # one item to add, checked already


IMPORTED = ("entry", "session", "picture", "questionnaire", "safety plan")  # what an import brings in, in this order


@dataclass
class ImportSummary:
    """What came in, counted by kind, and what was left out, counted by kind and reason (a key of ``WHY``)."""

    source: str  # "Integration Journal" or "Day One": names, never translated
    imported: dict[str, int] = field(default_factory=lambda: dict.fromkeys(IMPORTED, 0))  # kind -> how many
    skipped: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, reason) -> how many

    def add(self, kind: str, count: int = 1) -> None:
        self.imported[kind] = self.imported.get(kind, 0) + count

    def skip(self, kind: str, reason: str, count: int = 1) -> None:
        if count:
            self.skipped[kind, reason] = self.skipped.get((kind, reason), 0) + count

    def imported_sentence(self) -> str:
        parts = [_counted(kind, n) for kind, n in self.imported.items() if n or kind == "entry"]
        return _("Imported %(things)s from %(source)s.", things=_listed(parts), source=self.source)

    def left_out(self) -> list[tuple[str, str]]:
        """What was left out and why, one pair per kind and reason: ("2 entries", "already in your journal, …")."""
        return [(_counted(kind, n, whole="the"), str(WHY[reason])) for (kind, reason), n in self.skipped.items()]

    def sentence(self) -> str:
        """The whole summary in one paragraph, for the command line."""
        text = self.imported_sentence()
        if self.skipped:
            reasons = pgettext("list separator", "; ").join(f"{what} ({why})" for what, why in self.left_out())
            text = _("%(imported)s Left out: %(reasons)s.", imported=text, reasons=reasons)
        return text

    def message(self) -> dict:
        """For the page after the import: the sentence of what came in, and a list of what was left out."""
        return {"text": self.imported_sentence(), "left_out": [f"{what}: {why}" for what, why in self.left_out()]}


def _listed(parts: list[str]) -> str:
    """Parts as one list in words: "2 entries, 1 session and your safety plan"."""
    if len(parts) == 1:
        return parts[0]
    return _("%(items)s and %(last)s", items=pgettext("list separator", ", ").join(parts[:-1]), last=parts[-1])


# How many of a kind, in words; each kind its own sentence to translate, for its plural forms.
COUNTED: dict[str, Callable[[int], str]] = {
    "entry": lambda n: ngettext("%(num)d entry", "%(num)d entries", n),
    "session": lambda n: ngettext("%(num)d session", "%(num)d sessions", n),
    "picture": lambda n: ngettext("%(num)d picture", "%(num)d pictures", n),
    "questionnaire": lambda n: ngettext("%(num)d questionnaire", "%(num)d questionnaires", n),
    "share": lambda n: ngettext("%(num)d share", "%(num)d shares", n),
    "reply": lambda n: ngettext("%(num)d reply", "%(num)d replies", n),
    "connection": lambda n: ngettext("%(num)d connection", "%(num)d connections", n),
    "draft": lambda n: ngettext("%(num)d draft", "%(num)d drafts", n),
    "photo": lambda n: ngettext("%(num)d photo", "%(num)d photos", n),
    "video": lambda n: ngettext("%(num)d video", "%(num)d videos", n),
    "audio recording": lambda n: ngettext("%(num)d audio recording", "%(num)d audio recordings", n),
    "PDF": lambda n: ngettext("%(num)d PDF", "%(num)d PDFs", n),
    "location": lambda n: ngettext("%(num)d location", "%(num)d locations", n),
    "weather note": lambda n: ngettext("%(num)d weather note", "%(num)d weather notes", n),
}
# What a file holds one of, named whole: as what came in ("your") and as what was left out ("the").
WHOLE = {
    ("safety plan", "your"): _l("your safety plan"),
    ("safety plan", "the"): _l("the safety plan"),
    ("account", "your"): _l("your account's name, email address and time zone"),
    ("account", "the"): _l("the account's name, email address and time zone"),
}


def _counted(kind: str, count: int, whole: str = "your") -> str:
    """How many of a kind, in words: "2 entries", "1 reply"; a thing a file holds one of as "your safety plan"."""
    if (kind, whole) in WHOLE:
        return str(WHOLE[kind, whole])
    return COUNTED[kind](count)


# Why something in a file was left out, as the summary says it: the one place for these reasons.
WHY = {
    "already there": _l("already in your journal, left as it was"),
    "twice in the file": _l("in the file more than once, brought in once"),
    "entry already there": _l("their entry is already in your journal"),
    "own plan": _l("you have your own, and a plan is one whole, never merged or replaced"),
    "account": _l("this account keeps its own"),
    "not in the zip": _l("not in the zip"),
    "not a picture": _l("not a picture this app keeps"),
    "too many pictures": lazy_ngettext(
        "an entry keeps up to %(num)d picture", "an entry keeps up to %(num)d pictures", MAX_PER_ENTRY
    ),
    "shares": _l("what you shared stays with the account you shared it from"),
    "replies": _l("they belong to your therapist's connection with that account"),
    "connections": _l("a therapist connects with each account themselves"),
    "drafts": _l("unfinished writing stays where it was written"),
    "locations": _l("this app does not keep where you were"),
    "weather": _l("this app does not keep it"),
    "attachments": _l("this app keeps words and pictures only"),
}


@cache
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def import_file(user: User, name: str, data: bytes, *, by: str) -> ImportSummary:
    """Import an uploaded file into ``user``'s journal: checked whole, then written in batches. Commits; audited.

    Raises ImportRefused (nothing changed) when the file cannot be used, and
    ImportInterrupted when writing stopped part way (importing again finishes).
    """
    config = current_app.config
    document, files = _read(name, data, config["IMPORT_MAX_BYTES"])
    _check_size(document, config["IMPORT_MAX_ENTRIES"])
    writes: list[Write] = []
    try:
        if document.get("format") == "integration-journal-export" or "format" in document:
            summary = _import_ours(user, document, files, writes)
        elif isinstance(document.get("entries"), list) and "metadata" in document:
            summary = _import_day_one(user, document, files, writes)
        else:
            raise ImportRefused(_("This file is neither an Integration Journal export nor a Day One JSON export."))
    except BaseException:
        db.session.rollback()
        raise
    _write(writes, config["IMPORT_BATCH_SIZE"], user, by)
    _record(user, by, f"{summary.source}: {summary.imported['entry']} entries")
    return summary


def _write(writes: list[Write], batch_size: int, user: User, by: str) -> None:
    """Run the writes, committing every ``batch_size``: SQLite's write lock is held for one batch at a time."""
    committed = 0
    try:
        for done, write in enumerate(writes, 1):
            write()
            if done % batch_size == 0:
                db.session.commit()
                committed = done
                _let_others_write()
        db.session.commit()
    except Exception as error:
        db.session.rollback()
        if not committed or isinstance(error, ImportRefused):
            raise
        _record(user, by, f"interrupted after {committed} of {len(writes)} items ({type(error).__name__})")
        raise ImportInterrupted(
            _(
                "Part of this file was imported before something went wrong on our side. Please import the same "
                "file again: what is already in your journal is skipped, and the rest is added."
            )
        ) from error


def _let_others_write() -> None:
    """On SQLite, pause between batches: a writer waiting for the lock polls it every 100 ms at most, and an
    import starting its next batch at once would win it again and again."""
    if db.engine.dialect.name == "sqlite":
        time.sleep(SQLITE_BATCH_PAUSE)


def _record(user: User, by: str, detail: str) -> None:
    audit.record(
        Event.DATA_IMPORTED,
        subject_id=user.id,
        actor_id=user.id if by == "settings" else None,
        detail=f"{detail}, by {by}",
    )


# Reading the file ---------------------------------------------------------------------


def _read(name: str, data: bytes, max_bytes: int) -> tuple[dict, dict[str, bytes]]:
    """The JSON document inside the file, and the pictures (ours) or photos (Day One's) in a zip."""
    if len(data) > max_bytes:
        raise ImportRefused(_("The file is larger than %(size)s MB.", size=format_number(max_bytes // (1024 * 1024))))
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _read_zip(data)
    if name.lower().endswith(".json") or data.lstrip()[:1] == b"{":
        return _parse_json(data, name), {}
    raise ImportRefused(_("This is not a zip or a JSON file. Choose the zip (or journal.json) an export made."))


def _read_zip(data: bytes) -> tuple[dict, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportRefused(_("The zip file is damaged (%(error)s).", error=error)) from None
    if len(members) > MAX_MEMBERS:
        raise ImportRefused(_("The zip holds too many files to be a journal export."))
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES or any(
        m.compress_size and m.file_size / m.compress_size > MAX_RATIO for m in members
    ):
        raise ImportRefused(_("The zip unpacks to far more than it holds: it is not a journal export."))
    names = {m.filename for m in members}
    json_names = (
        ["journal.json"]
        if "journal.json" in names
        else sorted(n for n in names if n.lower().endswith(".json") and "/" not in n.strip("/"))
    )
    if len(json_names) != 1:
        raise ImportRefused(_("The zip should hold one journal: journal.json, or one Day One journal's JSON file."))
    try:
        inner = archive.read(json_names[0])
        files = {
            n: archive.read(n) for n in names if n.lower().startswith(("pictures/", "photos/")) and not n.endswith("/")
        }
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, zlib.error) as error:
        raise ImportRefused(_("%(name)s cannot be unpacked (%(error)s).", name=json_names[0], error=error)) from None
    return _parse_json(inner, json_names[0]), files


def _parse_json(data: bytes, name: str) -> dict:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportRefused(_("%(name)s is not valid JSON (%(error)s).", name=name, error=error)) from None
    except RecursionError:
        raise ImportRefused(_("%(name)s is nested far more deeply than a journal is.", name=name)) from None
    if not isinstance(document, dict):
        raise ImportRefused(_("%(name)s does not hold a journal.", name=name))
    if _depth(document) > MAX_DEPTH:
        raise ImportRefused(_("%(name)s is nested far more deeply than a journal is.", name=name))
    return document


def _depth(document: dict) -> int:
    """How deeply lists and objects sit inside each other, found without recursion."""
    deepest = 0
    stack: list[tuple[dict | list, int]] = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def _check_size(document: dict, max_entries: int) -> None:
    count = sum(len(document[key]) for key in ("entries", "sessions") if isinstance(document.get(key), list))
    if count > max_entries:
        raise ImportRefused(
            _(
                "The file holds %(count)s entries and sessions; this app imports up to %(most)s at a time.",
                count=format_number(count),
                most=format_number(max_entries),
            )
        )


def _derived_id(user: User, kind: str, source_id: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{user.id}:{kind}:{source_id}")


def _time(value: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        raise ImportRefused(_("%(where)s: %(value)s is not a date and time.", where=where, value=repr(value))) from None
    if moment.tzinfo is None:
        raise ImportRefused(_("%(where)s: %(value)s has no time zone.", where=where, value=repr(value)))
    return moment.astimezone(UTC)


def _tags(where: str, raw) -> list[str]:
    """Tags as the editor keeps them (trimmed, no blanks or repeats, no commas inside)."""
    if not isinstance(raw, list) or not all(isinstance(tag, str) for tag in raw):
        raise ImportRefused(_("%(where)s: tags should be a list of words.", where=where))
    return parse_tags(",".join(raw))


def _check_lengths(where: str, title: str, texts: list[str], note: str, tags: list[str]) -> None:
    if len(title) > TITLE_MAX:
        raise ImportRefused(
            _("%(where)s: the title is longer than %(most)s characters.", where=where, most=format_number(TITLE_MAX))
        )
    if any(len(text) > ANSWER_MAX for text in texts):
        raise ImportRefused(
            _("%(where)s: a text is longer than %(most)s characters.", where=where, most=format_number(ANSWER_MAX))
        )
    if len(note) > NOTE_MAX:
        raise ImportRefused(
            _(
                "%(where)s: the after-effects note is longer than %(most)s characters.",
                where=where,
                most=format_number(NOTE_MAX),
            )
        )
    if len(tags) > MAX_TAGS or any(len(tag) > TAG_MAX for tag in tags):
        raise ImportRefused(
            _(
                "%(where)s: at most %(tags)d tags of up to %(chars)d characters each.",
                where=where,
                tags=MAX_TAGS,
                chars=TAG_MAX,
            )
        )


def _exists(model, row_id: uuid.UUID) -> bool:
    return db.session.scalar(select(model.id).where(model.id == row_id)) is not None


# Our own format -------------------------------------------------------------------------


def _import_ours(user: User, document: dict, files: dict[str, bytes], writes: list[Write]) -> ImportSummary:
    """Check our own export whole and queue its writes: safety plan, questionnaires, sessions, entries."""
    if document.get("format") != "integration-journal-export":
        raise ImportRefused(_("This JSON file is not an Integration Journal export."))
    if document.get("version") != 1:
        raise ImportRefused(
            _("This export is version %(version)s; this app reads version 1.", version=repr(document.get("version")))
        )
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or _("the top level")
        raise ImportRefused(
            _("The export does not follow its format at %(where)s: %(problem)s", where=where, problem=first.message)
        )
    summary = ImportSummary("Integration Journal")
    _plan_safety_plan(user, document.get("safety_plan"), writes, summary)
    _plan_questionnaires(user, document.get("questionnaires", []), writes, summary)
    sessions: dict[str, uuid.UUID] = {}
    for item in document["sessions"]:
        if item["id"] in sessions:
            summary.skip("session", "twice in the file")
            continue
        session_id = sessions[item["id"]] = _derived_id(user, "session", item["id"])
        if _exists(TreatmentSession, session_id):
            summary.skip("session", "already there")
            continue
        if any(len(item[k]) > ANSWER_MAX for k in ("intention", "notes")) or any(
            len(item[k]) > SHORT_MAX for k in ("medicine_other", "setting_other")
        ):
            raise ImportRefused(
                _("Session of %(date)s: a text is longer than this app keeps.", date=item["occurred_at"][:10])
            )
        writes.append(
            partial(
                save_session,
                None,
                owner_id=user.id,
                occurred_at=_time(item["occurred_at"], _("A session")),
                medicine=Medicine(item["medicine"]),
                setting=Setting(item["setting"]),
                details=SessionDetails(
                    intention=item["intention"],
                    notes=item["notes"],
                    medicine_other=item["medicine_other"],
                    setting_other=item["setting_other"],
                ),
                session_id=session_id,
                commit=False,
            )
        )
        summary.add("session")
    seen: set[uuid.UUID] = set()
    for number, item in enumerate(document["entries"], start=1):
        entry_id = _derived_id(user, "entry", item["id"])
        if entry_id in seen or _exists(Entry, entry_id):
            summary.skip("entry", "twice in the file" if entry_id in seen else "already there")
            summary.skip("picture", "entry already there", len(item.get("pictures", [])))
            continue
        seen.add(entry_id)
        answers = [Answer(a["prompt_id"], a["theme"], a["prompt"], a["text"]) for a in item["answers"]]
        where = _("Entry %(number)d", number=number)
        tags = _tags(where, item["tags"])
        _check_lengths(where, item["title"], [a.text for a in answers], item["after_effects_note"], tags)
        checkin = item["checkin"]
        pictures = _our_pictures(item.get("pictures", []), files, where)
        writes.append(
            partial(
                _add_entry,
                pictures,
                to_discuss=bool(item.get("to_discuss", False)),
                owner_id=user.id,
                kind=EntryKind(item["kind"]),
                entry_id=entry_id,
                content=EntryContent(
                    title=item["title"],
                    answers=answers,
                    after_effects=[e for e in item["after_effects"] if e in AFTER_EFFECTS],
                    after_effects_note=item["after_effects_note"],
                    tags=tags,
                    time_zone=_zone(item.get("time_zone", "")),
                ),
                checkin=CheckIn(checkin["mood"], checkin["intensity"], checkin["detachment"]),
                session_id=sessions.get(item["session_id"]) if item["session_id"] else None,
                prompt_set=item["prompt_set"],
                library_version=item["library_version"],
                created_at=_time(item["created_at"], where),
                trashed_at=_time(item["trashed_at"], where) if item["trashed_at"] else None,
            )
        )
        summary.add("entry")
        summary.add("picture", len(pictures))
    _count_left_out(document, summary)
    return summary


def _count_left_out(document: dict, summary: ImportSummary) -> None:
    """What our format holds that belongs to the other account: its details, shares, replies, connections, drafts."""
    summary.skip("account", "account")
    shares = [s for key in ("sessions", "entries") for item in document[key] for s in item["shared_with"]]
    summary.skip("share", "shares", len(shares))
    summary.skip("reply", "replies", sum(len(item["replies"]) for item in document["entries"]))
    summary.skip("connection", "connections", len(document["connections"]))
    summary.skip("draft", "drafts", len(document["drafts"]))


def _add_entry(pictures: list[Prepared], *, to_discuss: bool = False, **fields) -> None:
    """One checked entry and its checked pictures, in the current batch."""
    row = create_entry(**fields, commit=False)
    row.to_discuss = to_discuss
    if pictures:
        add_prepared(row, pictures, commit=False)


def _our_pictures(names: list[str], files: dict[str, bytes], where: str) -> list[Prepared]:
    """An entry's pictures from the zip, checked and re-encoded as an upload is."""
    if not names:
        return []
    missing = [name for name in names if name not in files]
    if missing:
        raise ImportRefused(_("%(where)s: %(name)s is not in the zip.", where=where, name=missing[0]))
    if len(names) > MAX_PER_ENTRY:
        raise ImportRefused(
            ngettext(
                "%(where)s: an entry holds up to %(num)d picture.",
                "%(where)s: an entry holds up to %(num)d pictures.",
                MAX_PER_ENTRY,
                where=where,
            )
        )
    try:
        return prepare_all([files[name] for name in names])
    except PictureRefused as refused:
        raise ImportRefused(_("%(where)s: %(problem)s", where=where, problem=refused)) from None


def _plan_safety_plan(user: User, item: dict | None, writes: list[Write], summary: ImportSummary) -> None:
    """The safety plan, unless the account already has one: a plan is one whole, never merged."""
    if item is None:
        return
    if safety_plan.plan_of(user.id) is not None:
        summary.skip("safety plan", "own plan")
        return
    if any(len(text) > safety_plan.SECTION_MAX for text in item["sections"].values()):
        raise ImportRefused(_("The safety plan: a section is longer than this app keeps."))
    writes.append(partial(_save_plan, user.id, item["sections"], _time(item["updated_at"], _("The safety plan"))))
    summary.add("safety plan")


def _save_plan(user_id: int, sections: dict, at: datetime) -> None:
    """Written first, in the first batch: a conflict still leaves nothing changed."""
    try:
        safety_plan.save(user_id, sections, 0, at=at, commit=False)
    except safety_plan.PlanConflict:  # written in another tab during the import
        raise ImportRefused(
            _("Your safety plan was saved while this file was being imported. Please import it again.")
        ) from None


def _plan_questionnaires(user: User, items: list[dict], writes: list[Write], summary: ImportSummary) -> None:
    """Questionnaire responses, rescored here: a total is never taken on trust from a file."""
    seen: set[uuid.UUID] = set()
    for number, item in enumerate(items, start=1):
        response_id = _derived_id(user, "measure", item["id"])
        if response_id in seen or _exists(MeasureResponse, response_id):
            summary.skip("questionnaire", "twice in the file" if response_id in seen else "already there")
            continue
        seen.add(response_id)
        instrument = measures().instruments[item["instrument"]]
        try:
            result = score(instrument, item["answers"])
            difficulty = read_difficulty(instrument, item["difficulty"])
        except AnswersRefused:
            raise ImportRefused(
                _(
                    "Questionnaire %(number)d: the answers do not fit the %(name)s.",
                    number=number,
                    name=instrument.name,
                )
            ) from None
        row = MeasureResponse(
            id=response_id,
            owner_id=user.id,
            instrument=instrument.key,
            library_version=item["library_version"],
            total=result.total,
            taken_at=_time(item["taken_at"], _("Questionnaire %(number)d", number=number)),
        )
        seal_row(row, {"answers": item["answers"], "difficulty": difficulty})
        writes.append(partial(db.session.add, row))
        summary.add("questionnaire")


# Day One ----------------------------------------------------------------------------------

# ![](dayone-moment://ID) is a photo; dayone-moment:/video/ID, /audio/ID and /pdfAttachment/ID the others.
PLACEHOLDER = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:/{1,2}(?:(?P<kind>[A-Za-z]+)/)?(?P<id>[A-Za-z0-9-]+)\)")
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: a backslash before ASCII punctuation
ATTACHMENTS = {"videos": "video", "audios": "audio recording", "pdfAttachments": "PDF"}  # Day One's key -> kind


@dataclass
class DayOneText:
    title: str
    text: str
    photo_ids: list[str]  # the photo placeholders, in the order they stood


def _import_day_one(user: User, document: dict, files: dict[str, bytes], writes: list[Write]) -> ImportSummary:
    """Day One's JSON export, as it read in Day One: the first line is the title, Markdown escapes are undone,
    and each photo in the zip comes in as a picture of its entry (in the order its placeholder stood),
    re-encoded as an upload is; a photo not in the zip, or not a picture we keep, is skipped and counted.
    Dates keep the zone each entry was written in; tags, and starred as the tag "starred"."""
    summary = ImportSummary("Day One")
    seen: set[uuid.UUID] = set()
    for number, item in enumerate(document["entries"], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("creationDate"), str):
            raise ImportRefused(_("Day One entry %(number)d has no creation date.", number=number))
        source_id = str(item.get("uuid") or f"{item['creationDate']}-{number}")
        entry_id = _derived_id(user, "day-one", source_id)
        if entry_id in seen or _exists(Entry, entry_id):
            summary.skip("entry", "twice in the file" if entry_id in seen else "already there")
            continue
        seen.add(entry_id)
        read = _day_one_text(str(item.get("text") or ""))
        where = _("Day One entry %(number)d", number=number)
        tags = _tags(where, item.get("tags") or [])
        if item.get("starred"):
            tags = parse_tags(",".join([*tags, "starred"]))
        _check_lengths(where, read.title, [read.text], "", tags)
        created_at = _time(item["creationDate"], where)
        pictures, skipped = _day_one_photos(item.get("photos"), read.photo_ids, files)
        for reason in skipped:
            summary.skip("photo", reason)
        for key, kind in ATTACHMENTS.items():
            listed = item.get(key)
            summary.skip(kind, "attachments", len(listed) if isinstance(listed, list) else 0)
        summary.skip("location", "locations", 1 if item.get("location") else 0)
        summary.skip("weather note", "weather", 1 if item.get("weather") else 0)
        writes.append(
            partial(
                _add_entry,
                pictures,
                owner_id=user.id,
                kind=EntryKind.FREE,
                entry_id=entry_id,
                created_at=created_at,
                content=EntryContent(
                    title=read.title,
                    answers=[Answer(None, None, None, read.text)],
                    tags=tags,
                    time_zone=_zone(str(item.get("timeZone") or "")),
                ),
                checkin=CheckIn(),
            )
        )
        summary.add("entry")
        summary.add("picture", len(pictures))
    return summary


def _day_one_photos(listed, placed: list[str], files: dict[str, bytes]) -> tuple[list[Prepared], list[str]]:
    """An entry's photos as pictures, placeholders' order first, and why each of the others was skipped."""
    photos = [p for p in listed if isinstance(p, dict)] if isinstance(listed, list) else []
    by_id = {str(p.get("identifier")): p for p in photos}
    ordered = [by_id[i] for i in dict.fromkeys(placed) if i in by_id]
    ordered += sorted((p for p in photos if p not in ordered), key=lambda p: p.get("orderInEntry") or 0)
    by_stem = {Path(name).stem.lower(): name for name in files if name.lower().startswith("photos/")}
    prepared: list[Prepared] = []
    skipped: list[str] = []
    for photo in ordered:
        name = by_stem.get(str(photo.get("md5") or "").lower())
        if name is None:
            skipped.append("not in the zip")
        elif len(prepared) == MAX_PER_ENTRY:
            skipped.append("too many pictures")
        else:
            try:
                prepared.append(prepare_one(files[name]))
            except PictureRefused:
                skipped.append("not a picture")
    return prepared, skipped


def _zone(name: str) -> str:
    """The entry's own time zone when it is a known IANA name; otherwise none."""
    return name if is_valid_time_zone(name) else ""


def _day_one_text(text: str) -> DayOneText:
    """The text as Day One showed it: the first line (a heading or not) as the title, the rest as the text,
    Markdown escapes undone, and the photo placeholders taken out (their photos become pictures)."""
    photo_ids = [m["id"] for m in PLACEHOLDER.finditer(text) if m["kind"] is None]
    text = PLACEHOLDER.sub("", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    first, _, rest = text.partition("\n")
    title = first.lstrip("#").strip() if first.startswith("#") else first.strip()
    title = _unescape(title)
    if len(title) > TITLE_MAX:  # Day One shows a long first line as it is: keep it as text
        return DayOneText("", _unescape(text), photo_ids)
    return DayOneText(title, _unescape(rest.strip("\n")), photo_ids)


def _unescape(text: str) -> str:
    return ESCAPED.sub(r"\1", text)
