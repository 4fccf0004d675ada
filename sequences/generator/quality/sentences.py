"""Reasons that read as sentences and say true things once (teacher review r9, issue 11): every
reason reads as a sentence (no template slot without its verb: "the shape Wild Thing out of"),
none says its own claim twice, a claim of direction matches the pose's shape (a forward fold
does not lengthen the front of the body), and a reason that says the peak needs an area is true
of the peak's needs (Frog needs no glutes)."""

import re

from sequences.generator import truths
from sequences.generator.quality.common import before_peak, compiled
from sequences.generator.quality.words import (
    PEAK_CREDIT,
    _areas_named,
    _credit_frames,
    skeleton,
    unversioned,
)
from sequences.generator.stance_links import without_way


def _names(practice) -> list[str]:
    return sorted({s.pose.name for s in practice.steps}, key=len, reverse=True)


def _reason_sentence(practice) -> list[str]:
    """Every reason reads as a sentence (`truths.not_a_sentence`); a flow's step ("Exhale,
    fold") may be a fragment."""
    names = _names(practice)
    problems = []
    for step in practice.steps:
        for problem in truths.not_a_sentence(step.cue, names, fragment=bool(step.flow)):
            problems.append(f"{step.pose.slug}: {problem}: {step.cue}")
    return problems


def _reason_said_twice(practice) -> list[str]:
    """No reason says its own claim twice (review r9 #4: Extended Triangle "Lengthens the
    hamstrings and hips: the hamstrings lengthen toward …"), pose names and the words that
    teach the pose for an avoid choice aside."""
    problems = []
    for step in practice.steps:
        text = skeleton(practice, unversioned(step.cue))
        for claim in truths.said_twice(text):
            problems.append(f"{step.pose.slug}: {claim} twice: {step.cue}")
    return problems


def _reason_direction(practice) -> list[str]:
    """A claim of direction matches the pose's shape (review r9 #5: Wide-Legged Forward Fold
    "lengthens the front of the body"): the front of the body only of a backbend or chest
    opener, the back of the body only of a fold, the spine rounding only of a pose that
    rounds it. Flow steps say their own how."""
    problems = []
    for step in practice.steps:
        if step.flow:
            continue
        text = skeleton(practice, unversioned(step.cue))
        for said in truths.false_directions(text, step.pose):
            problems.append(f"{step.pose.slug} does not {said}: {step.cue}")
    return problems


# How a flow's first cue names what it works for the peak (reasons.FLOW_FOR_THE_PEAK).
FLOW_CREDIT = (
    r"through the (?P<areas>[a-z ,]+?)[.;]",
    r"the work of the (?P<areas>[a-z ,]+?) here prepares {peak}",
    r"the (?P<areas>[a-z ,]+?) {peak} will ask for",
    r"the (?P<areas>[a-z ,]+?) once more before {peak}",
    r"and the (?P<areas>[a-z ,]+?) for {peak}",
)


def _reason_peak_needs(practice) -> list[str]:
    """A reason that says the peak needs an area names only what the peak really needs
    (`truths.needs`; review r9 #3: Reclined Figure Four "Wakes up the glutes; Frog Pose will
    need them", and Frog, a passive stretch of the inner thighs, needs no glutes): every
    credit before the peak, a flow's, and the peak's own "X prepared the …"."""
    peak = practice.peak
    if peak is None:
        return []
    needed = set(truths.needs(peak.pose))
    name = re.escape(peak.pose.name)
    frames = [*_credit_frames(peak.pose.name)]
    frames += [compiled(f.replace("{peak}", name)) for f in FLOW_CREDIT]
    problems = []
    for step in before_peak(practice):
        if step.phase not in ("warm_up", "build") or "Joint by joint" in step.cue:
            continue
        if step.flow and not step.cue.startswith(("Right side", "Once more, right side")):
            continue
        cue = without_way(step.cue)  # (the way there is not a credit: stance_links)
        for match in filter(None, (frame.search(cue) for frame in frames)):
            for area in _areas_named(match.group("areas")):
                if area not in needed:
                    problems.append(f"{step.pose.slug}: {peak.pose.slug} needs no {area}")
    credit = PEAK_CREDIT.search(peak.cue)
    if credit:
        for area in _areas_named(credit.group(2)):
            if area not in needed:
                problems.append(f"peak credits the {area}, which it does not need")
    return problems


RULES = {
    "reason_sentence": _reason_sentence,
    "reason_said_twice": _reason_said_twice,
    "reason_direction": _reason_direction,
    "reason_peak_needs": _reason_peak_needs,
}
