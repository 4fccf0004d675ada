"""A squat next to the floor work it leads to, and the lead-in to the peak one way in level
(blind review r17 F1, F4; `generator.squat_order`):

- `squat_between_standing`: no squat (Garland) held between two standing poses (F1: Mountain,
  Garland, Wide-Legged Forward Fold; F4: Revolved Chair, Garland, Wide-Legged Forward Fold).
- `lead_in_one_way`: from the last standing pose to the peak the class goes through each
  level once (F4: Wide-Legged Forward Fold, Crow, Half Boat ×3, Firefly: squat, sit, squat).
"""

from sequences.generator.squat_order import back_again, held_between_standing, lead_heights


def _squat_between_standing(practice) -> list[str]:
    steps = practice.steps
    return [
        f"{s.pose.slug} at {s.position} between {steps[n - 1].pose.slug} and "
        f"{steps[n + 1].pose.slug}"
        for n, s in enumerate(steps)
        if held_between_standing(steps, n)
    ]


def _lead_in_one_way(practice) -> list[str]:
    peak = practice.peak
    if peak is None:
        return []
    at = next(n for n, s in enumerate(practice.steps) if s is peak)
    heights = lead_heights(practice.steps, at)
    return [f"levels {heights} before {peak.pose.slug}"] if back_again(heights) else []


RULES = {
    "squat_between_standing": _squat_between_standing,
    "lead_in_one_way": _lead_in_one_way,
}
