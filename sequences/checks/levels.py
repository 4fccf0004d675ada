"""Floor and standing: where the practice goes down or comes up, and a practice that
moves between them more than twice (ping-pong)."""

from collections.abc import Iterable

from poses.models import FLOOR_POSITIONS, Position
from sequences.checks.common import PASSING_SECONDS, WARNING, Finding, _poses
from sequences.steps import Step

# Floor to standing and back: once up and once down is a class; more is ping-pong.
MOST_LEVEL_CHANGES = 2
# The standing poses held low, in a squat (the library's position for them is "standing"):
# the way between standing and the floor, as Down Dog is (review r17 F4: Half Boat, Garland,
# Crow, Firefly comes up from the floor once, into the squat the arm balance lifts from).
SQUATS = frozenset({"garland"})


# --- what a pose is, as the rules see it -------------------------------------------


def _level(step: Step) -> str | None:
    """ "floor", "standing", or None where the body passes between them (Down Dog, Plank,
    arm balances, inversions, a squat) or only passes through in a flow."""
    if step.duration_seconds <= PASSING_SECONDS or step.pose.slug in SQUATS:
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
