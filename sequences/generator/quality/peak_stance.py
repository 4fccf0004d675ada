"""A square-hip peak prepared in the square stance (teacher review r11 F8), as a teacher reads
it on the printed practice."""

from sequences.generator.peak_stance import (
    LUNGE_STANCE,
    OPEN_STANCE,
    opens_to_the_side,
    square_hip_peak,
)


def _square_peak_stance(practice) -> list[str]:
    """Before a square-hip peak (Monkey Pose, Half Splits, Pyramid) the standing flow nearest
    it is in the lunge stance, not the open stance, the hips turned out to the side (Warrior
    II → Reverse Warrior → Extended Side Angle): that flow does not open what the peak needs.
    A flow is in the open stance with peak_stance.OPEN_FLOW_POSES of its shapes or more: a
    Triangle in a linked flow of hamstring stretches (Wide-Legged Fold → Triangle) lengthens
    what the splits need (vocabulary.HAMSTRINGS)."""
    peak = practice.peak
    if peak is None or not square_hip_peak(peak.pose):
        return []
    flows: dict[str, set[str]] = {}
    for step in practice.steps:
        if step.phase == "build" and step.flow and not step.flow.startswith("Sun Salutation"):
            flows.setdefault(step.flow, set()).add(step.pose.slug)
    standing = [f for f, slugs in flows.items() if slugs & (OPEN_STANCE | LUNGE_STANCE)]
    if not standing:
        return []
    if opens_to_the_side(flows[standing[-1]]):
        opened = ", ".join(sorted(flows[standing[-1]] & OPEN_STANCE))
        return [f"{peak.pose.slug} after a flow with the hips open to the side: {opened}"]
    return []


RULES = {"square_peak_stance": _square_peak_stance}
