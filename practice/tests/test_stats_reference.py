"""Issue 15: practice_stats (one query over the tallies, folded in one pass) against a
straightforward reference written from the rules alone: every session read as a plain row and
counted in Python, in any zone, on any day and month. The most practised poses are checked
against the per-session aggregate kept in practice.tests.aggregated_stats."""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory
from practice.models import PracticeSession
from practice.stats import practice_stats
from practice.tests.aggregated_stats import _aggregated_top_poses
from practice.tests.factories import as_recorded, practices, practitioner_with, replay
from sequences.models import Focus, Style

pytestmark = pytest.mark.django_db
BASE = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu", "Pacific/Chatham"]


def whole_minutes(seconds: int) -> int:
    """Rounded minutes; any practice at all counts as at least one."""
    if not seconds:
        return 0
    return max(1, round(seconds / 60))


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def last_of_month(first: date) -> date:
    day = first
    while (day + timedelta(days=1)).month == first.month:
        day += timedelta(days=1)
    return day


def reference_stats(user, *, today: date, month: date | None) -> dict:
    """The statistics from every session of `user`, counted one by one."""
    sessions = list(
        PracticeSession.objects.filter(user=user).values(
            "local_date", "style", "focus", "duration_seconds"
        )
    )
    this_week, this_month = monday(today), today.replace(day=1)
    calendar_start = this_week - timedelta(weeks=52)
    chart_start = this_week - timedelta(weeks=11)
    month_first = (month or this_month).replace(day=1)
    month_last = last_of_month(month_first)

    per_day = defaultdict(lambda: [0, 0])
    for row in sessions:
        per_day[row["local_date"]][0] += 1
        per_day[row["local_date"]][1] += row["duration_seconds"]

    def within(first, last):
        sessions_, seconds = 0, 0
        for day, (n, s) in per_day.items():
            if first <= day <= last:
                sessions_ += n
                seconds += s
        return sessions_, seconds

    total_seconds = sum(row["duration_seconds"] for row in sessions)
    week_n, week_s = within(this_week, today)
    month_n, month_s = within(this_month, today)

    weeks = []
    for n in range(12):
        start = chart_start + timedelta(weeks=n)
        count, seconds = within(start, min(start + timedelta(days=6), today))
        weeks.append({"start": start, "sessions": count, "minutes": whole_minutes(seconds)})

    def breakdown(field, choices):
        labels = dict(choices.choices)
        folded = defaultdict(lambda: [0, 0])
        for row in sessions:
            folded[row[field]][0] += 1
            folded[row[field]][1] += row["duration_seconds"]
        rows = []
        for key, (count, seconds) in folded.items():
            label = labels.get(key, key.replace("_", " ").capitalize()) if key else "Other"
            rows.append(
                {"key": key, "label": label, "sessions": count, "minutes": whole_minutes(seconds)}
            )
        return sorted(rows, key=lambda row: (-row["minutes"], row["label"]))

    # Streaks: walk the practice days; today not yet practised keeps a run up to yesterday.
    runs, run = [], 0
    for day in sorted(per_day):
        run = run + 1 if run and day - timedelta(days=1) in per_day else 1
        if day + timedelta(days=1) not in per_day:
            runs.append((day, run))
    longest = max((length for _, length in runs), default=0)
    current = 0
    if runs:
        last_day, length = max(runs)
        current = length if last_day >= today - timedelta(days=1) else 0

    def day_map(first, last):
        return {
            day: whole_minutes(per_day[day][1]) for day in sorted(per_day) if first <= day <= last
        }

    return {
        "today": today,
        "total_sessions": len(sessions),
        "total_minutes": whole_minutes(total_seconds),
        "average_minutes": whole_minutes(total_seconds // len(sessions)) if sessions else 0,
        "current_streak": current,
        "longest_streak": longest,
        "this_week": {"start": this_week, "sessions": week_n, "minutes": whole_minutes(week_s)},
        "this_month": {
            "start": this_month,
            "sessions": month_n,
            "minutes": whole_minutes(month_s),
        },
        "weeks": weeks,
        "styles": breakdown("style", Style),
        "focuses": breakdown("focus", Focus),
        "top_poses": _aggregated_top_poses(user),
        "calendar_start": calendar_start,
        "days": day_map(calendar_start, today),
        "month": month_first,
        "month_days": day_map(month_first, month_last),
    }


def assert_same(user, *, today: date, month: date | None) -> None:
    with CaptureQueriesContext(connection) as queries:
        got = practice_stats(user, today=today, month=month)
    expected = reference_stats(user, today=today, month=month)
    assert got == expected
    # The same order of days as the reference (the API writes the maps in this order), and
    # plain ints and bools, as the serializers and templates expect.
    assert list(got["days"]) == list(expected["days"])
    assert list(got["month_days"]) == list(expected["month_days"])
    assert all(type(pose["times"]) is int for pose in got["top_poses"])
    assert all(type(pose["is_published"]) is bool for pose in got["top_poses"])
    assert all(type(week["sessions"]) is int for week in got["weeks"])
    assert len(queries.captured_queries) == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    # Dense histories (a few weeks, so days share weeks, months and runs) and sparse ones.
    history=st.one_of(
        st.lists(practices(days=40), max_size=20), st.lists(practices(), max_size=20)
    ),
    zone=st.sampled_from(ZONES),
    today=st.one_of(
        st.integers(-2, 45).map(lambda n: BASE.date() + timedelta(days=n)),
        st.dates(date(2025, 1, 1), date(2026, 3, 31)),
    ),
    month=st.one_of(st.none(), st.dates(date(2024, 12, 1), date(2026, 3, 1))),
    sequence_gone=st.booleans(),
)
def test_stats_equal_a_count_of_every_session_in_any_zone_day_and_month(
    history, zone, today, month, sequence_gone
):
    user = practitioner_with(history, zone=zone, base=BASE, sequence_gone=sequence_gone)

    assert_same(user, today=today, month=month.replace(day=1) if month else None)


def test_a_practitioner_without_sessions_gets_the_reference_zeros_in_one_query():
    user = UserFactory(timezone="Asia/Kathmandu")

    assert_same(user, today=date(2026, 3, 1), month=None)


def test_days_on_both_sides_of_a_year_long_gap_and_an_older_month_match_the_reference():
    user = UserFactory(timezone="Pacific/Auckland")
    history = [
        (day, hour, minutes, "hatha", "hips", ("free",))
        for day, hour, minutes in [(0, 0, 5), (1, 11, 40), (2, -12, 90), (380, 3, 1), (381, 0, 16)]
    ]
    replay(user, history, base=BASE, fields=as_recorded([], []))

    for today in (date(2025, 1, 3), date(2026, 1, 17), date(2026, 1, 18), date(2026, 1, 20)):
        assert_same(user, today=today, month=date(2025, 1, 1))
        assert_same(user, today=today, month=None)


@pytest.mark.parametrize(
    "today", [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 8), date(2026, 3, 31)]
)
def test_a_practice_on_each_edge_of_each_range_counts_as_the_reference_counts_it(today):
    user = UserFactory(timezone="UTC")
    this_week, this_month = monday(today), today.replace(day=1)
    edges = {
        today + timedelta(days=1),
        today,
        today - timedelta(days=1),
        this_week,
        this_week - timedelta(days=1),
        this_month,
        this_month - timedelta(days=1),
        this_week - timedelta(weeks=11),
        this_week - timedelta(weeks=11, days=1),
        this_week - timedelta(weeks=52),
        this_week - timedelta(weeks=52, days=1),
        date(2025, 2, 1),
        date(2025, 2, 28),
        date(2025, 3, 1),
    }
    start = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    history = [
        ((day - start.date()).days, 0, 10 + n, ["hatha", "yin"][n % 2], "", ("free",))
        for n, day in enumerate(sorted(edges))
    ]
    replay(user, history, base=start, fields=as_recorded([], []))

    for month in (None, date(2025, 2, 1), date(2025, 3, 1), this_month):
        assert_same(user, today=today, month=month)
