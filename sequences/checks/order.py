"""Sides and order: both sides of a bilateral pose, no pose twice in a row, a pose after
the one it is entered from, no three seated twists or folds in a row, and no round
copied word for word."""

from collections.abc import Iterable

from poses.models import FLOOR_POSITIONS, Category
from sequences.checks.common import ERROR, HINT, OTHER_SIDE, WARNING, Finding, _held, _poses
from sequences.checks.rounds import copied_rounds
from sequences.models import Side
from sequences.steps import Step

# A pose entered from another one: Reverse Warrior is Warrior II with the front arm lifted
# back, so it follows Warrior II on the same side.
ENTERED_VIA = {"reverse-warrior": ("warrior-ii", "Warrior II")}
# Shapes that are not taught three different ways in a row on the floor (three seated twists,
# three seated folds).
NOT_THREE_IN_A_ROW = frozenset({Category.TWIST, Category.FORWARD_FOLD})


# --- what a pose is, as the rules see it -------------------------------------------


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
    holds (the shared rule, `rounds.copied_rounds`)."""
    keys = [(s.pose.slug, s.side, s.duration_seconds) for s in steps]
    findings = []
    for start, size in copied_rounds(keys):
        again = steps[start : start + size]
        findings.append(
            Finding(
                "identical_round",
                HINT,
                f"{_poses([again[0], again[-1]])} repeat the {size} poses before them "
                "word for word; let the second round progress (hold longer, add a pose or a "
                "bind) or choose another flow.",
                tuple(step.position for step in again),
            )
        )
    return findings


def _position(item) -> int:
    return item.position
