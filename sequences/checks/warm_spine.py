"""A warm spine: hamstring folds, twists and lowering through Chaturanga wait for a
spinal warm-up such as Cat-Cow or held extension."""

from collections.abc import Iterable

from poses.models import FLOOR_POSITIONS, Category, Caution, Effort
from sequences.checks.common import HINT, Finding, _held, _poses, _suggest
from sequences.steps import LONG_HOLD_STYLES, PoseCard, Step

# Spinal warm-ups: the spine moves both ways before it folds, twists or lowers in Chaturanga.
SPINE_WARM_UPS = frozenset({"cat-cow", "chair-cat-cow"})
# Held spinal extension warms the spine too (Bird Dog, Sphinx, Cobra, Locust, Bridge): a class
# that leaves out Cat-Cow's rounding moves the spine this way instead.
EXTENSION_WARM_UPS = frozenset({"balancing-table"})
# Lowering through Chaturanga (or its beginner form) asks for a warm spine.
LOWERING_SLUGS = frozenset({"chaturanga", "knees-chest-chin"})

# What a finding suggests adding, each with the cautions it carries (as the curated library
# tags the pose, or the kind of pose: a forward fold flexes the spine): a suggestion names only
# what the practitioner's avoid choices leave in (`_suggest`).
SPINE_WARMERS = (
    ("Cat-Cow", frozenset({Caution.SPINAL_ROUNDING, Caution.WRIST_LOAD, Caution.KNEE_LOAD})),
    ("Seated Cat-Cow (hands on the knees)", frozenset({Caution.SPINAL_ROUNDING})),
    ("Sphinx", frozenset({Caution.BELLY_PRESSURE})),
    ("Bridge", frozenset()),
)


# --- what a pose is, as the rules see it -------------------------------------------


def is_hamstring_fold(pose: PoseCard) -> bool:
    """A held fold of the hamstrings on the floor (Head-to-Knee, Seated Forward Fold,
    Reclining Hand-to-Big-Toe, Half Splits): it wants a warm spine first."""
    return (
        pose.category == Category.FORWARD_FOLD
        and "hamstrings" in pose.target_areas[:2]
        and pose.effort == Effort.ACTIVE
        and pose.position in FLOOR_POSITIONS
    )


def warms_the_spine(step: Step) -> bool:
    """Cat-Cow or Seated Cat-Cow, or spinal extension held a few breaths (a backbend, Bird
    Dog): the spine has moved."""
    pose = step.pose
    if pose.slug in SPINE_WARM_UPS:
        return True
    return _held(step) and (pose.category == Category.BACKBEND or pose.slug in EXTENSION_WARM_UPS)


def spine_not_warmed(steps: Iterable[Step]) -> list[Step]:
    """Held hamstring folds and twists, and lowering through Chaturanga, before the first
    spinal warm-up (Cat-Cow, Seated Cat-Cow, or held extension: `warms_the_spine`) — all of
    them when there is none."""
    found = []
    for step in steps:
        if warms_the_spine(step):
            break
        pose = step.pose
        if pose.slug in LOWERING_SLUGS or (
            _held(step) and (is_hamstring_fold(pose) or pose.category == Category.TWIST)
        ):
            found.append(step)
    return found


# --- the rules ----------------------------------------------------------------------


def _fold_before_warm_spine(
    steps: list[Step], *, style: str | None, avoided: frozenset[str] = frozenset()
) -> list[Finding]:
    """Hamstring folds, twists and Chaturanga wait for a spinal warm-up such as Cat-Cow or
    held extension (yin and restorative practice warm the spine in their first long holds).
    The hint names only warm-ups the avoid choices leave in: no Cat-Cow where rounding the
    spine is avoided."""
    if style in LONG_HOLD_STYLES:
        return []
    cold = spine_not_warmed(steps)
    if not cold:
        return []
    return [
        Finding(
            "fold_before_warm_spine",
            HINT,
            f"{_poses(cold)} {'comes' if len(cold) == 1 else 'come'} before the spine has "
            f"moved; warm it first with {_suggest(SPINE_WARMERS, avoided)}.",
            tuple(step.position for step in cold),
        )
    ]
