"""The statistics as they were computed before the tallies (issue 15): every session aggregated.

Kept for the tests only (test_stats_tallies): practice.stats must give exactly this answer. The
folds (weeks, day maps, breakdowns) are the ones practice.stats used then, kept here so the
reference does not share code with what it checks."""

from datetime import date, timedelta

from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from poses.models import Pose
from practice.models import PracticeSession, PracticeStep
from practice.selectors import Run, as_date, streaks
from practice.stats import (
    CALENDAR_WEEKS,
    CHART_WEEKS,
    TOP_POSES,
    local_today,
    minutes,
    month_bounds,
    week_start,
)
from sequences.models import Focus, SequencePose, Style

TOTALS = ("sessions", "seconds", "week_sessions", "week_seconds", "month_sessions", "month_seconds")


def _island_key() -> str:
    if connection.vendor == "postgresql":
        return "d - CAST(rn AS integer)"
    return "julianday(d) - rn"


def aggregated_runs(user) -> list[Run]:
    """Every unbroken run of practice days, most recent first ("gaps and islands")."""
    table = PracticeSession._meta.db_table
    sql = f"""
        WITH days AS (SELECT DISTINCT local_date AS d FROM {table} WHERE user_id = %s),
        numbered AS (SELECT d, ROW_NUMBER() OVER (ORDER BY d) AS rn FROM days)
        SELECT MIN(d), MAX(d), COUNT(*) FROM numbered
        GROUP BY {_island_key()} ORDER BY MAX(d) DESC
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk])
        rows = cursor.fetchall()
    return [Run(as_date(first), as_date(last), days) for first, last, days in rows]


def aggregated_stats(user, *, today: date | None = None, month: date | None = None) -> dict:
    today = today or local_today(user)
    this_week = week_start(today)
    this_month = today.replace(day=1)
    month_first, month_last = month_bounds((month or this_month).replace(day=1))
    calendar_start = this_week - timedelta(weeks=CALENDAR_WEEKS - 1)
    chart_start = this_week - timedelta(weeks=CHART_WEEKS - 1)
    sessions = PracticeSession.objects.filter(user=user)
    week_q = Q(local_date__gte=this_week, local_date__lte=today)
    month_q = Q(local_date__gte=this_month, local_date__lte=today)
    pairs = list(
        sessions.values("style", "focus")
        .annotate(
            sessions=Count("pk"),
            seconds=Sum("duration_seconds"),
            week_sessions=Count("pk", filter=week_q),
            week_seconds=Coalesce(Sum("duration_seconds", filter=week_q), 0),
            month_sessions=Count("pk", filter=month_q),
            month_seconds=Coalesce(Sum("duration_seconds", filter=month_q), 0),
        )
        .order_by()
    )
    totals = {name: sum(row[name] for row in pairs) for name in TOTALS}
    current_streak, longest_streak = streaks(aggregated_runs(user), today=today)
    day_rows = (
        sessions.filter(
            Q(local_date__gte=calendar_start, local_date__lte=today)
            | Q(local_date__gte=month_first, local_date__lte=month_last)
        )
        .values("local_date")
        .annotate(sessions=Count("pk"), seconds=Sum("duration_seconds"))
        .order_by()
    )
    days = {row["local_date"]: row for row in day_rows}
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
        "top_poses": _aggregated_top_poses(user),
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


def _aggregated_top_poses(user) -> list[dict]:
    sessions = PracticeSession._meta.db_table
    sql = f"""
        WITH reached AS (
            SELECT sequence_id, poses_completed, COUNT(*) AS n FROM {sessions} s
            WHERE s.user_id = %s AND s.sequence_id IS NOT NULL AND s.poses_completed > 0
              AND NOT EXISTS (SELECT 1 FROM {PracticeStep._meta.db_table} t
                              WHERE t.session_id = s.id)
            GROUP BY sequence_id, poses_completed
        ),
        counted AS (
            SELECT p.slug AS slug, SUM(r.n) AS times
            FROM reached r
            JOIN {SequencePose._meta.db_table} sp
                ON sp.sequence_id = r.sequence_id AND sp.position <= r.poses_completed
            JOIN {Pose._meta.db_table} p ON p.id = sp.pose_id
            GROUP BY p.slug
            UNION ALL
            SELECT t.pose_slug AS slug, COUNT(DISTINCT t.session_id) AS times
            FROM {PracticeStep._meta.db_table} t JOIN {sessions} s ON s.id = t.session_id
            WHERE s.user_id = %s
            GROUP BY t.pose_slug
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
    """  # noqa: S608
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
