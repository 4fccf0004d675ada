"""The generator's vocabulary: what each focus, style and phase of the arc means in poses."""

from dataclasses import dataclass

from poses.models import Category, Difficulty, TargetArea
from sequences.checks import NEUTRALISING_CATEGORIES
from sequences.models import Focus, Style

MIN_MINUTES = 5
MAX_MINUTES = 90
MAX_FOCUS = 3
TOLERANCE = 0.10
MIN_POOL = 8
MIN_FITTED_HOLD = 10
LONG_HOLD = 180
RELAXATION_SLUG = "corpse"

LEVELS = (Difficulty.BEGINNER, Difficulty.INTERMEDIATE, Difficulty.ADVANCED)

FOCUS_TARGETS = {
    Focus.FULL_BODY: frozenset(),
    Focus.HIPS: frozenset({TargetArea.HIPS, TargetArea.GLUTES}),
    Focus.BACK: frozenset({TargetArea.SPINE, TargetArea.LOWER_BACK, TargetArea.UPPER_BACK}),
    Focus.CORE: frozenset({TargetArea.CORE}),
    Focus.FLEXIBILITY: frozenset({TargetArea.HAMSTRINGS, TargetArea.HIPS, TargetArea.SHOULDERS}),
    Focus.BALANCE: frozenset({TargetArea.ANKLES, TargetArea.FEET, TargetArea.CORE}),
    Focus.STRENGTH: frozenset(
        {TargetArea.CORE, TargetArea.ARMS, TargetArea.QUADRICEPS, TargetArea.GLUTES}
    ),
    Focus.RELAXATION: frozenset({TargetArea.NERVOUS_SYSTEM}),
    Focus.ENERGY: frozenset({TargetArea.CHEST, TargetArea.SPINE, TargetArea.SHOULDERS}),
}
# The categories a peak around each focus is drawn from.
FOCUS_PEAKS = {
    Focus.FULL_BODY: frozenset(
        {Category.STANDING, Category.BALANCE, Category.BACKBEND, Category.HIP_OPENER}
    ),
    Focus.HIPS: frozenset({Category.HIP_OPENER}),
    Focus.BACK: frozenset({Category.BACKBEND, Category.TWIST}),
    Focus.CORE: frozenset({Category.CORE, Category.BALANCE}),
    Focus.FLEXIBILITY: frozenset({Category.FORWARD_FOLD, Category.HIP_OPENER}),
    Focus.BALANCE: frozenset({Category.BALANCE}),
    Focus.STRENGTH: frozenset({Category.CORE, Category.STANDING, Category.BALANCE}),
    Focus.RELAXATION: frozenset({Category.RESTORATIVE, Category.FORWARD_FOLD}),
    Focus.ENERGY: frozenset({Category.BACKBEND, Category.STANDING, Category.INVERSION}),
}
FOCUS_WORDS = {
    Focus.FULL_BODY: "the whole body",
    Focus.HIPS: "the hips",
    Focus.BACK: "the back",
    Focus.CORE: "the core",
    Focus.FLEXIBILITY: "flexibility",
    Focus.BALANCE: "balance",
    Focus.STRENGTH: "strength",
    Focus.RELAXATION: "relaxation",
    Focus.ENERGY: "energy",
}


def focus_words(focus) -> str:
    """ "the hips and the back", or "the whole body" without a focus."""
    return " and ".join(FOCUS_WORDS[f] for f in focus) or FOCUS_WORDS[Focus.FULL_BODY]


# What a teacher reaches for after a peak of each category.
COUNTERS = {
    Category.BACKBEND: NEUTRALISING_CATEGORIES,
    Category.FORWARD_FOLD: frozenset({Category.BACKBEND, Category.RESTORATIVE}),
    Category.INVERSION: frozenset({Category.RESTORATIVE, Category.FORWARD_FOLD}),
    Category.HIP_OPENER: frozenset({Category.TWIST, Category.FORWARD_FOLD}),
    Category.TWIST: frozenset({Category.FORWARD_FOLD, Category.RESTORATIVE}),
    Category.BALANCE: frozenset({Category.FORWARD_FOLD, Category.RESTORATIVE}),
    Category.CORE: frozenset({Category.BACKBEND, Category.TWIST}),
    Category.STANDING: frozenset({Category.FORWARD_FOLD, Category.TWIST}),
}
ON_THE_FEET = frozenset({Category.STANDING, Category.BALANCE})
SLOW_STYLES = frozenset({Style.YIN, Style.RESTORATIVE})
FLOWING_STYLES = frozenset({Style.VINYASA, Style.POWER})
# Warm up from the floor to the feet; build and cool down from the feet to the floor.
GROUND_UP = {"warm_up": 1, "build": -1, "cool_down": -1}
COOL_DOWN_CATEGORIES = frozenset(
    {
        Category.FORWARD_FOLD,
        Category.TWIST,
        Category.HIP_OPENER,
        Category.SEATED,
        Category.RESTORATIVE,
    }
)


@dataclass(frozen=True)
class StyleShape:
    """How a style holds poses and shares the time between the phases of the arc."""

    hold: tuple[int, int]
    phases: tuple[tuple[str, float], ...]
    relaxation_share: float = 0.10


ARC = (
    ("centring", 0.07),
    ("warm_up", 0.20),
    ("build", 0.33),
    ("peak", 0.15),
    ("counter", 0.08),
    ("cool_down", 0.17),
)
SLOW_ARC = (
    ("centring", 0.08),
    ("warm_up", 0.14),
    ("peak", 0.33),
    ("counter", 0.10),
    ("cool_down", 0.35),
)
STYLES = {
    Style.HATHA: StyleShape(hold=(30, 60), phases=ARC),
    Style.VINYASA: StyleShape(hold=(10, 30), phases=ARC),
    Style.POWER: StyleShape(hold=(15, 45), phases=ARC),
    Style.GENTLE: StyleShape(hold=(30, 90), phases=ARC),
    Style.YIN: StyleShape(hold=(120, 300), phases=SLOW_ARC, relaxation_share=0.12),
    Style.RESTORATIVE: StyleShape(hold=(120, 420), phases=SLOW_ARC, relaxation_share=0.15),
}


PHASE_LABELS = {
    "centring": "Centring",
    "warm_up": "Warm-up",
    "build": "Build",
    "peak": "Peak",
    "counter": "Counter-pose",
    "cool_down": "Cool-down",
    "relaxation": "Final relaxation",
}
