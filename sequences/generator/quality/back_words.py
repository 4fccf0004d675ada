"""What a class that cares for the back or the bones says of the spine, step by step (blind
review r14 F3: Sphinx under back care "arches the upper back and lower back"; review r12 F13:
Bridge rolled down "vertebra by vertebra" for weakened bones)."""

from accounts.models import Avoidance
from sequences.generator import lower_back, spine_long


def _lower_back_long(practice) -> list[str]:
    """For back care no cue asks the lower back to arch or bend deeply (lower_back.ARCHED):
    the upper back arches, the lower back stays long."""
    if Avoidance.BACK_CARE not in practice.choices.avoid:
        return []
    return [
        f"{step.pose.slug} at step {step.position}: {step.cue}"
        for step in practice.steps
        if lower_back.arched(step.cue)
    ]


def _spine_rolled(practice) -> list[str]:
    """For weakened bones no cue rolls the spine down or up vertebra by vertebra
    (spine_long.ROLLED): the spine comes down long."""
    if Avoidance.OSTEOPOROSIS_SAFE not in practice.choices.avoid:
        return []
    return [
        f"{step.pose.slug} at step {step.position}: {step.cue}"
        for step in practice.steps
        if spine_long.ROLLED.search(step.cue)
    ]


RULES = {
    "lower_back_long": _lower_back_long,
    "spine_kept_long": _spine_rolled,
}
