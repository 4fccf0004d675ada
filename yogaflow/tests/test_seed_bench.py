import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command

from accounts.tests.factories import UserFactory
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


class Scripted(random.Random):
    """A Random whose randrange answers from a script (day offset, hour, minute, minutes);
    choice() still draws."""

    def __init__(self, *draws: int):
        super().__init__(0)
        self.draws = list(draws)

    def randrange(self, *args):
        return self.draws.pop(0)


def _seed(zone: str, now: datetime, *draws: int):
    from practice.models import PracticeSession
    from yogaflow.management.commands.seed_bench import Command

    user = UserFactory(timezone=zone)
    with time_machine.travel(now, tick=False):
        Command().seed_history(user, 1, Scripted(*draws))
    return PracticeSession.objects.get(user=user)


def test_a_seeded_practice_lasts_its_real_minutes_across_a_clock_change():
    # Nuuk put its clocks forward at 22:00 on 26 March 2022: 21:30 plus 90 minutes is 00:00
    # on the wall clock, not 23:00 (wall-clock arithmetic makes it 30 real minutes).
    zone = ZoneInfo("America/Nuuk")
    now = datetime(2022, 6, 1, 12, tzinfo=UTC)
    session = _seed(zone.key, now, (date(2022, 6, 1) - date(2022, 3, 26)).days, 21, 30, 90)

    assert session.ended_at - session.started_at == timedelta(minutes=90)
    assert session.started_at == datetime(2022, 3, 27, 0, 30, tzinfo=UTC)
    assert session.ended_at.astimezone(zone).time() == time(0, 0)
    assert (session.local_date, session.local_hour) == (date(2022, 3, 26), 21)


def test_a_seeded_practice_never_starts_at_a_time_the_clocks_skipped():
    # Apia skipped 30 December 2011 altogether: that draw is refused and the next one kept.
    zone = ZoneInfo("Pacific/Apia")
    now = datetime(2012, 6, 1, tzinfo=UTC)
    today = now.astimezone(zone).date()
    skipped, kept = date(2011, 12, 30), date(2012, 1, 3)
    session = _seed(
        zone.key, now, (today - skipped).days, 10, 0, 30, (today - kept).days, 10, 0, 30
    )

    local = session.started_at.astimezone(zone)
    assert (local.date(), local.time()) == (kept, time(10, 0))
    assert (session.local_date, session.local_hour) == (kept, 10)
    assert session.ended_at - session.started_at == timedelta(minutes=30)
