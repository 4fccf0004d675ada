"""Recording practice: the guided player, the manual log and the API all come here.

`record_practice` validates the times (no future start, no more practice than
the wall time between start and end, nothing over 6 hours), is idempotent
per client-generated id, and announces the new session with
practice.signals.session_recorded in the same transaction, so a badge it earns
is stored with it or not at all.

One person's recordings run one after another (accounts.services.lock_user at the start of
the transaction). Side by side, two recordings would each count the other's minutes out
(neither sees the other's uncommitted session) and a badge both cross together would be
missed until a later practice. Serialising them keeps the badge in the recording's own
transaction and answer, which a re-evaluation after commit would not: that could be lost
between the commit and the award, and the answer could not say what was earned. The price is
that a person's own simultaneous recordings wait for each other, a few milliseconds each;
different people never wait.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import structlog
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.services import lock_user
from practice.models import MAX_SESSION_SECONDS, MAX_TITLE_LENGTH, PracticeSession, Source
from practice.signals import session_recorded
from sequences.generator import GeneratedPractice
from sequences.selectors import is_visible_to, todays_practice, visible_sequences

logger = structlog.get_logger(__name__)

# A phone's clock may run a little ahead of the server's.
CLOCK_TOLERANCE = timedelta(minutes=2)
EDITABLE_FIELDS = ("notes", "mood_before", "mood_after", "energy_before", "energy_after")


# What identifies a generated practice: the choices and the seed that made it.
GENERATED_KEYS = frozenset({"minutes", "level", "style", "focus", "avoid", "avoid_poses", "seed"})


@dataclass
class Recorded:
    session: PracticeSession
    created: bool
    awarded: list = field(default_factory=list)
    # The practice made again for a generated practice recorded now (None otherwise).
    practice: GeneratedPractice | None = None


def generated_practice(*, user, generated) -> GeneratedPractice:
    """The generated practice these choices and seed make again for the user, or
    ValidationError keyed `generated` (unknown keys, no seed, choices the generator refuses)."""
    if not isinstance(generated, dict):
        raise ValidationError({"generated": "Give the choices and the seed of the practice."})
    unknown = sorted(set(generated) - GENERATED_KEYS)
    if unknown:
        raise ValidationError({"generated": f"Unknown choices: {', '.join(unknown)}."})
    seed = generated.get("seed")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValidationError({"generated": "Give the seed the practice was generated with."})
    try:
        return todays_practice(user=user, **generated)
    except ValidationError as error:
        messages = [f"{key}: {text}" for key, texts in error.message_dict.items() for text in texts]
        raise ValidationError({"generated": messages}) from error
    except TypeError as error:  # a required choice left out
        raise ValidationError(
            {"generated": "Give minutes, level and style, as the practice was generated."}
        ) from error


def _local(moment: datetime, user) -> datetime:
    return timezone.localtime(moment, ZoneInfo(user.timezone))


def _check_times(*, started_at: datetime, ended_at: datetime, duration_seconds) -> dict:
    errors = {}
    now = timezone.now()
    if timezone.is_naive(started_at) or timezone.is_naive(ended_at):
        raise ValidationError({"started_at": "Times need a time zone (e.g. 2026-03-01T07:00:00Z)."})
    if started_at > now + CLOCK_TOLERANCE:
        errors["started_at"] = "A practice cannot start in the future."
    if ended_at < started_at:
        errors["ended_at"] = "A practice cannot end before it starts."
    elif ended_at > now + CLOCK_TOLERANCE:
        errors["ended_at"] = "A practice cannot end in the future."
    if not isinstance(duration_seconds, int) or isinstance(duration_seconds, bool):
        errors["duration_seconds"] = "Duration must be a whole number of seconds."
    elif not 1 <= duration_seconds <= MAX_SESSION_SECONDS:
        errors["duration_seconds"] = "A practice lasts between 1 second and 6 hours."
    elif ended_at >= started_at:
        wall = (ended_at - started_at).total_seconds()
        if duration_seconds > wall + 1:
            errors["duration_seconds"] = (
                "The time practised cannot be longer than the time between start and end."
            )
    return errors


@transaction.atomic
def record_practice(
    *,
    user,
    started_at: datetime,
    ended_at: datetime,
    duration_seconds: int,
    sequence=None,
    generated: dict | None = None,
    client_id: uuid.UUID | str | None = None,
    completed: bool = False,
    poses_completed: int = 0,
    source: str = Source.PLAYER,
    style: str = "",
    focus: str = "",
    title: str = "",
    notes: str = "",
    mood_before: int | None = None,
    mood_after: int | None = None,
    energy_before: int | None = None,
    energy_after: int | None = None,
) -> Recorded:
    """Record one practice (or return the one already recorded under this client id).

    What was practised is a saved `sequence`, a `generated` practice (its choices and seed:
    generated_practice makes it again, for its title, style, focus and pose count), or
    neither (a class logged with `title`, `style` and `focus`). `sequence` may be a slug: it
    is looked up (404 unless visible to the user) only for a new practice, so a retry still
    answers after the sequence was deleted or hidden. ValidationError keyed by field name.
    """
    lock_user(user)  # one recording per person at a time (module docstring)
    if client_id is not None:
        existing = PracticeSession.objects.filter(user=user, client_id=client_id).first()
        if existing is not None:
            return Recorded(session=existing, created=False)
    if sequence is not None and generated is not None:
        raise ValidationError({"generated": "Give a sequence or a generated practice, not both."})
    if isinstance(sequence, str):
        sequence = get_object_or_404(visible_sequences(user), slug=sequence)
    practice = generated_practice(user=user, generated=generated) if generated else None
    errors = _check_times(
        started_at=started_at, ended_at=ended_at, duration_seconds=duration_seconds
    )
    if sequence is not None:
        if not is_visible_to(sequence, user):
            raise Http404("No such sequence.")
        if not 0 <= poses_completed <= sequence.pose_count:
            errors["poses_completed"] = f"This sequence has {sequence.pose_count} poses."
    if practice is not None:
        title, style, focus = practice.title, practice.choices.style, practice.primary_focus
        if not 0 <= poses_completed <= len(practice.steps):
            errors["poses_completed"] = f"This practice has {len(practice.steps)} poses."
    if errors:
        raise ValidationError(errors)
    local_start = _local(started_at, user)
    session = PracticeSession(
        user=user,
        sequence=sequence,
        sequence_title=(sequence.title if sequence else title)[:MAX_TITLE_LENGTH],
        style=sequence.style if sequence else style,
        focus=sequence.focus if sequence else focus,
        client_id=client_id,
        started_at=started_at,
        ended_at=ended_at,
        duration_seconds=duration_seconds,
        local_date=local_start.date(),
        local_hour=local_start.hour,
        completed=completed,
        poses_completed=poses_completed,
        source=source,
        notes=notes,
        mood_before=mood_before,
        mood_after=mood_after,
        energy_before=energy_before,
        energy_after=energy_after,
    )
    session.full_clean(exclude=["user", "sequence"], validate_constraints=False)
    try:
        with transaction.atomic():
            session.save()
    except IntegrityError:
        # The same client id recorded by a concurrent request a moment ago.
        existing = PracticeSession.objects.filter(user=user, client_id=client_id).first()
        if existing is None:
            raise
        return Recorded(session=existing, created=False)
    awarded = [
        award
        for _receiver, response in session_recorded.send(
            sender=PracticeSession, user=user, session=session
        )
        for award in (response or [])
    ]
    logger.info("practice_recorded", session_id=session.pk, user_id=user.pk, source=source)
    return Recorded(session=session, created=True, awarded=awarded, practice=practice)


def update_session(*, user, session: PracticeSession, **fields) -> PracticeSession:
    """Edit the notes and mood/energy of one's own session."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown session fields: {sorted(unknown)}")
    if session.user_id != user.pk:
        raise Http404("No such session.")
    for name, value in fields.items():
        setattr(session, name, value)
    try:
        session.full_clean(exclude=["user", "sequence"], validate_constraints=False)
    except ValidationError:
        session.refresh_from_db(fields=[*fields])
        raise
    session.save(update_fields=[*fields])
    return session


def delete_session(*, user, session: PracticeSession) -> None:
    """Delete one's own session; badges already earned stay earned."""
    if session.user_id != user.pk:
        raise Http404("No such session.")
    session.delete()
    logger.info("practice_deleted", user_id=user.pk)
