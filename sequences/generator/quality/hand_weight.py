"""No weight in the hand for wrist care (blind review r18 F6, F11: High Lunge "hands on the hips
or on blocks", Extended Side Angle "forearm to the thigh or hand to a block" in a wrist_friendly
class): a hand leaning on a block, the floor or the shin loads the wrist bent back, the joint
the class was told to spare."""

from accounts.models import Avoidance
from sequences.generator.hand_weight import weighted


def _wrist_weight(practice) -> list[str]:
    """With wrist care no step's words put weight in a hand (`hand_weight.weighted`): the hand
    rests without weight, on the hips or the thigh, the forearm on the thigh, the fingertips
    light."""
    if Avoidance.WRIST_FRIENDLY not in practice.choices.avoid:
        return []
    return [
        f"{step.pose.slug} at step {step.position}: {', '.join(found)}"
        for step in practice.steps
        if (found := weighted(step.cue))
    ]


RULES = {"wrist_weight": _wrist_weight}
