"""A salutation the class can breathe (review r17 F13: with Standing Forward Fold left out for
back care the round said "Exhale, hinge forward" then "Exhale, step back to Plank", and on the
way up "Inhale, lengthen" then "Inhale, rise all the way up"): `salutation_breathes`, in every
salutation, one breath a movement, the breath a step ends on is not the breath the next step
begins with. A step held for several breaths (Down Dog, "stay five breaths"; the crescent
lunge, "two breaths") lets the count begin again. A round said as one step
(`salutation_rounds`: "the same on your own breath: inhale up, exhale fold, ...") is a count
of its own: its breaths take turns within its words.
"""

from sequences.generator.salutation_breath import breaths_said
from sequences.generator.vocabulary import BREATH_SECONDS


def salutation(step) -> bool:
    """A step of a Sun Salutation or of the standing salutation."""
    return step.flow.startswith("Sun Salutation")


def compact_round(step, steps) -> bool:
    """A salutation round said as one step: the only step of its flow."""
    return salutation(step) and sum(s.flow == step.flow for s in steps) == 1


def in_turn(breaths: list[str]) -> bool:
    """Each breath said the other of the one before it."""
    return all(a != b for a, b in zip(breaths, breaths[1:], strict=False))


def _salutation_breathes(practice) -> list[str]:
    problems = []
    steps = practice.steps
    for step in steps:
        if compact_round(step, steps) and not in_turn(breaths_said(step.cue)):
            problems.append(
                f"step {step.position} ({step.flow}): its breaths said out of turn in one step"
            )
    for before, step in zip(steps, steps[1:], strict=False):
        if not (salutation(before) and salutation(step)) or before.flow != step.flow:
            continue
        if before.duration_seconds > BREATH_SECONDS:
            continue  # held several breaths: the count begins again
        ended, begun = breaths_said(before.cue), breaths_said(step.cue)
        if ended and begun and ended[-1] == begun[0]:
            problems.append(
                f"steps {before.position}-{step.position} ({step.flow}): "
                f"{ended[-1]} twice ({before.pose.name}, then {step.pose.name})"
            )
    return problems


RULES = {"salutation_breathes": _salutation_breathes}
