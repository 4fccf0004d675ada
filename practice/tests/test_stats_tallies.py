"""Issue 15: the statistics read from the tallies give exactly what aggregating every session
gave (practice.tests.aggregated_stats keeps that computation), for any history of recordings
and deletions, in any zone, on any day and month."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poses.tests.factories import PoseFactory
from practice.selectors import practice_runs, streak_summary, streaks
from practice.stats import practice_stats
from practice.tests.aggregated_stats import aggregated_runs, aggregated_stats
from practice.tests.factories import as_recorded, practices, practitioner_with, replay
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
BASE = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu"]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    history=st.lists(practices(), max_size=16),
    zone=st.sampled_from(ZONES),
    today=st.dates(date(2025, 1, 1), date(2026, 3, 31)),
    month=st.one_of(st.none(), st.dates(date(2024, 12, 1), date(2026, 3, 1))),
    sequence_gone=st.booleans(),
)
def test_stats_from_the_tallies_equal_the_sessions_aggregated(
    history, zone, today, month, sequence_gone
):
    user = practitioner_with(history, zone=zone, base=BASE, sequence_gone=sequence_gone)
    month = month.replace(day=1) if month else None

    assert practice_stats(user, today=today, month=month) == aggregated_stats(
        user, today=today, month=month
    )
    assert practice_runs(user) == aggregated_runs(user)
    assert streak_summary(user, today=today) == streaks(aggregated_runs(user), today=today)


def test_a_long_history_gives_the_same_stats_as_aggregating_it(user):
    sequences = SequenceFactory.create_batch(2, poses=4)
    poses = PoseFactory.create_batch(6)
    history = [
        (n * 3 % 400, n % 20 - 10, 5 + n % 60, ["hatha", "yin"][n % 2], "hips", what)
        for n, what in enumerate(
            [
                ("sequence", n % 2, n % 5) if n % 3 else ("steps", [n % 6, (n + 1) % 6])
                for n in range(150)
            ]
        )
    ]
    history += [("delete", 7), ("delete", 70)]
    replay(user, history, base=BASE, fields=as_recorded(sequences, poses))

    for today in (date(2025, 6, 30), date(2026, 2, 3)):
        assert practice_stats(user, today=today) == aggregated_stats(user, today=today)
