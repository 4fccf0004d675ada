"""What comes last before the peak (teacher review r12 F4, F15), as a teacher reads it on the
printed practice."""

from poses.models import Position
from sequences.generator.lead_in import (
    floor_core,
    level,
    misplaced_balances,
    standing_peak,
    stood_before,
)
from sequences.generator.quality.common import held


def _balance_last(practice) -> list[str]:
    """Before a standing peak (not itself a balance), the run of single standing holds straight
    before it teaches the standing balances first and the poses sharing the peak's stance last
    (F4: Eagle last before Side Lunge, Goddess three poses earlier)."""
    peak = practice.peak
    if peak is None or not standing_peak(peak.pose):
        return []
    run = []
    for step in reversed(practice.steps[: peak.position - 1]):
        if step.phase != "build" or step.flow or step.pose.position != Position.STANDING:
            break
        run.insert(0, step.pose)
    out = misplaced_balances(run, peak.pose)
    return [f"{name} out of order before {peak.pose.name}" for name in out]


def _floor_in_the_lead_in(practice) -> list[str]:
    """Before an arm-balance peak, no floor core work after the build's first standing hold
    where the class had not stood before it (F15: Crow, then Boat, Knees-to-Chest, Boat, then
    Side Crow; the core block belongs at the start of the build, still on the floor)."""
    peak = practice.peak
    if peak is None or peak.pose.position != Position.ARM_BALANCE:
        return []
    steps = practice.steps[: peak.position - 1]
    first = next(
        (n for n, s in enumerate(steps) if s.phase == "build" and level(s.pose) == "standing"),
        None,
    )
    if first is None or stood_before([s.pose for s in steps[:first]]):
        return []
    return [
        f"{s.pose.name} on the floor between the standing work and {peak.pose.name}"
        for s in steps[first + 1 :]
        if s.phase == "build" and floor_core(s.pose) and held(s)
    ]


RULES = {"balance_last": _balance_last, "floor_in_the_lead_in": _floor_in_the_lead_in}
