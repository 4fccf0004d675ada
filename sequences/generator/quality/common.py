"""Helpers the quality figures share."""

from sequences.checks import PASSING_SECONDS
from sequences.steps import PHASE_LABELS, Step

PHASES = list(PHASE_LABELS)


def held(step: Step) -> bool:
    """Held, not passed through in a flow (a breath or four)."""
    return not (step.flow and step.duration_seconds <= PASSING_SECONDS)


def before_peak(practice) -> list[Step]:
    """Every step before the peak, flow passes included (none without a peak)."""
    peak = practice.peak
    return [] if peak is None else list(practice.steps[: peak.position - 1])


def held_shapes(practice) -> list[Step]:
    """The held steps outside the Sun Salutations: the shapes a teacher counts."""
    return [s for s in practice.steps if held(s) and not s.flow.startswith("Sun Salutation")]
