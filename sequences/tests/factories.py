import factory

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from sequences.models import Favorite, Sequence, SequencePose, Visibility
from sequences.services import save_sequence


class SequenceFactory(factory.django.DjangoModelFactory):
    """A curated (author-less, public) sequence; pass `author=` for a user's own.

    `poses=N` (default 3) adds N new poses through save_sequence, so the derived
    totals are right; `poses=[pose, ...]` uses those poses.
    """

    class Meta:
        model = Sequence
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"sequence-{n}")
    title = factory.Sequence(lambda n: f"Flow {n}")
    description = "A calm, balanced practice."
    author = None
    visibility = factory.LazyAttribute(
        lambda o: Visibility.PUBLIC if o.author is None else Visibility.PRIVATE
    )

    @factory.post_generation
    def poses(obj, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = 3
        poses = PoseFactory.create_batch(extracted) if isinstance(extracted, int) else extracted
        save_sequence(
            author=obj.author,
            sequence=obj,
            poses=[{"pose": pose, "duration_seconds": 30} for pose in poses],
        )


class SequencePoseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SequencePose

    sequence = factory.SubFactory(SequenceFactory, poses=0)
    pose = factory.SubFactory(PoseFactory)
    position = factory.Sequence(lambda n: n + 1)
    duration_seconds = 30


class FavoriteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Favorite

    user = factory.SubFactory(UserFactory)
    sequence = factory.SubFactory(SequenceFactory)
