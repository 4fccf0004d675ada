"""The tallies (practice.tallies) kept by recording and deleting equal what the sessions say.

Each test compares what record_practice and delete_session left with `rebuild` (the sessions
aggregated afresh, as the migration does) and with the runs of practice days computed the old
way (gaps and islands over the sessions)."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from practice import services, tallies
from practice.models import (
    PracticeDay,
    PracticeHour,
    PracticeRun,
    PracticeSession,
    PracticeStep,
    PracticeTally,
    PractisedPose,
    PractisedSequence,
    Source,
)
from practice.tests import factories
from practice.tests.factories import as_recorded, practices, replay
from sequences.services import delete_sequence
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
BASE = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
TALLIES = {
    PracticeDay: ("local_date", "sessions", "seconds"),
    PracticeRun: ("first_day", "last_day", "days"),
    PracticeTally: ("style", "focus", "sessions", "seconds", "completed"),
    PracticeHour: ("local_hour", "sessions"),
    PractisedSequence: ("sequence_id", "reached", "sessions"),
    PractisedPose: ("pose_slug", "sessions"),
}


def kept(user) -> dict:
    return {
        model.__name__: sorted(model.objects.filter(user=user).values_list(*fields))
        for model, fields in TALLIES.items()
    }


def rebuilt(user) -> tuple[dict, dict]:
    """(the rows kept as practices were recorded, the rows tallies.rebuild aggregates afresh
    from the sessions): the callers assert they are equal."""
    before = kept(user)
    tallies.rebuild(user_ids=[user.pk])
    return before, kept(user)


def old_runs(user) -> list[tuple[date, date, int]]:
    """Runs of consecutive practice days from the sessions, the way practice_runs read them."""
    days = sorted(
        set(PracticeSession.objects.filter(user=user).values_list("local_date", flat=True))
    )
    runs, start = [], None
    for index, day in enumerate(days):
        if start is None:
            start = day
        if index + 1 == len(days) or days[index + 1] != day + timedelta(days=1):
            runs.append((start, day, (day - start).days + 1))
            start = None
    return sorted(runs)


def record(user, *, day: int, hour: int = 9, minutes: int = 20, **fields):
    """Record a practice `day` days after BASE's, at `hour` UTC."""
    start = BASE + timedelta(days=day, hours=hour - 9)
    return factories.record(user, start=start, minutes=minutes, **fields).session


def test_recording_counts_day_style_hour_and_sequence():
    user = UserFactory(timezone="UTC")
    sequence = SequenceFactory(poses=3)
    record(user, day=0, sequence=sequence, poses_completed=2)
    record(user, day=0, hour=6, minutes=10, source=Source.MANUAL, style="yin", title="Yin")

    assert list(PracticeDay.objects.filter(user=user).values_list("sessions", "seconds")) == [
        (2, 30 * 60)
    ]
    assert sorted(PracticeHour.objects.filter(user=user).values_list("local_hour", "sessions")) == [
        (6, 1),
        (9, 1),
    ]
    assert list(PractisedSequence.objects.filter(user=user).values_list("reached", "sessions")) == [
        (2, 1)
    ]
    before, after = rebuilt(user)
    assert before == after


def test_runs_merge_when_a_missing_day_is_filled_and_split_when_it_is_deleted(user):
    for day in (0, 1, 3, 4, 5):
        record(user, day=day)
    assert (
        kept(user)["PracticeRun"]
        == old_runs(user)
        == [
            (date(2026, 3, 1), date(2026, 3, 2), 2),
            (date(2026, 3, 4), date(2026, 3, 6), 3),
        ]
    )

    middle = record(user, day=2)
    assert kept(user)["PracticeRun"] == old_runs(user) == [(date(2026, 3, 1), date(2026, 3, 6), 6)]

    second = record(user, day=2, hour=18)
    services.delete_session(user=user, session=middle)
    assert kept(user)["PracticeRun"] == [(date(2026, 3, 1), date(2026, 3, 6), 6)]  # still practised

    services.delete_session(user=user, session=second)
    assert (
        kept(user)["PracticeRun"]
        == old_runs(user)
        == [
            (date(2026, 3, 1), date(2026, 3, 2), 2),
            (date(2026, 3, 4), date(2026, 3, 6), 3),
        ]
    )
    before, after = rebuilt(user)
    assert before == after


def test_deleting_every_session_leaves_no_tally(user):
    sequence = SequenceFactory(poses=2)
    pose = PoseFactory()
    sessions = [
        record(user, day=0, sequence=sequence, poses_completed=1),
        record(user, day=1, steps=[{"pose": pose.slug, "seconds": 60}]),
        record(user, day=1, hour=21, source=Source.MANUAL),
    ]
    for session in sessions:
        services.delete_session(user=user, session=session)

    assert all(rows == [] for rows in kept(user).values())


def test_editing_a_session_changes_no_tally(user):
    session = record(user, day=0)
    before = kept(user)

    services.update_session(user=user, session=session, notes="Felt strong", mood_after=5)

    assert kept(user) == before


def test_a_deleted_sequence_leaves_the_sequences_practised_as_its_sessions_do(user):
    sequence, other = SequenceFactory(author=user, poses=2), SequenceFactory(poses=2)
    record(user, day=0, sequence=sequence, poses_completed=2)
    record(user, day=1, sequence=other, poses_completed=2)

    delete_sequence(user=user, sequence=sequence)

    assert kept(user)["PractisedSequence"] == [(other.pk, 2, 1)]
    before, after = rebuilt(user)
    assert before == after


def test_another_practitioners_sessions_are_theirs(user, other_user):
    record(other_user, day=0)
    services.delete_session(user=other_user, session=record(other_user, day=1))

    assert all(rows == [] for rows in kept(user).values())
    with pytest.raises(Exception):  # noqa: B017,PT011 (Http404: not one's own)
        services.delete_session(user=user, session=record(other_user, day=2))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    history=st.lists(practices(days=20), max_size=14),
    zone=st.sampled_from(["UTC", "Pacific/Auckland", "America/Los_Angeles"]),
)
def test_any_history_of_recordings_and_deletions_is_tallied_as_the_sessions_say(history, zone):
    user = UserFactory(timezone=zone)
    sequences = SequenceFactory.create_batch(3, poses=3)
    poses = PoseFactory.create_batch(6)
    replay(user, history, base=BASE, fields=as_recorded(sequences, poses))

    before, after = rebuilt(user)
    assert before == after
    assert before["PracticeRun"] == old_runs(user)


# --- what counting and uncounting a session costs ----------------------------------------------


def statements(captured) -> list[str]:
    """Each statement as its verb and the first table it names ("INSERT PracticeDay")."""
    tables = {model._meta.db_table: model.__name__ for model in [*TALLIES, PracticeStep]}
    found = []
    for query in captured.captured_queries:
        sql = query["sql"]
        named = {re.search(rf"\b{table}\b", sql): name for table, name in tables.items()}
        first = min((match.start(), name) for match, name in named.items() if match)
        found.append(f"{sql.split()[0]} {first[1]}")
    return found


def test_counting_and_uncounting_a_session_make_the_same_few_statements(user):
    """Pinned statement by statement: a change to practice.tallies that adds a query, or one
    per row, shows here (recording stays as cheap at 100,000 sessions as at 100)."""
    sequence = SequenceFactory(poses=3)
    record(user, day=0)
    record(user, day=2)
    alone = record(user, day=4)  # a run of one day
    steps = [{"position": 1, "seconds": 30}, {"position": 2, "seconds": 30}]
    middle = record(user, day=1, sequence=sequence, steps=steps)  # joins 0 and 2
    plain = record(user, day=0, hour=18)  # a second session that day
    slugs = list(PracticeStep.objects.filter(session=middle).values_list("pose_slug", flat=True))

    with CaptureQueriesContext(connection) as uncounted:
        tallies.remove_session(middle)  # the only one of its day, inside a run: it splits
    with CaptureQueriesContext(connection) as counted:
        tallies.add_session(middle, pose_slugs=slugs)  # back: the two runs join again
    with CaptureQueriesContext(connection) as plain_counts:
        tallies.remove_session(plain)
        tallies.add_session(plain)
    with CaptureQueriesContext(connection) as run_of_one:
        tallies.remove_session(alone)
    alone.delete()

    assert statements(uncounted) == [
        "SELECT PracticeStep",
        "UPDATE PracticeDay",
        "DELETE PracticeDay",
        "SELECT PracticeDay",
        "SELECT PracticeRun",
        "DELETE PracticeRun",
        "INSERT PracticeRun",
        "UPDATE PracticeTally",
        "DELETE PracticeTally",
        "UPDATE PracticeHour",
        "DELETE PracticeHour",
        "UPDATE PractisedSequence",
        "DELETE PractisedSequence",
        "UPDATE PractisedPose",
        "DELETE PractisedPose",
    ]
    assert statements(counted) == [
        "INSERT PracticeDay",
        "SELECT PracticeRun",
        "DELETE PracticeRun",
        "UPDATE PracticeRun",
        "INSERT PracticeTally",
        "INSERT PracticeHour",
        "INSERT PractisedSequence",
        "INSERT PractisedPose",
    ]
    assert statements(plain_counts) == [
        "SELECT PracticeStep",
        "UPDATE PracticeDay",
        "DELETE PracticeDay",
        "SELECT PracticeDay",
        "UPDATE PracticeTally",
        "DELETE PracticeTally",
        "UPDATE PracticeHour",
        "DELETE PracticeHour",
        "INSERT PracticeDay",
        "INSERT PracticeTally",
        "INSERT PracticeHour",
    ]
    assert statements(run_of_one) == [
        "SELECT PracticeStep",
        "UPDATE PracticeDay",
        "DELETE PracticeDay",
        "SELECT PracticeDay",
        "SELECT PracticeRun",
        "DELETE PracticeRun",  # and none in its place
        "UPDATE PracticeTally",
        "DELETE PracticeTally",
        "UPDATE PracticeHour",
        "DELETE PracticeHour",
    ]
    before, after = rebuilt(user)
    assert before == after
