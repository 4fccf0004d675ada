"""No lone build pose on another level than the poses around it where a pose of its job is
done on theirs (blind review r19 F7: Wide-Angle Seated Forward Fold, seated, 25 s, between
Twisted Crescent Lunge and Low Lunge; `generator.lone_levels`)."""

from functools import cache

from poses.library import POSES_FILE, read_rows
from sequences.generator.lone_levels import climbed, instead, lone, swappable
from sequences.generator.plan import narrowed, wide_pool
from sequences.generator.practice import PoseCard


@cache
def _library() -> tuple[PoseCard, ...]:
    return tuple(PoseCard.from_fields(row) for row in read_rows(POSES_FILE, kind="poses"))


def _lone_level(practice) -> list[str]:
    """A held build step alone on its level between two steps on one level or next to each
    other (`lone_levels.lone`) is a fault where the class's poses hold one of its job on
    their level as long (`lone_levels.instead`), one it may be swapped for
    (`lone_levels.swappable`)."""
    steps = practice.steps
    peak = practice.peak.pose if practice.peak is not None else None
    candidates = [
        n
        for n in range(1, len(steps) - 1)
        if steps[n].phase == "build"
        and not steps[n].flow
        and swappable(steps[n].pose, peak, practice.choices.style)
        and lone(steps[n - 1].pose, steps[n].pose, steps[n + 1].pose)
    ]
    if not candidates:
        return []
    choices = practice.choices
    pool = narrowed(wide_pool(_library(), choices), choices)
    held = [s.pose for s in steps]
    found = []
    for n in candidates:
        step, before, after = steps[n], steps[n - 1], steps[n + 1]
        hold = step.duration_seconds
        high = climbed((s.pose, s.phase, s.flow, s.duration_seconds) for s in steps[:n])
        style = choices.style
        other = instead(
            step.pose, hold, before.pose, after.pose, pool, held, style, peak=peak, high=high
        )
        if other is not None:
            found.append(
                f"{step.pose.slug} at step {step.position} alone between {before.pose.slug} "
                f"and {after.pose.slug}: {other.slug} does its job on their level"
            )
    return found


RULES = {"lone_level": _lone_level}
