"""Today's practice: a sequence built from a few choices, with the reason for every pose.

Pure functions over `PoseCard`s (the library as plain data, read once by
`sequences.selectors.todays_practice`), so the pages, the API, the property
tests and the benchmark run the same code. The practice follows the arc a
teacher would plan — centring, warm-up, build, peak around the focus,
counter-poses, cool-down, final relaxation — fills the time within ±10%, holds
bilateral poses on both sides, never uses an avoided or thumbed-down pose, and
is checked by `sequences.checks` so it never carries an error.

A seed makes it repeatable: the same choices, library, preferences and seed
give the same practice; the default seed changes every day.
"""

import random
from collections.abc import Iterable

from django.core.exceptions import ValidationError

from poses.models import MAX_HOLD_SECONDS
from sequences.checks import ERROR
from sequences.checks import check_sequence as run_checks
from sequences.generator.arc import plan, pool_for
from sequences.generator.fit import as_check_steps, fit, trimmed
from sequences.generator.practice import (
    Choices,
    GeneratedPractice,
    GeneratedStep,
    PoseCard,
    clean_choices,
    daily_seed,
)
from sequences.generator.vocabulary import (
    FOCUS_PEAKS,
    LEVELS,
    MAX_FOCUS,
    MAX_MINUTES,
    MIN_MINUTES,
    MIN_POOL,
    PHASE_LABELS,
    STYLES,
    TOLERANCE,
)

__all__ = [
    "FOCUS_PEAKS",
    "LEVELS",
    "MAX_FOCUS",
    "MAX_MINUTES",
    "MIN_MINUTES",
    "PHASE_LABELS",
    "STYLES",
    "Choices",
    "GeneratedPractice",
    "GeneratedStep",
    "PoseCard",
    "clean_choices",
    "daily_seed",
    "generate",
]


def generate(library: Iterable[PoseCard], choices: Choices, *, seed: int) -> GeneratedPractice:
    """The practice for these choices and seed, or ValidationError keyed `avoid` if the poses
    left after the avoid list, level and style cannot make a well-formed practice."""
    pool = pool_for(library, choices)
    if len(pool) < MIN_POOL:
        raise _too_few(choices, len(pool))
    target = choices.minutes * 60
    # Not for secrets: a seeded generator is what makes a practice repeatable.
    planned = plan(pool, choices, random.Random(seed))  # noqa: S311
    # Holds up to three times the style's usual longest; longer only if too few poses are left.
    ceiling = min(MAX_HOLD_SECONDS, STYLES[choices.style].hold[1] * 3)
    while True:
        steps = fit(planned, choices, ceiling=ceiling)
        total = sum(step.seconds for step in steps)
        if total < target * (1 - TOLERANCE) and ceiling < MAX_HOLD_SECONDS:
            ceiling = MAX_HOLD_SECONDS
            continue
        if total <= target * (1 + TOLERANCE):
            break
        planned = trimmed(planned)
        if planned is None:
            raise _too_few(choices, len(pool))
    findings = tuple(
        run_checks(as_check_steps(steps), difficulty=choices.level, target_seconds=target)
    )
    if total < target * (1 - TOLERANCE) or any(f.severity == ERROR for f in findings):
        raise _too_few(choices, len(pool))
    return GeneratedPractice(choices=choices, seed=seed, steps=tuple(steps), findings=findings)


def _too_few(choices: Choices, count: int) -> ValidationError:
    return ValidationError(
        {
            "avoid": (
                f"Only {count} poses are left for a {choices.minutes}-minute "
                f"{choices.level} {choices.style} practice once the poses you avoid are "
                "left out; avoid fewer cautions or poses, or choose another style or level."
            )
        },
        code="too_few_poses",
    )
