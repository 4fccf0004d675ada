"""The counter-pose of a peak that bears the body's weight on the arms (issue 11, blind teacher
review r11b, plan 2: Three-Legged Dog answered by Reclined Bound Angle, "opens the front of the
body after Three-Legged Dog's fold").

Down Dog and its family (Three-Legged Dog, Dolphin) are inverted V shapes on the hands or the
forearms: what they load is the wrists and the shoulders, not a rounded spine that a chest
opener would answer. An arm balance loads the same. A teacher answers them with a shape in
which the arms bear nothing and the shoulders soften, Child's Pose first; the reason says the
arms rest only of such a shape. Backbends on the hands (Upward Dog, Wheel) and planks keep
their own answers (`vocabulary.teachers_counters`)."""

from poses.models import Category, Caution, Effort, Position
from sequences.steps import PoseCard

# What a teacher reaches for first after Down Dog's family (an arm balance may also be answered
# by a standing fold: `vocabulary.teachers_counters`; after Down Dog a fold would work the
# hamstrings again).
ARMS_REST_FIRST = ("childs-pose",)
# Where the arms hold the body up.
ON_THE_ARMS = frozenset({Position.HANDS_AND_FEET, Position.ARM_BALANCE, Position.INVERTED})
# The words a counter-pose's reason may say only of a shape that rests the arms.
ARMS_REST = "rest after bearing weight"


def bears_weight_on_the_arms(peak: PoseCard) -> bool:
    """An inverted V on the hands or forearms (Down Dog, Three-Legged Dog, Dolphin) or an arm
    balance (Crow, Firefly): the wrists and shoulders hold the body up."""
    if peak.position == Position.ARM_BALANCE:
        return True
    return peak.position == Position.HANDS_AND_FEET and peak.category == Category.FORWARD_FOLD


def rests_the_arms(card: PoseCard) -> bool:
    """The arms bear no weight and the shoulders are not worked: off the hands, no load on the
    wrists, no active backbend or chest opener (Child's Pose, a standing fold, Knees-to-Chest;
    a supported rest on the back with the arms at the sides, where nothing else is left)."""
    opens = (
        Caution.DEEP_BACKBEND in card.cautions
        or card.category == Category.BACKBEND
        or card.opens_the_chest
    )
    return (
        card.position not in ON_THE_ARMS
        and Caution.WRIST_LOAD not in card.cautions
        and not (opens and card.effort != Effort.PASSIVE)
    )


def answers_weight_on_the_arms(card: PoseCard, peak: PoseCard) -> bool:
    """A resting shape that rests the arms after `peak`, as the planner picks it: a passive
    rest (Child's Pose, Knees-to-Chest, Crocodile) or, after an arm balance, a standing fold;
    not a standing pose or a stretch that only happens to leave the hands free (Tree, a strap
    hamstring stretch), nor a fold after Down Dog's fold-shaped family (the hamstrings again)."""
    if card.category == peak.category:
        return False
    folds = peak.position == Position.ARM_BALANCE and card.category == Category.FORWARD_FOLD
    return (folds or card.effort == Effort.PASSIVE) and rests_the_arms(card)


def after_weight_on_the_arms(peak: PoseCard) -> str:
    """What the resting counter-pose does, in a teacher's words: the forearms after Dolphin
    (its wrists bear nothing), the wrists after the hands."""
    loaded = "wrists" if Caution.WRIST_LOAD in peak.cautions else "forearms"
    return f"The {loaded} and shoulders {ARMS_REST} in {peak.name}"


def claims_rest_for_the_arms(cue: str) -> bool:
    return ARMS_REST in cue.lower()
