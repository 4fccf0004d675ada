"""The way down to the belly is said only where the step is entered that way, and a held
pose names where it comes down from (blind review r11 F7: Crocodile and Sphinx cued "Knees
down on a folded blanket, lower all the way to the belly" with nothing to say it is the way
down from the Plank held before). The rule lives in `sequences.generator.lowering`."""

from sequences.generator import lowering


def _lowering_named(practice) -> list[str]:
    """Every step that says "lower all the way to the belly" comes down from a Plank or
    Chaturanga (or is the step that lowers, or a compact vinyasa naming both), and a held pose
    names it: "From Plank Pose: Knees down, ..."."""
    problems, before = [], None
    for step in practice.steps:
        if lowering.unnamed(before and before.pose, step.pose, step.cue, step.flow):
            came = f"{before.pose.slug} → " if before is not None else ""
            problems.append(f"{came}{step.pose.slug} at step {step.position}: {step.cue}")
        before = step
    return problems


RULES = {
    "lowering_named": _lowering_named,
}
