"""What is too light to be a practice's peak, beyond the vocabulary's list (NEVER_PEAK): a
passive side bend at the lowest intensity (Half Butterfly Side Bend (Yin), Bananasana) is a
shape held beside the peak, not the peak. Review r12 F14: the pregnancy-safe yin back class
bends sideways beside its peak (Supported Seated Forward Bend or Sphinx), it does not top out in
a side bend that asks nothing of the body."""

from poses.models import Effort
from sequences.generator.focus_balance import spine_planes
from sequences.steps import PoseCard


def too_light_to_peak(card: PoseCard) -> bool:
    """A passive side bend at intensity 1 or less: never a peak, always a shape beside it."""
    return (
        card.effort == Effort.PASSIVE
        and card.intensity <= 1
        and spine_planes(card) == frozenset({"frontal"})
    )
