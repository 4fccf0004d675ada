"""A core hold no longer a round than the level keeps its form, a beginner resting between
rounds as long as a round (blind review r12 F11, r11 F3: a beginner's Forearm Plank 3 x 45 s
with 20 s rests). The rule lives in `sequences.generator.core_holds`."""

from sequences.generator.core_holds import RESTS_AS_LONG, is_core_hold, round_most


def _core_hold_level(practice) -> list[str]:
    """No core hold (Plank, Forearm Plank, Side Plank, Chaturanga, Boat, Half Boat) held longer
    a round than `core_holds.ROUND_MOST` at the practice's level (a beginner 30 s, an
    intermediate student 60 s); a beginner's rest between two rounds of one at least as long
    as the rounds."""
    level = practice.choices.level
    found = []
    for step in practice.steps:
        most = round_most(step.pose, level)
        if most is not None and step.duration_seconds > most:
            found.append(f"{step.pose.slug} {step.duration_seconds} s at step {step.position}")
    if level in RESTS_AS_LONG:
        steps = [s for s in practice.steps if not s.flow]
        for a, rest, b in zip(steps, steps[1:], steps[2:], strict=False):
            if (
                is_core_hold(a.pose)
                and a.pose.slug == b.pose.slug
                and a.side == b.side
                and rest.pose.slug != a.pose.slug
                and b.position - a.position == 2
                and rest.duration_seconds < max(a.duration_seconds, b.duration_seconds)
            ):
                found.append(
                    f"{rest.pose.slug} {rest.duration_seconds} s between {a.pose.slug} rounds "
                    f"of {max(a.duration_seconds, b.duration_seconds)} s at step {rest.position}"
                )
    return found


RULES = {
    "core_hold_level": _core_hold_level,
}
