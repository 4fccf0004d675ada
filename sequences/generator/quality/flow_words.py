"""What a linked flow says at each pose, and reasons said in a frame once (issue 11, blind
review r10 #9 F3: eight seated poses in a row with only a template reason, Half Lotus a minute
each side with no word on the knee, "on the way to Monkey Pose" three times)."""

import re
from collections import Counter

from sequences.generator import flow_labels, flow_words
from sequences.generator.balance_shapes import unsided
from sequences.generator.entries import taken_on_the_way
from sequences.generator.version_rules import replaced
from sequences.steps import Step

# A mini-flow's name: its head (flow_labels.HEADS), then its poses ("Seated flow: Head-to-Knee
# → …").
MINI_FLOW = re.compile("^(?:" + "|".join(map(re.escape, flow_labels.HEADS)) + "): ")
# A step of a flow that links it rather than holding one of its poses.
LINKS = flow_labels.LINK_CUES
# What opens a mini-flow step's cue before its own words: the flow's label, or its breaths.
OPENING = re.compile(flow_labels.LABEL.pattern + r"|^\d+ breaths: ")


def mini_flow_steps(practice) -> list[tuple[Step, bool]]:
    """The held steps of the practice's linked mini-flows (linking.py), each with whether it
    is the first side (the right, or the only one) rather than the left."""
    found = []
    for step in practice.steps:
        if not MINI_FLOW.match(step.flow) or step.cue.startswith(LINKS):
            continue
        left = step.cue.startswith("Left side") or ", left side, " in step.cue
        found.append((step, not left))
    return found


def _set_up(cue: str) -> str:
    """How the pose is taken, as a linked step opens it (the first three words of the cue's
    first clause: a version for an avoid choice may say the rest its own way), lower case."""
    said = re.split(r"[,:;] ", cue, maxsplit=1)[0]
    said = " ".join(said.replace("Down Dog", "Downward-Facing Dog").split()[:3])
    return said.lower()


def set_ups(card, peak=None, avoid=()) -> tuple[str, ...]:
    """The ways a linked step may open with how its pose is taken: its own cue
    (`flow_words.own_cue`), or that cue taking the pose it comes from on the way where that
    pose is not the step before ("Down Dog, then lift one leg high", entries.py), or the
    set-up of the peak's rehearsal in it (`flow_words.rehearsal`: "Garland, hands flat on the
    mat, …" before Firefly), or its own cue as the avoid choices have it taught
    (version_rules.REPLACED: Tree's placement said by its knee-care version)."""
    own = flow_words.own_cue(card)
    said = [_set_up(own), _set_up(taken_on_the_way(own))]
    said += [_set_up(replaced(own, card.slug, avoid, still=False))] if avoid else []
    rehearsal = flow_words.rehearsal(card, peak)
    if rehearsal:
        said.append(_set_up(rehearsal.split(", ", 1)[-1]))
    return tuple(dict.fromkeys(said))


def _flow_step_cued(practice) -> list[str]:
    """Every pose of a linked flow says how it is taken on its first side (review r10 #9: "9
    breaths: Turns the spine, as today's focus on the back asks" at Revolved Head-to-Knee)."""
    peak = practice.peak.pose if practice.peak else None
    avoid = practice.choices.avoid
    return [
        f"{step.pose.slug}: {step.cue}"
        for step, first in mini_flow_steps(practice)
        if first
        and not any(
            said in unsided(step.pose.slug, step.cue).lower()
            for said in set_ups(step.pose, peak, avoid)
        )
    ]


def _knee_entry_said(practice) -> list[str]:
    """A pose of a linked flow that loads the knee says how the knee is kept safe on its first
    side (`flow_words.knee_entry`), and a pose taken only if the knee is pain-free says so on
    its second side too (review r10 #9: Half Lotus a minute each side, no knee cue)."""
    problems = []
    for step, first in mini_flow_steps(practice):
        entry = flow_words.knee_entry(step.pose)
        if not entry:
            continue
        said = entry.split("; otherwise", 1)[0] if first else flow_words.reminder(step.pose)
        if said.strip() not in step.cue:
            problems.append(f"{step.pose.slug}: {step.cue}")
    return problems


def _reason_frame_repeated(practice) -> list[str]:
    """In a moving class, a held pose before the peak says its reason in a frame no earlier
    held pose used (flow_words.FRAMES: "… on the way to Monkey Pose" three times, "…, as
    today's focus on the back asks" down the page)."""
    if practice.choices.style in flow_words.SLOW_STYLES:
        return []
    counts: Counter[str] = Counter()
    peak = practice.peak.pose.name if practice.peak else ""
    for step in practice.steps:
        if step.phase == "peak":
            break
        if not step.flow:
            frame = flow_words.frame_of(step.cue, peak)
            if frame:
                counts[frame] += 1
    return [f"{count} times: {frame}" for frame, count in counts.items() if count > 1]


def _flow_reason_repeated(practice) -> list[str]:
    """No two poses of the linked flows say the same words (the planner bug: a Monkey class's
    mini-flows said "Lengthens the hamstrings: Monkey Pose asks for them." four times)."""
    said: dict[str, str] = {}
    problems = []
    for step, first in mini_flow_steps(practice):
        if not first:
            continue
        words = OPENING.sub("", step.cue)
        other = said.setdefault(words, step.pose.slug)
        if other != step.pose.slug:
            problems.append(f"{other} and {step.pose.slug}: {words}")
    return problems


RULES = {
    "flow_step_cued": _flow_step_cued,
    "knee_entry_said": _knee_entry_said,
    "reason_frame_repeated": _reason_frame_repeated,
    "flow_reason_repeated": _flow_reason_repeated,
}
