"""Two processes recording at the same moment still award a badge exactly once (PostgreSQL).

SQLite serialises writers on one database lock, so the race cannot happen
there; CI runs this file against PostgreSQL too (.ci/run).
"""

import threading
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from accounts.tests.factories import UserFactory
from achievements.models import UserAchievement
from achievements.services import evaluate_for
from practice import tallies
from practice.models import PracticeSession
from practice.services import record_practice

ON_POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]

pytestmark = [
    pytest.mark.skipif(
        not ON_POSTGRESQL,
        reason="needs PostgreSQL: SQLite serialises writers, so two awards never race there "
        "(run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a database name>)",
    ),
    # Real commits from two threads; the root conftest puts the launch badges back after flushes.
    pytest.mark.django_db(transaction=True),
]


def _in_threads(work, count: int = 2) -> list:
    """Run `work()` (or each of a list of works) in threads released together, each on its
    own database connection; return results or raised errors."""
    works = work if isinstance(work, list) else [work] * count
    barrier = threading.Barrier(len(works))
    results: list = []

    def run(work):
        try:
            barrier.wait(timeout=10)
            results.append(work())
        except Exception as error:  # noqa: BLE001 (reported to the test below)
            results.append(error)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(work,)) for work in works]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_practices_recorded_at_the_same_moment_award_first_practice_once(user):
    started = timezone.now() - timedelta(minutes=30)

    def record():
        return record_practice(
            user=user,
            started_at=started,
            ended_at=started + timedelta(minutes=20),
            duration_seconds=20 * 60,
            client_id=uuid.uuid4(),
            source="api",
        )

    results = _in_threads(record)

    assert not [r for r in results if isinstance(r, Exception)], results
    assert PracticeSession.objects.filter(user=user).count() == 2
    assert (
        UserAchievement.objects.filter(user=user, achievement__code="first-practice").count() == 1
    )
    reported = [badge.code for result in results for badge in result.awarded]
    assert reported.count("first-practice") == 1


def test_two_concurrent_evaluations_award_each_badge_once(user):
    started = timezone.now() - timedelta(days=1)
    session = PracticeSession.objects.create(
        user=user,
        started_at=started,
        ended_at=started + timedelta(minutes=70),
        duration_seconds=70 * 60,
        local_date=started.date(),
        local_hour=10,
    )
    tallies.add_session(session)

    results = _in_threads(lambda: evaluate_for(user))

    assert not [r for r in results if isinstance(r, Exception)], results
    earned = UserAchievement.objects.filter(user=user)
    assert sorted(earned.values_list("achievement__code", flat=True)) == [
        "first-practice",
        "minutes-60",
    ]
    assert sorted(badge.code for result in results for badge in result) == [
        "first-practice",
        "minutes-60",
    ]


def _record_minutes(user, minutes: int, *, days_ago: float):
    started = timezone.now() - timedelta(days=days_ago)
    return record_practice(
        user=user,
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        duration_seconds=minutes * 60,
        client_id=uuid.uuid4(),
        source="api",
    )


@pytest.mark.parametrize("run", range(6))
def test_practices_recorded_at_once_that_cross_a_threshold_earn_the_badge_exactly_once(run):
    """Nine 5-minute sessions, then six 7-minute ones at once (87 minutes): each concurrent
    recording alone sees 52 minutes; the badge must still be earned, once, by one of them."""
    user = UserFactory()
    for n in range(9):
        _record_minutes(user, 5, days_ago=10 + n)

    results = _in_threads(
        [lambda n=n: _record_minutes(user, 7, days_ago=1 + n / 24) for n in range(6)]
    )

    assert not [r for r in results if isinstance(r, Exception)], results
    assert PracticeSession.objects.filter(user=user).count() == 15
    earned = UserAchievement.objects.filter(user=user, achievement__code="minutes-60")
    assert earned.count() == 1
    reported = [badge.code for result in results for badge in result.awarded]
    assert reported.count("minutes-60") == 1
    assert earned.get().session_id in {result.session.pk for result in results}
