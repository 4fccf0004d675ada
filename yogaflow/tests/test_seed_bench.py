import pytest
from django.core.management import CommandError, call_command

from poses.tests.factories import PoseFactory
from sequences.models import Favorite, Sequence, SequencePose

pytestmark = pytest.mark.django_db


def test_seed_bench_creates_sequences_poses_and_favorites_with_right_totals():
    PoseFactory.create_batch(8)

    call_command("seed_bench", users=5, sequences=12, poses_per_sequence=4, favorites=20)

    assert Sequence.objects.count() == 12
    assert SequencePose.objects.count() == 48
    assert Favorite.objects.count() == 20
    for sequence in Sequence.objects.prefetch_related("items"):
        assert sequence.total_duration_seconds == sum(
            i.duration_seconds for i in sequence.items.all()
        )


def test_seed_bench_needs_the_library():
    with pytest.raises(CommandError):
        call_command("seed_bench", sequences=1)
