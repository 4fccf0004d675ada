"""Tallies of a practitioner's history, kept as sessions are recorded and deleted.

Badges (achievements.selectors.progress_values) and statistics (practice.stats) read these
small tables instead of aggregating every session, so recording a practice and reading the
numbers cost the same at 1,000 sessions as at 100,000:

- PracticeDay: sessions and seconds per local calendar day;
- PracticeRun: unbroken runs of practice days (streaks), merged and split as days come and go;
- PracticeTally: sessions, seconds and completed sessions per (style, focus);
- PracticeHour: sessions per local starting hour;
- PractisedSequence: sessions per saved sequence, with how far sessions without steps got;
- PractisedPose: sessions whose kept steps include each pose.

Part of the services layer: `add_session` and `remove_session` are called only by
practice.services (record_practice, delete_session), inside their transaction and under the
practitioner's lock (accounts.services.lock_user), so two changes of one person's tallies never
interleave. Sessions never change what is tallied after they are recorded (update_session edits
notes and mood only). `rebuild` recomputes them from the sessions, for `seed_bench` and tests
that bulk-create history (the migration that added them keeps its own copy, as it then stood).
"""

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from django.db import connection
from django.db.models import Count, Exists, F, IntegerField, Model, OuterRef, Q, Sum, Value
from django.db.models.expressions import Case, When

from practice.models import (
    PracticeDay,
    PracticeHour,
    PracticeRun,
    PracticeSession,
    PracticeStep,
    PracticeTally,
    PractisedPose,
    PractisedSequence,
)

ONE_DAY = timedelta(days=1)
BATCH = 2000  # rows a rebuild writes in one INSERT


def _add(model, rows: list[dict], key: tuple[str, ...], returning: str | None = None):
    """Insert each row, or add its counts to the row with the same `key` (one statement,
    INSERT ... ON CONFLICT DO UPDATE, PostgreSQL and SQLite alike). Returns the `returning`
    column of the first row after the change, if asked."""
    meta = model._meta
    names = list(rows[0])
    columns = [meta.get_field(name).column for name in names]
    key_columns = [meta.get_field(name).column for name in key]
    table = connection.ops.quote_name(meta.db_table)
    added = [column for column, name in zip(columns, names, strict=True) if name not in key]
    one = "(" + ", ".join(["%s"] * len(names)) + ")"
    values = ", ".join([one] * len(rows))
    sums = ", ".join(f"{column} = {table}.{column} + EXCLUDED.{column}" for column in added)
    # Table and column names from the model, values as parameters.
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}"  # noqa: S608
    sql = f"{insert} ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET {sums}"  # noqa: S608
    if returning:
        sql += f" RETURNING {meta.get_field(returning).column}"
    params = [row[name] for row in rows for name in names]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0] if returning else None


def _take(model, key: dict, counts: dict) -> None:
    """Subtract `counts` from the rows with `key` (filter lookups); drop those that count no
    session any more."""
    rows = model.objects.filter(**key)
    rows.update(**{name: F(name) - amount for name, amount in counts.items()})
    rows.filter(sessions__lte=0).delete()


def _reached(session: PracticeSession, kept_steps: bool) -> int:
    return 0 if kept_steps else session.poses_completed


class _Table(NamedTuple):
    """How one tally table counts a session.

    `key(session, kept_steps)`: the names and values of the row that counts it (`kept_steps`:
    the session kept steps naming poses), or None when this table does not count it;
    `counts(session)`: what the session adds to that row. `per_pose`: one row per pose of the
    kept steps, `key` plus its `pose_slug`. `runs`: the runs of practice days (PracticeRun)
    follow this table's rows: one appearing joins runs, one going splits them.
    """

    model: type[Model]
    key: Callable[[PracticeSession, bool], dict | None]
    counts: Callable[[PracticeSession], dict[str, int]]
    per_pose: bool = False
    runs: bool = False


def _one(session: PracticeSession) -> dict[str, int]:
    return {"sessions": 1}


_TABLES = (
    _Table(
        PracticeDay,
        lambda s, kept: {"user_id": s.user_id, "local_date": s.local_date},
        lambda s: {"sessions": 1, "seconds": s.duration_seconds},
        runs=True,
    ),
    _Table(
        PracticeTally,
        lambda s, kept: {"user_id": s.user_id, "style": s.style, "focus": s.focus},
        lambda s: {"sessions": 1, "seconds": s.duration_seconds, "completed": int(s.completed)},
    ),
    _Table(PracticeHour, lambda s, kept: {"user_id": s.user_id, "local_hour": s.local_hour}, _one),
    _Table(
        PractisedSequence,
        lambda s, kept: (
            None
            if s.sequence_id is None
            else {"user_id": s.user_id, "sequence_id": s.sequence_id, "reached": _reached(s, kept)}
        ),
        _one,
    ),
    _Table(
        PractisedPose, lambda s, kept: {"user_id": s.user_id} if kept else None, _one, per_pose=True
    ),
)


def add_session(session: PracticeSession, *, pose_slugs=()) -> None:
    """Count a newly recorded `session` whose kept steps name `pose_slugs` (any order, repeats
    allowed). 3–8 queries, whatever the size of the history: one per table, and up to three
    more for the runs when it is the first session of its day."""
    slugs = sorted(set(pose_slugs))
    for table in _TABLES:
        key = table.key(session, bool(slugs))
        if key is None:
            continue
        counts = table.counts(session)
        if table.per_pose:
            rows = [key | {"pose_slug": slug} | counts for slug in slugs]
            names = (*key, "pose_slug")
        else:
            rows, names = [key | counts], tuple(key)
        sessions = _add(table.model, rows, names, returning="sessions" if table.runs else None)
        if table.runs and sessions == 1:
            _join_day(session.user_id, session.local_date)


def remove_session(session: PracticeSession) -> None:
    """Uncount `session`, before it is deleted (its steps are read here). 8–15 queries, whatever
    the size of the history: its steps, two per table and one more for the day, and up to
    three more for the runs when it was the last session of its day."""
    slugs = sorted(
        set(PracticeStep.objects.filter(session=session).values_list("pose_slug", flat=True))
    )
    for table in _TABLES:
        key = table.key(session, bool(slugs))
        if key is None:
            continue
        lookups = key | {"pose_slug__in": slugs} if table.per_pose else key
        _take(table.model, lookups, table.counts(session))
        if table.runs and not table.model.objects.filter(**key).exists():
            _split_day(session.user_id, session.local_date)


def _join_day(user_id: int, day: date) -> None:
    """A first session on `day`: extend the run ending the day before and/or the one starting
    the day after, merging them, or start a run of one day."""
    neighbours = {
        run.last_day: run
        for run in PracticeRun.objects.filter(
            Q(last_day=day - ONE_DAY) | Q(first_day=day + ONE_DAY), user_id=user_id
        )
    }
    before = neighbours.get(day - ONE_DAY)
    after = next((run for run in neighbours.values() if run.first_day == day + ONE_DAY), None)
    if before and after:
        after.delete()  # first: its last day moves to `before`
        before.last_day = after.last_day
    elif before:
        before.last_day = day
    elif after:
        after.first_day = day
        before = after
    else:
        PracticeRun.objects.create(user_id=user_id, first_day=day, last_day=day, days=1)
        return
    before.days = (before.last_day - before.first_day).days + 1
    before.save(update_fields=["first_day", "last_day", "days"])


def _split_day(user_id: int, day: date) -> None:
    """No session is left on `day`: the run holding it ends the day before and a new one starts
    the day after (either may be empty)."""
    run = PracticeRun.objects.filter(user_id=user_id, first_day__lte=day, last_day__gte=day).first()
    if run is None:
        return
    first, last = run.first_day, run.last_day
    run.delete()
    parts = [(first, day - ONE_DAY), (day + ONE_DAY, last)]
    PracticeRun.objects.bulk_create(
        PracticeRun(user_id=user_id, first_day=a, last_day=b, days=(b - a).days + 1)
        for a, b in parts
        if a <= b
    )


# --- rebuilding from the sessions ------------------------------------------------------------


def rebuild(*, user_ids=None) -> None:
    """Recompute every tally from the sessions, for `user_ids` (every user if None).

    Reads the sessions once in aggregate per table, and runs, per user, through the practice
    days in order; writes in batches. (The migration that added the tallies keeps its own copy
    of this as it then stood.)
    """
    sessions, steps = PracticeSession.objects.order_by(), PracticeStep.objects.order_by()
    if user_ids is not None:
        user_ids = list(user_ids)
        sessions = sessions.filter(user_id__in=user_ids)
        steps = steps.filter(session__in=sessions.values("pk"))
    for model in (PracticeRun, *(table.model for table in _TABLES)):
        rows = model.objects.all()
        (rows if user_ids is None else rows.filter(user_id__in=user_ids)).delete()

    days = sessions.values("user_id", "local_date")
    _fill(PracticeDay, days.annotate(n=Count("pk"), seconds=Sum("duration_seconds")))
    practised = sessions.values_list("user_id", "local_date").distinct()
    PracticeRun.objects.bulk_create(
        _runs(PracticeRun, practised.order_by("user_id", "local_date")), batch_size=BATCH
    )
    done = Count("pk", filter=Q(completed=True))
    styles = sessions.values("user_id", "style", "focus")
    _fill(PracticeTally, styles.annotate(n=Count("pk"), seconds=Sum("duration_seconds"), done=done))
    _fill(PracticeHour, sessions.values("user_id", "local_hour").annotate(n=Count("pk")))
    # How far a session without kept steps got through its sequence; 0 for one with steps.
    kept = Exists(PracticeStep.objects.filter(session=OuterRef("pk")))
    reached = Case(
        When(Q(kept=True) | Q(poses_completed__lte=0), then=Value(0)),
        default="poses_completed",
        output_field=IntegerField(),
    )
    sequences = (
        sessions.filter(sequence__isnull=False).annotate(kept=kept).annotate(reached=reached)
    )
    _fill(
        PractisedSequence,
        sequences.values("user_id", "sequence_id", "reached").annotate(n=Count("pk")),
    )
    poses = steps.values("session__user_id", "pose_slug").annotate(
        n=Count("session", distinct=True)
    )
    _fill(PractisedPose, poses, session__user_id="user_id")


def _fill(model, aggregated, **renamed) -> None:
    """Create a `model` row from each row of `aggregated` (a values() query): each value goes
    to the field of its name, `n` to `sessions`, `done` to `completed`, and those `renamed`
    (row name=field name) to theirs."""
    names = {"n": "sessions", "done": "completed"} | renamed
    model.objects.bulk_create(
        (
            model(**{names.get(name, name): value for name, value in row.items()})
            for row in aggregated.iterator()
        ),
        batch_size=BATCH,
    )


def _runs(Run, days):
    """PracticeRun rows from day rows ordered by user and date."""
    user_id = first = last = None
    for uid, day in days.iterator():
        if uid == user_id and day == last + ONE_DAY:
            last = day
            continue
        if user_id is not None:
            yield Run(user_id=user_id, first_day=first, last_day=last, days=(last - first).days + 1)
        user_id, first, last = uid, day, day
    if user_id is not None:
        yield Run(user_id=user_id, first_day=first, last_day=last, days=(last - first).days + 1)
