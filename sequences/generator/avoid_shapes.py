"""The shapes of pose an avoid choice cares about (review r6 "Unsafe for the avoid choice"),
for versions.KIND_CUES to say them the safe way: each a set of the library's slugs, where no
field of the pose tells the shape (where the arms go, whether the head drops), and a test."""

from poses.models import Category, Effort, Position
from sequences.steps import PoseCard

# Standing shapes that take the arms overhead (review r6 #2: Warrior I "arms up" for back
# care with no word for the ribs): a reach that tips back arches the lower back.
ARMS_OVERHEAD = frozenset(
    {
        "upward-salute",
        "chair",
        "warrior-i",
        "high-lunge",
        "extended-side-angle",
        "standing-side-bend",
    }
)
# Standing shapes whose arm reaches up and back over the head (Reverse Warrior, r6 #2).
REACHES_BACK = frozenset({"reverse-warrior"})
# Standing shapes that fold to the side over the front leg (Triangle with osteoporosis, r6
# #11): a hand reaching the floor rounds the spine and bends it sideways under load.
SIDE_FOLDS = frozenset({"triangle", "extended-side-angle"})
# Side bends sitting on the floor (Seated Side Bend with osteoporosis, r6 #11); from a chair
# or kneeling (Gate) VERSIONS says the same without the blanket.
SIDE_BENDS = frozenset({"seated-side-bend"})
# Shapes held with the knees dropped open (Reclined Bound Angle held 4:45 in pregnancy, r6
# #13): relaxin loosens the pubic symphysis, so the thighs rest on props, not the ligaments.
KNEES_OUT = frozenset({"reclined-bound-angle", "butterfly-yin", "bound-angle"})
# Shapes folded over the legs from the floor (Head-to-Knee for no inversions, r6 #14): the
# head drops below the heart unless it is held up or supported.
FOLDED_HIP_OPENERS = frozenset(
    {"pigeon-prep", "sleeping-swan-yin", "shoelace-yin", "butterfly-yin"}
)


def arms_overhead(card: PoseCard) -> bool:
    return card.slug in ARMS_OVERHEAD


def reaches_back(card: PoseCard) -> bool:
    return card.slug in REACHES_BACK


def side_fold(card: PoseCard) -> bool:
    return card.slug in SIDE_FOLDS


def side_bend(card: PoseCard) -> bool:
    return card.slug in SIDE_BENDS


def passive_knees_out(card: PoseCard) -> bool:
    """A hip opener held with the knees dropped open and nothing asked of the legs."""
    return card.slug in KNEES_OUT and card.effort == Effort.PASSIVE


def floor_fold(card: PoseCard) -> bool:
    """A fold over the legs from sitting or kneeling: a seated forward fold, a folded yin hip
    shape (Sleeping Swan, Shoelace)."""
    if card.position not in (Position.SEATED, Position.KNEELING):
        return False
    return card.category == Category.FORWARD_FOLD or card.slug in FOLDED_HIP_OPENERS


# Seats with the knees bent fully under the body's weight (review r8 #8: Hero as the fifth
# warm-up step): they come once the legs are warm, after standing work or salutations, never
# in the floor warm-up before it.
DEEP_KNEE_FLEXION = frozenset({"hero-pose", "reclined-hero", "saddle-yin"})


def deep_knee_flexion(card: PoseCard) -> bool:
    return card.slug in DEEP_KNEE_FLEXION
