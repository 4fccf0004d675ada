"""Practice statistics in one small query, the same cost whatever the history size.

Everything counts the practitioner's own calendar days (PracticeSession.local_date,
fixed when the practice was recorded), so weeks, months and streaks follow the
day they lived, not UTC. The numbers come from the tallies recording and deleting keep
(practice.tallies: per day, per style and focus, runs of days, poses and sequences
practised), never from the sessions themselves, read in one statement (practice.stats_query);
Python folds those rows in one pass (≤ 400 days, a few style/focus pairs).
"""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from practice.selectors import streak_pair
from practice.stats_query import read_stats_rows
from sequences.models import Focus, Style
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
    """Headline numbers, weeks, breakdowns, top poses and day maps for `user` (one query over
    the tallies, practice.stats_query; the answer is what aggregating every session gives).

    `month` (its first day) picks the month calendar; by default today's month.
    """
    today = today or local_today(user)
    this_week = week_start(today)
    this_month = today.replace(day=1)
    month_first, month_last = month_bounds((month or this_month).replace(day=1))
    calendar_start = this_week - timedelta(weeks=CALENDAR_WEEKS - 1)
    chart_start = this_week - timedelta(weeks=CHART_WEEKS - 1)
    rows = read_stats_rows(
        user.pk,
        first=calendar_start,
        last=today,
        month_first=month_first,
        month_last=month_last,
        top=TOP_POSES,
    )
    # Sessions and seconds per (style, focus) pair: the totals and both breakdowns fold from
    # these few rows.
    pairs = [
        {"style": style, "focus": focus, "sessions": sessions, "seconds": seconds}
        for style, focus, sessions, seconds in rows.pairs
    ]
    total_sessions = sum(row["sessions"] for row in pairs)
    total_seconds = sum(row["seconds"] for row in pairs)
    # One pass over the practice days (oldest first): this week, this month, the weekly
    # chart and both day maps (this week and this month lie within the calendar's range).
    week = [0, 0]
    month_total = [0, 0]
    weeks = {chart_start + timedelta(weeks=n): [0, 0] for n in range(CHART_WEEKS)}
    year_days: dict[date, int] = {}
    month_days: dict[date, int] = {}
    for day, sessions, seconds in rows.days:
        day_minutes = minutes(seconds)
        if calendar_start <= day <= today:
            year_days[day] = day_minutes
            if day >= chart_start:
                bucket = weeks[day - timedelta(days=day.weekday())]
                bucket[0] += sessions
                bucket[1] += seconds
                if day >= this_week:
                    week[0] += sessions
                    week[1] += seconds
            if day >= this_month:
                month_total[0] += sessions
                month_total[1] += seconds
        if month_first <= day <= month_last:
            month_days[day] = day_minutes
    # Streaks: the latest and the longest run of practice days.
    current_streak, longest_streak = streak_pair(
        rows.latest_day, rows.latest_days, rows.longest_days, today=today
    )
    return {
        "today": today,
        "total_sessions": total_sessions,
        "total_minutes": minutes(total_seconds),
        "average_minutes": minutes(total_seconds // total_sessions) if total_sessions else 0,
        "current_streak": current_streak,
        "longest_streak": longest_streak,
        "this_week": {"start": this_week, "sessions": week[0], "minutes": minutes(week[1])},
        "this_month": {
            "start": this_month,
            "sessions": month_total[0],
            "minutes": minutes(month_total[1]),
        },
        "weeks": [
            {"start": start, "sessions": sessions, "minutes": minutes(seconds)}
            for start, (sessions, seconds) in weeks.items()
        ],
        "styles": _breakdown(pairs, "style", Style),
        "focuses": _breakdown(pairs, "focus", Focus),
        "top_poses": [
            {
                "slug": slug,
                "name": name,
                "sanskrit_name": sanskrit,
                "is_published": published,
                "times": times,
            }
            for slug, name, sanskrit, published, times in rows.top_poses
        ],
        "calendar_start": calendar_start,
        "days": year_days,
        "month": month_first,
        "month_days": month_days,
    }


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
