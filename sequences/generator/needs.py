"""Every need of a real peak prepared in the build, each given time in proportion to the class
(issue 11, blind teacher review: Wild Thing after Cobra and Up Dogs only; Firefly after
planks, nothing drawing the legs up; Monkey after one 45-s Low Lunge; Frog after Bound Angle
and a wide Child's Pose only).

A need is what the peak opens or strengthens. `needs_of(peak)` reads it from the pose data
where the data says it: the peak's category and spine action (a backbend extends the spine),
its target areas (hamstrings, quadriceps, chest and shoulders), its position (an arm balance
on bent arms draws the knees up with the core). A table says it only where the library's
target areas cannot: which way "hips" opens (HIP_WAY: the adductors of Frog, the hip turned
out for Lotus), and which poses give a need the target areas do not name (the hip flexors,
the core's compression, the adductors).

Each need (a `Need`: its words and the poses that give it) is met in the warm-up and build by
held poses for at least `least_seconds(minutes)` in all, both sides counted: in proportion to
the class (NEED_SECONDS_PER_MINUTE). An arm balance peak at an advanced level also has a
smaller arm balance held before it (SMALLER_ARM_BALANCES), where the pool has one.

Sources for the yoga facts: L. Kaminoff and A. Matthews, *Yoga Anatomy*, 2nd ed. (Human
Kinetics, 2012), for what each pose lengthens or contracts (Low Lunge and Lizard the back
leg's hip flexors; Goddess, Skandasana and Garland the adductors; Boat the hip flexors and
lower belly); M. Stephens, *Sequencing Yoga Classes* (North Atlantic, 2012), peak-pose
chapters, for what a teacher prepares: backbends by the spine, the hip flexors and the front
shoulders; arm balances by core compression and an easier arm balance first; the splits by
the hamstrings and the hip flexors; Frog by the adductors.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from poses.models import Category, Caution, Effort, Position
from sequences.checks.common import PASSING_SECONDS
from sequences.generator.peaks import SHOULDER_WAY
from sequences.generator.prep import DEEP_FLEXIBILITY_PEAKS
from sequences.generator.shapes import spine_action

# A real peak: this intense or more. A gentler peak is prepared by its flows (PEAK_NEEDS).
REAL_PEAK_FROM = 4
# Seconds of held preparation each need gets per minute of class, both sides counted: two
# minutes in an hour (a minute a side), 40 s in twenty minutes.
NEED_SECONDS_PER_MINUTE = 2
# A deep stretch (Monkey, Frog, Lotus) asks this much for each need however short the class:
# the tissue opens over minutes, not breaths.
DEEP_NEED_SECONDS = 90
# The most a need asks, however long the class: two minutes, a minute a side.
NEED_SECONDS_MOST = 120

# The back leg's hip flexors and quadriceps lengthened (the kneeling and standing lunges, the
# thighs folded under, the prone and kneeling backbends that extend the hip).
HIP_FLEXOR_OPENERS = (
    "low-lunge",
    "lizard",
    "high-lunge",
    "dragon-yin",
    "camel",
    "bow",
    "reclined-hero",
    "saddle-yin",
    "dancer",
    "warrior-i",
)
# Of them, those held as a stretch, the back knee down or the thighs folded under: what a
# split needs (the standing lunges work the back leg more than they lengthen it).
HIP_FLEXOR_STRETCHES = ("low-lunge", "lizard", "dragon-yin", "camel", "reclined-hero", "saddle-yin")
# The inner thighs lengthened with the knees or feet wide (Frog's shape, loaded less).
ADDUCTOR_OPENERS = (
    "goddess",
    "skandasana",
    "garland",
    "five-pointed-star",
    "wide-legged-forward-fold",
    "wide-angle-seated-forward-fold",
    "bound-angle",
    "butterfly-yin",
    "dragonfly-yin",
)
# The hip turned out (Fire Log, Pigeon): Lotus's need.
HIP_OPENERS_OUT = (
    "bound-angle",
    "fire-log",
    "reclined-figure-four",
    "half-lotus",
    "pigeon-prep",
    "cow-face",
    "butterfly-yin",
    "shoelace-yin",
    "deer-yin",
)
# The hip flexors and lower belly drawing the legs up to the chest (compression): the boats.
COMPRESSION = ("boat", "half-boat")
# Which way a hip-opening peak takes the hip, where its target areas say only "hips".
HIP_WAY = {
    "frog": "adductors",
    "lotus": "out",
    "half-lotus": "out",
    "fire-log": "out",
    "pigeon-prep": "out",
}
# The smaller arm balances a strong one is rehearsed in, each as easy on the body as it (its
# cautions a part of the peak's): Crow before Firefly and Side Crow.
SMALLER_ARM_BALANCES = {"firefly": ("crow",), "side-crow": ("crow",)}


@dataclass(frozen=True)
class Need:
    """What the peak asks opened or strengthened ("the hip flexors"), and which poses give it."""

    words: str
    gives: Callable[[object], bool]


@cache
def _named(*slugs: str) -> Callable[[object], bool]:
    """The test that a pose is one of these; one per set of slugs, so a Need of the same
    words and poses is the same key wherever the planner remembers what gives it."""
    return lambda card: card.slug in slugs


def _extends_the_spine(card) -> bool:
    return card.category == Category.BACKBEND


def _opens_the_front_shoulders(card) -> bool:
    """The chest opened with the arms back or the shoulders drawn open: a backbend naming the
    chest or shoulders among its first three areas, or a pose that takes the arms behind
    (peaks.SHOULDER_WAY "extension": Humble Warrior's clasp, Locust reaching back)."""
    if SHOULDER_WAY.get(card.slug) == "extension":
        return True
    if SHOULDER_WAY.get(card.slug) == "flexion":
        return False  # Puppy, Down Dog: the shoulders overhead, not opened in front
    return card.category == Category.BACKBEND and bool(
        {"chest", "shoulders"} & set(card.target_areas[:3])
    )


def _lengthens_the_hamstrings(card) -> bool:
    """The hamstrings named first, or a fold naming them second, and lengthened, not carrying
    a balance (Warrior III, Half Moon) or the weight on the hands (Down Dog)."""
    areas = card.target_areas
    first = areas[:1] == ("hamstrings",) or (
        card.category == Category.FORWARD_FOLD and "hamstrings" in areas[:2]
    )
    return (
        first
        and card.category != Category.BALANCE
        and card.position not in (Position.INVERTED, Position.HANDS_AND_FEET)
    )


def _twists(card) -> bool:
    return card.category == Category.TWIST


def real_peak(peak, style_slow: bool) -> bool:
    """A peak whose needs are timed: intense enough, in an active class."""
    return not style_slow and peak.intensity >= REAL_PEAK_FROM


def needs_of(peak) -> tuple[Need, ...]:
    """The needs of the peak, from its data (module docstring); () for a peak that asks
    nothing named here (a standing pose, an inversion: PEAK_NEEDS and its flows)."""
    needs: list[Need] = []
    areas = peak.target_areas
    backbend = peak.category == Category.BACKBEND or spine_action(peak) == "back"
    if backbend:
        needs.append(Need("the spine extended", _extends_the_spine))
    if backbend and {"hips", "quadriceps"} & set(areas):
        needs.append(Need("the hip flexors", _named(*HIP_FLEXOR_OPENERS)))
    elif peak.category == Category.HIP_OPENER and "quadriceps" in areas:
        needs.append(Need("the hip flexors", _named(*HIP_FLEXOR_STRETCHES)))
    if backbend and {"chest", "shoulders"} & set(areas[:2]):
        needs.append(Need("the front of the shoulders", _opens_the_front_shoulders))
    if "hamstrings" in areas[:1] or (
        peak.position == Position.ARM_BALANCE and "hamstrings" in areas
    ):
        needs.append(Need("the hamstrings", _lengthens_the_hamstrings))
    if peak.position == Position.ARM_BALANCE:
        needs.append(Need("the core drawing the legs up", _named(*COMPRESSION)))
    if peak.category == Category.TWIST or (
        peak.position == Position.ARM_BALANCE and Caution.SPINAL_FLEXION not in peak.cautions
    ):
        needs.append(Need("the spine turned", _twists))
    way = HIP_WAY.get(peak.slug)
    if way == "adductors":
        needs.append(Need("the inner thighs", _named(*ADDUCTOR_OPENERS)))
    elif way == "out":
        needs.append(Need("the hip turned out", _named(*HIP_OPENERS_OUT)))
    return tuple(needs)


def least_seconds(minutes: int, peak) -> int:
    """The held seconds each need is given before the peak, both sides counted."""
    least = NEED_SECONDS_PER_MINUTE * minutes
    if peak.slug in DEEP_FLEXIBILITY_PEAKS:
        least = max(least, DEEP_NEED_SECONDS)
    return min(NEED_SECONDS_MOST, round(least))


def gives(need: Need, card, peak, *, slow: bool = False) -> bool:
    """The pose gives the need before this peak: below the peak, worked (not a rest, and
    actively outside yin and restorative), not the peak itself."""
    if card.slug == peak.slug or card.intensity >= peak.intensity:
        return False
    if not slow and card.effort != Effort.ACTIVE:
        return False
    return need.gives(card)


def smaller_arm_balances(peak, level: str) -> tuple[str, ...]:
    """The arm balances that rehearse this one at an advanced level (SMALLER_ARM_BALANCES)."""
    if peak.position != Position.ARM_BALANCE or level != "advanced":
        return ()
    return SMALLER_ARM_BALANCES.get(peak.slug, ())


# The rank of a need's floor pose before the poses on the hands (`phases.HANDS_FIRST`, -1),
# where the build stands only to lead into the peak (Half Boat, Plank, Garland, Crow).
FLOOR_FIRST = -1.5
# The phases whose held poses prepare the peak's needs.
PREPARING_PHASES = ("build",)


def counts(draft, block) -> bool:
    """A planned step that prepares in its time: held in the build, not a breath
    of a flow passed through nor a Sun Salutation (sequences.checks.PASSING_SECONDS)."""
    if block.phase not in PREPARING_PHASES or block.kind == "sun":
        return False
    return not (draft.flow and draft.low <= PASSING_SECONDS)


def counts_step(step) -> bool:
    """`counts` of a step of a generated practice."""
    if step.phase not in PREPARING_PHASES or step.flow.startswith("Sun Salutation"):
        return False
    return not (step.flow and step.duration_seconds <= PASSING_SECONDS)
