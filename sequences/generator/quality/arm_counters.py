"""The counter-pose of a peak that bears weight on the arms rests them (issue 11, blind
teacher review r11b, plan 2: Reclined Bound Angle, a chest opener, "opening the front of the
body" after Three-Legged Dog, whose load was the wrists and shoulders)."""

from sequences.generator.arm_counters import (
    bears_weight_on_the_arms,
    claims_rest_for_the_arms,
    rests_the_arms,
)


def _arms_rest(practice) -> list[str]:
    """After Down Dog's family or an arm balance, the last counter-pose (after any wrist
    release and extension, `Planner.release_the_wrists`) rests the arms
    (`arm_counters.rests_the_arms`); and no counter-pose is said to rest them unless it does."""
    peak = practice.peak
    counters = [s for s in practice.steps if s.phase == "counter"]
    problems = [
        f"{s.pose.slug} said to rest the arms" for s in counters
        if claims_rest_for_the_arms(s.cue) and not rests_the_arms(s.pose)
    ]  # fmt: skip
    if peak is None or not counters or not bears_weight_on_the_arms(peak.pose):
        return problems
    last = counters[-1].pose
    if not rests_the_arms(last):
        problems.append(f"{last.slug} answers {peak.pose.slug}, which loaded the arms")
    return problems


RULES = {"arms_rest": _arms_rest}
