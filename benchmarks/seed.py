"""Seed benchmark data through the app's services (never raw SQL).

Journals of a given size for one patient each, connected to their own
therapist who sees every entry (auto-share), and therapist caseloads of
``patients x entries``. Text is varied prose built from journal/demo.py's
sentences plus a few about a river and a stone, so the search "river stone"
finds some entries and misses most.
"""

from __future__ import annotations

import os
import random
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from journal.auth.services import create_user
from journal.clock import utcnow
from journal.demo import CLOSINGS, MIDDLES, OPENINGS, TAGS
from journal.entries.content import AFTER_EFFECTS, Answer, CheckIn, EntryContent
from journal.entries.services import create_entry
from journal.extensions import db
from journal.models import EntryKind, EntryShare, Medicine, Role, Setting, User
from journal.prompts import AFTER, library
from journal.sessions.services import SessionDetails, save_session
from journal.sharing.services import add_reply, connect, mark_reviewed, share_automatically

PASSWORD = "a quiet walk by the river"
MORE_TAGS = [*TAGS, "river", "stone", "friends", "fear", "dreams", "breath", "partner", "childhood", "trust", "rest"]
RIVER = [
    "Down by the river I found a flat stone and kept turning it over in my pocket all afternoon.",
    "The river was high after the rain, and the sound of it made the worry feel smaller.",
    "I thought of the stone my grandmother kept on her windowsill, smooth from years of her thumb.",
    "Sitting on the bank, I watched the water move around a stone without ever fighting it.",
]
TITLES = [
    "a quieter mind",
    "old patterns",
    "warmth",
    "letting go",
    "the lake",
    "after the rain",
    "small steps",
    "the long walk",
    "what stayed",
    "morning light",
]
REPLY = "Thank you for sharing this. The image you describe is one we could explore together next week."
MEDICINES = [Medicine.KETAMINE_IV, Medicine.KETAMINE_IM, Medicine.ESKETAMINE_NASAL, Medicine.PSILOCYBIN]


def paragraph(rng: random.Random, words: int) -> str:
    """A few sentences of journal prose, about ``words`` words long."""
    sentences = [rng.choice(OPENINGS)]
    while len(" ".join(sentences).split()) < words - 15:
        sentences.append(rng.choice(RIVER) if rng.random() < 0.06 else rng.choice(MIDDLES))
    sentences.append(rng.choice(CLOSINGS))
    return " ".join(sentences)


@dataclass
class Journal:
    """What the benchmark needs to find again in a seeded journal."""

    patient_id: int
    patient_email: str
    therapist_id: int
    therapist_email: str
    entries: int
    entry_ids: list = field(default_factory=list)
    session_ids: list = field(default_factory=list)
    tags: set = field(default_factory=set)


def _user(email: str, role: Role, name: str) -> User:
    return create_user(email=email, display_name=name, password=PASSWORD, role=role, time_zone="Europe/London")


def _content(rng: random.Random, prompt_set) -> EntryContent:
    effects = rng.sample(list(AFTER_EFFECTS)[:-1], k=rng.choice([0, 0, 0, 1, 2])) or ["none"]
    if prompt_set is None:
        answers = [Answer(None, None, None, paragraph(rng, rng.randint(60, 220)))]
        title = "Free writing"
    else:
        prompts = prompt_set.prompts[: rng.randint(2, 5)]
        answers = [Answer(p.id, p.theme, p.text, paragraph(rng, rng.randint(40, 110))) for p in prompts]
        title = f"{prompt_set.name}: {rng.choice(TITLES)}"
    return EntryContent(
        title=title,
        answers=answers,
        after_effects=effects,
        after_effects_note="",
        tags=rng.sample(MORE_TAGS, k=rng.randint(1, 3)),
    )


def seed_journal(label: str, entries: int, seed: int = 7) -> Journal:
    """A patient with ``entries`` entries over sessions two weeks apart, auto-shared with their therapist.

    Up to 40 sessions, each followed by its guided entries (same day, next day, ... one month);
    the rest is free writing spread over the same months. One shared entry in 20 has a reply.
    """
    rng = random.Random(seed)
    patient = _user(f"patient-{label}@example.org", Role.PATIENT, f"Patient {label}")
    therapist = _user(f"therapist-{label}@example.org", Role.THERAPIST, f"Dr. {label}")
    connect(patient, therapist).auto_share = True
    db.session.commit()
    journal = Journal(patient.id, patient.email, therapist.id, therapist.email, entries)
    sets = [prompt_set for prompt_set in library().sets if prompt_set.kind == AFTER]
    sessions = max(1, min(40, -(-entries // (len(sets) * 2))))
    now = utcnow().replace(minute=0, second=0, microsecond=0)
    first = now - timedelta(days=14 * sessions + 30)
    planned: list[tuple[datetime, object, object]] = []  # (when, prompt set, session id)
    for index in range(sessions):
        when = first + timedelta(days=14 * index, hours=10)
        session = save_session(
            None,
            owner_id=patient.id,
            occurred_at=when,
            medicine=MEDICINES[index % len(MEDICINES)],
            setting=Setting.CLINIC if index % 3 else Setting.HOME_MONITORED,
            details=SessionDetails(intention=paragraph(rng, 30), notes=paragraph(rng, 25)),
        )
        journal.session_ids.append(session.id)
        for prompt_set in sets:
            at = when + timedelta(days=prompt_set.offset_days, hours=8)
            if at < now and len(planned) < entries:
                planned.append((at, prompt_set, session.id))
    span = int((now - first).total_seconds())
    while len(planned) < entries:
        planned.append((first + timedelta(seconds=rng.randrange(span)), None, None))
    for written, (at, prompt_set, session_id) in enumerate(sorted(planned, key=lambda p: p[0])):
        checkin = CheckIn(rng.randint(-3, 4), rng.randint(0, 8), rng.randint(0, 7))
        content = _content(rng, prompt_set)
        journal.tags.update(content.tags)
        entry = create_entry(
            owner_id=patient.id,
            kind=EntryKind.GUIDED if prompt_set else EntryKind.FREE,
            content=content,
            checkin=checkin,
            session_id=session_id,
            prompt_set=prompt_set.key if prompt_set else None,
            library_version=library().version if prompt_set else None,
            created_at=at,
            also=share_automatically,
        )
        journal.entry_ids.append(entry.id)
        if written % 20 == 10:
            add_reply(entry, therapist.id, therapist, REPLY)
    return journal


@dataclass
class Caseload:
    therapist_id: int
    therapist_email: str
    patient_ids: list[int]


def seed_caseload(label: str, patients: int, entries: int, seed: int = 11) -> Caseload:
    """A therapist with ``patients`` connected patients, each sharing ``entries`` entries.

    Most shares are reviewed; the newest few of each patient are not, some have replies.
    """
    rng = random.Random(seed)
    therapist = _user(f"therapist-{label}@example.org", Role.THERAPIST, f"Dr. {label}")
    caseload = Caseload(therapist.id, therapist.email, [])
    now = utcnow()
    for number in range(patients):
        patient = _user(f"patient-{label}-{number}@example.org", Role.PATIENT, f"Patient {label}-{number}")
        connect(patient, therapist).auto_share = True
        db.session.commit()
        caseload.patient_ids.append(patient.id)
        for index in range(entries):
            at = now - timedelta(days=2 * (entries - index), hours=rng.randint(0, 12))
            entry = create_entry(
                owner_id=patient.id,
                kind=EntryKind.FREE,
                content=_content(rng, None),
                checkin=CheckIn(rng.randint(-4, 4)),
                created_at=at,
                also=share_automatically,
            )
            if index < entries - 3:
                mark_reviewed(
                    db.session.scalar(
                        select(EntryShare).where(
                            EntryShare.entry_id == entry.id, EntryShare.therapist_id == therapist.id
                        )
                    )
                )
            if index % 25 == 5:
                add_reply(entry, therapist.id, therapist, REPLY)
    return caseload


@contextmanager
def postgres_database(server: str, label: str) -> Iterator[str]:
    """Create a database of our own on the server, yield its URL, always drop it."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(server)

    def admin():
        return psycopg.connect(
            host=parsed.host,
            port=parsed.port or 5432,
            user=parsed.username,
            password=parsed.password,
            dbname=parsed.database or "postgres",
            autocommit=True,
        )

    name = f"journal_{label}_{os.getpid()}_{secrets.token_hex(4)}"
    with admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parsed.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
