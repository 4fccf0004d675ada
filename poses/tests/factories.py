import copy

import factory

from accounts.tests.factories import UserFactory
from poses.models import (
    NEW_POSE_FIGURE,
    Category,
    Difficulty,
    Effort,
    Pose,
    PoseRating,
    Position,
    Rating,
)

# A breathing practice as staff would enter it: no category, paced by a count, minutes long.
BOX_BREATHING = {
    "kind": "pranayama",
    "category": "",
    "position": Position.SEATED,
    "effort": Effort.PASSIVE,
    "intensity": 1,
    "default_hold_seconds": 240,
    "hold_min_seconds": 60,
    "hold_max_seconds": 600,
    "breath_pattern": {"inhale": 4, "hold": 4, "exhale": 4, "hold_empty": 4},
}


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
    position = Position.STANDING
    intensity = 2
    effort = Effort.ACTIVE
    hold_min_seconds = factory.LazyAttribute(lambda pose: min(5, pose.default_hold_seconds))
    hold_max_seconds = factory.LazyAttribute(lambda pose: max(600, pose.default_hold_seconds))
    figure = factory.LazyFunction(lambda: copy.deepcopy(NEW_POSE_FIGURE))
    is_published = True


class PoseRatingFactory(factory.django.DjangoModelFactory):
    """A thumbs up; prefer poses.services.rate_pose in tests of behaviour."""

    class Meta:
        model = PoseRating

    user = factory.SubFactory(UserFactory)
    pose = factory.SubFactory(PoseFactory)
    rating = Rating.UP
