from datetime import datetime, timedelta

import factory
from django.utils import timezone
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from practice import services, tallies
from practice.models import PracticeSession, Source
from sequences.services import delete_sequence
from sequences.tests.factories import SequenceFactory


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


def practices(*, days: int = 420):
    """A hypothesis strategy for one item of a history to `replay`: a practice, (day offset
    0–`days`, hour offset −12–11, minutes, style, focus, what) where what is ("sequence", index,
    poses reached), ("played", index, positions held: the steps kept), ("steps", pose indexes),
    ("class",) logged by hand or ("free",) played without a sequence; or a deletion. Recorded
    by `as_recorded` over 3 sequences of 3 poses or more and 6 poses."""
    return st.one_of(
        st.tuples(
            st.integers(0, days),
            st.integers(-12, 11),
            st.integers(2, 100),  # at least the 6 × 20 s the steps may hold (record_practice)
            st.sampled_from(["hatha", "yin", ""]),
            st.sampled_from(["hips", "core", ""]),
            st.one_of(
                st.tuples(st.just("sequence"), st.integers(0, 2), st.integers(0, 3)),
                st.tuples(st.just("steps"), st.lists(st.integers(0, 5), min_size=1, max_size=6)),
                st.tuples(
                    st.just("played"), st.integers(0, 2), st.lists(st.integers(1, 3), max_size=4)
                ),
                st.tuples(st.just("class")),
                st.tuples(st.just("free")),
            ),
        ),
        st.tuples(st.just("delete"), st.integers(0, 99)),
    )


def as_recorded(sequences, poses):
    """`replay`'s `fields` for the practices of `practices()`: record_practice's arguments from
    a practice's (style, focus, what), with `sequences` and `poses` (lists) its indexes name."""

    def fields(style, focus, what) -> dict:
        if what[0] == "sequence":
            return {"sequence": sequences[what[1]], "poses_completed": what[2]}
        if what[0] == "played":
            steps = [{"position": n, "seconds": 20} for n in what[2]]
            return {"sequence": sequences[what[1]], "steps": steps}
        if what[0] == "free":
            return {}
        manual = {"source": Source.MANUAL, "title": "Class", "style": style, "focus": focus}
        if what[0] == "steps":
            manual["steps"] = [{"pose": poses[n].slug, "seconds": 20} for n in what[1]]
        return manual

    return fields


def practitioner_with(history, *, zone: str, base: datetime, sequence_gone: bool = False):
    """A practitioner in `zone` whose practices of `practices()` are recorded from `base`: one
    own sequence and two others (3 poses each), six loose poses; with `sequence_gone`, their
    own sequence deleted afterwards (the history keeps its title). Returns the user."""
    user = UserFactory(timezone=zone)
    sequences = [SequenceFactory(author=user, poses=3), *SequenceFactory.create_batch(2, poses=3)]
    poses = PoseFactory.create_batch(6)
    replay(user, history, base=base, fields=as_recorded(sequences, poses))
    if sequence_gone:
        delete_sequence(user=user, sequence=sequences[0])
    return user
