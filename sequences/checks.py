"""Sequence checks: the rules a yoga teacher applies to an ordered list of poses.

Pure functions over plain `Step`s (no database), so the pages, the API and the
generator ask the same questions and tests run fast. Each finding has a stable
code, a severity ("error", "warning" or "hint") and a message naming the
positions (1-based, in practice order) it is about.
"""

from collections.abc import Iterable
from collections.abc import Sequence as SequenceOf
from dataclasses import dataclass

from poses.models import Category, Caution, Difficulty
from sequences.models import Side, practice_seconds

ERROR = "error"
WARNING = "warning"
HINT = "hint"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, HINT: 2}

RELAXATION_SLUGS = frozenset({"corpse", "corpse-pose", "savasana"})
NEUTRALISING_SLUGS = frozenset({"childs-pose", "knees-to-chest"})
NEUTRALISING_CATEGORIES = frozenset({Category.FORWARD_FOLD, Category.TWIST, Category.RESTORATIVE})
FINAL_RELAXATION_AFTER_SECONDS = 10 * 60
NEUTRALISE_WITHIN = 2
WARM_UP_POSES = 2
TARGET_TOLERANCE = 0.2
OTHER_SIDE = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}


@dataclass(frozen=True)
class Step:
    position: int
    slug: str
    name: str
    category: str
    difficulty: str
    cautions: tuple = ()
    is_bilateral: bool = False
    side: str = Side.BOTH
    duration_seconds: int = 30

    @property
    def label(self) -> str:
        return f"{self.position} ({self.name})"

    @property
    def seconds(self) -> int:
        return practice_seconds(
            duration_seconds=self.duration_seconds, side=self.side, is_bilateral=self.is_bilateral
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


def _one_sided(steps: list[Step]) -> list[Finding]:
    """Each left/right of a bilateral pose pairs with the other side of it, earlier or later."""
    waiting: dict[str, list[Step]] = {}
    for step in steps:
        if not step.is_bilateral or step.side not in OTHER_SIDE:
            continue
        pending = waiting.setdefault(step.slug, [])
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


def _is_relaxation(step: Step) -> bool:
    return step.slug in RELAXATION_SLUGS or step.category == Category.RESTORATIVE


def _no_final_relaxation(steps: list[Step]) -> list[Finding]:
    total = sum(step.seconds for step in steps)
    if not steps or total <= FINAL_RELAXATION_AFTER_SECONDS or _is_relaxation(steps[-1]):
        return []
    last = steps[-1]
    return [
        Finding(
            "no_final_relaxation",
            WARNING,
            f"The practice is over 10 minutes but ends with {_poses([last])}; "
            "end with a relaxation pose such as Corpse Pose.",
            (last.position,),
        )
    ]


def _is_deep_backbend(step: Step) -> bool:
    return Caution.DEEP_BACKBEND in step.cautions


def _neutralises(step: Step) -> bool:
    return step.slug in NEUTRALISING_SLUGS or step.category in NEUTRALISING_CATEGORIES


def _backbend_not_neutralised(steps: list[Step]) -> list[Finding]:
    """Backbends in a row (both sides of Wild Thing, say) need one neutralising pose after them."""
    findings = []
    block: list[Step] = []
    for index, step in enumerate(steps):
        if not _is_deep_backbend(step):
            continue
        block.append(step)
        if index + 1 < len(steps) and _is_deep_backbend(steps[index + 1]):
            continue
        after = steps[index + 1 : index + 1 + NEUTRALISE_WITHIN]
        if not any(_neutralises(s) for s in after):
            what = "is a deep backbend" if len(block) == 1 else "are deep backbends"
            findings.append(
                Finding(
                    "backbend_not_neutralised",
                    WARNING,
                    f"{_poses(block)} {what} not followed"
                    " within two poses by a neutralising pose; add Child's Pose, "
                    "a forward fold, a twist or Knees-to-Chest.",
                    tuple(s.position for s in block),
                )
            )
        block = []
    return findings


def _is_peak(step: Step) -> bool:
    inversion = step.category == Category.INVERSION or Caution.INVERSION in step.cautions
    return step.difficulty == Difficulty.ADVANCED or (
        inversion and step.difficulty in (Difficulty.INTERMEDIATE, Difficulty.ADVANCED)
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


def _too_advanced(steps: list[Step], *, difficulty: str) -> list[Finding]:
    if difficulty != Difficulty.BEGINNER:
        return []
    findings = []
    for level, severity in ((Difficulty.ADVANCED, ERROR), (Difficulty.INTERMEDIATE, HINT)):
        found = [step for step in steps if step.difficulty == level]
        if found:
            verb = "is" if len(found) == 1 else "are"
            findings.append(
                Finding(
                    "too_advanced",
                    severity,
                    f"{_poses(found)} {verb} {level}, in a sequence labelled beginner; "
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
        same_side = not step.is_bilateral or before.side == step.side
        if before.slug == step.slug and same_side:
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


def _minutes(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s" if rest else f"{minutes} min"


def _position(item) -> int:
    return item.position


def _sort_key(finding: Finding):
    first = min(finding.positions) if finding.positions else 0
    return (SEVERITY_ORDER[finding.severity], first, finding.code)


def check_sequence(
    steps: Iterable[Step], *, difficulty: str, target_seconds: int | None = None
) -> list[Finding]:
    """Every rule's findings for the steps in practice order: errors first, then by position."""
    steps = list(steps)
    findings = [
        *_one_sided(steps),
        *_no_final_relaxation(steps),
        *_backbend_not_neutralised(steps),
        *_no_warm_up(steps),
        *_too_advanced(steps, difficulty=difficulty),
        *_repeated_pose(steps),
        *_off_target(steps, target_seconds=target_seconds),
    ]
    return sorted(findings, key=_sort_key)


def steps_for(sequence) -> list[Step]:
    """Steps from a saved sequence's items (prefetch `items__pose` to stay at no extra query)."""
    return [
        Step(
            position=position,
            slug=item.pose.slug,
            name=item.pose.name_en,
            category=item.pose.category,
            difficulty=item.pose.difficulty,
            cautions=tuple(item.pose.cautions or ()),
            is_bilateral=item.pose.is_bilateral,
            side=item.side,
            duration_seconds=item.duration_seconds,
        )
        for position, item in enumerate(sequence.items.all(), start=1)
    ]


def findings_for(sequence) -> list[Finding]:
    """The checks of a saved sequence against its own labelled level."""
    return check_sequence(steps_for(sequence), difficulty=sequence.difficulty)
