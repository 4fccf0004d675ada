"""The home page of a returning practitioner: their streak and a way back into practice; a new
one is welcomed once (issue 13)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practice import services
from practice.selectors import practice_runs, streaks
from practice.stats import local_today
from practice.templatetags.practice_home import returning_practice
from practice.tests.factories import record
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db

# The factories' practitioners live in Paris. At noon there, "half an hour ago" is today; at
# 23:25 UTC it is already 00:25 there, and half an hour ago was yesterday (CI ran at that hour
# and found the tests assuming UTC's day).
NOON_IN_PARIS = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)
PAST_MIDNIGHT_IN_PARIS = datetime(2026, 3, 10, 23, 25, tzinfo=UTC)


def test_a_new_practitioner_is_not_welcomed_back(client, user):
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()

    assert "Welcome back" not in page
    assert "Your practice starts here" in page


@pytest.mark.time_machine(NOON_IN_PARIS, tick=True)
def test_a_returning_practitioner_sees_the_streak_and_a_way_back_into_practice(client, user):
    sequence = SequenceFactory(title="Gentle morning")
    now = timezone.now()
    for days in (1, 0):
        start = now - timedelta(days=days, minutes=30)
        services.record_practice(
            user=user,
            started_at=start,
            ended_at=start + timedelta(minutes=20),
            duration_seconds=1200,
            sequence=sequence,
        )
    client.force_login(user)

    page = client.get(reverse("home")).content.decode()

    assert f"Welcome back, {user.get_short_name()}" in page
    assert "2-day streak" in page
    assert reverse("practice:player", args=[sequence.slug]) in page
    assert "Practise Gentle morning again" in page
    assert reverse("sequences:today") in page


@pytest.mark.time_machine(NOON_IN_PARIS, tick=True)
@pytest.mark.parametrize("runs", [3, 60])
def test_the_welcome_back_costs_two_queries_however_many_runs_of_practice(
    user, runs, django_assert_num_queries
):
    today = local_today(user)
    base = timezone.now() - timedelta(days=2 * runs + 2)
    for run in range(runs):  # one-day runs every other day, then today and yesterday
        record(user, start=base + timedelta(days=2 * run))
    for days in (1, 0):
        record(user, start=timezone.now() - timedelta(days=days, minutes=30))

    with django_assert_num_queries(2):
        welcome = returning_practice(user)

    assert welcome["streak"] == streaks(practice_runs(user), today=today)[0] == 2
    assert welcome["practised_today"] is True


@pytest.mark.time_machine(PAST_MIDNIGHT_IN_PARIS, tick=True)
def test_the_day_of_a_practice_is_the_practitioners_own_not_utcs(user):
    for days in (1, 0):  # 23:55 the day before yesterday and yesterday in Paris
        record(user, start=timezone.now() - timedelta(days=days, minutes=30))

    welcome = returning_practice(user)

    assert welcome["streak"] == 2  # yesterday's practice keeps the streak alive today
    assert welcome["practised_today"] is False

    record(user, start=timezone.now() - timedelta(minutes=10), minutes=5)  # 00:15 in Paris
    welcome = returning_practice(user)

    assert welcome["streak"] == 3
    assert welcome["practised_today"] is True
