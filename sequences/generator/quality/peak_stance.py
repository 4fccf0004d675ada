"""A square-hip peak prepared in the square stance (teacher review r11 F8), as a teacher reads
it on the printed practice."""

from sequences.generator.peak_stance import OPEN_STANCE, square_hip_peak

# Shapes of the open stance that make a flow an open-stance flow (Warrior II → Reverse Warrior).
OPEN_FLOW_POSES = 2


def _square_peak_stance(practice) -> list[str]:
    """Before a square-hip peak (Monkey Pose, Half Splits, Pyramid) the build's standing flows
    are in the lunge stance, never the open stance, the hips turned out to the side (Warrior
    II → Reverse Warrior → Extended Side Angle): that flow does not open what the peak needs.
    A flow is in the open stance with OPEN_FLOW_POSES of its shapes or more: a Triangle in a
    linked flow of hamstring stretches (Wide-Legged Fold → Triangle) lengthens what the
    splits need (vocabulary.HAMSTRINGS)."""
    peak = practice.peak
    if peak is None or not square_hip_peak(peak.pose):
        return []
    flows: dict[str, set[str]] = {}
    for step in practice.steps:
        if step.phase == "build" and step.flow and step.pose.slug in OPEN_STANCE:
            flows.setdefault(step.flow, set()).add(step.pose.slug)
    return [
        f"{peak.pose.slug} after a flow with the hips open to the side: {', '.join(sorted(open_))}"
        for open_ in flows.values()
        if len(open_) >= OPEN_FLOW_POSES
    ]


RULES = {"square_peak_stance": _square_peak_stance}
