"""The cool-down's way down (blind review r16 F1, F3; r15 F5): after the peak the class does
not lie on the belly only to push back up to sit or kneel, and holds no second rest that
answers nothing (`generator.cool_down_descent`)."""

from poses.models import Position
from sequences.generator.cool_down_descent import (
    BELLY_HEIGHT,
    after_the_peak_heights,
    answers_nothing,
)
from sequences.generator.shapes import entered_from
from sequences.generator.vocabulary import SLOW_STYLES

UP_FROM_THE_BELLY = (Position.SEATED, Position.KNEELING)


def _after_the_peak(practice) -> list:
    return [
        s for s in practice.steps if s.phase in ("counter", "cool_down") and not s.pose.is_breathing
    ]


def _belly_then_up(practice) -> list[str]:
    """No shape seated or kneeling after the class lay down on the belly in the cool-down
    (r16 F1: Gate, Crocodile, Head-to-Knee; F3: Low Lunge, Crocodile, Head-to-Knee; r15 F5:
    Thread the Needle, Crocodile, Seated Side Bend): the belly comes after sitting, then the
    back. (Still on the belly from a counter-pose on it, Crocodile after Locust, the class
    comes up once: `cool_down_descent.after_the_peak_heights`.)"""
    steps = _after_the_peak(practice)
    belly = None
    for step, height in zip(steps, after_the_peak_heights(steps), strict=True):
        if height == BELLY_HEIGHT:
            belly = step
        elif belly is not None and entered_from(step.pose) in UP_FROM_THE_BELLY:
            return [f"{belly.pose.slug} at {belly.position}, then up to {step.pose.slug}"]
    return []


def _rest_answers(practice) -> list[str]:
    """In an active class, no rest (Crocodile, Child's Pose) in the cool-down after the class
    rested after the peak already (r16 F1, F3: Crocodile after the Child's Pose counter)."""
    if practice.choices.style in SLOW_STYLES:
        return []
    steps = _after_the_peak(practice)
    return [
        f"{step.pose.slug} at {step.position} after a rest"
        for n, step in enumerate(steps)
        if answers_nothing(steps, n)
    ]


RULES = {
    "cool_down_belly": _belly_then_up,
    "cool_down_rests": _rest_answers,
}
