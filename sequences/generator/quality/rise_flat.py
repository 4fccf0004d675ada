"""A class for weakened bones rises with a flat back (blind review r18 F10: Down Dog "takes you
up to standing" in an osteoporosis_safe class, with no word on how; the usual way, folding and
rolling up vertebra by vertebra, is the loaded spinal flexion the class leaves out), and every
way down to the floor, between floor levels and up from lying is said (r19 F5: Goddess →
Sphinx, Bound Angle → a pose on the back, Corpse → "Come up to sit" left to the usual rounded
way; `generator.floor_ways`)."""

from accounts.models import Avoidance
from sequences.generator.entries import TAKES_UP
from sequences.generator.floor_ways import unsaid
from sequences.generator.rise_flat import FLAT, rises, rolled


def _rises_flat_back(practice) -> list[str]:
    """For weakened bones no cue rolls or rounds the spine up or down (`rise_flat.rolled`),
    and every way up from a fold, a hinge or Down Dog to standing on both feet, and every cue
    that "takes you up to standing", says the back flat (rise_flat.FLAT), on the step it leaves
    or the one it rises to; and each way between levels the class's care asks to be said
    (`floor_ways.way`: for weakened bones every way down and onto the back, for pregnancy and
    back care too the way up from lying, by the side) is said on one of the two steps."""
    avoid = practice.choices.avoid
    steps = practice.steps
    found = [
        f"{step.pose.slug} → {after.pose.slug} at step {after.position}: unsaid ({words})"
        for step, after in zip(steps, steps[1:], strict=False)
        if (words := unsaid(step.cue, after.cue, step.pose.position, after.pose.position, avoid))
    ]
    if Avoidance.OSTEOPOROSIS_SAFE not in avoid:
        return found
    found += [
        f"{step.pose.slug} at step {step.position} rolls: {', '.join(rolls)}"
        for step in steps
        if (rolls := rolled(step.cue))
    ]
    for step, after in zip(steps, (*steps[1:], None), strict=False):
        up = TAKES_UP in step.cue or (after and rises(step.pose, after.pose, after.side))
        if up and not (FLAT.search(step.cue) or (after and FLAT.search(after.cue))):
            found.append(f"{step.pose.slug} at step {step.position} up to standing: no flat back")
    return found


RULES = {"rises_flat_back": _rises_flat_back}
