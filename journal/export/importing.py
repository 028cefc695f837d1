"""Import a journal: our own export (journal.json, or the zip it comes in) and Day One's JSON export zip.

Every import is one transaction: a file that is wrong anywhere changes
nothing and says what is wrong. Imported sessions and entries get ids derived
from the account and the source's own ids, so importing the same file again
adds nothing, and an entry already there is never overwritten. Shares,
replies, connections and drafts belong to relationships in the other
account; they are not imported.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import jsonschema
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
from journal.pictures.processing import PictureRefused
from journal.pictures.services import add_pictures
from journal.safety import plan as safety_plan
from journal.sessions.services import SessionDetails, save_session
from journal.timezones import is_valid_time_zone
from journal.vault import seal_row

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "journal-export.schema.json"
MAX_UPLOAD_BYTES = 64 * 1024 * 1024  # the file as sent (a browser upload is also bounded by MAX_CONTENT_LENGTH)
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # everything inside a zip, unpacked
MAX_MEMBERS = 20_000
MAX_RATIO = 100  # unpacked / packed, per member: more is a zip bomb
NAMESPACE = uuid.UUID("6f1c3d52-9a0e-4b7e-8f43-2d7c1a9e5b60")  # for ids derived from a source's ids


class ImportRefused(ValueError):
    """The file cannot be imported; the message says why, for the person."""


@dataclass
class ImportSummary:
    source: str  # "Integration Journal" or "Day One"
    entries_added: int = 0
    sessions_added: int = 0
    already_there: int = 0
    photos_skipped: int = 0
    not_imported: list[str] = field(default_factory=list)  # what the format holds that we do not import
    kept_own_plan: bool = False  # the file had a safety plan, and the account already has its own

    def sentence(self) -> str:
        parts = [f"{self.entries_added} {'entry' if self.entries_added == 1 else 'entries'}"]
        if self.sessions_added:
            parts.append(f"{self.sessions_added} session{'s' if self.sessions_added != 1 else ''}")
        text = f"Imported {' and '.join(parts)} from {self.source}."
        if self.already_there:
            text += f" {self.already_there} were already in your journal and were left as they are."
        if self.photos_skipped:
            text += f" {self.photos_skipped} photo{'s were' if self.photos_skipped != 1 else ' was'} skipped."
        if self.kept_own_plan:
            text += " Your own safety plan was kept; the one in the file was not imported."
        return text


@cache
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def import_file(user: User, name: str, data: bytes, *, by: str) -> ImportSummary:
    """Import an uploaded file into ``user``'s journal in one transaction. Commits; audited.

    Raises ImportRefused (nothing changed) when the file cannot be used.
    """
    document, photos, pictures = _read(name, data)
    try:
        if document.get("format") == "integration-journal-export" or "format" in document:
            summary = _import_ours(user, document, pictures)
        elif isinstance(document.get("entries"), list) and "metadata" in document:
            summary = _import_day_one(user, document, photos)
        else:
            raise ImportRefused("This file is neither an Integration Journal export nor a Day One JSON export.")
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    audit.record(
        Event.DATA_IMPORTED,
        subject_id=user.id,
        actor_id=user.id if by == "settings" else None,
        detail=f"{summary.source}: {summary.entries_added} entries, by {by}",
    )
    return summary


# Reading the file ---------------------------------------------------------------------


def _read(name: str, data: bytes) -> tuple[dict, int, dict[str, bytes]]:
    """The JSON document inside the file, how many photos a Day One zip holds, and our export's pictures."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _read_zip(data)
    if name.lower().endswith(".json") or data.lstrip()[:1] == b"{":
        return _parse_json(data, name), 0, {}
    raise ImportRefused("This is not a zip or a JSON file. Choose the zip (or journal.json) an export made.")


def _read_zip(data: bytes) -> tuple[dict, int, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportRefused(f"The zip file is damaged ({error}).") from None
    if len(members) > MAX_MEMBERS:
        raise ImportRefused("The zip holds too many files to be a journal export.")
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES or any(
        m.compress_size and m.file_size / m.compress_size > MAX_RATIO for m in members
    ):
        raise ImportRefused("The zip unpacks to far more than it holds: it is not a journal export.")
    names = {m.filename for m in members}
    json_names = (
        ["journal.json"]
        if "journal.json" in names
        else sorted(n for n in names if n.lower().endswith(".json") and "/" not in n.strip("/"))
    )
    if len(json_names) != 1:
        raise ImportRefused("The zip should hold one journal: journal.json, or one Day One journal's JSON file.")
    photos = sum(
        1 for n in names if n.lower().startswith(("photos/", "videos/", "audios/", "pdfs/")) and not n.endswith("/")
    )
    try:
        inner = archive.read(json_names[0])
        pictures = {n: archive.read(n) for n in names if n.startswith("pictures/") and not n.endswith("/")}
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, zlib.error) as error:
        raise ImportRefused(f"{json_names[0]} cannot be unpacked ({error}).") from None
    return _parse_json(inner, json_names[0]), photos, pictures


def _parse_json(data: bytes, name: str) -> dict:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportRefused(f"{name} is not valid JSON ({error}).") from None
    if not isinstance(document, dict):
        raise ImportRefused(f"{name} does not hold a journal.")
    return document


def _derived_id(user: User, kind: str, source_id: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{user.id}:{kind}:{source_id}")


def _time(value: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        raise ImportRefused(f"{where}: {value!r} is not a date and time.") from None
    if moment.tzinfo is None:
        raise ImportRefused(f"{where}: {value!r} has no time zone.")
    return moment.astimezone(UTC)


def _tags(where: str, raw) -> list[str]:
    """Tags as the editor keeps them (trimmed, no blanks or repeats, no commas inside)."""
    if not isinstance(raw, list) or not all(isinstance(tag, str) for tag in raw):
        raise ImportRefused(f"{where}: tags should be a list of words.")
    return parse_tags(",".join(raw))


def _check_lengths(where: str, title: str, texts: list[str], note: str, tags: list[str]) -> None:
    if len(title) > TITLE_MAX:
        raise ImportRefused(f"{where}: the title is longer than {TITLE_MAX:,} characters.")
    if any(len(text) > ANSWER_MAX for text in texts):
        raise ImportRefused(f"{where}: a text is longer than {ANSWER_MAX:,} characters.")
    if len(note) > NOTE_MAX:
        raise ImportRefused(f"{where}: the after-effects note is longer than {NOTE_MAX:,} characters.")
    if len(tags) > MAX_TAGS or any(len(tag) > TAG_MAX for tag in tags):
        raise ImportRefused(f"{where}: at most {MAX_TAGS} tags of up to {TAG_MAX} characters each.")


def _exists(model, row_id: uuid.UUID) -> bool:
    return db.session.scalar(select(model.id).where(model.id == row_id)) is not None


# Our own format -------------------------------------------------------------------------


def _import_ours(user: User, document: dict, pictures: dict[str, bytes]) -> ImportSummary:
    if document.get("format") != "integration-journal-export":
        raise ImportRefused("This JSON file is not an Integration Journal export.")
    if document.get("version") != 1:
        raise ImportRefused(f"This export is version {document.get('version')!r}; this app reads version 1.")
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "the top level"
        raise ImportRefused(f"The export does not follow its format at {where}: {first.message}")
    summary = ImportSummary("Integration Journal", not_imported=["shares", "replies", "connections", "drafts"])
    _import_questionnaires(user, document.get("questionnaires", []))
    if not _import_safety_plan(user, document.get("safety_plan")):
        summary.kept_own_plan = True
    sessions: dict[str, uuid.UUID] = {}
    for item in document["sessions"]:
        session_id = sessions[item["id"]] = _derived_id(user, "session", item["id"])
        if _exists(TreatmentSession, session_id):
            continue
        if any(len(item[k]) > ANSWER_MAX for k in ("intention", "notes")) or any(
            len(item[k]) > SHORT_MAX for k in ("medicine_other", "setting_other")
        ):
            raise ImportRefused(f"Session of {item['occurred_at'][:10]}: a text is longer than this app keeps.")
        save_session(
            None,
            owner_id=user.id,
            occurred_at=_time(item["occurred_at"], "A session"),
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
        summary.sessions_added += 1
    for number, item in enumerate(document["entries"], start=1):
        entry_id = _derived_id(user, "entry", item["id"])
        if _exists(Entry, entry_id):
            summary.already_there += 1
            continue
        answers = [Answer(a["prompt_id"], a["theme"], a["prompt"], a["text"]) for a in item["answers"]]
        tags = _tags(f"Entry {number}", item["tags"])
        _check_lengths(f"Entry {number}", item["title"], [a.text for a in answers], item["after_effects_note"], tags)
        checkin = item["checkin"]
        row = create_entry(
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
            created_at=_time(item["created_at"], f"Entry {number}"),
            trashed_at=_time(item["trashed_at"], f"Entry {number}") if item["trashed_at"] else None,
            commit=False,
        )
        row.to_discuss = bool(item.get("to_discuss", False))
        _import_pictures(row, item.get("pictures", []), pictures, f"Entry {number}")
        summary.entries_added += 1
    return summary


def _import_pictures(row: Entry, names: list[str], files: dict[str, bytes], where: str) -> None:
    """An entry's pictures from the zip, checked and re-encoded as an upload is, in the import's transaction."""
    if not names:
        return
    missing = [name for name in names if name not in files]
    if missing:
        raise ImportRefused(f"{where}: {missing[0]} is not in the zip.")
    try:
        add_pictures(row, [files[name] for name in names], commit=False)
    except PictureRefused as refused:
        raise ImportRefused(f"{where}: {refused}") from None


def _import_safety_plan(user: User, item: dict | None) -> bool:
    """The safety plan, unless the account already has one: a plan is one whole, never merged.
    False when one was in the file and left out."""
    if item is None:
        return True
    if safety_plan.plan_of(user.id) is not None:
        return False
    if any(len(text) > safety_plan.SECTION_MAX for text in item["sections"].values()):
        raise ImportRefused("The safety plan: a section is longer than this app keeps.")
    try:
        safety_plan.save(user.id, item["sections"], 0, at=_time(item["updated_at"], "The safety plan"), commit=False)
    except safety_plan.PlanConflict:  # written in another tab during the import
        raise ImportRefused(
            "Your safety plan was saved while this file was being imported. Please import it again."
        ) from None
    return True


def _import_questionnaires(user: User, items: list[dict]) -> None:
    """Questionnaire responses, rescored here: a total is never taken on trust from a file."""
    for number, item in enumerate(items, start=1):
        response_id = _derived_id(user, "measure", item["id"])
        if _exists(MeasureResponse, response_id):
            continue
        instrument = measures().instruments[item["instrument"]]
        try:
            result = score(instrument, item["answers"])
            difficulty = read_difficulty(instrument, item["difficulty"])
        except AnswersRefused:
            raise ImportRefused(f"Questionnaire {number}: the answers do not fit the {instrument.name}.") from None
        row = MeasureResponse(
            id=response_id,
            owner_id=user.id,
            instrument=instrument.key,
            library_version=item["library_version"],
            total=result.total,
            taken_at=_time(item["taken_at"], f"Questionnaire {number}"),
        )
        seal_row(row, {"answers": item["answers"], "difficulty": difficulty})
        db.session.add(row)


# Day One ----------------------------------------------------------------------------------


def _import_day_one(user: User, document: dict, photos: int) -> ImportSummary:
    """Day One's JSON export: text (Markdown; a first line that is a heading becomes the title),
    dates with the zone each entry was written in, tags, and starred (kept as the tag "starred");
    photos are skipped and counted."""
    summary = ImportSummary("Day One", photos_skipped=photos, not_imported=["photos", "locations", "weather"])
    for number, item in enumerate(document["entries"], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("creationDate"), str):
            raise ImportRefused(f"Day One entry {number} has no creation date.")
        source_id = str(item.get("uuid") or f"{item['creationDate']}-{number}")
        entry_id = _derived_id(user, "day-one", source_id)
        if _exists(Entry, entry_id):
            summary.already_there += 1
            continue
        title, text = _day_one_text(str(item.get("text") or ""))
        tags = _tags(f"Day One entry {number}", item.get("tags") or [])
        if item.get("starred"):
            tags = parse_tags(",".join([*tags, "starred"]))
        _check_lengths(f"Day One entry {number}", title, [text], "", tags)
        created_at = _time(item["creationDate"], f"Day One entry {number}")
        if not photos:
            listed = item.get("photos") or []
            summary.photos_skipped += len(listed) if isinstance(listed, list) else 0
        create_entry(
            owner_id=user.id,
            kind=EntryKind.FREE,
            entry_id=entry_id,
            created_at=created_at,
            content=EntryContent(
                title=title,
                answers=[Answer(None, None, None, text)],
                tags=tags,
                time_zone=_zone(str(item.get("timeZone") or "")),
            ),
            checkin=CheckIn(),
            commit=False,
        )
        summary.entries_added += 1
    return summary


def _zone(name: str) -> str:
    """The entry's own time zone when it is a known IANA name; otherwise none."""
    return name if is_valid_time_zone(name) else ""


def _day_one_text(text: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    if first.startswith("#"):
        title = first.lstrip("#").strip()
        if 0 < len(title) <= TITLE_MAX:
            return title, rest.strip("\n")
    return "", text
