"""No stack of knee-loading turn-outs before a peak that does not ask for them (blind review
r17 F7; `generator.knee_rotations`):

- `knee_turn_outs_stacked`: in one run of floor work before the peak, at most two of Half
  Lotus, Lotus, Cow Face and Fire Log, unless the peak itself turns the hip out (F7: Half
  Lotus, Bound Angle, Cow Face, Revolved Head-to-Knee, Fire Log, then Monkey Pose).
"""

from sequences.generator.knee_rotations import stacked


def _knee_turn_outs_stacked(practice) -> list[str]:
    peak = practice.peak
    if peak is None:
        return []
    steps = practice.steps
    at = next(n for n, s in enumerate(steps) if s is peak)
    return [
        f"{steps[n].pose.slug} at {n + 1}, a third turn-out before {peak.pose.slug}"
        for n in stacked(steps, at)
    ]


RULES = {"knee_turn_outs_stacked": _knee_turn_outs_stacked}
