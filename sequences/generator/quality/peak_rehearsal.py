"""The peak rehearsed and standing out, as a teacher reads it on the printed practice (review
r15 F15, F18)."""

from sequences.generator.peak_rehearsal import asks_one_leg_last, one_leg
from sequences.generator.quality.common import held


def _balance_peak_rehearsed(practice) -> list[str]:
    """Before a one-leg balance peak, the last pose held in the build stands on one leg
    (F18: Goddess last before Warrior III, Tree three poses earlier); not before Tree, the
    gentlest, nor a peak whose needs lead into it (`peak_rehearsal.asks_one_leg_last`)."""
    peak = practice.peak
    if peak is None or not asks_one_leg_last(peak.pose):
        return []
    last = next(
        (s for s in reversed(practice.steps[: peak.position - 1]) if held(s)),
        None,
    )
    if last is None or last.phase != "build" or one_leg(last.pose):
        return []
    return [f"{last.pose.name} last before {peak.pose.name}, not on one leg"]


RULES = {"balance_peak_rehearsed": _balance_peak_rehearsed}
