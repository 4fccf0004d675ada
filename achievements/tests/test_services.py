"""evaluate_for: every rule awards its badge once, at its threshold, in the user's own zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from achievements.models import Achievement, Rule, UserAchievement
from achievements.services import evaluate_for
from practice import tallies
from practice.models import PracticeSession
from practice.services import record_practice
from practice.tests.factories import PracticeSessionFactory
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")
# A winter Monday: Europe/Paris (the factory users' zone) is UTC+1.
MONDAY = datetime(2026, 1, 12, 10, 0, tzinfo=UTC)


def record(user, *, start=MONDAY, minutes=20, **kwargs):
    return record_practice(
        user=user,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        duration_seconds=minutes * 60,
        source="manual",
        **kwargs,
    )


def codes(user) -> list[str]:
    return sorted(
        UserAchievement.objects.filter(user=user).values_list("achievement__code", flat=True)
    )


def count_of(user, code: str) -> int:
    return UserAchievement.objects.filter(user=user, achievement__code=code).count()


def test_first_practice_is_awarded_by_recording_and_reported_as_new(user):
    result = record(user)

    assert [badge.code for badge in result.awarded] == ["first-practice"]
    assert codes(user) == ["first-practice"]
    assert UserAchievement.objects.get(user=user).session == result.session


def test_a_badge_is_awarded_once_however_often_it_is_evaluated(user):
    record(user)
    record(user, start=MONDAY + timedelta(hours=3))

    assert evaluate_for(user) == []
    assert count_of(user, "first-practice") == 1


def test_nothing_is_awarded_without_practice(user):
    assert evaluate_for(user) == []
    assert codes(user) == []


@pytest.mark.parametrize("days", [2, 3])
def test_streak_badge_needs_its_number_of_days_in_a_row(user, days):
    for day in range(days):
        record(user, start=MONDAY + timedelta(days=day))

    assert (count_of(user, "streak-3") == 1) is (days >= 3)


def test_streak_days_apart_do_not_count_as_a_streak(user):
    for day in (0, 2, 4):
        record(user, start=MONDAY + timedelta(days=day))

    assert count_of(user, "streak-3") == 0


def test_sessions_badge_at_ten_sessions_not_nine(user):
    for index in range(9):
        record(user, start=MONDAY + timedelta(hours=index))
    assert count_of(user, "sessions-10") == 0

    record(user, start=MONDAY + timedelta(hours=9))

    assert count_of(user, "sessions-10") == 1


def test_minutes_badge_counts_whole_minutes_across_sessions(user):
    record(user, minutes=30)
    record(user, start=MONDAY + timedelta(hours=1), minutes=29)
    assert count_of(user, "minutes-60") == 0

    record(user, start=MONDAY + timedelta(hours=2), minutes=1)

    assert count_of(user, "minutes-60") == 1


def test_completed_badge_counts_only_sessions_practised_to_the_end(user):
    # Completed means practised (practice.services.is_completed): more than half of the
    # sequence's 4 × 30 s held. A skip through it (10 s) does not count, whatever it claims.
    sequence = SequenceFactory(poses=4)
    for index in range(10):
        seconds = 100 if index > 0 else 10
        record_practice(
            user=user,
            started_at=MONDAY + timedelta(hours=index),
            ended_at=MONDAY + timedelta(hours=index, seconds=seconds),
            duration_seconds=seconds,
            sequence=sequence,
            source="player",
            completed=True,
        )
    assert count_of(user, "finisher-10") == 0

    record(user, start=MONDAY + timedelta(hours=10))  # a class logged by hand: practised

    assert count_of(user, "finisher-10") == 1


def test_early_bird_uses_the_local_hour_in_the_users_zone(user):
    # 05:30 UTC is 06:30 in Paris: early. 06:30 UTC is 07:30 in Paris: not early.
    record(user, start=datetime(2026, 1, 12, 6, 30, tzinfo=UTC))
    assert count_of(user, "early-bird") == 0

    record(user, start=datetime(2026, 1, 13, 5, 30, tzinfo=UTC))

    assert count_of(user, "early-bird") == 1


def test_early_bird_for_a_practitioner_far_from_utc(user):
    user.timezone = "America/New_York"
    # 11:00 UTC is 06:00 in New York (UTC-5): early there, not in UTC.
    record(user, start=datetime(2026, 1, 12, 11, 0, tzinfo=UTC))

    assert count_of(user, "early-bird") == 1


def test_night_owl_after_twenty_local(user):
    # 19:30 UTC is 20:30 in Paris.
    record(user, start=datetime(2026, 1, 12, 19, 30, tzinfo=UTC))

    assert count_of(user, "night-owl") == 1


def test_creator_is_the_first_own_sequence(user, other_user):
    SequenceFactory(author=other_user, poses=1)
    SequenceFactory(poses=1)  # curated
    assert evaluate_for(user) == []

    SequenceFactory(author=user, poses=1)

    assert [badge.code for badge in evaluate_for(user)] == ["creator"]
    SequenceFactory(author=user, poses=1)
    assert evaluate_for(user) == []
    assert count_of(user, "creator") == 1


def test_explorer_needs_five_distinct_sequences(user):
    sequences = SequenceFactory.create_batch(5, poses=1)
    # Six sessions over four distinct sequences (the first and the fourth twice).
    for hour, index in enumerate([0, 0, 1, 2, 3, 3]):
        record(user, start=MONDAY + timedelta(hours=hour), sequence=sequences[index])
    assert count_of(user, "explorer-5") == 0

    record(user, start=MONDAY + timedelta(hours=7), sequence=sequences[4])

    assert count_of(user, "explorer-5") == 1


def test_inactive_badges_are_never_awarded(user):
    Achievement.objects.filter(code="first-practice").update(is_active=False)

    record(user)
    evaluate_for(user)

    assert count_of(user, "first-practice") == 0


def test_staff_defined_badge_is_awarded_at_its_threshold(user):
    Achievement.objects.create(
        code="two-sessions",
        name="Two",
        description="Two.",
        icon="✌️",
        rule=Rule.SESSIONS,
        threshold=2,
    )
    record(user)
    assert count_of(user, "two-sessions") == 0

    record(user, start=MONDAY + timedelta(hours=1))

    assert count_of(user, "two-sessions") == 1


def test_other_users_practice_earns_nothing_for_me(user, other_user):
    record(other_user)

    assert evaluate_for(user) == []


def _bulk_history(user, size: int) -> None:
    PracticeSession.objects.bulk_create(
        PracticeSessionFactory.build(
            user=user,
            started_at=MONDAY - timedelta(days=index, hours=index % 5),
            local_hour=(10 + index) % 24,
            completed=index % 2 == 0,
        )
        for index in range(size)
    )
    tallies.rebuild(user_ids=[user.pk])  # as the migration does for a history recorded before


def _queries_of_evaluate(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        evaluate_for(user)
    return len(captured)


def test_evaluate_for_runs_the_same_queries_for_0_and_1000_sessions(user, other_user):
    _bulk_history(other_user, 1000)
    evaluate_for(other_user)  # award what the long history earns; then only the reads remain
    evaluate_for(user)

    assert _queries_of_evaluate(user) == _queries_of_evaluate(other_user) <= 3


def test_first_evaluation_of_a_long_history_is_bounded_by_the_badge_count(user):
    _bulk_history(user, 1000)
    badges = Achievement.objects.filter(is_active=True).count()

    with CaptureQueriesContext(connection) as captured:
        awarded = evaluate_for(user)

    assert len(awarded) >= 10
    # reads (3) + per new badge: savepoint, insert, release
    assert len(captured) <= 3 + 3 * badges


def test_building_a_first_sequence_earns_the_creator_badge_at_once(user):
    from poses.tests.factories import PoseFactory
    from sequences.services import save_sequence

    save_sequence(
        author=user,
        title="My flow",
        difficulty="beginner",
        focus="hips",
        style="hatha",
        poses=[{"pose": PoseFactory()}],
    )

    assert UserAchievement.objects.filter(user=user, achievement__code="creator").exists()


def test_every_rule_says_what_it_counts():
    from achievements.models import RULE_UNITS, Rule

    assert set(RULE_UNITS) == set(Rule.values)
