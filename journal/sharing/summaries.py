"""Per-share summaries: the after-effects a therapist has not reviewed yet, without decrypting the journal.

After-effects are health data and stay sealed: one row per (therapist,
patient) holds, sealed with the patient's data key, the set of after-effects
found among that therapist's unreviewed shared live entries of that patient.

Every write that could change the set drops the row and bumps the pair's
``Connection.summary_generation`` in its own transaction (``invalidate``):
sharing and unsharing, review, an edit, trash, restore, delete, purge, connect
and disconnect. The dashboard rebuilds missing or older-generation rows on its
next view (``unreviewed_effects``), decrypting only the unreviewed shared
entries of those patients. A rebuild reads the generation before the entries
and stores it with the row, so a write that commits while a rebuild is reading
leaves a row that is already stale rather than a wrong flag. Dropping rather
than recomputing keeps saves cheap, and the same path builds the rows of a
database upgraded from before the table.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import delete, select, update
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


PADDED_LENGTH = 256


def _payload(effects: set[str]) -> dict:
    """The sealed payload, padded so its size does not tell how many effects a patient reported."""
    names = sorted(effects)
    return {"effects": names, "pad": " " * max(0, PADDED_LENGTH - len(json.dumps(names, separators=(",", ":"))))}


def _rebuild(therapist_id: int, patient_ids: set[int]) -> dict[int, set[str]]:
    """Compute and store the summaries of these patients from their unreviewed shared entries. Commits."""
    generations = dict(db.session.execute(  # read first: a write after this makes what we store stale
        select(Connection.patient_id, Connection.summary_generation).where(
            Connection.therapist_id == therapist_id, Connection.patient_id.in_(patient_ids))).all())
    effects: dict[int, set[str]] = defaultdict(set)
    rows = db.session.scalars(
        shared_entries_query(therapist_id).with_only_columns(Entry)
        .where(Entry.owner_id.in_(patient_ids), EntryShare.reviewed_at.is_(None)))
    for entry in rows:
        effects[entry.owner_id] |= set(EntryContent.from_payload(unseal_row(entry)).after_effects) - {"none"}
    db.session.execute(delete(ShareSummary).where(  # older generations
        ShareSummary.therapist_id == therapist_id, ShareSummary.patient_id.in_(patient_ids)))
    for patient_id in patient_ids:
        summary = ShareSummary(therapist_id=therapist_id, patient_id=patient_id,
                               generation=generations.get(patient_id, 0))
        seal_row(summary, _payload(effects[patient_id]))
        db.session.add(summary)
    try:
        db.session.commit()
    except IntegrityError:  # another request built them at the same moment: theirs stand
        db.session.rollback()
    return {patient_id: effects[patient_id] for patient_id in patient_ids}


def unreviewed_effects(therapist_id: int, patient_ids: set[int]) -> dict[int, set[str]]:
    """After-effect keys per patient among this therapist's unreviewed shared entries.

    One query and one unseal per patient; patients without a summary yet are
    rebuilt first (commits then).
    """
    preload_data_keys(patient_ids)
    found = {row.patient_id: set(unseal_row(row)["effects"]) for row in db.session.scalars(
        select(ShareSummary)
        .join(Connection, (Connection.therapist_id == ShareSummary.therapist_id)
              & (Connection.patient_id == ShareSummary.patient_id)
              & (Connection.summary_generation == ShareSummary.generation))
        .where(ShareSummary.therapist_id == therapist_id, ShareSummary.patient_id.in_(patient_ids)))}
    missing = set(patient_ids) - found.keys()
    if missing:
        found.update(_rebuild(therapist_id, missing))
    return found
