"""Shapes part-way between two figures, so a player can draw a transition frame by frame."""

import copy

from poses.figures.body import JOINT_RANGES


def _wrap(value: float) -> float:
    """Bring an angle back into −180..180 only when it has left it (180 stays 180)."""
    while value > 180:
        value -= 360
    while value < -180:
        value += 360
    return value


def _between(a: float, b: float, t: float) -> float:
    """The short way round; exact at both ends (t = 0 gives a, t = 1 gives b)."""
    delta = _wrap(b - a)
    if delta == -180:
        delta = 180
    return a + delta * t if t < 0.5 else b - delta * (1 - t)


def _into(value: float, low: float, high: float) -> float:
    """The same direction expressed inside the joint's range, or the nearest end of it."""
    for turn in (0, 360, -360):
        if low <= value + turn <= high:
            return value + turn
    return min(max(value, low), high)


def interpolate(figure_a: dict, figure_b: dict, t: float) -> dict:
    """The figure a fraction `t` (0..1) of the way from `figure_a` to `figure_b`.

    Joint angles turn the short way round, depths move linearly (a missing value is 0),
    and what cannot blend (view, near side, props, contacts, marks) comes from the nearer end;
    the result is placed on the floor like any figure when rendered. Joints the chosen
    view does not allow are clamped into its range.
    """
    if not 0 <= t <= 1:
        raise ValueError(f"t must be between 0 and 1, not {t}")
    nearer = figure_a if t < 0.5 else figure_b
    result = {key: copy.deepcopy(value) for key, value in nearer.items()}
    angles_a, angles_b = figure_a.get("angles", {}), figure_b.get("angles", {})
    ranges = JOINT_RANGES[nearer["view"]]
    angles = {}
    for joint in sorted(set(angles_a) | set(angles_b), key=list(ranges).index):
        low, high = ranges[joint]
        value = _between(angles_a.get(joint, 0), angles_b.get(joint, 0), t)
        if value or joint in nearer.get("angles", {}):
            angles[joint] = _into(value, low, high)
    result["angles"] = angles
    depth_a, depth_b = figure_a.get("depth", {}), figure_b.get("depth", {})
    depth = {}
    for segment in sorted(set(depth_a) | set(depth_b)):
        a, b = depth_a.get(segment, 0), depth_b.get(segment, 0)
        value = a + (b - a) * t if t < 0.5 else b - (b - a) * (1 - t)
        if value or segment in nearer.get("depth", {}):
            depth[segment] = value
    if depth or "depth" in nearer:
        result["depth"] = depth
    return result
