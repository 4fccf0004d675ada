"""The cool-down after a deep peak has time in proportion: in a long active class it is no
shorter than the centring (blind review r20 F4: 90 minutes of advanced vinyasa building to
Monkey Pose, the counter-pose and cool-down 4:45 while the Ujjayi centring ran 6:00; the teacher
took the centring to 4:00 and gave the cool-down 7:25). `generator.cool_share` meets it."""

from sequences.generator.vocabulary import SLOW_STYLES

# A class this long or longer, peaking at this intensity or more (an advanced shape: Monkey
# Pose, Wheel, an arm balance), cools down at least as long as it centred.
FROM_MINUTES = 60
DEEP_PEAK = 4
# The phases that answer the peak, and the one they must not be shorter than.
COOLING = ("counter", "cool_down")
CENTRING = "centring"


def deep_peaked(choices, peak) -> bool:
    """A long active class with a deep peak (`peak`: a card, or None)."""
    return (
        choices.style not in SLOW_STYLES
        and choices.minutes >= FROM_MINUTES
        and peak is not None
        and peak.intensity >= DEEP_PEAK
    )


def phase_seconds(steps, phases) -> int:
    """Seconds of `steps` (anything with `phase` and `seconds`) in `phases`."""
    return sum(s.seconds for s in steps if s.phase in phases)


def _cool_down_short(practice) -> list[str]:
    """After a deep peak in a long active class, the counter-pose and cool-down last at least
    as long as the centring."""
    peak = practice.peak.pose if practice.peak is not None else None
    if not deep_peaked(practice.choices, peak):
        return []
    cooling = phase_seconds(practice.steps, COOLING)
    centring = phase_seconds(practice.steps, (CENTRING,))
    if cooling >= centring:
        return []
    return [f"cool-down {cooling} s after {peak.slug}, centring {centring} s"]


RULES = {"cool_down_short": _cool_down_short}
