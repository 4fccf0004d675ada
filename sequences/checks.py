"""Sequence checks: the rules a yoga teacher applies to an ordered list of poses.

Pure functions over `sequences.steps.Step`s (no database), so the pages, the API and the
generator ask the same questions and tests run fast. Each finding has a stable code, a
severity ("error", "warning" or "hint") and a message naming the positions (1-based, in
practice order) it is about.
"""

from collections.abc import Iterable
from collections.abc import Sequence as SequenceOf
from dataclasses import dataclass

from poses.models import (
    FLOOR_POSITIONS,
    Category,
    Caution,
    Difficulty,
    Effort,
    Kind,
    Position,
    cautions_avoided,
)
from sequences.models import Side, Style
from sequences.steps import LONG_HOLD_STYLES, PoseCard, Step, numbered, steps_for

__all__ = [
    "ERROR",
    "HINT",
    "WARNING",
    "Finding",
    "Step",
    "check_sequence",
    "avoid_of",
    "findings_for",
    "is_final_relaxation",
    "level_changes",
    "neutralises",
    "steps_for",
]

ERROR = "error"
WARNING = "warning"
HINT = "hint"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, HINT: 2}

RELAXATION_SLUGS = frozenset({"corpse", "corpse-pose", "savasana"})
NEUTRALISING_SLUGS = frozenset({"childs-pose", "knees-to-chest"})
NEUTRALISING_CATEGORIES = frozenset({Category.FORWARD_FOLD, Category.TWIST, Category.RESTORATIVE})
LYING_POSITIONS = frozenset({Position.SUPINE, Position.SIDE_LYING, Position.PRONE})
FINAL_RELAXATION_AFTER_SECONDS = 10 * 60
NEUTRALISE_WITHIN = 2
WARM_UP_POSES = 2
TARGET_TOLERANCE = 0.2
# A practice past two hours is a workshop, not a practice: split it.
LONGEST_PRACTICE_SECONDS = 2 * 60 * 60
# Floor to standing and back: once up and once down is a class; more is ping-pong.
MOST_LEVEL_CHANGES = 2
# Held four breaths or less, a pose is passed through in a flow (Cobra in a Sun
# Salutation, Child's Pose on the way back to Down Dog, the low lunge of a Moon
# Salutation), not a place the class settles.
PASSING_SECONDS = 20
OTHER_SIDE = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}
# A pose entered from another one: Reverse Warrior is Warrior II with the front arm lifted
# back, so it follows Warrior II on the same side.
ENTERED_VIA = {"reverse-warrior": ("warrior-ii", "Warrior II")}
# Spinal warm-ups: the spine moves both ways before it folds, twists or lowers in Chaturanga.
SPINE_WARM_UPS = frozenset({"cat-cow", "chair-cat-cow"})
# Held spinal extension warms the spine too (Bird Dog, Sphinx, Cobra, Locust, Bridge): a class
# that leaves out Cat-Cow's rounding moves the spine this way instead.
EXTENSION_WARM_UPS = frozenset({"balancing-table"})
# Lowering through Chaturanga (or its beginner form) asks for a warm spine.
LOWERING_SLUGS = frozenset({"chaturanga", "knees-chest-chin"})
# Shapes that are not taught three different ways in a row on the floor (three seated twists,
# three seated folds).
NOT_THREE_IN_A_ROW = frozenset({Category.TWIST, Category.FORWARD_FOLD})
# The shortest run of steps whose word-for-word repeat straight after is a copied round.
ROUND_STEPS = 3

# What a finding suggests adding, each with the cautions it carries (as the curated library
# tags the pose, or the kind of pose: a forward fold flexes the spine): a suggestion names only
# what the practitioner's avoid choices leave in (`_suggest`).
SPINE_WARMERS = (
    ("Cat-Cow", frozenset({Caution.SPINAL_ROUNDING, Caution.WRIST_LOAD, Caution.KNEE_LOAD})),
    ("Seated Cat-Cow (hands on the knees)", frozenset({Caution.SPINAL_ROUNDING})),
    ("Sphinx", frozenset({Caution.BELLY_PRESSURE})),
    ("Bridge", frozenset()),
)
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


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    positions: tuple


def _poses(steps: SequenceOf[Step]) -> str:
    """ "Pose 4 (Camel)" or "Poses 4 (Camel) and 6 (Wheel)"."""
    labels = [step.label for step in steps]
    if len(labels) == 1:
        return f"Pose {labels[0]}"
    return f"Poses {', '.join(labels[:-1])} and {labels[-1]}"


def _minutes(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    if minutes >= 120:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"
    return f"{minutes} min {rest:02d} s" if rest else f"{minutes} min"


# --- what a pose is, as the rules see it -------------------------------------------


def is_final_relaxation(pose: PoseCard) -> bool:
    """A true final relaxation: lying still with the whole body released (Corpse Pose,
    Side-Lying Savasana) — not Child's Pose or a supported backbend."""
    if pose.slug in RELAXATION_SLUGS:
        return True
    return (
        pose.kind == Kind.ASANA
        and pose.category == Category.RESTORATIVE
        and pose.position in LYING_POSITIONS
        and pose.effort == Effort.PASSIVE
        and "full_body" in pose.target_areas
        and Caution.INVERSION not in pose.cautions
    )


def _is_deep_backbend(step: Step) -> bool:
    return Caution.DEEP_BACKBEND in step.pose.cautions


def neutralises(pose: PoseCard) -> bool:
    """Takes the spine back to neutral or rounds it after a backbend: Child's Pose, a forward
    fold, a twist, a resting pose — not another backbend, supported ones included."""
    if Caution.DEEP_BACKBEND in pose.cautions or pose.opens_the_chest:
        return False
    return pose.slug in NEUTRALISING_SLUGS or pose.category in NEUTRALISING_CATEGORIES


def is_hamstring_fold(pose: PoseCard) -> bool:
    """A held fold of the hamstrings on the floor (Head-to-Knee, Seated Forward Fold,
    Reclining Hand-to-Big-Toe, Half Splits): it wants a warm spine first."""
    return (
        pose.category == Category.FORWARD_FOLD
        and "hamstrings" in pose.target_areas[:2]
        and pose.effort == Effort.ACTIVE
        and pose.position in FLOOR_POSITIONS
    )


def _held(step: Step) -> bool:
    return step.duration_seconds > PASSING_SECONDS


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


def not_entered_from(steps: Iterable[Step]) -> list[tuple[Step, str]]:
    """Steps of a pose entered from another (ENTERED_VIA) with no step of that pose on the
    same side (or both sides) before them, with the name of the pose they want."""
    seen: set[tuple[str, str]] = set()
    found = []
    for step in steps:
        want = ENTERED_VIA.get(step.pose.slug)
        if want is not None and not ((want[0], step.side) in seen or (want[0], Side.BOTH) in seen):
            found.append((step, want[1]))
        seen.add((step.pose.slug, step.side))
    return found


def same_kind_runs(steps: Iterable[Step]) -> list[list[Step]]:
    """Runs of three or more different poses in a row of one category among NOT_THREE_IN_A_ROW
    and one floor position (three seated twists; the other side of a pose is the same pose)."""
    poses: list[Step] = []
    for step in steps:
        if not poses or poses[-1].pose.slug != step.pose.slug:
            poses.append(step)
    runs, run = [], []
    for step in [*poses, None]:
        kind = (step.pose.category, step.pose.position) if step else None
        if run and (run[-1].pose.category, run[-1].pose.position) == kind:
            run.append(step)
            continue
        if len({s.pose.slug for s in run}) >= 3:
            runs.append(run)
        counted = step and step.pose.category in NOT_THREE_IN_A_ROW
        run = [step] if counted and step.pose.position in FLOOR_POSITIONS else []
    return runs


def _bends_the_neck_under_load(step: Step) -> bool:
    """Shoulder Stand, Plough, Snail: upside down with the chin pressed to the chest."""
    cautions = step.pose.cautions
    return (
        Caution.INVERSION in cautions
        and Caution.NECK_LOAD in cautions
        and Caution.FALL_RISK not in cautions
    )


def _level(step: Step) -> str | None:
    """ "floor", "standing", or None where the body passes between them (Down Dog, Plank,
    arm balances, inversions) or only passes through in a flow."""
    if step.duration_seconds <= PASSING_SECONDS:
        return None
    if step.pose.position in FLOOR_POSITIONS:
        return "floor"
    if step.pose.position == Position.STANDING:
        return "standing"
    return None


def level_changes(steps: Iterable[Step]) -> list[Step]:
    """The steps where the practice comes down to the floor or up to standing."""
    changes, level = [], None
    for step in steps:
        here = _level(step)
        if here is None:
            continue
        if level is not None and here != level:
            changes.append(step)
        level = here
    return changes


# --- the rules ----------------------------------------------------------------------


def _one_sided(steps: list[Step]) -> list[Finding]:
    """Each left/right of a bilateral pose pairs with the other side of it, earlier or later."""
    waiting: dict[str, list[Step]] = {}
    for step in steps:
        if not step.pose.is_bilateral or step.side not in OTHER_SIDE:
            continue
        pending = waiting.setdefault(step.pose.slug, [])
        partner = next((p for p in pending if p.side == OTHER_SIDE[step.side]), None)
        if partner is not None:
            pending.remove(partner)
        else:
            pending.append(step)
    unpaired = sorted((s for pending in waiting.values() for s in pending), key=_position)
    return [
        Finding(
            "one_sided",
            ERROR,
            f"{_poses([step])} is done on the {step.side} side only; "
            f"add the {OTHER_SIDE[step.side]} side.",
            (step.position,),
        )
        for step in unpaired
    ]


def _no_final_relaxation(steps: list[Step]) -> list[Finding]:
    """Over ten minutes, the practice ends lying still (breathing practices may follow), or
    with a meditation such as a body scan (a bedtime or chair practice may end seated)."""
    total = sum(step.seconds for step in steps)
    if not steps or total <= FINAL_RELAXATION_AFTER_SECONDS:
        return []
    if steps[-1].pose.kind == Kind.MEDITATION:
        return []
    body = list(steps)
    while body and body[-1].pose.is_breathing:
        body.pop()
    if body and is_final_relaxation(body[-1].pose):
        return []
    last = body[-1] if body else steps[-1]
    return [
        Finding(
            "no_final_relaxation",
            WARNING,
            f"The practice is over 10 minutes but ends with {_poses([last])}; "
            "end lying still in a final relaxation such as Corpse Pose (Side-Lying Savasana "
            "in pregnancy), or with a body scan or a seated meditation.",
            (last.position,),
        )
    ]


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


def _suggest(options, avoided: frozenset[str], *, joiner: str = "or") -> str:
    """The names among `options` ((name, cautions) pairs) whose cautions the avoid choices
    leave in, as "A, B or C"; "" when the choices leave out every one."""
    names = [name for name, cautions in options if not cautions & avoided]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


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


def _is_peak(step: Step) -> bool:
    inversion = step.pose.category == Category.INVERSION or Caution.INVERSION in step.pose.cautions
    return step.pose.difficulty == Difficulty.ADVANCED or (
        inversion and step.pose.difficulty in (Difficulty.INTERMEDIATE, Difficulty.ADVANCED)
    )


def _no_warm_up(steps: list[Step]) -> list[Finding]:
    findings = []
    for index, step in enumerate(steps[:WARM_UP_POSES]):
        if not _is_peak(step):
            continue
        findings.append(
            Finding(
                "no_warm_up",
                ERROR if index == 0 else WARNING,
                f"{_poses([step])} comes {'first' if index == 0 else 'second'}, with "
                f"{'no' if index == 0 else 'too little'} warm-up before it; start with a few "
                "gentle poses first.",
                (step.position,),
            )
        )
    return findings


# (poses of this level, in a sequence labelled this level): severity
TOO_ADVANCED = {
    (Difficulty.ADVANCED, Difficulty.BEGINNER): ERROR,
    (Difficulty.ADVANCED, Difficulty.INTERMEDIATE): WARNING,
    (Difficulty.INTERMEDIATE, Difficulty.BEGINNER): HINT,
}


def _too_advanced(steps: list[Step], *, difficulty: str) -> list[Finding]:
    """Poses above the labelled level, wherever they are in the sequence."""
    findings = []
    for (level, labelled), severity in TOO_ADVANCED.items():
        if labelled != difficulty:
            continue
        found = [step for step in steps if step.pose.difficulty == level]
        if found:
            verb = "is" if len(found) == 1 else "are"
            findings.append(
                Finding(
                    "too_advanced",
                    severity,
                    f"{_poses(found)} {verb} {level}, in a sequence labelled {labelled}; "
                    + (
                        "replace them or raise the level."
                        if severity == ERROR
                        else "offer a simpler option or raise the level."
                    ),
                    tuple(step.position for step in found),
                )
            )
    return findings


def _repeated_pose(steps: list[Step]) -> list[Finding]:
    """Right then left of the same pose is fine; the same pose on the same side twice is not."""
    findings = []
    for before, step in zip(steps, steps[1:], strict=False):
        same_side = not step.pose.is_bilateral or before.side == step.side
        if before.pose.slug == step.pose.slug and same_side:
            findings.append(
                Finding(
                    "repeated_pose",
                    WARNING,
                    f"{_poses([before, step])} are the same pose twice in a row; "
                    "hold it longer once, or put another pose between.",
                    (before.position, step.position),
                )
            )
    return findings


def _longest_hold_words(style: str | None) -> str:
    if style in LONG_HOLD_STYLES:
        return f"its longest hold in {Style(style).label.lower()} practice"
    return "its longest hold in an active practice" if style in Style.values else "its longest hold"


def _hold_outside_range(steps: list[Step], *, style: str | None) -> list[Finding]:
    """Every hold within its pose's range for the style: past the longest hold is a warning,
    twice past it an error (a 10-minute Plank); short of the shortest hold, a hint."""
    findings, short = [], []
    for step in steps:
        low, high = step.pose.hold_range(style)
        if step.duration_seconds > high:
            severity = ERROR if step.duration_seconds >= 2 * high else WARNING
            findings.append(
                Finding(
                    "hold_too_long",
                    severity,
                    f"{_poses([step])} is held {_minutes(step.duration_seconds)}"
                    f"{' each side' if step.seconds > step.duration_seconds else ''}; "
                    f"{_longest_hold_words(style)} is {_minutes(high)}. Hold it for less, or "
                    "come out, rest and repeat it.",
                    (step.position,),
                )
            )
        elif step.duration_seconds < low:
            short.append(step)
    if short:
        verb = "is" if len(short) == 1 else "are"
        shortest = ", ".join(
            f"{step.pose.name} {_minutes(step.pose.hold_range(style)[0])}" for step in short
        )
        findings.append(
            Finding(
                "hold_too_short",
                HINT,
                f"{_poses(short)} {verb} held less than the time the pose needs to settle "
                f"(at least: {shortest}).",
                tuple(step.position for step in short),
            )
        )
    return findings


def _up_and_down(steps: list[Step]) -> list[Finding]:
    """Down to the floor and up again more than twice: group floor and standing work."""
    changes = level_changes(steps)
    if len(changes) <= MOST_LEVEL_CHANGES:
        return []
    at = _poses(changes)
    return [
        Finding(
            "up_and_down",
            WARNING,
            f"The practice moves between the floor and standing {len(changes)} times (at "
            f"{at[0].lower()}{at[1:]}); group the floor poses and the standing poses so the "
            "class comes up once and goes down once.",
            tuple(step.position for step in changes),
        )
    ]


def _off_target(steps: list[Step], *, target_seconds: int | None) -> list[Finding]:
    if not target_seconds:
        return []
    total = sum(step.seconds for step in steps)
    if abs(total - target_seconds) <= TARGET_TOLERANCE * target_seconds:
        return []
    direction = "longer" if total > target_seconds else "shorter"
    return [
        Finding(
            "off_target",
            WARNING,
            f"The practice takes {_minutes(total)}, far {direction} than the "
            f"{_minutes(target_seconds)} aimed for; "
            + (
                "remove poses or shorten holds."
                if direction == "longer"
                else "add poses or lengthen holds."
            ),
            (),
        )
    ]


def _too_long(steps: list[Step], *, target_seconds: int | None) -> list[Finding]:
    """A saved sequence (no target) past two hours."""
    total = sum(step.seconds for step in steps)
    if target_seconds or total <= LONGEST_PRACTICE_SECONDS:
        return []
    return [
        Finding(
            "too_long",
            WARNING,
            f"The practice takes {_minutes(total)}, longer than a practice of two hours; "
            "shorten holds, or split it into two practices.",
            (),
        )
    ]


def _not_entered_from(steps: list[Step]) -> list[Finding]:
    """Reverse Warrior is entered from Warrior II on the same side."""
    return [
        Finding(
            "not_entered_from",
            WARNING,
            f"{_poses([step])} is entered from {want}, which does "
            "not come before it on that side; hold that pose first and move from it.",
            (step.position,),
        )
        for step, want in not_entered_from(steps)
    ]


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


def _same_kind_in_a_row(steps: list[Step]) -> list[Finding]:
    """Three seated twists or three seated folds in a row: one held longer reads better."""
    runs = same_kind_runs(step for step in steps if _held(step))
    return [
        Finding(
            "same_kind_in_a_row",
            HINT,
            f"{_poses(run)} are {len(run)} {Category(run[0].pose.category).label.lower()}s in a "
            "row from one position; keep one or two, held a little longer, or put another "
            "shape between.",
            tuple(step.position for step in run),
        )
        for run in runs
    ]


def _identical_round(steps: list[Step]) -> list[Finding]:
    """A flow of poses held on each side repeated word for word straight after itself (the
    same poses, sides and holds): a second round progresses — a pose more, a bind, longer
    holds. (Sun Salutations, passed through a breath a movement, are repeated by design.)"""
    keys = [(s.pose.slug, s.side, s.duration_seconds) for s in steps]
    findings, index = [], 0
    while index < len(steps):
        found = 0
        for size in range(len(steps[index:]) // 2, ROUND_STEPS - 1, -1):
            if keys[index] != keys[index + size]:
                continue  # not a round again from its first step (no slices compared)
            run = steps[index : index + size]
            if keys[index : index + size] == keys[index + size : index + 2 * size] and any(
                step.side in OTHER_SIDE and _held(step) for step in run
            ):
                found = size
                break
        if not found:
            index += 1
            continue
        again = steps[index + found : index + 2 * found]
        findings.append(
            Finding(
                "identical_round",
                HINT,
                f"{_poses([again[0], again[-1]])} repeat the {found} poses before them "
                "word for word; let the second round progress (hold longer, add a pose or a "
                "bind) or choose another flow.",
                tuple(step.position for step in again),
            )
        )
        index += 2 * found
    return findings


def _position(item) -> int:
    return item.position


def _sort_key(finding: Finding):
    first = min(finding.positions) if finding.positions else 0
    return (SEVERITY_ORDER[finding.severity], first, finding.code)


def check_sequence(
    steps: Iterable[Step],
    *,
    difficulty: str,
    style: str | None = None,
    target_seconds: int | None = None,
    avoid: Iterable[str] = (),
) -> list[Finding]:
    """Every rule's findings for the steps in practice order: errors first, then by position.
    `style` picks the hold ranges (the long ones in yin and restorative practice); `avoid`
    (accounts.models.Avoidance values) keeps the poses it leaves out of the suggestions."""
    avoided = cautions_avoided(avoid)
    steps = list(steps)
    if any(not step.position for step in steps):
        steps = numbered(steps)
    findings = [
        *_one_sided(steps),
        *_no_final_relaxation(steps),
        *_backbend_not_neutralised(steps, avoided),
        *_inversion_not_countered(steps, avoided),
        *_no_warm_up(steps),
        *_too_advanced(steps, difficulty=difficulty),
        *_repeated_pose(steps),
        *_hold_outside_range(steps, style=style),
        *_up_and_down(steps),
        *_off_target(steps, target_seconds=target_seconds),
        *_too_long(steps, target_seconds=target_seconds),
        *_not_entered_from(steps),
        *_fold_before_warm_spine(steps, style=style, avoided=avoided),
        *_same_kind_in_a_row(steps),
        *_identical_round(steps),
    ]
    return sorted(findings, key=_sort_key)


def avoid_of(user) -> list[str]:
    """The avoid choices on a reader's profile ([] for an anonymous reader)."""
    return list(getattr(user, "avoid", None) or ())


def findings_for(sequence, *, avoid: Iterable[str] = ()) -> list[Finding]:
    """The checks of a saved sequence against its own labelled level and style; `avoid`: the
    reader's avoid choices (their profile's), which the suggestions respect. A saved sequence
    keeps no avoid list of its own."""
    return check_sequence(
        steps_for(sequence), difficulty=sequence.difficulty, style=sequence.style, avoid=avoid
    )
