"""Visits between the floor and standing a teacher would make (teacher review r9, issue 11): a
short calm class stays on the floor, and the class goes down to the floor between standing
work only for a block of work or in a linked vinyasa, never for a lone pose, nor at all where
the wrists are spared."""

from poses.models import Position
from sequences.checks.levels import SQUATS
from sequences.generator.visits import (
    FLOOR_VISIT_POSES,
    FLOOR_VISIT_SECONDS,
    PASSING_SLUGS,
    spares_the_wrists,
    stays_on_the_floor,
)
from sequences.generator.vocabulary import SLOW_STYLES

AROUND = ("centring", "relaxation", "closing")


def _calm_stays_down(practice) -> list[str]:
    """A calm class of `visits.CALM_FLOOR_MINUTES` or less (gentle, yin, restorative, or for
    relaxation and not flowing) holds no standing pose (review r9 #1: a 15-minute beginner
    relaxation class up from Cat-Cow for two standing folds and down again)."""
    if not stays_on_the_floor(practice.choices):
        return []
    return [
        f"{s.pose.slug} stands at {s.position}"
        for s in practice.steps
        if s.pose.position == Position.STANDING and not s.pose.is_breathing
    ]


def _floor_runs(practice) -> list[dict]:
    """Each run of steps at one level, in order: "standing" (a flow's standing steps too),
    "floor" (a held shape off the feet; a vinyasa's steps on the hands and Down Dog pass
    between the levels, except where the wrists are spared), with its poses and seconds and
    whether it holds the peak."""
    wrists = spares_the_wrists(practice.choices)
    peak = practice.peak
    runs: list[dict] = []
    for step in practice.steps:
        if step.pose.is_breathing or step.phase in AROUND:
            continue
        if step.phase == "peak" and peak is not None and step.pose.slug != peak.pose.slug:
            continue  # a rest between the peak's rounds
        if not step.flow and step.pose.slug in SQUATS:
            continue  # a squat passes between the levels (r17 F4: Half Boat, Garland, Crow)
        if step.pose.position == Position.STANDING:
            level = "standing"
        elif (step.flow or step.pose.slug in PASSING_SLUGS) and not wrists:
            continue
        else:
            level = "floor"
        if not runs or runs[-1]["level"] != level:
            runs.append({"level": level, "poses": [], "seconds": 0, "peak": False})
        run = runs[-1]
        run["poses"].append(step.pose.slug)
        run["seconds"] += step.seconds
        run["peak"] |= step.phase == "peak"
    return runs


def _lone_floor_visit(practice) -> list[str]:
    """No lone floor shape between standing work (review r9 #6, #7: a single Forearm Plank
    between the standing salutations and the standing flows): a visit to the floor between
    standing poses holds a block of work (FLOOR_VISIT_POSES poses, FLOOR_VISIT_SECONDS
    together) or is a linked vinyasa; where the wrists are spared no vinyasa passes between
    the levels, so its steps count as a visit (the generator also moves a wrist-spared block
    of work to the floor section where the focus lets it, `visits.Visits`). The peak itself
    aside."""
    if practice.choices.style in SLOW_STYLES:
        return []
    wrists = spares_the_wrists(practice.choices)
    runs = _floor_runs(practice)
    problems = []
    for before, run, after in zip(runs, runs[1:], runs[2:], strict=False):
        if run["level"] != "floor" or run["peak"] or before["level"] != "standing":
            continue
        if after["level"] != "standing":
            continue
        poses = set(run["poses"])
        short = len(poses) < FLOOR_VISIT_POSES or run["seconds"] < FLOOR_VISIT_SECONDS
        if short:
            problems.append(
                f"standing → {', '.join(run['poses'])} ({run['seconds']} s) → standing"
                + (" with the wrists spared" if wrists else "")
            )
    return problems


RULES = {
    "calm_stays_down": _calm_stays_down,
    "lone_floor_visit": _lone_floor_visit,
}
