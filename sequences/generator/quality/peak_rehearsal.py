"""The peak rehearsed and standing out, as a teacher reads it on the printed practice (review
r15 F15, F18)."""

from sequences.generator.peak_rehearsal import asks_one_leg_last, one_leg
from sequences.generator.quality.common import held


def _balance_peak_rehearsed(practice) -> list[str]:
    """Before a one-leg balance peak, the last pose held in the build stands on one leg where
    the build holds one on its own (F18: Goddess last before Warrior III, Tree three poses
    earlier); not before Tree, the gentlest, nor a peak whose needs lead into it
    (`peak_rehearsal.asks_one_leg_last`)."""
    peak = practice.peak
    if peak is None or not asks_one_leg_last(peak.pose):
        return []
    before = [s for s in practice.steps[: peak.position - 1] if held(s)]
    if not before or before[-1].phase != "build" or one_leg(before[-1].pose):
        return []
    last = before[-1]
    # Where no one-leg balance below the peak was left to the class (an avoid list, avoided
    # poses), none is held on its own (a flow's Half Moon is passed on): the figure reads one
    # held on its own in the build but not last.
    if not any(s.phase == "build" and not s.flow and one_leg(s.pose) for s in before):
        return []
    return [f"{last.pose.name} last before {peak.pose.name}, not on one leg"]


RULES = {"balance_peak_rehearsed": _balance_peak_rehearsed}
