"""No floor block between two standing sections (blind review r16 F5, F13; r15 F6): a floor
core block (Forearm Plank rounds with Child's or Crocodile rests, Side Plank, Dolphin,
Three-Legged Dog) taught between the standing Sun Salutations and the standing build takes the
class down to the floor and back up again; a teacher teaches it before the standing work, or
with the floor work after it (`generator.floor_blocks`).

`checks.levels.level_changes` misses it: it passes over every Sun Salutation breath (20 s or
less) and counts Forearm Plank (on the hands and feet) as neither level. Here a Sun
Salutation's steps are standing work, and a held shape off the feet (the plank family, Dolphin
and Three-Legged Dog among them) is floor work; a vinyasa's steps and Down Dog between rounds
pass between the levels."""

from poses.models import Position
from sequences.checks.levels import SQUATS
from sequences.generator.visits import PASSING_SLUGS
from sequences.generator.vocabulary import SLOW_STYLES

AROUND = ("centring", "relaxation", "closing")
SALUTATION = "Sun Salutation"


def _level(step) -> str:
    """ "standing", "floor", or "" where the step passes between them (a squat held on its own
    too: r17 F4, Half Boat, Garland, Crow, Firefly)."""
    if not step.flow and step.pose.slug in SQUATS:
        return ""
    if step.flow.startswith(SALUTATION) or step.pose.position == Position.STANDING:
        return "standing"
    if step.flow or step.pose.slug in PASSING_SLUGS:
        return ""
    return "floor"


def _runs(practice) -> list[dict]:
    """Each run of the warm-up, build and peak at one level, in order, with its poses and the
    phases it holds."""
    runs: list[dict] = []
    for step in practice.steps:
        if step.pose.is_breathing or step.phase in AROUND:
            continue
        level = _level(step)
        if not level:
            continue
        if not runs or runs[-1]["level"] != level:
            runs.append({"level": level, "poses": [], "phases": set(), "salutes": False})
        run = runs[-1]
        run["poses"].append(step.pose.slug)
        run["phases"].add(step.phase)
        run["salutes"] |= step.flow.startswith(SALUTATION)
    return runs


def _floor_block_between_standing(practice) -> list[str]:
    """No floor block in the build between standing work that includes the Sun Salutations
    and the standing build after it (r16 F5: standing salutations → Forearm Plank rounds →
    standing build)."""
    if practice.choices.style in SLOW_STYLES:
        return []
    runs = _runs(practice)
    problems = []
    for before, run, after in zip(runs, runs[1:], runs[2:], strict=False):
        if run["level"] != "floor" or before["level"] != "standing" or after["level"] != "standing":
            continue
        if not before["salutes"] or run["phases"] != {"build"} or "build" not in after["phases"]:
            continue
        poses = list(dict.fromkeys(run["poses"]))
        problems.append(f"Sun Salutations → {', '.join(poses)} → standing build")
    return problems


RULES = {
    "floor_block_between_standing": _floor_block_between_standing,
}
