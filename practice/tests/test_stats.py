"""practice.stats and practice.charts: totals, streak rules across days, zones and DST, weeks,
breakdowns, top poses, the query bound, and the pictures' geometry."""

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practice import charts, tallies
from practice.models import PracticeSession
from practice.services import record_practice
from practice.stats import practice_stats
from practice.tests.factories import PracticeSessionFactory
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")


def practise(user, start: datetime, *, minutes: int = 20, **kwargs):
    """Record through the service (it sets local_date), with the clock just after the practice."""
    end = start + timedelta(minutes=minutes)
    with time_machine.travel(end + timedelta(minutes=1), tick=False):
        return record_practice(
            user=user, started_at=start, ended_at=end, duration_seconds=minutes * 60, **kwargs
        ).session


def at(user, day: date, hour: int = 8, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(user.timezone))


def on_days(user, *days: date, minutes: int = 20) -> None:
    for day in days:
        PracticeSessionFactory(
            user=user,
            local_date=day,
            started_at=at(user, day),
            duration_seconds=minutes * 60,
        )


# --- totals ------------------------------------------------------------------


def test_a_practitioner_without_sessions_gets_zeros_and_twelve_empty_weeks(user):
    data = practice_stats(user, today=date(2026, 3, 11))

    assert (data["total_sessions"], data["total_minutes"], data["average_minutes"]) == (0, 0, 0)
    assert (data["current_streak"], data["longest_streak"]) == (0, 0)
    assert [week["minutes"] for week in data["weeks"]] == [0] * 12
    assert data["styles"] == data["focuses"] == data["top_poses"] == []
    assert data["days"] == {}


def test_totals_and_average_count_every_session_of_the_user_only(user, other_user):
    today = date(2026, 3, 11)
    on_days(user, today, minutes=30)
    on_days(user, today - timedelta(days=400), minutes=10)
    on_days(user, today - timedelta(days=1), minutes=20)
    on_days(other_user, today, minutes=45)

    data = practice_stats(user, today=today)

    assert (data["total_sessions"], data["total_minutes"], data["average_minutes"]) == (3, 60, 20)


def test_this_week_is_monday_based_and_this_month_starts_on_the_first(user):
    wednesday = date(2026, 3, 11)
    on_days(user, date(2026, 3, 8), minutes=10)  # Sunday: last week, this month
    on_days(user, date(2026, 3, 9), minutes=25)  # Monday: this week
    on_days(user, date(2026, 2, 28), minutes=40)  # last month

    data = practice_stats(user, today=wednesday)

    assert data["this_week"] == {"start": date(2026, 3, 9), "sessions": 1, "minutes": 25}
    assert data["this_month"] == {"start": date(2026, 3, 1), "sessions": 2, "minutes": 35}


def test_weekly_minutes_fold_days_into_twelve_monday_weeks_oldest_first(user):
    wednesday = date(2026, 3, 11)
    on_days(user, date(2026, 3, 8), date(2026, 3, 2), minutes=10)  # Sun + Mon: one week
    on_days(user, date(2026, 3, 9), minutes=25)
    on_days(user, date(2025, 12, 14), minutes=50)  # 13 weeks ago: outside the chart

    weeks = practice_stats(user, today=wednesday)["weeks"]

    assert len(weeks) == 12
    assert all(week["start"].weekday() == 0 for week in weeks)
    assert weeks[0]["start"] == date(2025, 12, 22)
    assert weeks[-1] == {"start": date(2026, 3, 9), "sessions": 1, "minutes": 25}
    assert weeks[-2] == {"start": date(2026, 3, 2), "sessions": 2, "minutes": 20}
    assert sum(week["minutes"] for week in weeks) == 45


# --- streaks -----------------------------------------------------------------


def test_today_not_yet_practised_keeps_a_streak_that_reached_yesterday(user):
    today = date(2026, 3, 11)
    on_days(user, today - timedelta(days=2), today - timedelta(days=1))

    data = practice_stats(user, today=today)

    assert (data["current_streak"], data["longest_streak"]) == (2, 2)


def test_a_streak_ends_when_yesterday_was_missed_too(user):
    today = date(2026, 3, 11)
    on_days(user, today - timedelta(days=3), today - timedelta(days=2))

    data = practice_stats(user, today=today)

    assert (data["current_streak"], data["longest_streak"]) == (0, 2)


def test_a_gap_day_breaks_the_streak_and_the_longest_run_is_kept(user):
    today = date(2026, 3, 11)
    on_days(user, *(today - timedelta(days=n) for n in (7, 6, 5, 4, 2, 1, 0)))

    data = practice_stats(user, today=today)

    assert (data["current_streak"], data["longest_streak"]) == (3, 4)


def test_a_streak_runs_across_month_and_year_boundaries(user):
    on_days(user, date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1))
    on_days(user, date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1))

    assert practice_stats(user, today=date(2026, 1, 2))["current_streak"] == 3
    assert practice_stats(user, today=date(2026, 3, 1))["current_streak"] == 3


def test_the_same_instant_lands_on_each_practitioners_own_day(user, other_user):
    user.timezone, other_user.timezone = "Pacific/Auckland", "America/Los_Angeles"
    user.save(), other_user.save()
    instant = datetime(2026, 3, 10, 11, 30, tzinfo=UTC)  # 00:30 on 11 Mar / 04:30 on 10 Mar

    practise(user, instant)
    practise(other_user, instant)
    with time_machine.travel(datetime(2026, 3, 10, 22, 0, tzinfo=UTC), tick=False):
        # 11:00 on 11 Mar in Auckland; 15:00 on 10 Mar in Los Angeles: "today" is theirs.
        auckland, los_angeles = practice_stats(user), practice_stats(other_user)

    assert list(auckland["days"]) == [date(2026, 3, 11)]
    assert list(los_angeles["days"]) == [date(2026, 3, 10)]
    assert auckland["this_week"]["minutes"] == los_angeles["this_week"]["minutes"] == 20
    assert auckland["current_streak"] == los_angeles["current_streak"] == 1


@pytest.mark.parametrize(
    ("first", "last"),
    [(date(2026, 3, 26), date(2026, 4, 1)), (date(2026, 10, 22), date(2026, 10, 28))],
    ids=["spring-forward", "fall-back"],
)
def test_practice_at_half_past_midnight_keeps_a_streak_across_a_dst_change(user, first, last):
    user.timezone = "Europe/Paris"
    user.save()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    for day in days:
        practise(user, at(user, day, hour=0, minute=30))

    data = practice_stats(user, today=last)

    assert list(data["days"]) == days
    assert (data["current_streak"], data["longest_streak"]) == (len(days), len(days))


# --- breakdowns and poses ----------------------------------------------------


def test_breakdowns_by_style_and_focus_sum_minutes_and_sessions_most_first(user):
    today = date(2026, 3, 11)
    for style, focus, minutes in [
        ("yin", "hips", 40),
        ("yin", "relaxation", 30),
        ("vinyasa", "hips", 20),
        ("", "", 5),
    ]:
        PracticeSessionFactory(
            user=user, style=style, focus=focus, duration_seconds=minutes * 60, local_date=today
        )

    data = practice_stats(user, today=today)

    assert data["styles"] == [
        {"key": "yin", "label": "Yin", "sessions": 2, "minutes": 70},
        {"key": "vinyasa", "label": "Vinyasa", "sessions": 1, "minutes": 20},
        {"key": "", "label": "Other", "sessions": 1, "minutes": 5},
    ]
    assert [(row["label"], row["minutes"]) for row in data["focuses"]] == [
        ("Hips", 60),
        ("Relaxation", 30),
        ("Other", 5),
    ]


def test_top_poses_count_only_the_poses_a_session_reached(user):
    sequence = SequenceFactory(poses=4)
    poses = [item.pose for item in sequence.items.order_by("position")]
    start = datetime(2026, 3, 10, 8, tzinfo=UTC)
    practise(user, start, sequence=sequence, poses_completed=4)
    practise(user, start + timedelta(hours=2), sequence=sequence, poses_completed=2)
    practise(user, start + timedelta(hours=4), sequence=sequence, poses_completed=0)

    top = practice_stats(user, today=date(2026, 3, 10))["top_poses"]

    assert [(row["slug"], row["times"]) for row in top] == [
        (poses[0].slug, 2),
        (poses[1].slug, 2),
        (poses[2].slug, 1),
        (poses[3].slug, 1),
    ][: len(top)]
    assert len(top) == 4


def test_top_poses_are_at_most_five_and_forget_deleted_sequences(user):
    kept, deleted = SequenceFactory(poses=7), SequenceFactory(poses=3)
    start = datetime(2026, 3, 10, 8, tzinfo=UTC)
    practise(user, start, sequence=kept, poses_completed=7)
    practise(user, start + timedelta(hours=2), sequence=deleted, poses_completed=3)
    deleted_slugs = {item.pose.slug for item in deleted.items.all()}
    deleted.delete()

    top = practice_stats(user, today=date(2026, 3, 10))["top_poses"]

    assert len(top) == 5
    assert not deleted_slugs & {row["slug"] for row in top}


# --- day maps and the query bound ----------------------------------------------


def test_the_day_map_covers_53_weeks_and_the_chosen_month_even_when_older(user):
    today = date(2026, 3, 11)
    on_days(user, date(2025, 3, 9), date(2025, 3, 10), date(2023, 5, 17), today)

    data = practice_stats(user, today=today, month=date(2023, 5, 1))

    assert data["calendar_start"] == date(2025, 3, 10)  # a Monday, 52 weeks before this week's
    assert list(data["days"]) == [date(2025, 3, 10), today]
    assert data["month_days"] == {date(2023, 5, 17): 20}


def test_today_defaults_to_the_local_date_of_the_users_time_zone(user):
    user.timezone = "Pacific/Auckland"
    with time_machine.travel(datetime(2026, 3, 10, 22, 0, tzinfo=UTC), tick=False):
        assert practice_stats(user)["today"] == date(2026, 3, 11)


def _queries(user, **kwargs) -> int:
    with CaptureQueriesContext(connection) as context:
        practice_stats(user, **kwargs)
    return len(context.captured_queries)


def test_stats_take_the_same_few_queries_with_0_and_10000_sessions(user):
    today = date(2026, 3, 11)
    empty = _queries(user, today=today)
    sequence = SequenceFactory(poses=5)
    rng = random.Random(4)  # noqa: S311
    start = datetime(2026, 3, 11, 7, tzinfo=UTC)
    PracticeSession.objects.bulk_create(
        [
            PracticeSession(
                user=user,
                sequence=sequence if n % 3 == 0 else None,
                style=rng.choice(["hatha", "yin", "vinyasa"]),
                focus=rng.choice(["hips", "core"]),
                started_at=start - timedelta(days=n % 1826),
                ended_at=start - timedelta(days=n % 1826) + timedelta(minutes=20),
                duration_seconds=rng.randrange(300, 3600),
                local_date=today - timedelta(days=n % 1826),
                local_hour=7,
                poses_completed=rng.randrange(0, 6),
            )
            for n in range(10_000)
        ],
        batch_size=1000,
    )
    tallies.rebuild(user_ids=[user.pk])  # bulk-created: tallied as the migration does

    full = _queries(user, today=today)
    data = practice_stats(user, today=today)

    assert empty == full == 1
    assert data["total_sessions"] == 10_000
    assert data["current_streak"] == data["longest_streak"] == 1826


# --- charts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "expected"), [(0, 0), (1, 1), (14, 1), (15, 2), (30, 3), (44, 3), (45, 4), (300, 4)]
)
def test_heat_levels_rise_with_minutes(minutes, expected):
    assert charts.level(minutes) == expected


def test_year_calendar_draws_one_cell_per_day_up_to_today_with_titles():
    today = date(2026, 3, 11)  # a Wednesday
    start = date(2025, 3, 10)
    grid = charts.year_calendar({date(2026, 3, 3): 25}, start=start, today=today)

    assert len(grid["cells"]) == (today - start).days + 1
    assert len({cell["x"] for cell in grid["cells"]}) == 53
    practised = next(cell for cell in grid["cells"] if cell["date"] == date(2026, 3, 3))
    assert practised["title"] == "3 Mar 2026: 25 min"
    assert practised["level"] == 2
    assert grid["cells"][0]["y"] == grid["cells"][7]["y"]  # Mondays share the top row
    assert [month["label"] for month in grid["months"]][:2] == ["Mar", "Apr"]
    assert "1 practice day, 25 minutes" in grid["summary"]


def test_weekly_chart_scales_the_busiest_week_to_the_top_gridline():
    weeks = [
        {"start": date(2026, 3, 9) - timedelta(weeks=11 - n), "minutes": 0, "sessions": 0}
        for n in range(12)
    ]
    weeks[3] = {**weeks[3], "minutes": 120, "sessions": 4}

    chart = charts.weekly_chart(weeks)

    assert len(chart["bars"]) == 12
    assert chart["bars"][3]["height"] == charts.BAR_AREA
    assert chart["bars"][3]["y"] == chart["gridlines"][-1]["y"]
    assert chart["gridlines"][-1]["value"] == 120
    assert chart["bars"][0]["height"] == 0
    assert chart["bars"][3]["title"] == "Week of 12 Jan 2026: 120 min, 4 sessions"


def test_month_calendar_starts_weeks_on_monday_and_never_goes_past_this_month():
    grid = charts.month_calendar(
        {date(2026, 3, 3): 25}, first=date(2026, 3, 1), today=date(2026, 3, 11)
    )

    assert grid["weeks"][0][0]["date"] == date(2026, 2, 23)
    assert not grid["weeks"][0][0]["in_month"]
    assert (grid["previous"], grid["next"]) == (date(2026, 2, 1), None)
    assert (grid["days_practised"], grid["minutes"]) == (1, 25)
    older = charts.month_calendar({}, first=date(2025, 12, 1), today=date(2026, 3, 11))
    assert older["next"] == date(2026, 1, 1)


def test_cached_stats_follow_every_recorded_edited_or_deleted_session(
    user, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from practice import services
    from practice.stats import cached_practice_stats

    assert cached_practice_stats(user)["total_sessions"] == 0
    with django_assert_num_queries(0):
        cached_practice_stats(user)  # served from the cache

    start = timezone.now() - timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):  # the version moves on commit
        session = services.record_practice(
            user=user,
            started_at=start,
            ended_at=start + timedelta(minutes=10),
            duration_seconds=600,
        ).session
    assert cached_practice_stats(user)["total_sessions"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_session(user=user, session=session)
    assert cached_practice_stats(user)["total_sessions"] == 0
