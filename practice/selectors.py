"""Reads of practice history, aggregated in the database.

Streaks are read from the runs of practice days that practice.tallies keeps as sessions are
recorded and deleted (PracticeRun), so they cost the same whatever the size of the history.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection

from poses.selectors import ratings_for
from practice.models import PracticeRun, PracticeSession, PracticeStep
from sequences.models import SequencePose


@dataclass(frozen=True)
class Run:
    first_day: date
    last_day: date
    days: int


def practice_runs(user) -> list[Run]:
    """Every unbroken run of practice days, most recent first (one query over the runs kept by
    practice.tallies, not the sessions)."""
    rows = PracticeRun.objects.filter(user=user).order_by("-last_day")
    return [
        Run(first, last, days)
        for first, last, days in rows.values_list("first_day", "last_day", "days")
    ]


def streak_summary(user, *, today: date) -> tuple[int, int]:
    """(current, longest) streak in days, as streaks(practice_runs(user), today=today) gives
    them, in one query of three index lookups whatever the history: the latest run's last day
    and length, and the longest run."""
    table = PracticeRun._meta.db_table
    latest = f"FROM {table} WHERE user_id = %s ORDER BY last_day DESC LIMIT 1"
    sql = (  # table name from the model, the user as a parameter
        f"SELECT (SELECT last_day {latest}), (SELECT days {latest}), "  # noqa: S608
        f"(SELECT MAX(days) FROM {table} WHERE user_id = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk] * 3)
        last_day, days, longest = cursor.fetchone()
    return streak_pair(None if last_day is None else as_date(last_day), days, longest, today=today)


def streak_pair(
    last_day: date | None, days: int | None, longest: int | None, *, today: date
) -> tuple[int, int]:
    """(current, longest) in days from the latest run (its last day and length) and the
    longest run's length; (0, 0) without runs (last_day None). Today not yet practised does
    not break a run up to yesterday."""
    if last_day is None:
        return 0, 0
    current = days if last_day >= today - timedelta(days=1) else 0
    return current, longest


def as_date(value) -> date:
    """A date column read by raw SQL as a date (PostgreSQL gives a date, SQLite an ISO string)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def streaks(runs: list[Run], *, today: date) -> tuple[int, int]:
    """(current, longest) in days; today not yet practised does not break a run up to yesterday."""
    longest = max((run.days for run in runs), default=0)
    current = 0
    if runs and runs[0].last_day >= today - timedelta(days=1):
        current = runs[0].days
    return current, longest


# --- history (the history page and GET sessions) ------------------------------


def history(user, *, date_from=None, date_to=None, style: str = "", day=None):
    """The user's sessions, newest first, filtered on the local calendar day; sequence joined.

    `day` (one local date, the stats calendar's link) narrows within the range.
    """
    sessions = PracticeSession.objects.filter(user=user).select_related("sequence")
    if date_from is not None:
        sessions = sessions.filter(local_date__gte=date_from)
    if date_to is not None:
        sessions = sessions.filter(local_date__lte=date_to)
    if day is not None:
        sessions = sessions.filter(local_date=day)
    if style:
        sessions = sessions.filter(style=style)
    return sessions.order_by("-started_at", "-pk")


# What a row of the history page shows (practice/templatetags/practice_history.py): the title
# kept on the session, not its sequence (so no join), and no notes. Reading a field left out
# would cost a query per row; the page's pinned query count catches that.
HISTORY_ROW_FIELDS = (
    "sequence_title", "local_date", "style", "duration_seconds", "completed", "source",
)  # fmt: skip


def history_rows(user, **filters):
    """history(user, **filters) with only the fields a history row shows."""
    return history(user, **filters).select_related(None).only(*HISTORY_ROW_FIELDS)


def own_session(user, pk) -> PracticeSession:
    """One of the user's own sessions (with its sequence); 404 for anyone else's or none."""
    # Imported here so this section stays self-contained at the end of the module.
    from django.http import Http404
    from django.shortcuts import get_object_or_404

    if not getattr(user, "is_authenticated", False):
        raise Http404("No such session.")
    sessions = PracticeSession.objects.select_related("sequence").prefetch_related("steps")
    return get_object_or_404(sessions, pk=pk, user=user)


# --- the summary's "How were the poses?" ---------------------------------------


def session_pose_ratings(session, user) -> list[tuple]:
    """(pose, the user's rating or None) for each distinct published pose of the session's
    sequence, in the order first practised — or, with no sequence (a generated practice, or
    its sequence deleted since), of the steps the session stored (PracticeStep): what was
    done, never what a client says afterwards. None when neither is there. Two queries."""
    if session.sequence_id is not None:
        items = SequencePose.objects.filter(sequence_id=session.sequence_id)
    else:
        items = PracticeStep.objects.filter(session_id=session.pk)
    items = items.filter(pose__is_published=True).select_related("pose").order_by("position")
    poses = list({item.pose_id: item.pose for item in items}.values())
    ratings = ratings_for(user, poses)
    return [(pose, ratings.get(pose.pk)) for pose in poses]


# --- reminders (practice.reminders) -----------------------------------------------------


def practised_on(*, user_ids, day: date) -> set[int]:
    """Which of these users recorded a completed practice on this local calendar day (each
    session's day in its practitioner's time zone); one query."""
    return set(
        PracticeSession.objects.filter(user_id__in=list(user_ids), local_date=day, completed=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
