"""A flow is repeated only for a reason, and a repeat is not a copy (review r14 F15):

- `flow_share`: a flow done again, every round of it, under FLOW_SHARE_MOST of the class, and in
  hatha and gentle its rounds after the first under AGAIN_SHARE_MOST (`generator.flow_rounds`);
- `longer_said`: a round that says it is a breath (or N breaths) longer holds each pose that
  much longer than the same pose on that side the round before.
"""

import re

from sequences.generator.flow_rounds import AGAIN_SHARE_MOST, FLOW_SHARE_MOST, HELD_STYLES
from sequences.generator.vocabulary import BREATH_SECONDS

# What a round again says it changes (reasons._change).
LONGER = re.compile(r"\b(a|\d+) breaths? longer\b")


def _rounds_of(steps) -> list[list]:
    """A flow's rounds: a round starts again at the flow's first pose and side."""
    rounds: list[list] = []
    for step in steps:
        if not rounds or (step.pose.slug, step.side) == (steps[0].pose.slug, steps[0].side):
            rounds.append([])
        rounds[-1].append(step)
    return rounds


def _flow_share(practice) -> list[str]:
    target = practice.choices.minutes * 60
    flows: dict[str, list] = {}
    for step in practice.steps:
        if step.flow:
            flows.setdefault(step.flow, []).append(step)
    problems = []
    for name, steps in flows.items():
        if len(_rounds_of(steps)) < 2:
            continue  # done once: its share is the build's to judge
        whole = sum(s.seconds for s in steps)
        if whole >= FLOW_SHARE_MOST * target:
            problems.append(f"{name}: {whole} s of {target} s, {FLOW_SHARE_MOST:.0%} or more")
        later = sum(s.seconds for r in _rounds_of(steps)[1:] for s in r)
        if practice.choices.style in HELD_STYLES and later >= AGAIN_SHARE_MOST * target:
            problems.append(f"{name}: rounds after the first {later} s of {target} s")
    return problems


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
    "flow_share": _flow_share,
    "longer_said": _longer_said,
}
