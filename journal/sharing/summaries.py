"""Per-share summaries: what the therapist's dashboard shows of one patient, without reading the journal.

One row per (therapist, patient) holds, sealed with the patient's data key,
what the dashboard needs of that patient's live entries shared with that
therapist: how many there are and how many are unreviewed, when the latest was
written, the latest moods, and the after-effects among the unreviewed ones.
After-effects are health data, so the row is sealed (and padded) whole.

Every write that could change a summary drops the row and bumps the pair's
``Connection.summary_generation`` in its own transaction (``invalidate``):
sharing and unsharing, review, an edit, trash, restore, delete, connect and
disconnect (purging the trash changes nothing a summary holds: it counts live
entries only). The dashboard rebuilds missing or older-generation rows on its
next view (``pair_summaries``), reading only those patients' shared entries and
decrypting only their unreviewed ones. So a view costs one row per patient, and
a rebuild is paid once per change. A rebuild reads the generation before the
entries and stores it with the row, so a write that commits while a rebuild is
reading leaves a row that is already stale rather than a wrong flag. Dropping
rather than recomputing keeps saves cheap, and the same path builds the rows of
a database upgraded from before the table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from journal.access import shared_entries_query
from journal.entries.content import EntryContent
from journal.extensions import db
from journal.models import Connection, Entry, EntryShare, ShareSummary
from journal.vault import preload_data_keys, seal_row, unseal_row


def invalidate(patient_id: int, therapist_id: int | None = None) -> None:
    """Drop a patient's summaries (for one therapist, or all) inside the caller's transaction."""
    statement = delete(ShareSummary).where(ShareSummary.patient_id == patient_id)
    bump = update(Connection).where(Connection.patient_id == patient_id)
    if therapist_id is not None:
        statement = statement.where(ShareSummary.therapist_id == therapist_id)
        bump = bump.where(Connection.therapist_id == therapist_id)
    db.session.execute(bump.values(summary_generation=Connection.summary_generation + 1))
    db.session.execute(statement)


FORMAT = 2  # what a summary holds; a row of another format (1: after-effects only) is rebuilt
MOODS_KEPT = 11  # the latest mood and the ten before it: what the dashboard's low-mood rule compares
PADDED_LENGTH = 512


@dataclass
class PairSummary:
    """One patient's live entries shared with one therapist, as the dashboard shows them."""

    shared: int = 0
    unreviewed: int = 0
    last_entry_at: datetime | None = None
    moods: list[int] = field(default_factory=list)  # the latest MOODS_KEPT, oldest first
    effects: set[str] = field(default_factory=set)  # after-effect keys among the unreviewed entries


def _payload(summary: PairSummary) -> dict:
    """The sealed payload, padded so its size does not tell how many effects, moods or entries there are."""
    payload = {
        "format": FORMAT,
        "effects": sorted(summary.effects),
        "shared": summary.shared,
        "unreviewed": summary.unreviewed,
        "moods": summary.moods,
        "last": summary.last_entry_at.isoformat() if summary.last_entry_at else None,
    }
    return {**payload, "pad": " " * max(0, PADDED_LENGTH - len(json.dumps(payload, separators=(",", ":"))))}


def _opened(payload: dict) -> PairSummary | None:
    """The summary a payload holds, or None when it is of an older format."""
    if payload.get("format") != FORMAT:
        return None
    last = payload["last"]
    return PairSummary(
        shared=payload["shared"],
        unreviewed=payload["unreviewed"],
        moods=payload["moods"],
        effects=set(payload["effects"]),
        last_entry_at=datetime.fromisoformat(last) if last else None,
    )


def _recent_moods(shared):
    """Select (patient id, mood) of the latest MOODS_KEPT moods of each patient in ``shared``, newest first."""
    ranked = (
        shared.with_only_columns(
            Entry.owner_id,
            Entry.mood,
            func.row_number()
            .over(partition_by=Entry.owner_id, order_by=(Entry.created_at.desc(), Entry.id.desc()))
            .label("rank"),
        )
        .where(Entry.mood.is_not(None))
        .subquery()
    )
    return (
        select(ranked.c.owner_id, ranked.c.mood)
        .where(ranked.c.rank <= MOODS_KEPT)
        .order_by(ranked.c.owner_id, ranked.c.rank)
    )


def _rebuild(therapist_id: int, patient_ids: set[int]) -> dict[int, PairSummary]:
    """Compute and store the summaries of these patients from their shared entries. Commits."""
    generations = dict(
        db.session.execute(  # read first: a write after this makes what we store stale
            select(Connection.patient_id, Connection.summary_generation).where(
                Connection.therapist_id == therapist_id, Connection.patient_id.in_(patient_ids)
            )
        ).all()
    )
    found = {patient_id: PairSummary() for patient_id in patient_ids}
    shared = shared_entries_query(therapist_id).where(Entry.owner_id.in_(patient_ids))
    for patient_id, count, unreviewed, last_entry_at in db.session.execute(
        shared.with_only_columns(
            Entry.owner_id,
            func.count(),
            func.count(case((EntryShare.reviewed_at.is_(None), 1))),
            func.max(Entry.created_at),
        ).group_by(Entry.owner_id)
    ):
        summary = found[patient_id]
        summary.shared, summary.unreviewed, summary.last_entry_at = count, unreviewed, last_entry_at
    for patient_id, mood in db.session.execute(_recent_moods(shared)):  # newest first
        found[patient_id].moods.insert(0, mood)
    for entry in db.session.scalars(shared.with_only_columns(Entry).where(EntryShare.reviewed_at.is_(None))):
        found[entry.owner_id].effects |= set(EntryContent.from_payload(unseal_row(entry)).after_effects) - {"none"}
    db.session.execute(
        delete(ShareSummary).where(  # older generations
            ShareSummary.therapist_id == therapist_id, ShareSummary.patient_id.in_(patient_ids)
        )
    )
    for patient_id in patient_ids:
        row = ShareSummary(therapist_id=therapist_id, patient_id=patient_id, generation=generations.get(patient_id, 0))
        seal_row(row, _payload(found[patient_id]))
        db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:  # another request built them at the same moment: theirs stand
        db.session.rollback()
    return found


def current_summaries(therapist_id: int, patient_ids: set[int]) -> dict[int, PairSummary]:
    """The summaries of these patients that are current, without rebuilding any (one query, one unseal each)."""
    preload_data_keys(patient_ids)
    opened = {
        row.patient_id: _opened(unseal_row(row))
        for row in db.session.scalars(
            select(ShareSummary)
            .join(
                Connection,
                (Connection.therapist_id == ShareSummary.therapist_id)
                & (Connection.patient_id == ShareSummary.patient_id)
                & (Connection.summary_generation == ShareSummary.generation),
            )
            .where(ShareSummary.therapist_id == therapist_id, ShareSummary.patient_id.in_(patient_ids))
        )
    }
    return {patient_id: summary for patient_id, summary in opened.items() if summary is not None}


def pair_summaries(therapist_id: int, patient_ids: set[int]) -> dict[int, PairSummary]:
    """The summary of each of these patients for this therapist; those not current are rebuilt first (commits then)."""
    found = current_summaries(therapist_id, patient_ids)
    missing = set(patient_ids) - found.keys()
    if missing:
        found.update(_rebuild(therapist_id, missing))
    return found
