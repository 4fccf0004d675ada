"""The migration that added the tallies (practice 0005) fills them from the sessions already
recorded with the rows practice.tallies.rebuild gives, from its own frozen copy over the
historical models: a later change to practice.tallies cannot change what it does."""

import importlib
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from practice import tallies
from practice.tests.factories import as_recorded, practices, replay
from practice.tests.test_tallies import TALLIES
from sequences.models import Visibility
from sequences.services import delete_sequence
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
BASE = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
MIGRATION = importlib.import_module("practice.migrations.0005_tallies")


def every_tally() -> dict[str, list[tuple]]:
    return {
        model.__name__: sorted(model.objects.values_list("user_id", *fields))
        for model, fields in TALLIES.items()
    }


def backfilled() -> dict[str, list[tuple]]:
    """The tallies emptied, as the migration finds them, then filled by its backfill with the
    models as they stood at that migration."""
    apps = MigrationLoader(connection).project_state(("practice", "0005_tallies")).apps
    for model in TALLIES:
        model.objects.all().delete()
    MIGRATION.backfill(apps, None)
    return every_tally()


def rebuilt() -> dict[str, list[tuple]]:
    tallies.rebuild()
    return every_tally()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    histories=st.lists(st.lists(practices(days=30), max_size=10), min_size=1, max_size=3),
    sequence_gone=st.booleans(),
)
def test_the_migration_fills_the_tallies_rebuild_gives(histories, sequence_gone):
    zones = ["UTC", "Pacific/Auckland", "America/Los_Angeles"]
    users = [UserFactory(timezone=zones[n % len(zones)]) for n in range(len(histories))]
    poses = PoseFactory.create_batch(6)
    sequences = [
        SequenceFactory(author=users[0], visibility=Visibility.PUBLIC, poses=3),
        *SequenceFactory.create_batch(2, poses=3),
    ]
    for user, history in zip(users, histories, strict=True):
        replay(user, history, base=BASE, fields=as_recorded(sequences, poses))
    if sequence_gone:
        delete_sequence(user=users[0], sequence=sequences[0])

    assert backfilled() == rebuilt()


def test_the_migration_fills_every_table_from_a_varied_history_without_practice_tallies(
    monkeypatch,
):
    """Every table gets rows (runs with gaps, two practitioners, a sequence reached part way and
    one played with steps kept, poses held, a session deleted), and practice.tallies is not
    called."""
    poses = PoseFactory.create_batch(3)
    sequences = SequenceFactory.create_batch(2, poses=3)
    history = [
        (0, 0, 30, "", "", ("sequence", 0, 2)),
        (0, 10, 20, "", "", ("played", 1, [1, 2])),
        (1, -3, 15, "hatha", "", ("steps", [0, 1, 1])),
        (3, 2, 45, "yin", "hips", ("class",)),
        (4, 8, 10, "", "", ("sequence", 0, 0)),
        (6, 0, 25, "hatha", "", ("class",)),
        ("delete", 5),
    ]
    fields = as_recorded(sequences, poses)
    replay(UserFactory(timezone="Pacific/Auckland"), history, base=BASE, fields=fields)
    replay(UserFactory(timezone="UTC"), history[1:4], base=BASE, fields=fields)
    expected = rebuilt()
    assert all(expected.values())

    def gone(*args, **kwargs):
        raise AssertionError("the migration called practice.tallies")

    for name in dir(tallies):
        if (
            callable(getattr(tallies, name))
            and getattr(tallies, name).__module__ == tallies.__name__
        ):
            monkeypatch.setattr(tallies, name, gone)

    assert backfilled() == expected
