"""Under knee care, bent knees under the body's weight held briefly (blind teacher review r17
F14: Warrior II, Extended Side Angle, High Lunge and Warrior I held 60 s a side back to back in
a knee-friendly class; knee_load)."""

from sequences.generator.knee_load import (
    CHOICE,
    MOST_SECONDS,
    bends_knees_under_load,
)


def _knee_load_held(practice) -> list[str]:
    """In a knee-friendly practice each standing hold on a bent, weight-bearing knee lasts at
    most MOST_SECONDS a side."""
    if CHOICE not in practice.choices.avoid:
        return []
    return [
        f"{step.label}: {step.duration_seconds} s on a bent knee under load"
        for step in practice.steps
        if bends_knees_under_load(step.pose) and step.duration_seconds > MOST_SECONDS
    ]


RULES = {"knee_load_held": _knee_load_held}
