"""A pose that follows one of its own shape in a flow is taught as the next stage of it, not
the same shape held again (blind teacher review r16 F2: Twisted Crescent Lunge, "hands at the
heart, elbow outside the knee", then Revolved Side Angle, "elbow outside the knee, turn from
the belly": "as cued, these are the same shape held twice").

The next stage is the pose's own text (poses/content/poses.json): Revolved Side Angle "if you
stay steady, lower your left hand to a block or the floor outside your right foot and extend
your right arm over your ear", the back heel pressing away. With wrist care the hand stays off
the floor (its modification: "keep the palms together with the elbow against the thigh"): the
next stage is then the turn itself, the back heel pressing away and the crown reaching
forward, a little more on each exhale."""

from sequences.generator import reasons
from sequences.steps import PoseCard

# {(the pose before, the pose): (its next stage, its next stage with wrist care)}
NEXT_STAGES = {
    ("twisted-crescent-lunge", "revolved-side-angle"): (
        "from the twisted lunge, lower the bottom hand to a block outside the front foot, the "
        "top arm over the ear, back heel lifted: the deepest twist of the flow",
        "from the twisted lunge, back heel pressing away, the crown reaching forward, turn a "
        "little more on each exhale: the deepest twist of the flow",
    ),
}
# Words that say one shape: two poses in a row both said with them are the shape held twice.
SHAPE_WORDS = ("elbow outside the knee",)


def flow_next(card: PoseCard, before: PoseCard, side: str, breaths: str, *, wrists: bool) -> str:
    """`reasons.flow_next`, or the pose as the next stage of the one before it."""
    stages = NEXT_STAGES.get((before.slug, card.slug))
    if stages is None or side == "left":
        return reasons.flow_next(card, side, breaths)
    return f"{card.name}, {breaths}: {stages[wrists]}."


def same_shape(cue: str, before: str) -> str | None:
    """The shape words both cues say, if any."""
    return next((w for w in SHAPE_WORDS if w in cue.lower() and w in before.lower()), None)
