"""The plain figures: time, nothing avoided, both sides, the checks, holds, pose count."""

from collections import Counter

from poses.models import cautions_avoided
from sequences.checks import (
    HINT,
    check_sequence,
)
from sequences.generator.vocabulary import (
    LEVELS,
    LINKING_SLUGS,
    TOLERANCE,
)
from sequences.models import Side


def _time(practice) -> list[str]:
    target, total = practice.target_seconds, practice.planned_seconds
    if abs(total - target) <= TOLERANCE * target:
        return []
    return [f"{total} s planned for {target} s"]


def _avoided(practice) -> list[str]:
    choices = practice.choices
    cautions = cautions_avoided(choices.avoid)
    top = LEVELS.index(choices.level)
    return [
        step.pose.slug
        for step in practice.steps
        if step.pose.slug in choices.avoid_slugs
        or step.pose.cautions & cautions
        or step.pose.category in choices.avoid_categories
        or LEVELS.index(step.pose.difficulty) > top
    ]


def _sides(practice) -> list[str]:
    sides = Counter((s.pose.slug, s.side) for s in practice.steps if s.side != Side.BOTH)
    other = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}
    return sorted(
        f"{slug} {side}" for (slug, side), n in sides.items() if sides[(slug, other[side])] != n
    )


def _checks(practice) -> list[str]:
    choices = practice.choices
    findings = check_sequence(
        practice.steps,
        difficulty=choices.level,
        style=choices.style,
        target_seconds=practice.target_seconds - practice.transition_seconds,
        avoid=choices.avoid,
    )
    return [f"{f.code}: {f.message}" for f in findings if f.severity != HINT]


def _holds(practice) -> list[str]:
    problems = []
    for step in practice.steps:
        low, high = step.pose.hold_range(practice.choices.style)
        if not low <= step.duration_seconds <= high:
            problems.append(f"{step.pose.slug} {step.duration_seconds} s not in {low}-{high}")
    return problems


# The most times one pose comes in a practice (Chair fourteen times is a lot of quadriceps
# for a beginner); the linking poses and Down Dog are passages, not counted.
MOST_TIMES = {"beginner": 12, "intermediate": 14, "advanced": 14}


def _pose_count(practice) -> list[str]:
    counts = Counter()
    before = None
    for step in practice.steps:
        slug = step.pose.slug
        if slug != before and slug not in LINKING_SLUGS and slug != "downward-facing-dog":
            counts[slug] += 1
        before = slug
    most = MOST_TIMES[practice.choices.level]
    return [f"{slug} {n} times" for slug, n in counts.items() if n > most]


RULES = {
    "time": _time,
    "avoided": _avoided,
    "sides": _sides,
    "checks": _checks,
    "holds": _holds,
    "pose_count": _pose_count,
}
