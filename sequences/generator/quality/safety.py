"""The caution a teacher says at the moment a pose could hurt the practitioner's avoid choice,
on every step it could (issue 11, blind review r9): the head no lower than the heart with no
inversions (sequences/generator/head_level.py), the way down from Plank to the belly for back
care (sequences/generator/lowering.py)."""

from accounts.models import Avoidance
from sequences.generator import head_level, lowering, versions
from sequences.generator.version_rules import taught


def _head_above_heart(practice) -> list[str]:
    """With no inversions, every step of a pose that can take the head below the heart (an arm
    balance, a balance tipped forward, a standing fold or twist, a fold from the floor), the
    peak and each side, round and pass of a flow included, says where the head stays, and a
    pose tipped forward says the breath keeps moving (head_level.unsaid); what the peak offers
    only as "easier" does not count."""
    if Avoidance.NO_INVERSIONS not in practice.choices.avoid:
        return []
    return [
        f"{step.pose.slug} at step {step.position} ({', '.join(missing)} unsaid): {step.cue}"
        for step in practice.steps
        if (missing := head_level.unsaid(step.pose, taught(versions.own_words(step.cue))))
    ]


def _lowered_to_the_belly(practice) -> list[str]:
    """For back care, every way down from Plank or Chaturanga to Cobra, Upward Dog or the
    belly says it: knees down, lower all the way to the belly (on the step that lowers or the
    lift after it; in a compact vinyasa between the names)."""
    if Avoidance.BACK_CARE not in practice.choices.avoid:
        return []
    problems, before = [], None
    for step in practice.steps:
        if lowering.unsaid(
            before and before.pose, step.pose, step.cue, before.cue if before else ""
        ):
            came = f"{before.pose.slug} → " if before is not None else ""
            problems.append(f"{came}{step.pose.slug} at step {step.position}: {step.cue}")
        elif _knees_unsaid(before, step):
            problems.append(f"knees at step {step.position}: {step.cue}")
        before = step
    return problems


def _knees_unsaid(before, step) -> bool:
    """The way down from a Plank to the belly said without the knees coming down first (a
    salutation's lowering re-counted on its own breath: review r17 F13)."""
    if before is None or not lowering.lowers_from(before.pose):
        return False
    if not lowering.lands_on_the_belly(step.pose):
        return False
    return "knees down" not in f"{before.cue} {step.cue}".lower()


RULES = {
    "head_above_heart": _head_above_heart,
    "lowered_to_the_belly": _lowered_to_the_belly,
}
