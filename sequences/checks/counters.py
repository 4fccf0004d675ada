"""Counter-poses: a deep backbend neutralised within two poses, and Shoulder Stand or
Plough answered by a gentle backbend for the neck."""

from poses.models import Category, Caution
from sequences.checks.common import OTHER_SIDE, WARNING, Finding, _poses, _suggest
from sequences.steps import PoseCard, Step

NEUTRALISING_SLUGS = frozenset({"childs-pose", "knees-to-chest"})
NEUTRALISING_CATEGORIES = frozenset({Category.FORWARD_FOLD, Category.TWIST, Category.RESTORATIVE})
NEUTRALISE_WITHIN = 2

# What a finding suggests adding, each with the cautions it carries (as the curated library
# tags the pose, or the kind of pose: a forward fold flexes the spine): a suggestion names only
# what the practitioner's avoid choices leave in (`_suggest`).
BACKBEND_NEUTRALISERS = (
    ("Child's Pose", frozenset({Caution.SPINAL_ROUNDING, Caution.KNEE_LOAD})),
    ("a forward fold", frozenset({Caution.SPINAL_FLEXION})),
    ("a twist", frozenset({Caution.SPINAL_ROTATION})),
    ("Knees-to-Chest", frozenset({Caution.SPINAL_ROUNDING})),
    ("Crocodile", frozenset({Caution.BELLY_PRESSURE})),
)
NECK_COUNTERS = (
    ("Fish", frozenset({Caution.NECK_LOAD, Caution.DEEP_BACKBEND, Caution.HEAD_BELOW_HEART})),
    ("Supported Fish", frozenset()),
    ("Bridge", frozenset()),
)


# --- what a pose is, as the rules see it -------------------------------------------


def _is_deep_backbend(step: Step) -> bool:
    return Caution.DEEP_BACKBEND in step.pose.cautions


def neutralises(pose: PoseCard) -> bool:
    """Takes the spine back to neutral or rounds it after a backbend: Child's Pose, a forward
    fold, a twist, a resting pose — not another backbend, supported ones included."""
    if Caution.DEEP_BACKBEND in pose.cautions or pose.opens_the_chest:
        return False
    return pose.slug in NEUTRALISING_SLUGS or pose.category in NEUTRALISING_CATEGORIES


def _bends_the_neck_under_load(step: Step) -> bool:
    """Shoulder Stand, Plough, Snail: upside down with the chin pressed to the chest."""
    cautions = step.pose.cautions
    return (
        Caution.INVERSION in cautions
        and Caution.NECK_LOAD in cautions
        and Caution.FALL_RISK not in cautions
    )


# --- the rules ----------------------------------------------------------------------


def _backbend_block_end(steps: list[Step], index: int) -> int:
    """The last index of the backbends starting at `index`: deep backbends in a row, and the
    other side of a bilateral one a pose later (Wild Thing right, Down Dog, Wild Thing left)."""
    end = index
    while True:
        if end + 1 < len(steps) and _is_deep_backbend(steps[end + 1]):
            end += 1
            continue
        if end + 2 < len(steps) and _is_other_side(steps[end], steps[end + 2]):
            end += 2
            continue
        return end


def _is_other_side(step: Step, later: Step) -> bool:
    return (
        _is_deep_backbend(later)
        and later.pose.slug == step.pose.slug
        and step.side in OTHER_SIDE
        and later.side == OTHER_SIDE[step.side]
    )


def _backbend_not_neutralised(
    steps: list[Step], avoided: frozenset[str] = frozenset()
) -> list[Finding]:
    """Backbends in a row (both sides of Wild Thing, say) need one neutralising pose after them."""
    findings = []
    index = 0
    while index < len(steps):
        if not _is_deep_backbend(steps[index]):
            index += 1
            continue
        end = _backbend_block_end(steps, index)
        block = [step for step in steps[index : end + 1] if _is_deep_backbend(step)]
        after = steps[end + 1 : end + 1 + NEUTRALISE_WITHIN]
        if not any(neutralises(s.pose) for s in after):
            what = "is a deep backbend" if len(block) == 1 else "are deep backbends"
            such = _suggest(BACKBEND_NEUTRALISERS, avoided)
            add = f"add {such}" if such else "add a resting pose that keeps the spine neutral"
            findings.append(
                Finding(
                    "backbend_not_neutralised",
                    WARNING,
                    f"{_poses(block)} {what} not followed"
                    f" within two poses by a neutralising pose; {add} (a supported backbend "
                    "does not count).",
                    tuple(s.position for s in block),
                )
            )
        index = end + 1
    return findings


def _inversion_not_countered(
    steps: list[Step], avoided: frozenset[str] = frozenset()
) -> list[Finding]:
    """After Shoulder Stand or Plough the neck is released the other way: Fish, Supported
    Fish or Bridge within two poses."""
    findings = []
    index = 0
    while index < len(steps):
        if not _bends_the_neck_under_load(steps[index]):
            index += 1
            continue
        end = index
        while end + 1 < len(steps) and _bends_the_neck_under_load(steps[end + 1]):
            end += 1
        block = steps[index : end + 1]
        after = steps[end + 1 : end + 1 + NEUTRALISE_WITHIN]
        if not any(s.pose.opens_the_chest for s in after):
            findings.append(
                Finding(
                    "inversion_not_countered",
                    WARNING,
                    f"{_poses(block)} {'presses' if len(block) == 1 else 'press'} the chin to "
                    "the chest with the body's weight on the shoulders; follow within two "
                    "poses with a gentle backbend for the neck, such as "
                    f"{_suggest(NECK_COUNTERS, avoided)}.",
                    tuple(s.position for s in block),
                )
            )
        index = end + 1
    return findings
