"""Badge progress from the tallies (issue 15): the same values as aggregating every session, and
recording a practice costs the same queries at 1,000, 10,000 and 100,000 sessions."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.db.models import Count, Q, Sum
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory
from achievements.models import Rule
from achievements.selectors import EARLY_HOUR, EVENING_HOUR, progress_values
from achievements.services import evaluate_for
from poses.tests.factories import PoseFactory
from practice import services, tallies
from practice.models import PracticeSession, Source
from practice.tests import factories
from practice.tests.factories import as_recorded, practices, replay
from sequences.models import Sequence
from sequences.services import delete_sequence
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
BASE = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def aggregated(user) -> dict[str, int]:
    """Progress the way it was read before the tallies: every session aggregated."""
    totals = PracticeSession.objects.filter(user=user).aggregate(
        sessions=Count("pk"),
        seconds=Sum("duration_seconds"),
        distinct_sequences=Count("sequence", distinct=True),
        early=Count("pk", filter=Q(local_hour__lt=EARLY_HOUR)),
        evening=Count("pk", filter=Q(local_hour__gte=EVENING_HOUR)),
        completed=Count("pk", filter=Q(completed=True)),
    )
    days = sorted(
        set(PracticeSession.objects.filter(user=user).values_list("local_date", flat=True))
    )
    longest = run = 0
    for index, day in enumerate(days):
        run = run + 1 if index and days[index - 1] == day - timedelta(days=1) else 1
        longest = max(longest, run)
    return {
        Rule.SESSIONS: totals["sessions"],
        Rule.MINUTES: (totals["seconds"] or 0) // 60,
        Rule.STREAK_DAYS: longest,
        Rule.DISTINCT_SEQUENCES: totals["distinct_sequences"],
        Rule.CUSTOM_SEQUENCES: Sequence.objects.filter(author=user).count(),
        Rule.EARLY_SESSIONS: totals["early"],
        Rule.EVENING_SESSIONS: totals["evening"],
        Rule.COMPLETED_SESSIONS: totals["completed"],
    }


def record(user, *, day: int, hour: int, minutes: int, **fields):
    start = BASE + timedelta(days=day, hours=hour)
    return factories.record(user, start=start, minutes=minutes, **fields).session


def test_no_practice_no_progress(user):
    assert progress_values(user) == aggregated(user) == dict.fromkeys(Rule.values, 0)


def test_a_deleted_sequence_counts_no_more_among_the_sequences_practised(user):
    own = SequenceFactory(author=user, poses=2)
    record(user, day=0, hour=0, minutes=10, sequence=own, poses_completed=2)
    record(user, day=1, hour=0, minutes=10, sequence=SequenceFactory(poses=2), poses_completed=1)
    assert progress_values(user)[Rule.DISTINCT_SEQUENCES] == 2

    delete_sequence(user=user, sequence=own)

    assert progress_values(user) == aggregated(user)
    assert progress_values(user)[Rule.DISTINCT_SEQUENCES] == 1


def test_deleting_sessions_lowers_progress_and_earned_badges_stay(user):
    sessions = [record(user, day=day, hour=0, minutes=30) for day in range(3)]
    assert progress_values(user)[Rule.STREAK_DAYS] == 3

    services.delete_session(user=user, session=sessions[1])

    assert progress_values(user) == aggregated(user)
    assert progress_values(user)[Rule.STREAK_DAYS] == 1
    assert user.achievements.filter(achievement__code="streak-3").exists()


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    history=st.lists(practices(days=12), max_size=12),
    zone=st.sampled_from(["UTC", "Asia/Kolkata", "America/New_York"]),
    gone=st.booleans(),
)
def test_progress_from_the_tallies_equals_the_sessions_aggregated(history, zone, gone):
    user = UserFactory(timezone=zone)
    sequences = [SequenceFactory(author=user, poses=3), *SequenceFactory.create_batch(2, poses=3)]
    replay(user, history, base=BASE, fields=as_recorded(sequences, PoseFactory.create_batch(6)))
    if gone:
        delete_sequence(user=user, sequence=sequences[0])

    assert progress_values(user) == aggregated(user)


# --- recording costs the same at any history size ----------------------------------------------


DAYS = 1_000


def _history(user, size: int) -> None:
    """`size` sessions on the last DAYS days (size / DAYS a day), tallied as the migration does.

    The sessions start at every hour of the day, so the history has already earned the badges
    of the hour (early bird, night owl) and posting one more earns nothing, whatever the hour
    the test runs at. DAYS sessions are built here; the database copies them
    (INSERT ... SELECT), so 100,000 take a second rather than minutes."""
    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    rows = []
    for n in range(DAYS):
        start = midnight - timedelta(days=n + 1) + timedelta(hours=n % 24, minutes=n % 60)
        rows.append(
            PracticeSession(
                user=user,
                sequence_title="Practice",
                style="hatha",
                started_at=start,
                ended_at=start + timedelta(minutes=20),
                duration_seconds=1200,
                local_date=start.date(),
                local_hour=start.hour,
                completed=True,
                source=Source.MANUAL,
            )
        )
    PracticeSession.objects.bulk_create(rows, batch_size=1000)
    fields = [
        field.column
        for field in PracticeSession._meta.concrete_fields
        if not field.primary_key and field.column != "client_id"
    ]
    columns = ", ".join(fields)
    table = PracticeSession._meta.db_table
    sql = (
        f"WITH RECURSIVE copies(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copies WHERE n < %s) "
        f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table}, copies "
        "WHERE user_id = %s"
    )  # noqa: S608 (names from the model)
    if size > DAYS:
        with connection.cursor() as cursor:
            cursor.execute(sql, [size // DAYS - 1, user.pk])
    assert PracticeSession.objects.filter(user=user).count() == size
    tallies.rebuild(user_ids=[user.pk])
    evaluate_for(user)  # the badges the history earns: recording then earns nothing new


def _queries_of_posting(client, user) -> list[str]:
    from accounts.api.tokens import AccessToken

    ended = timezone.now() - timedelta(minutes=5)
    body = {
        "client_id": str(uuid.uuid4()),
        "title": "Bench practice",
        "style": "hatha",
        "started_at": (ended - timedelta(minutes=10)).isoformat(),
        "ended_at": ended.isoformat(),
        "duration_seconds": 600,
    }
    with CaptureQueriesContext(connection) as captured:
        answer = client.post(
            "/api/v1/sessions",
            json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}",
        )
    assert answer.status_code == 201, answer.content
    return [query["sql"].split(" ")[0] for query in captured.captured_queries]


# before 7:00, in the day, after 20:00: the hours that earn badges of their own
@pytest.mark.parametrize("hour", [5, 13, 21])
def test_post_sessions_makes_the_same_queries_at_1k_10k_and_100k_sessions(client, hour):
    with time_machine.travel(datetime(2026, 6, 10, hour, 30, tzinfo=UTC), tick=True):
        _assert_the_same_queries_at_1k_10k_and_100k_sessions(client)


def _assert_the_same_queries_at_1k_10k_and_100k_sessions(client):
    counts = {}
    for size in (1_000, 10_000, 100_000):
        user = UserFactory(timezone="UTC")
        _history(user, size)
        counts[size] = _queries_of_posting(client, user)

    assert counts[1_000] == counts[10_000] == counts[100_000]
    assert len(counts[1_000]) <= 20
