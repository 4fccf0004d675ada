"""Practice statistics in four small queries, the same cost whatever the history size.

Everything counts the practitioner's own calendar days (PracticeSession.local_date,
fixed when the practice was recorded), so weeks, months and streaks follow the
day they lived, not UTC. The numbers come from the tallies recording and deleting keep
(practice.tallies: per day, per style and focus, runs of days, poses and sequences
practised), never from the sessions themselves; Python only folds those rows (≤ 400 days,
a few style/focus pairs).
"""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from poses.models import Pose
from practice.models import (
    PracticeDay,
    PracticeStep,
    PracticeTally,
    PractisedPose,
    PractisedSequence,
)
from practice.selectors import streak_summary
from sequences.models import Focus, SequencePose, Style
from yogaflow.core.caching import bump_version, cache_get, cache_set, version

CHART_WEEKS = 12
CALENDAR_WEEKS = 53
TOP_POSES = 5


def minutes(seconds: int) -> int:
    """Whole minutes; any practice at all counts as at least one."""
    return max(1, round(seconds / 60)) if seconds else 0


def week_start(day: date) -> date:
    """The Monday of the week holding `day`."""
    return day - timedelta(days=day.weekday())


def month_bounds(first: date) -> tuple[date, date]:
    """(first day, last day) of the month starting at `first`."""
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, following - timedelta(days=1)


def local_today(user) -> date:
    """Today where the practitioner lives: the day streaks and "this week" count from."""
    return timezone.localdate(timezone=ZoneInfo(user.timezone))


def practice_stats(user, *, today: date | None = None, month: date | None = None) -> dict:
    """Headline numbers, weeks, breakdowns, top poses and day maps for `user` (four queries over
    the tallies; the answer is what aggregating every session gives).

    `month` (its first day) picks the month calendar; by default today's month.
    """
    today = today or local_today(user)
    this_week = week_start(today)
    this_month = today.replace(day=1)
    month_first, month_last = month_bounds((month or this_month).replace(day=1))
    calendar_start = this_week - timedelta(weeks=CALENDAR_WEEKS - 1)
    chart_start = this_week - timedelta(weeks=CHART_WEEKS - 1)
    # 1. Sessions and seconds per (style, focus) pair, from the tallies kept by recording
    #    (practice.tallies): the totals and both breakdowns fold from these few rows.
    pairs = list(
        PracticeTally.objects.filter(user=user).values("style", "focus", "sessions", "seconds")
    )
    # 2. Practice days for the year calendar and the chosen month (this week and this month lie
    #    within the calendar's range).
    day_rows = (
        PracticeDay.objects.filter(user=user)
        .filter(
            Q(local_date__gte=calendar_start, local_date__lte=today)
            | Q(local_date__gte=month_first, local_date__lte=month_last)
        )
        .values_list("local_date", "sessions", "seconds")
    )
    days: dict[date, dict] = {
        day: {"sessions": sessions, "seconds": seconds} for day, sessions, seconds in day_rows
    }
    totals = {
        "sessions": sum(row["sessions"] for row in pairs),
        "seconds": sum(row["seconds"] for row in pairs),
    }
    for name, first in (("week", this_week), ("month", this_month)):
        within = [row for day, row in days.items() if first <= day <= today]
        totals[f"{name}_sessions"] = sum(row["sessions"] for row in within)
        totals[f"{name}_seconds"] = sum(row["seconds"] for row in within)
    # 3. Streaks: the latest and the longest run of practice days.
    current_streak, longest_streak = streak_summary(user, today=today)
    # 4. Poses practised: the sequence's poses up to how far each session got.
    top_poses = _top_poses(user)

    total_sessions = totals["sessions"]
    return {
        "today": today,
        "total_sessions": total_sessions,
        "total_minutes": minutes(totals["seconds"]),
        "average_minutes": minutes(totals["seconds"] // total_sessions) if total_sessions else 0,
        "current_streak": current_streak,
        "longest_streak": longest_streak,
        "this_week": {
            "start": this_week,
            "sessions": totals["week_sessions"],
            "minutes": minutes(totals["week_seconds"]),
        },
        "this_month": {
            "start": this_month,
            "sessions": totals["month_sessions"],
            "minutes": minutes(totals["month_seconds"]),
        },
        "weeks": _weeks(days, chart_start=chart_start, today=today),
        "styles": _breakdown(pairs, "style", Style),
        "focuses": _breakdown(pairs, "focus", Focus),
        "top_poses": top_poses,
        "calendar_start": calendar_start,
        "days": _day_minutes(days, calendar_start, today),
        "month": month_first,
        "month_days": _day_minutes(days, month_first, month_last),
    }


def _day_minutes(days: dict, first: date, last: date) -> dict[date, int]:
    return {
        day: minutes(row["seconds"]) for day, row in sorted(days.items()) if first <= day <= last
    }


def _weeks(days: dict, *, chart_start: date, today: date) -> list[dict]:
    weeks = {
        chart_start + timedelta(weeks=n): {"sessions": 0, "seconds": 0} for n in range(CHART_WEEKS)
    }
    for day, row in days.items():
        if chart_start <= day <= today:
            bucket = weeks[week_start(day)]
            bucket["sessions"] += row["sessions"]
            bucket["seconds"] += row["seconds"]
    return [
        {"start": start, "sessions": bucket["sessions"], "minutes": minutes(bucket["seconds"])}
        for start, bucket in weeks.items()
    ]


def _breakdown(pairs: list[dict], field: str, choices) -> list[dict]:
    """Sessions and minutes per value of `field`, most minutes first ('' is "Other")."""
    folded: dict[str, dict] = {}
    for row in pairs:
        bucket = folded.setdefault(row[field], {"sessions": 0, "seconds": 0})
        bucket["sessions"] += row["sessions"]
        bucket["seconds"] += row["seconds"]
    labels = dict(choices.choices)
    rows = [
        {
            "key": key,
            "label": labels.get(key, key.replace("_", " ").capitalize()) if key else "Other",
            "sessions": bucket["sessions"],
            "minutes": minutes(bucket["seconds"]),
        }
        for key, bucket in folded.items()
    ]
    return sorted(rows, key=lambda row: (-row["minutes"], row["label"]))


def _top_poses(user) -> list[dict]:
    """Most practised poses, counted in sessions: from the steps kept with each session
    (PracticeStep: the player, Today's practice, the API; they survive a deleted sequence),
    and for sessions that kept none, the sequence's poses up to how far they got. Both read
    from the tallies recording keeps (PractisedPose: sessions per pose; PractisedSequence:
    sessions per (sequence, poses reached)), so the query grows with the poses and sequences
    practised, not with the sessions."""
    sql = f"""
        WITH counted AS (
            SELECT p.slug AS slug, SUM(r.sessions) AS times
            FROM {PractisedSequence._meta.db_table} r
            JOIN {SequencePose._meta.db_table} sp
                ON sp.sequence_id = r.sequence_id AND sp.position <= r.reached
            JOIN {Pose._meta.db_table} p ON p.id = sp.pose_id
            WHERE r.user_id = %s AND r.reached > 0
            GROUP BY p.slug
            UNION ALL
            SELECT pose_slug AS slug, sessions AS times
            FROM {PractisedPose._meta.db_table} WHERE user_id = %s
        ),
        totals AS (SELECT slug, SUM(times) AS times FROM counted GROUP BY slug)
        SELECT totals.slug, COALESCE(p.name_en, MAX(t.pose_name)), COALESCE(p.name_sa, ''),
               COALESCE(p.is_published, %s), totals.times
        FROM totals
        LEFT JOIN {Pose._meta.db_table} p ON p.slug = totals.slug
        LEFT JOIN {PracticeStep._meta.db_table} t ON p.id IS NULL AND t.pose_slug = totals.slug
        GROUP BY totals.slug, p.name_en, p.name_sa, p.is_published, totals.times
        ORDER BY totals.times DESC, COALESCE(p.name_en, MAX(t.pose_name)), totals.slug
        LIMIT %s
    """  # noqa: S608 (table names from the models, values as parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, user.pk, False, TOP_POSES])
        rows = cursor.fetchall()
    return [
        {
            "slug": slug,
            "name": name,
            "sanskrit_name": sanskrit,
            "is_published": bool(published),
            "times": int(times),
        }
        for slug, name, sanskrit, published, times in rows
    ]


# --- per-user cache -----------------------------------------------------------
# A practitioner's numbers change only when one of their sessions is recorded,
# edited or deleted (signals in practice.apps bump their version once the change
# commits) or when their day changes (the local date is in every key). The hour's
# timeout bounds what a deleted sequence leaves behind in "most practised poses".
# With the cache unreachable they are computed each time (yogaflow.core.caching).

STATS_TIMEOUT = 60 * 60


def _version_key(user_id: int) -> str:
    return f"practice-stats:v:{user_id}"


def bump_stats_version(sender, instance, **kwargs) -> None:
    """Receiver of PracticeSession post_save/post_delete."""
    bump_version(_version_key(instance.user_id))


def stats_cache_key(user, *parts) -> str | None:
    """The key of one cached piece of the user's statistics; None while the cache is down."""
    current = version(_version_key(user.pk))
    if current is None:
        return None
    base = ["practice-stats", str(user.pk), str(current), user.timezone]
    return ":".join([*base, *map(str, parts)])


def cached_practice_stats(user, *, today: date | None = None, month: date | None = None) -> dict:
    """practice_stats, computed once per user, day and change."""
    today = today or local_today(user)
    key = stats_cache_key(user, "data", today, month)
    data = cache_get(key) if key else None
    if data is None:
        data = practice_stats(user, today=today, month=month)
        if key:
            cache_set(key, data, STATS_TIMEOUT)
    return data
