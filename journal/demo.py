"""``flask seed-demo``: a demo patient with sessions and realistic entries."""

from __future__ import annotations

import random
from datetime import timedelta

import click
from flask.cli import with_appcontext
from sqlalchemy import delete, select

from journal import mail
from journal.auth.services import create_user, find_user_by_email
from journal.clock import utcnow
from journal.entries.content import AFTER_EFFECTS, Answer, CheckIn, EntryContent
from journal.entries.services import create_entry, mark_to_discuss
from journal.extensions import db
from journal.models import AccessAction, Entry, EntryKind, EntryShare, Medicine, Role, Setting, TreatmentSession, User
from journal.prompts import AFTER, library
from journal.sessions.services import SessionDetails, save_session
from journal.sharing.services import (
    add_reply,
    connect,
    mark_reviewed,
    record_access,
    set_entry_sharing,
    set_session_sharing,
)

DEMO_EMAIL = "demo@example.org"
DEMO_PASSWORD = "calm waters after the storm"
THERAPIST_EMAIL = "therapist@example.org"
THERAPIST_PASSWORD = "steady hands and open doors"
THERAPIST_REPLIES = [
    "Thank you for writing this down so honestly. The image of the boats is one we could explore together next week.",
    "I noticed you mentioned some nausea. That is common on the day, but do let the clinic know if it stays.",
]

OPENINGS = [
    "This morning I woke up earlier than usual and lay still for a while.",
    "I keep coming back to the moment when the music changed.",
    "It is strange how quiet my mind feels compared with last week.",
    "I went for a long walk by the canal and let my thoughts drift.",
    "Talking with my sister yesterday felt different, softer somehow.",
    "The heaviness in my chest was there again when I got up.",
]
MIDDLES = [
    (
        "During the session I saw my worries from far away, like boats on a distant lake, "
        "and none of them needed me to row."
    ),
    "There was a moment where I felt held, and I think I have not let myself feel that since I was a child.",
    (
        "I noticed the old voice that tells me I am not doing enough, "
        "and for once I could just listen to it without agreeing."
    ),
    "My hands felt warm and heavy, and the tension I carry in my shoulders seemed to melt into the chair.",
    "Colours kept folding into each other, and I remember a door made of light that I did not need to open.",
    (
        "I cried for a while without really knowing why, "
        "and afterwards I felt lighter, as if something had been rinsed out."
    ),
    "Some of it is already fading, which worries me a little, but the feeling of space is still here.",
    "I realised that the anger I feel at work is really about not being heard at home, and that surprised me.",
]
CLOSINGS = [
    "I want to practise pausing for three breaths before I answer when I feel rushed.",
    "Tomorrow I will try to write a few lines before looking at my phone.",
    "I would like to bring this up with my therapist next week.",
    "For now I am going to be gentle with myself and rest.",
    "One small thing: drink more water and go to bed before eleven.",
]
TAGS = ["family", "sleep", "work", "hope", "grief", "body", "music", "nature", "anger", "relief"]


def _paragraph(rng: random.Random, words: int = 80) -> str:
    sentences = [rng.choice(OPENINGS)]
    while len(" ".join(sentences).split()) < words - 15:
        sentences.append(rng.choice(MIDDLES))
    sentences.append(rng.choice(CLOSINGS))
    return " ".join(sentences)


def seed_demo(entries: int, seed: int = 7) -> User:
    """Replace the demo patient with a fresh one holding sessions and ``entries`` entries."""
    rng = random.Random(seed)
    for email in (DEMO_EMAIL, THERAPIST_EMAIL):
        existing = find_user_by_email(email)
        if existing is not None:
            db.session.execute(delete(User).where(User.id == existing.id))
            db.session.commit()
    user = create_user(
        email=DEMO_EMAIL,
        display_name="Alex (demo)",
        password=DEMO_PASSWORD,
        role=Role.PATIENT,
        time_zone="Europe/London",
        confirmed=True,  # a demo address receives nothing: confirmed, so no banner and the reminders can be tried
    )
    sets = [prompt_set for prompt_set in library().sets if prompt_set.kind == AFTER]
    per_session = len(sets)
    session_count = max(1, -(-entries // per_session))
    now = utcnow().replace(minute=0, second=0, microsecond=0)
    first = now - timedelta(days=14 * session_count + 30)
    medicines = [Medicine.KETAMINE_IV, Medicine.KETAMINE_IM, Medicine.ESKETAMINE_NASAL, Medicine.PSILOCYBIN]
    written = 0
    for index in range(session_count):
        when = first + timedelta(days=14 * index, hours=10)
        session = save_session(
            None,
            owner_id=user.id,
            occurred_at=when,
            medicine=medicines[index % len(medicines)],
            setting=Setting.CLINIC if index % 3 else Setting.HOME_MONITORED,
            details=SessionDetails(intention=_paragraph(rng, 30), notes="Demo session. " + _paragraph(rng, 20)),
        )
        for prompt_set in sets:
            if written >= entries:
                break
            at = when + timedelta(days=prompt_set.offset_days, hours=8)
            if at > now:
                break
            answers = [Answer(p.id, p.theme, p.text, _paragraph(rng)) for p in prompt_set.prompts[:5]]
            effects = rng.sample(list(AFTER_EFFECTS)[:-1], k=rng.choice([0, 0, 1, 2])) or ["none"]
            content = EntryContent(
                title=(
                    f"{prompt_set.name}: "
                    f"{rng.choice(['a quieter mind', 'old patterns', 'warmth', 'letting go', 'the lake'])}"
                ),
                answers=answers,
                after_effects=effects,
                after_effects_note="",
                tags=rng.sample(TAGS, k=2),
            )
            checkin = CheckIn(rng.randint(-3, 4), rng.randint(2, 8), rng.randint(0, 7))
            create_entry(
                owner_id=user.id,
                kind=EntryKind.GUIDED,
                content=content,
                checkin=checkin,
                session_id=session.id,
                prompt_set=prompt_set.key,
                library_version=library().version,
                created_at=at,
            )
            written += 1
    # Sessions run out of past dates before the count does: fill with free writing.
    while written < entries:
        at = now - timedelta(days=rng.randint(0, 14 * session_count), hours=rng.randint(0, 12))
        content = EntryContent(
            title="Free writing", answers=[Answer(None, None, None, _paragraph(rng, 200))], tags=rng.sample(TAGS, k=1)
        )
        create_entry(
            owner_id=user.id, kind=EntryKind.FREE, content=content, checkin=CheckIn(rng.randint(-2, 3)), created_at=at
        )
        written += 1
    _demo_questionnaires(user, first, session_count, now)
    _connect_demo_therapist(user, rng)
    return user


# A course that improves over the sessions (baseline first), with one item-9 answer at the start.
DEMO_COURSES = {"phq-9": (19, 6), "gad-7": (15, 5), "pcl-5": (52, 24)}


def _demo_questionnaires(user: User, first_session, session_count: int, now) -> None:
    """A baseline a week before the first session, then each questionnaire a week after every session."""
    from journal.measures.instruments import measures
    from journal.measures.services import save_response

    moments = [first_session - timedelta(days=7)] + [
        first_session + timedelta(days=14 * index + 7) for index in range(session_count)
    ]
    moments = [moment for moment in moments if moment <= now]
    for key, (start, end) in DEMO_COURSES.items():
        instrument = measures().instruments[key]
        for step, moment in enumerate(moments):
            total = round(start + (end - start) * step / max(1, len(moments) - 1))
            answers = _answers_adding_to(instrument, total, self_harm=key == "phq-9" and step == 0)
            save_response(user.id, instrument, answers, None, taken_at=moment + timedelta(hours=9))


def _answers_adding_to(instrument, total: int, *, self_harm: bool) -> list[int]:
    """Item scores with this total, spread evenly; PHQ-9 item 9 at 1 only when asked."""
    count = len(instrument.items)
    scored = list(range(count - 1)) if instrument.key == "phq-9" else list(range(count))
    answers = [0] * count
    if self_harm:
        answers[count - 1], total = 1, total - 1
    for turn in range(total):
        index = scored[turn % len(scored)]
        if answers[index] < instrument.max_item:
            answers[index] += 1
    return answers


def _connect_demo_therapist(patient: User, rng: random.Random) -> None:
    """A therapist connected to the demo patient: some entries shared, reviewed and replied to."""
    therapist = create_user(
        email=THERAPIST_EMAIL,
        display_name="Dr. Sam Rivera",
        password=THERAPIST_PASSWORD,
        role=Role.THERAPIST,
        time_zone="Europe/London",
        confirmed=True,
    )
    connection = connect(patient, therapist, safety_alerts=True)
    entries = db.session.scalars(
        select(Entry).where(Entry.owner_id == patient.id).order_by(Entry.created_at.desc()).limit(8)
    ).all()
    for entry in entries:
        set_entry_sharing(entry, {therapist.id})
    for session_id in {entry.session_id for entry in entries if entry.session_id}:
        set_session_sharing(db.session.get(TreatmentSession, session_id), {therapist.id})
    shares = {
        s.entry_id: s for s in db.session.scalars(select(EntryShare).where(EntryShare.therapist_id == therapist.id))
    }
    for index, entry in enumerate(entries[4:]):  # the older half: read, reviewed, some replied to
        record_access(patient.id, therapist.id, AccessAction.VIEW_ENTRY, entry.id)
        mark_reviewed(shares[entry.id])
        if index < len(THERAPIST_REPLIES):
            add_reply(entry, therapist.id, therapist, THERAPIST_REPLIES[index])
            record_access(patient.id, therapist.id, AccessAction.REPLY, entry.id)
    if len(entries) > 4:
        add_reply(entries[4], therapist.id, patient, "Thank you. I would like that; it still feels important.")
    if entries:
        mark_to_discuss(entries[0], True)
    _demo_safety_plan(patient)
    connection.share_safety_plan = True
    db.session.commit()


DEMO_PLAN = {
    "warning_signs": "Not sleeping two nights running. Skipping meals. Thinking \u201cwhat's the point\u201d.",
    "coping": "Cold water on my face, then the 5-4-3-2-1 senses. A slow walk to the river. Loud music.",
    "distractions": "The café on Mill Street. My sister's kitchen. The climbing wall on Thursdays.",
    "helpers": "My sister Ana. My friend Jo. (Their numbers are in my phone under \u201cSafe\u201d.)",
    "professionals": "Dr. Sam Rivera, and the clinic's after-hours line. Otherwise the crisis line on the help page.",
    "environment": "Ana keeps the spare medication. No driving when I feel like this.",
    "reasons": "My niece. The dog. Seeing the sea again in June.",
}


def _demo_safety_plan(patient: User) -> None:
    """A safety plan written on a steadier day, shared with the demo therapist."""
    from journal.safety.plan import save

    save(patient.id, DEMO_PLAN, 0)


@click.command("seed-demo")
@click.option("--entries", default=40, show_default=True, help="How many entries to write.")
@with_appcontext
def seed_demo_command(entries: int) -> None:
    """Create (or recreate) a demo patient with sessions and entries."""
    seed_demo(entries)
    click.echo(f"Demo patient ready with {entries} entries, connected to a demo therapist.")
    click.echo(f"Log in at {mail.site_url()}/login as {DEMO_EMAIL} with the password: {DEMO_PASSWORD}")
    click.echo(f"The therapist: {THERAPIST_EMAIL} with the password: {THERAPIST_PASSWORD}")
