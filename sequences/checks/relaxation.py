"""Final relaxation: what one is, and a practice over ten minutes that ends without
one."""

from poses.models import Category, Caution, Effort, Kind, Position
from sequences.checks.common import WARNING, Finding, _poses
from sequences.steps import PoseCard, Step

RELAXATION_SLUGS = frozenset({"corpse", "corpse-pose", "savasana"})
LYING_POSITIONS = frozenset({Position.SUPINE, Position.SIDE_LYING, Position.PRONE})
FINAL_RELAXATION_AFTER_SECONDS = 10 * 60


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


# --- the rules ----------------------------------------------------------------------


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
