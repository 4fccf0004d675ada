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

from achievements.models import UserAchievement
from achievements.services import evaluate_for
from practice.models import PracticeSession
from practice.services import record_practice

ON_POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]

pytestmark = [
    pytest.mark.skipif(
        not ON_POSTGRESQL,
        reason="needs PostgreSQL: SQLite serialises writers, so two awards never race there "
        "(run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/yogaflow)",
    ),
    # Real commits from two threads; the root conftest puts the launch badges back after flushes.
    pytest.mark.django_db(transaction=True),
]


def _in_threads(work, count: int = 2) -> list:
    """Run `work()` in `count` threads released together; return results or raised errors."""
    barrier = threading.Barrier(count)
    results: list = []

    def run():
        try:
            barrier.wait(timeout=10)
            results.append(work())
        except Exception as error:  # noqa: BLE001 (reported to the test below)
            results.append(error)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run) for _ in range(count)]
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
    PracticeSession.objects.create(
        user=user,
        started_at=started,
        ended_at=started + timedelta(minutes=70),
        duration_seconds=70 * 60,
        local_date=started.date(),
        local_hour=10,
    )

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
