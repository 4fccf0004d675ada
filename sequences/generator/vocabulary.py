"""The generator's vocabulary: what a teacher knows that the pose rows do not say — what each
focus and style means in poses, which shapes are one shape, which standing poses link into a
flow, and how a Sun Salutation goes."""

from dataclasses import dataclass

from poses.models import Category, Difficulty, Position, TargetArea
from sequences.checks import ENTERED_VIA, SPINE_WARM_UPS
from sequences.generator.arm_counters import ARMS_REST_FIRST, bears_weight_on_the_arms
from sequences.models import Focus, Style
from sequences.steps import LONG_HOLD_STYLES, PHASE_LABELS

__all__ = ["ENTERED_VIA", "PHASE_LABELS", "SPINE_WARM_UPS"]

MIN_MINUTES = 5
MAX_MINUTES = 90
MAX_FOCUS = 3
TOLERANCE = 0.10
MIN_POOL = 8
# Up to ten minutes a practice moves between the floor and standing once (no lying down at
# the end: the checks ask for a final relaxation only past ten minutes).
SHORT_MINUTES = 10
# Breaths a pose of a flow is held at most in a short practice.
SHORT_FLOW_BREATHS = 5
# Seconds of one breath in a flow (curated Sun Salutations: one movement per breath).
BREATH_SECONDS = 5

LEVELS = (Difficulty.BEGINNER, Difficulty.INTERMEDIATE, Difficulty.ADVANCED)

SLOW_STYLES = LONG_HOLD_STYLES
FLOWING_STYLES = frozenset({Style.VINYASA, Style.POWER})
# Styles where a class stays cool and quiet: no "heat" in what it says, a longer seated
# closing, and a short class of them stays on the floor.
CALM_STYLES = frozenset({Style.GENTLE, Style.YIN, Style.RESTORATIVE})

# What works each focus: its target areas, and the categories that work it whatever they
# name first. A peak is drawn from poses that work the first focus area in their first two
# target areas or by category.
FOCUS_TARGETS = {
    Focus.FULL_BODY: frozenset(),
    Focus.HIPS: frozenset({TargetArea.HIPS, TargetArea.GLUTES}),
    Focus.BACK: frozenset({TargetArea.SPINE, TargetArea.LOWER_BACK, TargetArea.UPPER_BACK}),
    Focus.CORE: frozenset({TargetArea.CORE}),
    Focus.FLEXIBILITY: frozenset({TargetArea.HAMSTRINGS, TargetArea.HIPS, TargetArea.SHOULDERS}),
    Focus.BALANCE: frozenset({TargetArea.ANKLES, TargetArea.FEET}),
    Focus.STRENGTH: frozenset(
        {TargetArea.CORE, TargetArea.ARMS, TargetArea.QUADRICEPS, TargetArea.GLUTES}
    ),
    Focus.RELAXATION: frozenset({TargetArea.NERVOUS_SYSTEM}),
    Focus.ENERGY: frozenset({TargetArea.CHEST, TargetArea.SPINE, TargetArea.SHOULDERS}),
}
# Yin and restorative practice work a focus the slow way: for strength they release what
# strength work tightens, for the core the lower back and the front of the body, for balance
# the feet and ankles.
SLOW_FOCUS_TARGETS = {
    **FOCUS_TARGETS,
    Focus.STRENGTH: frozenset(
        {TargetArea.QUADRICEPS, TargetArea.GLUTES, TargetArea.HIPS, TargetArea.LOWER_BACK}
    ),
    Focus.CORE: frozenset({TargetArea.CORE, TargetArea.LOWER_BACK}),
}
FOCUS_CATEGORIES = {
    Focus.FULL_BODY: frozenset(),
    Focus.HIPS: frozenset({Category.HIP_OPENER}),
    Focus.BACK: frozenset({Category.BACKBEND, Category.TWIST}),
    Focus.CORE: frozenset({Category.CORE}),
    Focus.FLEXIBILITY: frozenset({Category.FORWARD_FOLD, Category.HIP_OPENER}),
    Focus.BALANCE: frozenset({Category.BALANCE}),
    Focus.STRENGTH: frozenset({Category.CORE}),
    Focus.RELAXATION: frozenset({Category.RESTORATIVE, Category.FORWARD_FOLD}),
    Focus.ENERGY: frozenset({Category.BACKBEND}),
}
# The categories a whole-body practice peaks in.
FULL_BODY_PEAKS = frozenset(
    {
        Category.STANDING,
        Category.BALANCE,
        Category.BACKBEND,
        Category.HIP_OPENER,
        Category.INVERSION,
        Category.CORE,
        Category.TWIST,
    }
)
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
# Backward-compatible name: the categories each focus peaks in.
FOCUS_PEAKS = {
    focus: (categories or FULL_BODY_PEAKS) for focus, categories in FOCUS_CATEGORIES.items()
}


def focus_words(focus) -> str:
    """ "the hips and the back", "the hips, the back and the core", or "the whole body"."""
    words = [FOCUS_WORDS[f] for f in focus]
    if not words:
        return FOCUS_WORDS[Focus.FULL_BODY]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


# Poses that link other poses (a breath each in a flow) or set a starting position: never a
# peak, never a pose the practice builds on by itself.
LINKING_SLUGS = frozenset(
    {
        "upward-salute",
        "halfway-lift",
        "chaturanga",
        "knees-chest-chin",
        "upward-facing-dog",
        "mountain",
        "staff-pose",
        "tabletop",
    }
)
# Quiet shapes to arrive in or to sit in at the end: not poses to build or cool down with.
QUIET_SLUGS = frozenset({"easy-pose", "constructive-rest"})
# Both, joined once (the planner's tests ask it of every card, many times a practice).
LINKING_OR_QUIET = LINKING_SLUGS | QUIET_SLUGS
# Held, but never a peak: the resting shape of a flow and the quiet seats.
NEVER_PEAK = LINKING_SLUGS | QUIET_SLUGS | {"downward-facing-dog", "standing-forward-fold"}

# What leads straight into a peak, as a teacher prepares it (the poses the practice may use,
# below the peak, on its side of the room, last in the build).
PREPARES = {
    "crow": ("garland", "boat", "plank"),
    "side-crow": ("revolved-chair", "crow", "twisted-crescent-lunge"),
    "firefly": ("garland", "crow", "boat", "wide-legged-forward-fold"),
    "lotus": ("fire-log", "half-lotus", "pigeon-prep", "bound-angle"),
    "half-lotus": ("fire-log", "bound-angle", "pigeon-prep"),
    "saddle-yin": ("dragon-yin", "sphinx"),
    "camel": ("locust", "hero-pose", "low-lunge"),
    "bow": ("locust", "cobra", "low-lunge"),
    "wheel": ("bridge", "puppy"),
    "forearm-stand": ("dolphin", "forearm-plank"),
    "supported-headstand": ("dolphin", "forearm-plank"),
    "full-splits": ("half-splits", "lizard", "low-lunge"),
    "locust": ("sphinx", "cobra", "balancing-table"),
    "upward-plank": ("bridge", "locust"),
    "wild-thing": ("side-plank", "high-lunge", "low-lunge"),
    # the kneeling lunge before a standing lunge peak (`prep.Prep.open_the_back_leg`)
    **dict.fromkeys(
        ("warrior-i", "high-lunge", "humble-warrior", "twisted-crescent-lunge", "dancer"),
        ("low-lunge",),
    ),
    "revolved-side-angle": ("low-lunge",),
}
# Props a class would have to stop and set up (a chair, a free wall): restorative only.
SET_UP_PROPS = frozenset({"chair", "wall"})


def teachers_counters(peak) -> tuple[str, ...]:
    """The counter-poses a teacher reaches for first after this peak, best first: Child's
    Pose after standing on the head or hands and after a backbend from the knees, the belly
    or the hands; Knees-to-Chest after one from the back; Fish or Bridge after Shoulder Stand;
    Child's Pose or Cobra after a plank; Child's Pose or a fold after an arm balance; Mountain
    after a standing balance, both feet down."""
    cautions = peak.cautions
    if peak.slug in WIDE_KNEE_PEAKS:
        return WIDE_KNEE_COUNTERS
    upside_down = "inversion" in cautions
    if upside_down and "neck_load" in cautions and "fall_risk" not in cautions:
        return ("fish", "supported-fish", "bridge", "supported-bridge")
    if upside_down or peak.category == Category.INVERSION:
        return ("childs-pose",)
    if peak.category == Category.BACKBEND or "deep_backbend" in cautions:
        if ENTERED_FROM.get(peak.slug, peak.position) == Position.SUPINE:
            return ("knees-to-chest", "reclined-twist")
        return ("childs-pose", "knees-to-chest")
    if peak.position == Position.ARM_BALANCE:
        return ("childs-pose", "standing-forward-fold", "wide-legged-forward-fold")
    if bears_weight_on_the_arms(peak):  # Down Dog's family (review r11b plan 2)
        return ARMS_REST_FIRST
    if peak.category == Category.BALANCE and peak.position == Position.STANDING:
        return ("mountain", "standing-forward-fold")
    if peak.category == Category.STANDING and peak.position == Position.STANDING:
        # After Chair or a lunge: the legs released in a standing fold, or Mountain.
        return ("standing-forward-fold", "mountain")
    if peak.category == Category.CORE:
        if peak.position == Position.SEATED:
            return ("bridge", "reclined-twist", "knees-to-chest")
        return ("childs-pose", "sphinx", "cobra")
    return ()


# After a peak that spreads the weight on wide knees or turns the hips deep (Frog), the knees
# are spared: slide forward onto the belly or lie back, then knees-together Child's Pose;
# never straight into deep knee flexion with the shins turned (Hero, Saddle: teacher review
# r8 #3, #9).
WIDE_KNEE_PEAKS = frozenset({"frog", "lotus"})
WIDE_KNEE_COUNTERS = ("crocodile", "knees-to-chest", "childs-pose")
DEEP_KNEE_FLEXION = ("hero-pose", "reclined-hero", "saddle-yin", "toe-squat-yin")


# Where a pose is entered from, where that is not where its weight rests: Wheel and Shoulder
# Stand start lying on the back, Headstand kneeling, Upward Plank seated, Crow from a squat.
# The generator places them with the poses they start from.
ENTERED_FROM = {
    "wheel": Position.SUPINE,
    "upward-plank": Position.SEATED,
    "supported-shoulder-stand": Position.SUPINE,
    "plough": Position.SUPINE,
    "snail-yin": Position.SUPINE,
    "supported-headstand": Position.KNEELING,
    "forearm-stand": Position.HANDS_AND_FEET,
    "handstand": Position.STANDING,
    "crow": Position.STANDING,
    "side-crow": Position.STANDING,
    "firefly": Position.STANDING,
}

# One shape taught in different ways is one shape in a practice. Poses whose Sanskrit names
# agree once "supta" (reclined), "sālamba" (supported), "(yin variation)" and "(prep)" are
# set aside are one shape (Butterfly, Bound Angle and Reclined Bound Angle are all Baddha
# Koṇāsana); these groups add shapes the names do not tie: Dragon is held as a low lunge
# (its description says so) and Lizard is a low lunge with the hands inside the foot;
# Reclined and Seated Figure Four are the curated alternatives to Pigeon; the chair poses
# are their floor poses on a chair; the final relaxations are one rest.
SHAPE_GROUPS = (
    ("low-lunge", "dragon-yin", "lizard"),
    ("pigeon-prep", "sleeping-swan-yin", "reclined-figure-four", "chair-figure-four"),
    ("legs-up-the-wall", "legs-on-chair"),
    ("cat-cow", "chair-cat-cow"),
    ("seated-side-bend", "chair-side-bend", "gate"),
    ("easy-seated-twist", "chair-twist", "bharadvajas-twist"),
    ("half-lord-of-the-fishes", "marichyasana-c"),
    ("standing-forward-fold", "chair-forward-fold"),
    ("standing-hand-to-big-toe", "supine-hand-to-big-toe"),
    ("corpse", "side-lying-savasana"),
    ("boat", "half-boat"),
    ("plank", "forearm-plank"),
)
SANSKRIT_QUALIFIERS = ("(yin variation)", "(prep)", "supta ", "salamba ")

# Standing poses that link into one flow on one side, in the order a teacher links them
# (the curated flows: Warrior II → Reverse Warrior → Extended Side Angle → Triangle → Half
# Moon; High Lunge → Warrior III → Standing Split; Warrior I → Humble Warrior → Pyramid →
# Revolved Triangle), and the kneeling lunges of the floor.
STANCES = {
    "open": (
        "warrior-ii",
        "reverse-warrior",
        "extended-side-angle",
        "triangle",
        "half-moon",
    ),
    "lunge": (
        "high-lunge",
        "warrior-i",
        "humble-warrior",
        "twisted-crescent-lunge",
        "revolved-side-angle",
        "pyramid",
        "revolved-triangle",
        "warrior-iii",
        "standing-split",
    ),
    "kneeling": ("low-lunge", "lizard", "half-splits", "full-splits"),
}
STANCE_WORDS = {
    "open": "wide stance, hips open to the side",
    "lunge": "lunge stance, hips square to the front",
    "kneeling": "lunge with the back knee down",
}


@dataclass(frozen=True)
class Move:
    """One movement of a Sun Salutation: the pose (or the first of its stand-ins that the
    practice may use), breaths, and the cue."""

    slugs: tuple[str, ...]
    breaths: int
    cue: str
    required: bool = False


# One round, from Mountain back to Mountain. Chaturanga for beginners is Knees-Chest-Chin;
# Upward Dog is Cobra; without weight on the wrists Plank is Forearm Plank and Down Dog is
# Dolphin; without a full fold the Halfway Lift is the fold.
SUN_A = (
    Move(("upward-salute",), 1, "Inhale, sweep the arms up"),
    Move(("standing-forward-fold",), 1, "Exhale, fold; bend the knees as needed"),
    Move(("halfway-lift",), 1, "Inhale, lengthen halfway up"),
    Move(("plank", "forearm-plank"), 1, "Exhale, step back to Plank", required=True),
    Move(("chaturanga", "knees-chest-chin"), 1, "Lower down with control"),
    Move(("upward-facing-dog", "cobra"), 1, "Inhale, lift the chest"),
    Move(("downward-facing-dog", "dolphin"), 5, "Exhale, Down Dog; stay five breaths"),
    Move(("halfway-lift",), 1, "Step to the front; inhale, lengthen"),
    Move(("standing-forward-fold",), 1, "Exhale, fold"),
    Move(("upward-salute",), 1, "Inhale, rise all the way up", required=True),
    Move(("mountain",), 1, "Exhale, hands to the heart"),
)
SUN_B_OPEN = (
    Move(("chair",), 1, "Inhale, bend the knees and reach up", required=True),
    Move(("standing-forward-fold",), 1, "Exhale, fold"),
    Move(("halfway-lift",), 1, "Inhale, lengthen"),
    Move(("chaturanga", "knees-chest-chin"), 1, "Exhale, step back and lower", required=True),
    Move(("upward-facing-dog", "cobra"), 1, "Inhale, lift the chest"),
    Move(("downward-facing-dog",), 1, "Exhale, Down Dog", required=True),
)
SUN_B_SIDE = Move(("warrior-i",), 1, "Inhale, step the {side} foot forward and rise to Warrior I")
SUN_B_CLOSE = (
    Move(("halfway-lift",), 1, "Step to the front; inhale, lengthen"),
    Move(("standing-forward-fold",), 1, "Exhale, fold"),
    Move(("chair",), 1, "Inhale, bend the knees and reach up"),
    Move(("mountain",), 1, "Exhale, stand tall"),
)
# With no weight on the hands (wrist-friendly): a standing salutation, lunging on each side.
SUN_STANDING = (
    Move(("upward-salute",), 1, "Inhale, sweep the arms up"),
    Move(("standing-forward-fold",), 1, "Exhale, fold; bend the knees as needed"),
    Move(("halfway-lift",), 1, "Inhale, lengthen halfway up"),
    Move(("chair",), 1, "Exhale, bend the knees and sit back into Chair", required=True),
)
SUN_STANDING_SIDE = Move(
    ("high-lunge",),
    2,
    "Step the {other} foot back to a crescent lunge, hands on the front thigh; two breaths",
    required=True,
)
SUN_STANDING_CLOSE = (
    Move(("chair",), 1, "Step forward; exhale, Chair"),
    Move(("upward-salute",), 1, "Inhale, rise all the way up", required=True),
    Move(("mountain",), 1, "Exhale, hands to the heart"),
)
# From a standing pose back to Down Dog between the sides of a flow.
VINYASA = (
    Move(("chaturanga", "knees-chest-chin"), 1, "Hands down, step back and lower", required=True),
    Move(("upward-facing-dog", "cobra"), 1, "Inhale, lift the chest"),
    Move(("downward-facing-dog",), 1, "Exhale, Down Dog", required=True),
)


@dataclass(frozen=True)
class StyleShape:
    """How a style holds poses and shares the time between the phases of the arc."""

    # Breaths a held pose takes in a flowing style (0: held in seconds at its usual hold).
    breaths: int
    # Fraction of the main time for each phase (the final relaxation takes its own share).
    shares: dict
    relaxation_share: float = 0.10


ACTIVE_SHARES = {
    "centring": 0.06,
    "warm_up": 0.20,
    "build": 0.34,
    "peak": 0.08,
    "counter": 0.06,
    "cool_down": 0.26,
}
# A flowing class spends its time moving: the cool-down about a sixth of it, the build most.
FLOWING_SHARES = {
    "centring": 0.04,
    "warm_up": 0.24,
    "build": 0.46,
    "peak": 0.07,
    "counter": 0.04,
    "cool_down": 0.15,
}
SLOW_SHARES = {
    "centring": 0.07,
    "warm_up": 0.12,
    "build": 0.30,
    "peak": 0.12,
    "counter": 0.08,
    "cool_down": 0.31,
}
STYLES = {
    Style.HATHA: StyleShape(breaths=0, shares=ACTIVE_SHARES),
    Style.GENTLE: StyleShape(breaths=0, shares=ACTIVE_SHARES),
    Style.VINYASA: StyleShape(breaths=5, shares=FLOWING_SHARES),
    Style.POWER: StyleShape(breaths=7, shares=FLOWING_SHARES),
    Style.YIN: StyleShape(breaths=0, shares=SLOW_SHARES, relaxation_share=0.12),
    Style.RESTORATIVE: StyleShape(breaths=0, shares=SLOW_SHARES, relaxation_share=0.14),
}
# Held poses of the warm-up, build and peak in each style, in seconds per side, within each
# pose's own range (the cool-down holds longer, within the pose's range).
HOLD_BOUNDS = {
    Style.HATHA: (15, 120),
    Style.GENTLE: (20, 120),
    Style.VINYASA: (15, 60),
    Style.POWER: (20, 75),
    Style.YIN: (60, 600),
    Style.RESTORATIVE: (60, 600),
}
# Usual holds in yin (about four minutes) and restorative practice (about five).
SLOW_HOLD = {Style.YIN: 240, Style.RESTORATIVE: 300}
# Yin shapes by level, in seconds per side, within each shape's own range: a beginner stays
# two to three minutes, an intermediate or advanced student three to five, and the peak, the
# featured shape, longest (`fit` holds it a minute longer than the rest where the ranges
# allow; a beginner's peak may go a minute past the span, above the supported shapes that
# start at three minutes). A class shorter than YIN_SHORT_MINUTES holds its shapes as a
# beginner's would, or it would have room for one or two shapes only.
YIN_HOLDS = {
    Difficulty.BEGINNER: (120, 180),
    Difficulty.INTERMEDIATE: (180, 300),
    Difficulty.ADVANCED: (180, 300),
}
YIN_PEAK_HOLDS = {
    Difficulty.BEGINNER: (180, 240),
    Difficulty.INTERMEDIATE: (240, 300),
    Difficulty.ADVANCED: (240, 300),
}
YIN_SHORT_MINUTES = 40
# Under a quarter of an hour a yin class has room for two or three shapes, held as long as
# the time allows: no least hold but each shape's own.
YIN_SPAN_FROM_MINUTES = 15
# A peak the body settles into — a hip opener or a fold held on the floor (Frog, Pigeon,
# Lizard, Seated Forward Fold) — is held at least a minute in an active class, within its
# range: the adductors and hamstrings let go only after several breaths, so a five-breath
# peak is barely longer than the flow around it. No other pose of its category before it is
# held longer.
SETTLED_PEAK_CATEGORIES = frozenset({Category.HIP_OPENER, Category.FORWARD_FOLD})
SETTLED_PEAK_SECONDS = 60


@dataclass(frozen=True)
class Rounds:
    """A strong hold a teacher teaches as a peak in short rounds with a rest between, rather
    than one long hold: the poses it is for (a rule over their position, category and
    intensity; a one-sided pose already rests while the other side works), the seconds of a
    round at each level it is taught so at, and the rest taken between rounds (the first of
    `rest` the practice may use, held `rest_seconds` within its range)."""

    why: str
    seconds: dict
    rest: tuple[str, ...]
    again: str
    positions: frozenset = frozenset()
    categories: frozenset = frozenset()
    least_intensity: int = 3
    rounds: int = 3
    # A practice of SHORT_MINUTES or less has time for two.
    short_rounds: int = 2
    rest_seconds: int = 15
    # How the first round is taken where it is a half version of the shape (Camel: hands
    # on the sacrum), said before the peak's reason.
    first: str = ""

    def applies(self, card, level: str) -> bool:
        return level in self.seconds and not card.is_bilateral and self.shapes(card)

    def shapes(self, card) -> bool:
        """The pose is of the kind the rule is for (whatever the level)."""
        return (
            (not self.positions or card.position in self.positions)
            and (not self.categories or card.category in self.categories)
            and card.intensity >= self.least_intensity
        )


# How the class rests between rounds, in each rest pose.
REST_WORDS = {
    "crocodile": "on the belly, forehead on the stacked hands",
    "childs-pose": "hips back to the heels, arms long and soft",
    "easy-pose": "sitting tall at ease, legs crossed",
    "knees-to-chest": "lying back, the knees hugged in",
    "staff-pose": "sitting tall, the legs long in front, the breath slowing",
    "mountain": "standing tall, the arms heavy, the breath slowing",
    "standing-forward-fold": "folded over soft knees, the head heavy",
    "garland": "in the squat, the heels down or on a rolled blanket, the wrists shaken out",
}
BEGINNER_ROUNDS = {Difficulty.BEGINNER: 15, Difficulty.INTERMEDIATE: 20}
# A core hold at the peak holds as long as the level asks (teacher review r8 #10: an
# intermediate class peaked on 3 x 20 s Plank, a warm-up for it): 30 s rounds from the
# intermediate level.
CORE_ROUNDS = {Difficulty.BEGINNER: 15, Difficulty.INTERMEDIATE: 30}
PEAK_ROUNDS = (
    Rounds(
        "a strong backbend lifted from the belly (Locust, Bow) tires the back muscles in a few "
        "breaths: short lifts, resting on the belly between",
        seconds=BEGINNER_ROUNDS,
        rest=("crocodile",),
        again="lift again from the belly, the breath steady",
        positions=frozenset({Position.PRONE}),
        categories=frozenset({Category.BACKBEND}),
    ),
    Rounds(
        "a plank held on the hands or forearms keeps its form a few breaths: rounds, resting "
        "the wrists and shoulders between",
        seconds=CORE_ROUNDS,
        rest=("childs-pose", "crocodile"),
        again="step back again, the body one long line",
        positions=frozenset({Position.HANDS_AND_FEET}),
        categories=frozenset({Category.CORE}),
        rest_seconds=20,
    ),
    Rounds(
        "a seated core hold (Boat) keeps a long spine a few breaths: rounds, lying back "
        "between (the knees hugged in), or the feet down in the same seat, never the quiet "
        "seat the class centred in",
        seconds=CORE_ROUNDS,
        rest=("knees-to-chest", "staff-pose"),
        again="lift the feet again, the chest open",
        positions=frozenset({Position.SEATED}),
        categories=frozenset({Category.CORE}),
        rest_seconds=20,
    ),
    Rounds(
        "a deep backbend from the knees (Camel) is taken in two rounds below the advanced "
        "level: first the half version, hands on the sacrum, then the full shape if the lower "
        "back stayed easy, resting between (review r5 #4)",
        seconds={Difficulty.BEGINNER: 20, Difficulty.INTERMEDIATE: 20},
        rest=("childs-pose",),
        again="hands to the heels only if the lower back stayed easy, the hips over the knees",
        positions=frozenset({Position.KNEELING}),
        categories=frozenset({Category.BACKBEND}),
        least_intensity=4,
        rounds=2,
        first="Half version: hands on the sacrum, lift the chest, hips over the knees.",
    ),
    Rounds(
        "an arm balance is tried a few times, a few breaths each, resting between (teacher "
        "review r7 #1: Firefly, one 20-second try)",
        seconds={Difficulty.BEGINNER: 15, Difficulty.INTERMEDIATE: 15, Difficulty.ADVANCED: 20},
        rest=("childs-pose",),
        again="back into the squat, then lift again, the gaze forward",
        positions=frozenset({Position.ARM_BALANCE}),
        rest_seconds=20,
    ),
)


# --- what is chosen and in what order (the third teacher review) ------------------------------

# Deeper variants of a pose: they go further into the same shape (Humble Warrior is Warrior I
# folded inside the front knee; Seated Forward Fold takes both legs where Head-to-Knee takes
# one; Standing Split lifts the back leg of Pyramid's fold). Held before the pose as a peak,
# the preparation outranks the peak. Poses of one category at one intensity and a higher
# level that share two main target areas outrank it too (`shapes.outranks`).
DEEPER_VARIANTS = {
    "warrior-i": ("humble-warrior",),
    "head-to-knee": ("seated-forward-fold", "revolved-head-to-knee"),
    "pyramid": ("standing-split",),
    "half-boat": ("boat",),
    "low-lunge": ("lizard", "full-splits"),
    "half-splits": ("full-splits",),
    "bridge": ("wheel",),
    "half-lotus": ("lotus",),
    "cobra": ("upward-facing-dog",),
    "plank": ("chaturanga", "side-plank"),
    "chair": ("revolved-chair",),
    "triangle": ("revolved-triangle",),
    "crow": ("side-crow", "firefly"),
}

# The least intensity of an active peak at each level, where the library and the avoid list
# allow one: an advanced class climbs to an advanced shape (Firefly, Wheel, Hanumanasana),
# not to Pyramid.
LEVEL_PEAK_INTENSITY = {
    Difficulty.BEGINNER: 2,
    Difficulty.INTERMEDIATE: 3,
    Difficulty.ADVANCED: 4,
}

# What a peak needs opened or woken before it, as sets of poses that give it (each set is one
# need; the build places one pose of each, the last straight before the peak). Keyed by the
# peak's slug. Frog needs the adductors, not the hip flexors or the hamstrings; Firefly needs
# core compression and the shoulders behind the knees; Locust a prone back extension just
# before it; Crow the squat and the compression; Head-to-Knee, Lotus and Pigeon the hip
# turned out; Wild Thing and Camel the chest and shoulders opened; Saddle and Reclined Hero
# the fronts of the thighs opened and the spine extended (Sphinx); Shoulder Stand the neck
# and upper back readied in Bridge; a standing hamstring peak the hamstrings.
ADDUCTORS = (
    "skandasana",
    "goddess",
    "garland",
    "five-pointed-star",
    "childs-pose",
    "bound-angle",
    "wide-legged-forward-fold",
    "wide-angle-seated-forward-fold",
)
CORE_COMPRESSION = ("boat", "half-boat", "garland", "crow")
PRONE_EXTENSION = ("sphinx", "cobra")
# The hip turned out (external rotation): seated, on the back, on a chair, passive in yin.
HIP_EXTERNAL_ROTATION = (
    "bound-angle",
    "fire-log",
    "reclined-figure-four",
    "chair-figure-four",
    "butterfly-yin",
    "deer-yin",
    "shoelace-yin",
    "half-lotus",
    "pigeon-prep",
)
# The chest and shoulders opened: upright before a standing or arm-balance peak (Humble
# Warrior's clasped arms, Five-Pointed Star's open chest), kneeling before a kneeling one.
CHEST_OPENERS = ("humble-warrior", "five-pointed-star", "puppy", "low-lunge", "cobra")
# The spine extended (Sphinx, held passively in yin).
SPINAL_EXTENSION = ("sphinx", "cobra", "locust")
# The fronts of the thighs opened before they are folded under (Saddle, Reclined Hero, Camel).
QUADRICEPS_OPENERS = ("dragon-yin", "low-lunge", "hero-pose")
HAMSTRINGS = ("wide-legged-forward-fold", "standing-forward-fold", "triangle")
# The back leg's hip flexors and quadriceps opened before a split (review r6 #9: Lizard 15
# minutes before Monkey, nothing since): a lunge on the back knee, then Half Splits.
HIP_FLEXORS = ("low-lunge", "lizard", "dragon-yin", "high-lunge")
# The kneeling lunges Half Splits grows out of, the back knee down (its own text: "From Low
# Lunge"), the gentlest first.
HALF_SPLITS_LUNGES = ("low-lunge", "lizard", "dragon-yin")
# A standing peak with the back leg long behind (Warrior I, High Lunge, Humble Warrior, the
# twisted lunges) or the thigh drawn back (Dancer) asks the back leg's hip flexor opened
# first (teacher review r8 #16: Low Lunge only in the cool-down "after Warrior I"): Low
# Lunge on the back knee, then the knee lifts and the class rises into the peak.
LUNGE_PEAKS = frozenset(
    {
        "warrior-i",
        "high-lunge",
        "humble-warrior",
        "twisted-crescent-lunge",
        "revolved-side-angle",
        "dancer",
    }
)
# Not a need of PEAK_NEEDS (the kneeling lunge is placed among the standing poses, the one
# floor pose a standing build visits): `prep.Prep.open_the_back_leg`.
LUNGE_OPENERS = ("low-lunge", "high-lunge", "lizard")
# Wild Thing is a backbend entered from Side Plank (teacher review r8 #4: its build all twists
# and standing balances, Side Plank 25 minutes earlier, Humble Warrior's forward bow last): a
# backbend held in the build (a lunge with the chest lifted, Camel, Bridge, Locust), then
# Side Plank, the pose it steps out of, straight before it.
WILD_THING_BACKBENDS = ("high-lunge", "low-lunge", "camel", "bridge", "locust")
# The spine turned, below the peak, before a twisted arm balance or a twisted peak (review r6
# #14: Side Crow after Crow, no twist since the warm-up): standing first, then seated.
TWISTS = (
    "twisted-crescent-lunge",
    "revolved-chair",
    "revolved-side-angle",
    "revolved-triangle",
    "marichyasana-c",
    "half-lord-of-the-fishes",
    "bharadvajas-twist",
    "easy-seated-twist",
)
# A backbend held a few breaths, below the peak, before a backbend peak entered from the floor
# (review r5 #4: Camel after 25 minutes of 5-second Up Dogs): Locust, a low Cobra, Sphinx,
# Bridge. Placed last before the peak, a prone one may come before a kneeling peak (Locust,
# then up onto the knees for Camel). `shapes.peak_needs` adds it where no need gives one.
HELD_BACKBENDS = ("locust", "cobra", "sphinx", "bridge")
# The twisted squat a twisted arm balance sits on (review r16 F12: Side Crow after Revolved
# Triangle, a straight-leg twist): Side Crow's own text "squat ... knees together, twist ...
# hook your left upper arm outside your right thigh" is Revolved Chair's "knees level and
# together ... hooking your left elbow outside your right thigh", the shape held standing.
TWISTED_SQUATS = ("revolved-chair",)
PEAK_NEEDS = {
    "frog": (ADDUCTORS,),
    "firefly": (("garland", "boat", "half-boat"), ("wide-legged-forward-fold", "garland")),
    "crow": (CORE_COMPRESSION,),
    "side-crow": (TWISTED_SQUATS, CORE_COMPRESSION),
    "locust": (PRONE_EXTENSION,),
    "bow": (PRONE_EXTENSION + ("locust",),),
    "wheel": (("bridge", "puppy", "camel"),),
    "full-splits": (HIP_FLEXORS, ("half-splits", "pyramid")),
    # Half Splits is entered from Low Lunge: the back hip opened in the lunge first, however
    # short or gentle the class (review r14 F1: Half Splits straight after Neck Release and
    # Cat-Cow, beginners folding cold).
    "half-splits": (HALF_SPLITS_LUNGES,),
    # Upward Plank: the shoulders drawn back and the chest opened (Bridge with the hands
    # clasped, Locust reaching back), the hips extended (teacher review r7 #3).
    "upward-plank": (("bridge", "locust"), ("locust", "bridge", "low-lunge")),
    "head-to-knee": (HIP_EXTERNAL_ROTATION,),
    "revolved-head-to-knee": (HIP_EXTERNAL_ROTATION,),
    "lotus": (HIP_EXTERNAL_ROTATION,),
    "half-lotus": (HIP_EXTERNAL_ROTATION,),
    "fire-log": (HIP_EXTERNAL_ROTATION,),
    "pigeon-prep": (HIP_EXTERNAL_ROTATION,),
    "wild-thing": (WILD_THING_BACKBENDS, ("side-plank",)),
    "camel": (QUADRICEPS_OPENERS, CHEST_OPENERS),
    "saddle-yin": (QUADRICEPS_OPENERS, SPINAL_EXTENSION),
    "reclined-hero": (QUADRICEPS_OPENERS, SPINAL_EXTENSION),
    "supported-shoulder-stand": (("bridge",),),
    "pyramid": (HAMSTRINGS,),
    "standing-hand-to-big-toe": (HAMSTRINGS,),
    "revolved-triangle": (HAMSTRINGS, TWISTS),
    "revolved-chair": (TWISTS,),
    "revolved-side-angle": (TWISTS,),
    "boat": (("half-boat", "garland"),),
}
# Peaks that belong in the closing, not at the top of a class: Plough quietens, and it asks
# for Bridge and Shoulder Stand before it.
CLOSING_ONLY = frozenset({"plough", "snail-yin"})
# Wrist releases and extensions after an arm balance that loads the wrists in flexion and
# the spine in flexion (Crow, Firefly), before resting in Child's Pose.
WRIST_RELEASES = ("wrist-circles",)
ARM_BALANCE_EXTENSIONS = ("upward-plank", "sphinx", "bridge", "cobra")


# --- the focus served (issue 11; review r5 #8, #10) -------------------------------------------

# A pose works a focus area directly when the area is its main work: its category, or one of
# the first FOCUS_DIRECT_AREAS target areas the library names (most important first). High
# Lunge names the core fourth: the legs work, the core steadies; Plank names it first.
FOCUS_DIRECT_AREAS = 2
# The least share of the build and peak held time (seconds, both sides counted) spent in poses
# that work each chosen focus area directly, by how many areas share the class: a teacher
# gives one focus a fifth of the strong work at least, two an eighth each, three a twelfth
# each (the rest of the build prepares the peak and keeps the body balanced). Relaxation is
# served by the breath and the rest, anywhere, not by a share; a whole-body class by its
# regions.
FOCUS_SHARE = {1: 0.20, 2: 0.12, 3: 0.08}
# The share the planner aims at (a quarter for one area, a sixth each for two, a tenth each
# for three): the fit to the time moves holds afterwards, and the measure keeps a margin.
FOCUS_SHARE_AIM = {1: 0.25, 2: 0.16, 3: 0.11}
# The shares are asked of an active class (hatha, gentle, vinyasa, power) from this many
# minutes; a yin or restorative class serves its focus by the shapes it holds (the `focus`
# figure), and a shorter class has room for a pose or two that work the focus, not a share.
FOCUS_SHARE_FROM_MINUTES = 15
# A whole-body class has room for all four regions from this many minutes.
FULL_BODY_FROM_MINUTES = 20
# A focus area asks for its share only where the poses the practice may do (level, avoid
# list, style) offer this many shapes that work it directly in an active build: the curated
# library has few beginner core shapes (Plank, Half Boat, Bird Dog), and an avoid list may
# leave one or none (pregnancy: no planks, no Boat). A whole-body region asks for one.
FOCUS_LEAST_SHAPES = 3
# A prenatal class (pregnancy_safe) is shaped by the pregnancy, not by a share: no direct
# abdominal work (planks, Boat), nothing on the belly, balance near a wall. Its focus areas
# are worked (the `focus` figure), not measured by a share.
FOCUS_SHARE_SPARED_BY = frozenset({"pregnancy_safe"})
# A whole-body class works each of these regions in its build or peak, in a pose whose first
# FULL_BODY_AREAS target areas name it or of its category: legs, core, upper body and arms,
# back (Down Dog names the shoulders third and works them; Warrior II names them fourth).
FULL_BODY_AREAS = 3
FULL_BODY_REGIONS = {
    "legs": frozenset(
        {TargetArea.QUADRICEPS, TargetArea.HAMSTRINGS, TargetArea.GLUTES, TargetArea.CALVES}
    ),
    "core": frozenset({TargetArea.CORE}),
    "upper body": frozenset({TargetArea.ARMS, TargetArea.SHOULDERS}),
    "back": frozenset({TargetArea.SPINE, TargetArea.LOWER_BACK, TargetArea.UPPER_BACK}),
}
FULL_BODY_REGION_CATEGORIES = {
    "legs": frozenset(),
    "core": frozenset({Category.CORE}),
    "upper body": frozenset(),
    "back": frozenset({Category.BACKBEND, Category.TWIST}),
}


# --- the peak prepared close to it (review r6: #9, #14) ----------------------------------------

# Each need of the peak is met within the last PEAK_NEED_RECENT held poses before it (flow
# passes of a breath not counted): what was opened a quarter of an hour and a block of other
# shapes earlier has cooled by the time of the peak.
PEAK_NEED_RECENT = 4
