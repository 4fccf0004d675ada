"""How a pose is taught for the practitioner: the version of a pose kept for an avoid choice
(Child's Pose with the knees wide in pregnancy, a seated hip opener without folding forward
with osteoporosis, Chair and Goddess bent only as far as sore knees allow), said on the step."""

from accounts.models import Avoidance
from poses.models import Category, Position
from sequences.generator.shapes import loads_bent_knees
from sequences.steps import PoseCard


def _kneeling_rest(card: PoseCard) -> bool:
    return card.position == Position.KNEELING and card.category == Category.RESTORATIVE


def _seated_hip_opener(card: PoseCard) -> bool:
    return card.position == Position.SEATED and card.category == Category.HIP_OPENER


# How a pose kept for an avoid choice is taught for it (review r5: Child's Pose in pregnancy,
# Bound Angle with osteoporosis, Chair and Goddess for sore knees): (choice, shape, words said
# first, words that show the cue already says it).
AVOID_CUES = (
    (
        Avoidance.PREGNANCY_SAFE,
        _kneeling_rest,
        "Knees wide, big toes together, a bolster lengthwise under the chest: room for the belly. ",
        "knees wide",
    ),
    (
        Avoidance.OSTEOPOROSIS_SAFE,
        _seated_hip_opener,
        # No semicolon: the words go before the step's own reason, whose clauses it separates.
        "Sit tall on a folded blanket and open the hips without folding forward. ",
        "without folding",
    ),
    (
        Avoidance.KNEE_FRIENDLY,
        loads_bent_knees,
        "Knees over the ankles, bent only as far as they are comfortable. ",
        "only as far as",
    ),
)


def taught_for(draft, choices, told: set[tuple[str, str]]) -> None:
    """Put before the draft's cue how its pose is taught for each of `choices.avoid`
    (AVOID_CUES), unless the cue already says it: on every step held on its own, and once in
    a flow that comes back to the pose. `told` holds the (choice, slug) pairs already said,
    shared across a practice's drafts."""
    card, avoid = draft.card, choices.avoid
    for avoided, shape, words, said in AVOID_CUES:
        if draft.flow and (avoided, card.slug) in told:
            continue
        if avoided in avoid and shape(card) and said not in draft.cue.lower():
            draft.cue = words + draft.cue
            told.add((avoided, card.slug))
