"""A reason that says a pose comes "after" another names the true one (the heavy-avoid sweep's
Bound Angle, "Opens the hips after Warrior II", with Child's Pose the step before it and
Goddess the peak): a teacher reads "after X" as where the class has just been.

- `after_names_the_step_before`: every "after <pose>" in a cue names the step before it ("the
  hips rest after Monkey Pose lengthened them" straight after Monkey Pose; a cool-down pose
  further on says what the peak worked, `after_words`), or, in a flow, a pose of the same
  flow's round.
"""

import re

from sequences.generator.entries import ENTRY_NAMES
from sequences.generator.quality.common import pose_names


def _named_after(practice) -> re.Pattern:
    names = {*pose_names(practice), *ENTRY_NAMES}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b[Aa]fter (?P<name>{alternatives})(?![\w(])")


def _names(step) -> set[str]:
    """The names a step goes by: its own and the short ones cues give it (ENTRY_NAMES)."""
    slug = step.pose.slug
    return {step.pose.name} | {short for short, named in ENTRY_NAMES.items() if named == slug}


def _after_names_the_step_before(practice) -> list[str]:
    steps = practice.steps
    named_after = _named_after(practice)
    problems = []
    for n, step in enumerate(steps):
        found = named_after.findall(step.cue)
        if not found:
            continue
        true = _names(steps[n - 1]) if n else set()
        if step.flow:
            true |= {name for s in steps if s.flow == step.flow for name in _names(s)}
        problems += [
            f"{step.pose.slug} (pos {step.position}): after {name}, the step before is "
            f"{steps[n - 1].pose.name if n else 'none'}"
            for name in found
            if name not in true
        ]
    return problems


RULES = {"after_names_the_step_before": _after_names_the_step_before}
