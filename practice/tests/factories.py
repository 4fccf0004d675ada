from datetime import datetime, timedelta

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from practice import services, tallies
from practice.models import PracticeSession


class PracticeSessionFactory(factory.django.DjangoModelFactory):
    """A finished 20-minute manual session; prefer practice.services.record_practice in tests
    of behaviour (it computes local_date/local_hour and awards badges). Counted in the tallies
    (practice.tallies) as a recording would; no badge is awarded."""

    class Meta:
        model = PracticeSession

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        session = super()._create(model_class, *args, **kwargs)
        tallies.add_session(session)
        return session

    user = factory.SubFactory(UserFactory)
    started_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    ended_at = factory.LazyAttribute(lambda o: o.started_at + timedelta(minutes=20))
    duration_seconds = 20 * 60
    local_date = factory.LazyAttribute(lambda o: o.started_at.date())
    local_hour = factory.LazyAttribute(lambda o: o.started_at.hour)
    sequence_title = "Morning flow"
    style = "hatha"
    source = "manual"


def bulk_history(user, count: int, *, last: datetime, cycle_days: int | None = None, **fields):
    """`count` sessions of 20 minutes for `user`, one a day going back from `last` (an aware
    UTC datetime), starting over every `cycle_days` days if given; bulk-created, so no signal
    runs and no badge is awarded; the tallies (practice.tallies) are rebuilt for `user`.
    `fields` override the factory's."""

    def start(index: int) -> datetime:
        return last - timedelta(days=index % cycle_days if cycle_days else index)

    sessions = PracticeSession.objects.bulk_create(
        PracticeSessionFactory.build(user=user, started_at=start(index), **fields)
        for index in range(count)
    )
    tallies.rebuild(user_ids=[user.pk])
    return sessions


def replay(user, history, *, base: datetime, fields=lambda *what: {}) -> list[PracticeSession]:
    """Record and delete `user`'s practices in the order of `history`, through the services
    (record_practice, delete_session) as the player, the log and the API do; returns the
    sessions left, in the order recorded.

    Each item is a practice, (day offset, hour offset, minutes, *what): started at `base` (aware)
    plus those days and hours, held `minutes`, recorded with `fields(*what)` (record_practice's
    keyword arguments); or ("delete", n): delete the n-th, modulo their number, of the sessions
    recorded and not deleted yet (nothing while there is none)."""
    left = []
    for item in history:
        if item[0] == "delete":
            if left:
                services.delete_session(user=user, session=left.pop(item[1] % len(left)))
            continue
        day, hour, minutes, *what = item
        start = base + timedelta(days=day, hours=hour)
        left.append(record(user, start=start, minutes=minutes, **fields(*what)).session)
    return left


def record(user, *, start: datetime, minutes: int = 20, **fields):
    """Record a practice of `minutes` from `start` (aware) through the one recording service,
    as the player and the API do (local day and hour, completion, badges); returns its result."""
    return services.record_practice(
        user=user,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        duration_seconds=minutes * 60,
        **fields,
    )
