"""Styles that differ in kind (issue 11, blind review 9): a vinyasa or power build links its
held poses with the breath, and a power class climbs to a peak taught in rounds."""

from sequences.generator.linking import LONGEST_UNLINKED, POWER_ROUNDS_FROM_MINUTES
from sequences.generator.shapes import settles_as_peak
from sequences.models import Style
from sequences.steps import Step

FLOWING = (Style.VINYASA, Style.POWER)


def in_rounds(steps: list[Step], index: int) -> bool:
    """The step is part of rounds of one pose with a rest between (pose, rest, pose): the
    pose two steps before or after is its own, or it rests between two of one pose."""
    pose = steps[index].pose.slug

    def slug(at: int) -> str | None:
        return steps[at].pose.slug if 0 <= at < len(steps) else None

    return pose in (slug(index - 2), slug(index + 2)) or (
        slug(index - 1) is not None and slug(index - 1) == slug(index + 1) != pose
    )


def unlinked_runs(practice) -> list[list[Step]]:
    """The runs of single static holds one after another in the build: not a step of a flow
    (`Step.flow`), not a round of a pose taught in rounds."""
    steps = list(practice.steps)
    runs: list[list[Step]] = [[]]
    for index, step in enumerate(steps):
        single = step.phase == "build" and not step.flow and not in_rounds(steps, index)
        if single:
            runs[-1].append(step)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _linked_build(practice) -> list[str]:
    """A vinyasa or power build keeps no more than LONGEST_UNLINKED single static holds one
    after another (review 9 #1: 24 in a row, "for half the build this is a hatha class")."""
    if practice.choices.style not in FLOWING:
        return []
    return [
        f"{len(run)} single holds in a row: {' → '.join(s.pose.slug for s in run)}"
        for run in unlinked_runs(practice)
        if len(run) > LONGEST_UNLINKED
    ]


def _power_peak_rounds(practice) -> list[str]:
    """A power class climbs to a peak harder than its build: taught in rounds, each round its
    own step with a rest between (review 9 #3: one 55 s Goddess, no harder than the Chair
    before it), unless the peak is a shape the body settles into (held, not pulsed) or the
    practice is too short for rounds (POWER_ROUNDS_FROM_MINUTES)."""
    peak = practice.peak
    if practice.choices.style != Style.POWER or peak is None or settles_as_peak(peak.pose):
        return []
    if practice.choices.minutes < POWER_ROUNDS_FROM_MINUTES:
        return []
    steps = [s for s in practice.steps if s.phase == "peak"]
    rounds = [s for s in steps if s.pose.slug == peak.pose.slug]
    if len(rounds) < 2:
        return [f"{peak.pose.slug}: one hold, no rounds"]
    if len(steps) < 2 * len(rounds) - 1:
        return [f"{peak.pose.slug}: rounds without a rest between"]
    return []


RULES = {
    "linked_build": _linked_build,
    "power_peak_rounds": _power_peak_rounds,
}
