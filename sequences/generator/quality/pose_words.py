"""What a step says of its own pose (blind review r12 F1, F2, F3, F9, F10), one figure a rule:
a warm-up or build reason names only poses held later (`names_in_plan`), a held one-leg balance
says its shape (`balance_shape`), a long risky hold in yin or restorative says how to come out
(`way_out`), with wrist care a pose whose hands may bear weight says where they go
(`hands_placed`), a beginners' supported shape in a gentle or restorative class says its set-up
and way out, a Supported Bridge's block under the sacrum (`supported_said`)."""

from sequences.generator.balance_shapes import shape_unsaid
from sequences.generator.hand_places import unplaced
from sequences.generator.named_later import CHECKED_PHASES, before, not_held_later
from sequences.generator.stance_links import without_way
from sequences.generator.supported_set_ups import applies, unsaid
from sequences.generator.ways_out import SAYS_THE_WAY_OUT, needs_a_way_out, no_room


def _names_in_plan(practice) -> list[str]:
    """A warm-up or build reason names no pose that is not held later (`named_later`)."""
    steps = practice.steps
    found = []
    for index, step in enumerate(steps):
        if step.phase not in CHECKED_PHASES or step.flow:
            continue
        later = {s.pose.slug for s in steps[index + 1 :]} | before(steps, index)
        # (the way from the step before names where it comes from: stance_links)
        for name in not_held_later(without_way(step.cue), step.pose.slug, later):
            found.append(f"{step.pose.name} ({step.position}) names {name}, not held later")
    return found


def _balance_shape(practice) -> list[str]:
    """Every held one-leg balance says its shape, whatever its phase (`balance_shapes`)."""
    return [
        f"{step.pose.name} ({step.position}, {step.phase}) says no shape"
        for step in practice.steps
        if shape_unsaid(step.pose.slug, step.cue, hold=step.duration_seconds, flow=step.flow)
    ]


def _way_out(practice) -> list[str]:
    """A long risky hold in yin or restorative says how to come out (`ways_out`)."""
    style = practice.choices.style
    return [
        f"{step.pose.name} ({step.position}, {step.duration_seconds} s) says no way out"
        for step in practice.steps
        if needs_a_way_out(step.pose, style=style, hold=step.duration_seconds, flow=step.flow)
        and not SAYS_THE_WAY_OUT.search(step.cue)
        and not no_room(step.cue, step.pose.slug)
    ]


def _hands_placed(practice) -> list[str]:
    """With wrist care, a held pose whose hands may bear weight says where (`hand_places`)."""
    avoid = practice.choices.avoid
    return [
        f"{step.pose.name} ({step.position}) says nothing of the hands"
        for step in practice.steps
        if unplaced(
            step.pose.slug, step.cue, avoid=avoid, hold=step.duration_seconds, flow=step.flow
        )  # fmt: skip
    ]


def _supported_said(practice) -> list[str]:
    """A beginners' supported shape in gentle or restorative says its set-up and way out
    (`supported_set_ups`)."""
    choices = practice.choices
    found = []
    for step in practice.steps:
        if not applies(step.pose, level=choices.level, style=choices.style, phase=step.phase,
                       flow=step.flow):  # fmt: skip
            continue
        for missing in unsaid(step.pose.slug, step.cue):
            found.append(f"{step.pose.name} ({step.position}) leaves its {missing} unsaid")
    return found


RULES = {
    "names_in_plan": _names_in_plan,
    "balance_shape": _balance_shape,
    "way_out": _way_out,
    "hands_placed": _hands_placed,
    "supported_said": _supported_said,
}
