"""A bent knee over the ankle, never over the toes (blind teacher review r17 F10: "Front knee
over the toes" at a beginner's peak; knee_words.KNEE_PAST_TOES)."""

from sequences.generator.knee_words import knee_past_toes


def _knee_over_ankle(practice) -> list[str]:
    """No cue sends a knee over, past or beyond the toes."""
    return [
        f"{step.label}: {found!r}: the knee goes over the ankle, tracking the second toe"
        for step in practice.steps
        if (found := knee_past_toes(step.cue))
    ]


RULES = {"knee_over_ankle": _knee_over_ankle}
