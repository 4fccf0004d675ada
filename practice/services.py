"""Recording practice: the guided player, the manual log and the API all come here.

`record_practice` validates the times (no future start, no more practice than
the wall time between start and end, nothing over 6 hours, 1970–2099; every
comparison in UTC, practice.times), is idempotent per client-generated id,
decides completion by what was held (is_completed), keeps the steps done, and
announces the new session with practice.signals.session_recorded in the same
transaction, so a badge it earns is stored with it or not at all.

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

import structlog
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.services import lock_user
from poses.selectors import published_poses
from practice import tallies
from practice.models import (
    MAX_SESSION_SECONDS,
    MAX_STEPS,
    MAX_TITLE_LENGTH,
    PracticeSession,
    PracticeStep,
    Side,
    Source,
)
from practice.signals import session_recorded
from practice.times import check_moment, to_local, zone_of
from sequences.generator import GeneratedPractice
from sequences.models import SequencePose
from sequences.models import Side as PlanSide
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


def _in_utc(**moments: datetime) -> dict[str, datetime]:
    """Each aware time in UTC (aware datetimes sharing a zone compare and subtract on the wall
    clock, an hour off across a clock change); ValidationError for naive or out-of-range ones."""
    errors, converted = {}, {}
    for name, moment in moments.items():
        try:
            converted[name] = check_moment(moment, field=name)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return converted


def corrected_for_clock(*, started_at, ended_at, client_clock, now=None):
    """(started_at, ended_at) moved by the sending device's clock error: `client_clock` is what
    its clock read when it sent the practice (aware); the server's clock is the truth. None:
    the times are taken as they are."""
    if client_clock is None:
        return started_at, ended_at
    offset = (now or timezone.now()) - check_moment(client_clock, field="sent_at")
    return started_at + offset, ended_at + offset


def _check_times(*, started_at: datetime, ended_at: datetime, duration_seconds) -> dict:
    errors = {}
    now = timezone.now()
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


# Completed means practised: more than this share of the planned time actually held.
COMPLETION_SHARE = 0.5


def is_completed(*, held_seconds: int, planned_seconds: int) -> bool:
    """The one rule for player, API, manual log and badges: a practice is completed when more
    than half its planned time was held; one with no plan (a class logged by hand) was
    practised as logged."""
    if planned_seconds <= 0:
        return True
    return held_seconds > planned_seconds * COMPLETION_SHARE


@dataclass(frozen=True)
class PlannedStep:
    """One item of what was to be practised: its pose, side and planned seconds (all sides)."""

    slug: str
    name: str
    side: str
    is_bilateral: bool
    seconds: int


def _plan_of_sequence(sequence) -> list[PlannedStep]:
    items = SequencePose.objects.filter(sequence=sequence).select_related("pose")
    return [
        PlannedStep(
            item.pose.slug,
            item.pose.name_en,
            item.side,
            item.pose.is_bilateral,
            item.practice_seconds,
        )
        for item in items.order_by("position")
    ]


def _plan_of_practice(practice: GeneratedPractice) -> list[PlannedStep]:
    return [
        PlannedStep(step.pose.slug, step.pose.name, step.side, step.pose.is_bilateral, step.seconds)
        for step in practice.steps
    ]


def _step_side(side, planned: PlannedStep | None) -> str:
    if side not in Side.values:
        raise ValidationError({"steps": f"A side is one of {', '.join(map(repr, Side.values))}."})
    if planned is not None and not planned.is_bilateral:
        return ""
    if planned is not None and planned.side in (PlanSide.LEFT, PlanSide.RIGHT) and side:
        return planned.side
    return side


def _steps_done(steps, plan: list[PlannedStep] | None) -> list[PracticeStep]:
    """The steps as rows (unsaved, no session yet): each names its pose by `position` in the
    plan (the sequence or generated practice) or by `pose` (a published pose's slug).
    Steps held 0 seconds were skipped and are not kept. ValidationError keyed `steps`."""
    if not isinstance(steps, list | tuple) or len(steps) > MAX_STEPS:
        raise ValidationError({"steps": f"Give a list of at most {MAX_STEPS} steps."})
    slugs = {
        step["pose"]
        for step in steps
        if isinstance(step, dict) and isinstance(step.get("pose"), str)
    }
    poses = published_poses().in_bulk(list(slugs), field_name="slug")
    plan_poses = published_poses().in_bulk([item.slug for item in plan or []], field_name="slug")
    rows = []
    for step in steps:
        if not isinstance(step, dict):
            raise ValidationError({"steps": "Each step is an object."})
        seconds = step.get("seconds")
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, int)
            or not 0 <= seconds <= MAX_SESSION_SECONDS
        ):
            raise ValidationError({"steps": "Each step's seconds are a whole number, 0 to 21600."})
        position, slug = step.get("position"), step.get("pose")
        if position is not None:
            if plan is None or isinstance(position, bool) or not isinstance(position, int):
                raise ValidationError(
                    {"steps": "A step's position needs a sequence or generated practice."}
                )
            if not 1 <= position <= len(plan):
                raise ValidationError({"steps": f"A step's position is 1 to {len(plan)}."})
            planned = plan[position - 1]
            pose, slug, name = plan_poses.get(planned.slug), planned.slug, planned.name
        elif isinstance(slug, str) and slug in poses:
            planned, pose = None, poses[slug]
            name = pose.name_en
        else:
            raise ValidationError(
                {"steps": "Each step gives its `position` or a published `pose`."}
            )
        side = _step_side(step.get("side", ""), planned)
        if seconds:
            rows.append(
                PracticeStep(
                    position=len(rows) + 1,
                    pose=pose,
                    pose_slug=slug,
                    pose_name=name,
                    side=side,
                    seconds_held=seconds,
                )
            )
    return rows


def _poses_done(rows: list[PracticeStep], plan: list[PlannedStep] | None) -> int:
    """Distinct poses done: held at least half their planned time (both sides together) when
    the plan is known, any time at all otherwise."""
    held: dict[str, int] = {}
    for row in rows:
        held[row.pose_slug] = held.get(row.pose_slug, 0) + row.seconds_held
    planned: dict[str, int] = {}
    for item in plan or []:
        planned[item.slug] = planned.get(item.slug, 0) + item.seconds
    return sum(
        1 for slug, seconds in held.items() if seconds > 0 and 2 * seconds >= planned.get(slug, 0)
    )


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
    completed: bool | None = None,
    poses_completed: int = 0,
    steps: list[dict] | None = None,
    client_clock: datetime | None = None,
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

    Times are aware datetimes (any zone; kept in UTC). `client_clock`: the sending device's
    clock when it sent this (the times are moved by its error, corrected_for_clock).
    `steps`: what was done, [{"position" (1-based in the plan) or "pose" (slug), "side"
    ("right", "left" or ""), "seconds" held}]; with them, poses_completed is counted from
    them. Completion is decided here (is_completed), from the steps' seconds or else from
    duration_seconds, against the plan's seconds; `completed`, the client's own claim, is
    not trusted and not used.
    """
    del completed  # decided below, the same way for every client
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
    started_at, ended_at = corrected_for_clock(
        started_at=started_at, ended_at=ended_at, client_clock=client_clock
    )
    utc = _in_utc(started_at=started_at, ended_at=ended_at)
    started_at, ended_at = utc["started_at"], utc["ended_at"]
    errors = _check_times(
        started_at=started_at, ended_at=ended_at, duration_seconds=duration_seconds
    )
    plan = None  # read only to name the steps by position
    if steps is not None and sequence is not None:
        plan = _plan_of_sequence(sequence)
    elif steps is not None and practice is not None:
        plan = _plan_of_practice(practice)
    rows = _steps_done(steps, plan) if steps is not None else []
    if steps is not None:
        poses_completed = _poses_done(rows, plan)
        held = sum(row.seconds_held for row in rows)
        if isinstance(duration_seconds, int) and held > duration_seconds + len(rows):
            errors["steps"] = "The steps hold more seconds than the practice lasted."
    else:
        held = duration_seconds if isinstance(duration_seconds, int) else 0
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
    if source == Source.MANUAL:
        completed = True  # a class logged by hand was practised as logged
    else:
        planned = (
            sequence.total_duration_seconds
            if sequence is not None
            else practice.total_seconds
            if practice is not None
            else 0
        )
        completed = is_completed(held_seconds=min(held, duration_seconds), planned_seconds=planned)
    local_start = to_local(started_at, zone_of(user))
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
        # The same client id recorded by a concurrent request a moment ago. Without a client
        # id nothing else is "the same practice": the error is a real one.
        if client_id is None:
            raise
        existing = PracticeSession.objects.filter(user=user, client_id=client_id).first()
        if existing is None:
            raise
        return Recorded(session=existing, created=False)
    for row in rows:
        row.session = session
    PracticeStep.objects.bulk_create(rows)
    # Before the signal: badges read the tallies (achievements.selectors.progress_values).
    tallies.add_session(session, pose_slugs=[row.pose_slug for row in rows])
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


@transaction.atomic
def delete_session(*, user, session: PracticeSession) -> None:
    """Delete one's own session, uncounted from the tallies (practice.tallies) in the same
    transaction; badges already earned stay earned. Http404 for anyone else's session."""
    if session.user_id != user.pk:
        raise Http404("No such session.")
    lock_user(user)  # the tallies change one recording or deletion at a time (module docstring)
    tallies.remove_session(session)
    session.delete()
    logger.info("practice_deleted", user_id=user.pk)
