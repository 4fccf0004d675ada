"""The cool-down goes one way, from work to rest (issue 11, blind teacher review r11b, plan 2:
Reclined Bound Angle held two minutes, then the active Bridge: rest → work → rest)."""

from sequences.generator.settling import back_to_work


def _cool_down_one_way(practice) -> list[str]:
    """No active pose after a lying supported rest in the counter-pose and cool-down
    (`settling.lying_rest`)."""
    return back_to_work(practice.steps)


RULES = {"cool_down_one_way": _cool_down_one_way}
