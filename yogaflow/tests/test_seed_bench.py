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


def test_seed_bench_gives_further_practitioners_their_histories_and_a_long_sequence():
    from practice.models import PracticeSession

    PoseFactory.create_batch(8)

    call_command(
        "seed_bench",
        users=4,
        sequences=2,
        favorites=2,
        practice_sessions=5,
        more_histories="3,7",
        long_sequence_steps=100,
    )

    counts = {
        email.split("@")[0]: PracticeSession.objects.filter(user__email=email).count()
        for email in ("bench0@bench.yogaflow.test", "bench1@bench.yogaflow.test",
                      "bench2@bench.yogaflow.test")
    }  # fmt: skip
    assert counts == {"bench0": 5, "bench1": 3, "bench2": 7}
    long = Sequence.objects.get(slug="bench-long-flow")
    assert long.pose_count == 100 and long.visibility == "public"
