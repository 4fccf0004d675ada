"""How a peak taught in rounds is cued round after round, and where the class rests between
rounds (issue 11, blind review r10 F2: Side Crow cued "deeper than the round before", resting
standing in Mountain between squatting arm balances).

"Deeper" is true only of a shape that has a depth to go into: a fold, a lunge or side angle,
a hip opener, a twist, a backbend at its safe edge. An arm balance, a balance on one leg, a
plank or core hold and an inversion have no "deeper" (in Side Crow "deeper" is tipping further
forward, how students land on their face): their rounds are the same shape, steadier, as long
as the form holds. Which is which is read from the pose data (position, category, cautions).

The rest between rounds is taken on the level the rounds are done on and rests what they
worked: standing after a standing peak; after an arm balance, the squat it lifts from
(Garland) or the knees (Child's Pose), the wrists shaken out; after any other peak, on the
floor. The quality figures `round_cue_true` and `round_rest_level` hold both rules.
"""

import re

from poses.models import Category, Caution, Position
from sequences.checks.levels import SQUATS
from sequences.generator.grouping import level_of
from sequences.generator.peaks import peak_how

# The kinds of pose that have a depth to go into, round after round, at their safe edge.
DEPTH_CATEGORIES = frozenset(
    {
        Category.STANDING,
        Category.FORWARD_FOLD,
        Category.HIP_OPENER,
        Category.TWIST,
        Category.BACKBEND,
    }
)
# Held by strength or balance, whatever their category: no depth to go into.
HELD_POSITIONS = frozenset({Position.ARM_BALANCE, Position.INVERTED})
# How far a deeper round goes, by the kind of shape.
DEPTH_EDGES = {
    Category.BACKBEND: "only as far as the lower back stays easy",
    Category.TWIST: "turning from the belly, the spine long",
    Category.FORWARD_FOLD: "folding from the hips, the spine long",
    Category.HIP_OPENER: "only as far as the knees stay easy",
}
DEPTH_EDGE = "only as far as the breath stays even"

# Where the class rests between rounds, first choice first, by the level of the rounds: a
# standing peak rests standing; an arm balance in the squat it lifts from, or on the knees; a
# floor peak on the floor, where it was done (on the belly after Locust, lying back after
# Wheel, the legs long after a seated shape, the knees after a kneeling one or one on the
# hands). Last, any rest of the level an avoid list leaves (`rests_for`).
STANDING_RESTS = ("mountain", "standing-forward-fold")
ARM_BALANCE_RESTS = ("garland", "childs-pose")
FLOOR_RESTS_BY_LEVEL = {
    Position.PRONE: ("crocodile", "childs-pose"),
    Position.SUPINE: ("knees-to-chest", "childs-pose"),
    Position.SEATED: ("staff-pose", "knees-to-chest"),
}
FLOOR_RESTS = ("childs-pose", "crocodile", "knees-to-chest")
# Where an avoid list leaves none of those (Child's Pose spared the knees, the belly in
# pregnancy, the folds and knees-to-chest for the bones): on the floor sitting with the legs
# long, and last a quiet seat (no shape is left out by every avoid option but Mountain, Staff
# and Easy Pose). Never a rest of another level than the rounds.
ANY_FLOOR_REST = ("staff-pose", "childs-pose", "crocodile", "knees-to-chest", "easy-pose")

DEEPER = re.compile(r"\bdeeper\b", re.IGNORECASE)


def round_level(card) -> str:
    """The level rounds of the pose are done on, and a rest between them taken on: "standing"
    on the feet, else "floor" (a squat, an arm balance or inversion on the hands, kneeling,
    seated or lying)."""
    # (a squat, SQUATS, is held low: a rest on the level of the arm balance it lifts from)
    if card.position == Position.STANDING and card.slug not in SQUATS:
        return "standing"
    return "floor"


def has_depth(card) -> bool:
    """The shape has a depth to go into, round after round: a standing shape, a fold, a hip
    opener, a twist or a backbend, not held on the hands or upside down, not a balance or a
    core hold."""
    return (
        card.category in DEPTH_CATEGORIES
        and card.position not in HELD_POSITIONS
        and Caution.INVERSION not in card.cautions
    )


def round_kind(card) -> str:
    """What a round of the pose is: "arm_balance", "inversion", "balance" (on one leg),
    "strength" (a plank or core hold), "depth" (a shape with a depth to go into) or "shape"
    (a shape the body takes again, no deeper: Lotus)."""
    if card.position == Position.ARM_BALANCE:
        return "arm_balance"
    if (
        card.position == Position.INVERTED
        or card.category == Category.INVERSION
        or Caution.INVERSION in card.cautions
    ):
        return "inversion"
    if card.category == Category.BALANCE and card.position == Position.STANDING:
        return "balance"
    if card.category == Category.CORE:
        return "strength"
    if has_depth(card):
        return "depth"
    return "shape"


def again_words(card) -> str:
    """What rounds 2 and after of the peak are cued: deeper only where the shape has a depth,
    else the same shape, steadier, true to its kind."""
    kind = round_kind(card)
    if kind == "depth":
        edge = DEPTH_EDGES.get(card.category, DEPTH_EDGE)
        return f"back into {card.name}, a little deeper than the round before, {edge}"
    if kind == "arm_balance":
        # The arms as the peak's line sets them (Side Crow: "elbows bent to a shelf"), and its
        # easier version offered as a full option (`peaks.PEAK_HOW`).
        how, easier = peak_how(card.slug) or ("", "")
        arms = "the elbow shelf firm" if "shelf" in how else "the hands pressing the floor away"
        option = f"; {easier} is a full option" if easier else ""
        return (
            f"same shape, steadier: the gaze forward, {arms}, stay only while the form "
            f"holds{option}"
        )
    if kind == "inversion":
        return (
            "same shape, steadier: stacked and still, the breath even; come down while the "
            "form still holds"
        )
    if kind == "balance":
        return (
            "same shape, steadier: the standing foot rooted, the gaze on one still point, "
            "stay only while the balance holds"
        )
    if kind == "strength":
        return (
            "same shape, cleaner: the belly drawn in, the breath even, stay only while the "
            "form holds"
        )
    knees = Caution.KNEE_LOAD in card.cautions
    out = "come out at once at any pull in the knees" if knees else "stay only while it is easy"
    return f"back into {card.name}, the same shape again, the breath even, {out}"


def rests_for(peak) -> tuple[str, ...]:
    """The rest poses (slugs, first choice first) between rounds of the peak, every one on
    the level of its rounds (`round_level`)."""
    if round_level(peak) == "standing":
        return STANDING_RESTS
    if peak.position == Position.ARM_BALANCE:
        first = ARM_BALANCE_RESTS
    else:
        first = FLOOR_RESTS_BY_LEVEL.get(level_of(peak), ())
    return tuple(dict.fromkeys(first + FLOOR_RESTS + ANY_FLOOR_REST))


def rest_level_matches(rest, peak) -> bool:
    """The rest is taken on the level of the peak's rounds."""
    return round_level(rest) == round_level(peak)


def wrist_words(peak, words: str) -> str:
    """The rest's words (`REST_WORDS`), the wrists shaken out after a peak on the hands
    (where the rest's words do not already say so, nor rest the head on the hands)."""
    if Caution.WRIST_LOAD in peak.cautions and not ("wrist" in words or "hands" in words):
        return f"{words}, the wrists shaken out"
    return words
