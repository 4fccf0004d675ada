"""Sequence checks: the rules a yoga teacher applies to an ordered list of poses.

Pure functions over `sequences.steps.Step`s (no database), so the pages, the API and the
generator ask the same questions and tests run fast. Each finding has a stable code, a
severity ("error", "warning" or "hint") and a message naming the positions (1-based, in
practice order) it is about.
"""

from collections.abc import Iterable
from collections.abc import Sequence as SequenceOf
from functools import lru_cache

from poses.models import cautions_avoided
from sequences.checks.common import ERROR, HINT, PASSING_SECONDS, SEVERITY_ORDER, WARNING, Finding
from sequences.checks.counters import (
    BACKBEND_NEUTRALISERS,
    NECK_COUNTERS,
    _backbend_not_neutralised,
    _inversion_not_countered,
    neutralises,
)
from sequences.checks.difficulty import _no_warm_up, _too_advanced
from sequences.checks.holds import _hold_outside_range, _off_target, _too_long
from sequences.checks.levels import _up_and_down, level_changes
from sequences.checks.order import (
    ENTERED_VIA,
    NOT_THREE_IN_A_ROW,
    _identical_round,
    _not_entered_from,
    _one_sided,
    _repeated_pose,
    _same_kind_in_a_row,
    not_entered_from,
    same_kind_runs,
)
from sequences.checks.relaxation import _no_final_relaxation, is_final_relaxation
from sequences.checks.warm_spine import (
    SPINE_WARM_UPS,
    SPINE_WARMERS,
    _fold_before_warm_spine,
    is_hamstring_fold,
    spine_not_warmed,
)
from sequences.steps import (
    Step,
    numbered,
    practice_numbered,
    steps_for,
)

__all__ = [
    "BACKBEND_NEUTRALISERS",
    "ENTERED_VIA",
    "ERROR",
    "HINT",
    "NECK_COUNTERS",
    "NOT_THREE_IN_A_ROW",
    "PASSING_SECONDS",
    "SPINE_WARMERS",
    "SPINE_WARM_UPS",
    "WARNING",
    "Finding",
    "Step",
    "avoid_of",
    "check_sequence",
    "findings_for",
    "is_final_relaxation",
    "is_hamstring_fold",
    "level_changes",
    "neutralises",
    "not_entered_from",
    "same_kind_runs",
    "spine_not_warmed",
    "steps_for",
]


def _sort_key(finding: Finding):
    first = min(finding.positions) if finding.positions else 0
    return (SEVERITY_ORDER[finding.severity], first, finding.code)


def check_sequence(
    steps: Iterable[Step],
    *,
    difficulty: str,
    style: str | None = None,
    target_seconds: int | None = None,
    avoid: Iterable[str] = (),
) -> list[Finding]:
    """Every rule's findings for the steps in practice order: errors first, then by position.
    `style` picks the hold ranges (the long ones in yin and restorative practice); `avoid`
    (accounts.models.Avoidance values) keeps the poses it leaves out of the suggestions."""
    avoided = cautions_avoided(avoid)
    steps = list(steps)
    if any(not step.position for step in steps):
        steps = numbered(steps)
    findings = [
        *_one_sided(steps),
        *_no_final_relaxation(steps),
        *_backbend_not_neutralised(steps, avoided),
        *_inversion_not_countered(steps, avoided),
        *_no_warm_up(steps),
        *_too_advanced(steps, difficulty=difficulty),
        *_repeated_pose(steps),
        *_hold_outside_range(steps, style=style),
        *_up_and_down(steps),
        *_off_target(steps, target_seconds=target_seconds),
        *_too_long(steps, target_seconds=target_seconds),
        *_not_entered_from(steps),
        *_fold_before_warm_spine(steps, style=style, avoided=avoided),
        *_same_kind_in_a_row(steps),
        *_identical_round(steps),
    ]
    return sorted(findings, key=_sort_key)


def avoid_of(user) -> list[str]:
    """The avoid choices on a reader's profile ([] for an anonymous reader)."""
    return list(getattr(user, "avoid", None) or ())


def findings_for(
    sequence, *, avoid: Iterable[str] = (), steps: SequenceOf[Step] | None = None
) -> list[Finding]:
    """The checks of a saved sequence against its own labelled level and style; `avoid`: the
    reader's avoid choices (their profile's), which the suggestions respect. A saved sequence
    keeps no avoid list of its own. `steps`: its items as Steps already read (the `steps` of
    selectors.sequence_with_steps, stored positions), else read from its prefetched items."""
    if steps is None:
        steps = steps_for(sequence)
        return check_sequence(
            steps, difficulty=sequence.difficulty, style=sequence.style, avoid=avoid
        )
    # Findings name positions in practice order, 1-based.
    steps = tuple(practice_numbered(list(steps)))
    return list(_checked(steps, sequence.difficulty, sequence.style, tuple(avoid)))


@lru_cache(maxsize=256)
def _checked(steps: tuple[Step, ...], difficulty: str, style: str, avoid: tuple) -> tuple:
    """check_sequence's findings, kept per process for the exact steps (every value of every
    step and its pose: an edit to either is a new key), level, style and avoid choices: a long
    sequence's page, player and API answer would otherwise check it again on every request."""
    return tuple(check_sequence(steps, difficulty=difficulty, style=style, avoid=avoid))
