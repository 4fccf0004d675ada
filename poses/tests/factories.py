import factory

from poses.models import Category, Difficulty, Pose


class PoseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pose

    slug = factory.Sequence(lambda n: f"pose-{n}")
    name_en = factory.Sequence(lambda n: f"Pose {n}")
    name_sa = factory.Sequence(lambda n: f"Āsana {n}")
    category = Category.STANDING
    difficulty = Difficulty.BEGINNER
    description = "A steady, grounding pose."
    instructions = factory.LazyFunction(
        lambda: ["Stand tall.", "Breathe steadily.", "Release slowly."]
    )
    benefits = factory.LazyFunction(lambda: ["Improves posture"])
    target_areas = factory.LazyFunction(lambda: ["full_body"])
    default_hold_seconds = 30
    is_bilateral = False
    is_published = True
