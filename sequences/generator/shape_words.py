"""Words that must fit the pose's own shape and set-up (issue 11, teacher review r11b): the
peak "the deepest fold" only of a pose that folds the trunk over the legs (not Reclining
Hand-to-Big-Toe, a hamstring stretch lying flat), and "supported" only where the props that
support it are named (Reclined Bound Angle 3:20 "fully supported" flat on the floor).

Pure functions over PoseCard data and cue text; `reasons` words the peak and the cool-down
with them, and the quality figures of quality/true_words.py check the practice against them."""

import re

from poses.models import Category, Position
from sequences.steps import PoseCard

# The peak, as what it is the most of, by its category.
PEAK_WORDS = {
    Category.STANDING: "the strongest standing pose",
    Category.BALANCE: "the hardest balance",
    Category.BACKBEND: "the deepest backbend",
    Category.FORWARD_FOLD: "the deepest fold",
    Category.TWIST: "the deepest twist",
    Category.HIP_OPENER: "the deepest hip opener",
    Category.CORE: "the strongest core work",
    Category.INVERSION: "the inversion",
    Category.RESTORATIVE: "the quiet centre",
    Category.SEATED: "the deepest seated shape",
}
# Where the trunk can fold over the legs: a fold held lying down is a stretch of its first
# area instead (the back stays flat on the floor).
FOLDING_POSITIONS = frozenset({Position.STANDING, Position.SEATED, Position.KNEELING})
LYING = frozenset({Position.SUPINE, Position.PRONE, Position.SIDE_LYING})
# An area named before "stretch": "the hamstring stretch", not "the hamstrings stretch".
ONE = {"hamstrings": "hamstring", "calves": "calf", "hips": "hip", "glutes": "glute"}


def most_of(card: PoseCard) -> str:
    """What the peak is the most of, true of its shape: its category's words (PEAK_WORDS),
    "the strongest pose on hands and feet" for Down Dog's family, "the arm balance", "the
    deepest hamstring stretch" for a fold held lying on the back."""
    what = PEAK_WORDS.get(card.category, "the strongest pose")
    if card.category == Category.RESTORATIVE and card.opens_the_chest:
        what = "the supported opening at the heart"
    if card.category == Category.SEATED and card.position == Position.KNEELING:
        what = "the deepest kneeling shape"  # Toe Squat sits on the heels, kneeling
    if card.position == Position.ARM_BALANCE:
        return "the arm balance"
    if card.category == Category.FORWARD_FOLD and card.position == Position.HANDS_AND_FEET:
        return "the strongest pose on hands and feet"
    if lying_fold(card):
        area = card.target_areas[0] if card.target_areas else ""
        return f"the deepest {ONE.get(area, area.replace('_', ' '))} stretch".replace("  ", " ")
    return what


def lying_fold(card: PoseCard) -> bool:
    """A forward fold held lying down (Reclining Hand-to-Big-Toe): the back stays flat."""
    return card.category == Category.FORWARD_FOLD and card.position in LYING


def folds(card: PoseCard) -> bool:
    """The pose folds the trunk over the legs: a forward fold standing, seated or kneeling."""
    return card.category == Category.FORWARD_FOLD and card.position in FOLDING_POSITIONS


# A cue that says the pose is the practice's deepest (or deep) fold.
FOLD_SUPERLATIVE = re.compile(r"\bthe deepest fold\b", flags=re.IGNORECASE)

# Words saying the props hold the pose, and the props that may do so.
SUPPORTED = re.compile(r"\b(?:fully )?supported\b", flags=re.IGNORECASE)
PROP_WORDS = re.compile(
    r"\b(?:bolsters?|blocks?|blankets?|cushions?|pillows?|chair|wall|straps?|towel)\b",
    flags=re.IGNORECASE,
)


def support_unnamed(cue: str) -> bool:
    """The cue says the pose is supported and names no prop that supports it."""
    return bool(SUPPORTED.search(cue)) and not PROP_WORDS.search(cue)


# Lunge shapes, the front knee bent over the ankle: the front leg's hamstrings are short, the
# back leg's are not the stretch (review r11b: Lizard does not work or need the hamstrings;
# Side Lunge's long leg does, and Half Splits straightens the front leg to lengthen them).
BENT_FRONT_KNEE = frozenset(
    {
        "lizard",
        "low-lunge",
        "dragon-yin",
        "high-lunge",
        "warrior-i",
        "warrior-ii",
        "reverse-warrior",
        "extended-side-angle",
        "humble-warrior",
        "twisted-crescent-lunge",
        "revolved-side-angle",
    }
)


def stretches(card: PoseCard, area: str) -> bool:
    """Whether a reason may credit the pose with this area of its row: not the hamstrings of a
    lunge shape (BENT_FRONT_KNEE), whatever its row lists."""
    return not (area == "hamstrings" and card.slug in BENT_FRONT_KNEE)


def true_areas(card: PoseCard, first: int) -> list[str]:
    """The pose's first `first` target areas that a reason may credit it with (`stretches`)."""
    return [area for area in card.target_areas[:first] if stretches(card, area)]
