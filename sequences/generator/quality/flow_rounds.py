"""A repeat is not a copy, and what it says of itself is true (review r14 F15: a third
Warrior II round said "a breath longer" and held what the second held): `longer_said`, a
round that says it is a breath (or N breaths) longer holds each pose that much longer than
the same pose on that side the round before (`generator.flow_rounds.progress`).
"""

import re

from sequences.generator.vocabulary import BREATH_SECONDS

# What a round again says it changes (reasons._change).
LONGER = re.compile(r"\b(a|\d+) breaths? longer\b")


def _longer_said(practice) -> list[str]:
    problems = []
    for index, step in enumerate(practice.steps):
        said = LONGER.search(step.cue)
        if not said or not step.flow:
            continue
        breaths = 1 if said.group(1) == "a" else int(said.group(1))
        before = next(
            (
                s
                for s in reversed(practice.steps[:index])
                if s.flow == step.flow and (s.pose.slug, s.side) == (step.pose.slug, step.side)
            ),
            None,
        )
        if before is None:
            continue
        if step.duration_seconds - before.duration_seconds < breaths * BREATH_SECONDS:
            problems.append(
                f"step {step.position} says {said.group(0)}: {step.duration_seconds} s after "
                f"{before.duration_seconds} s"
            )
    return problems


RULES = {
    "longer_said": _longer_said,
}
