"""A flowing class rests briefly (review r13: a 2:30 Crocodile in an energy vinyasa's
cool-down, held like a yin shape)."""

from sequences.generator.flow_rests import REST_MOST, is_rest
from sequences.generator.vocabulary import FLOWING_STYLES


def _rest_brief(practice) -> list[str]:
    """In vinyasa and power no resting shape (`flow_rests.is_rest`: Crocodile, Child's Pose)
    is held past REST_MOST seconds."""
    if practice.choices.style not in FLOWING_STYLES:
        return []
    return [
        f"{step.pose.slug} {step.duration_seconds} s at step {step.position}"
        for step in practice.steps
        if is_rest(step.pose) and step.duration_seconds > REST_MOST
    ]


RULES = {"rest_brief": _rest_brief}
