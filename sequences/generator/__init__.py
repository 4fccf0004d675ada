"""Today's practice: a sequence built from a few choices, with the reason for every pose.

Pure functions over `PoseCard`s (the library as plain data, read once by
`sequences.selectors.todays_practice`), so the pages, the API, the property tests and the
benchmark run the same code. The practice follows the arc a teacher plans: centring (a
breathing practice or a quiet seat), a warm-up joint by joint, a build that moves one way —
from the floor up to standing, Sun Salutations and flows on each side in vinyasa and power —
a peak that is the practice's most intense pose and is prepared by what opens it, a
counter-pose that answers it, a cool-down that goes down to the floor and stays there, and a
final relaxation. Every hold lies in its pose's range for the style; the time is met by the
poses chosen and the rounds repeated. The result is checked by `sequences.checks` and
carries no error or warning.

A seed makes it repeatable: the same choices, library, preferences and seed give the same
practice; the default seed changes every day.
"""

import random
from collections.abc import Iterable

from django.core.exceptions import ValidationError

from sequences.checks import HINT, check_sequence, level_changes
from sequences.generator import reasons
from sequences.generator.arc import Planner
from sequences.generator.fit import FEATURED_BY, allowance, fit, rebounds, time_shares
from sequences.generator.plan import ordered, pool_for, progress
from sequences.generator.practice import (
    Choices,
    GeneratedPractice,
    GeneratedStep,
    PhaseGroup,
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
    SHORT_MINUTES,
    SLOW_STYLES,
    STYLES,
    TOLERANCE,
)
from sequences.models import Style
from sequences.steps import Step

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
    "PhaseGroup",
    "PoseCard",
    "clean_choices",
    "daily_seed",
    "generate",
]

ATTEMPTS = 6
# A slow practice this long or longer leaves out shapes to make room for its transitions; a
# shorter one sets aside what its shortest holds leave.
ROOM_FROM_MINUTES = 15
# Under this a slow practice of two or three shapes may be fitted without a featured peak.
SHORT_SLOW_MINUTES = 15
# A saved sequence keeps cues of up to 200 characters (SequencePose.cue).
CUE_LENGTH = 200


def generate(library: Iterable[PoseCard], choices: Choices, *, seed: int) -> GeneratedPractice:
    """The practice for these choices and seed, or ValidationError keyed `avoid` if the poses
    left after the avoid list, level and style cannot make a well-formed practice."""
    library = list(library)
    pool = pool_for(library, choices)
    wide = pool_for(library, choices, wide=True)
    if len(wide) < MIN_POOL:
        raise _too_few(choices, len(wide))
    target = choices.minutes * 60
    # Not for secrets: a seeded generator is what makes a practice repeatable.
    rng = random.Random(seed)  # noqa: S311
    # A flowing class that cannot fill its time moving may, at last, cool down longer; a
    # restorative one without enough restorative poses may use supported yin shapes.
    tries = [(pool, attempt >= ATTEMPTS) for attempt in range(ATTEMPTS + 2)]
    if len(wide) > len(pool):
        tries = [(pool, False)] * 2 + [
            (wide, attempt >= ATTEMPTS) for attempt in range(ATTEMPTS + 2)
        ]
    for number, (candidates, relaxed) in enumerate(tries):
        if len(candidates) < MIN_POOL:
            continue
        if candidates is wide and tries[number - 1][0] is not wide:
            rng = random.Random(seed)  # noqa: S311 - the wide pool starts from the seed again
        practice = _attempt(candidates, choices, rng, seed=seed, target=target, relaxed=relaxed)
        if practice is not None:
            return practice
    raise _too_few(choices, len(wide))


def _attempt(
    pool, choices, rng, *, seed: int, target: int, relaxed: bool = False
) -> GeneratedPractice | None:
    planner = Planner(pool, choices, rng, relaxed=relaxed)
    blocks = planner.plan()
    if not blocks:
        return None
    planner.finish_cool_down()
    if choices.style in SLOW_STYLES and choices.minutes >= ROOM_FROM_MINUTES:
        _room_to_set_up(planner, choices, target)
        blocks = planner.blocks
    drafts = ordered(blocks)
    planner.practice_order = drafts
    aside = allowance(drafts, target, style=choices.style, pregnant=choices.pregnant)
    # No more set aside than the holds, each at its shortest, leave room for.
    aside = max(0, min(aside, target - sum(d.low * d.weight for d in drafts)))
    caps = [(cap.applies, cap.seconds) for cap in choices.hold_caps]
    planned = [(d.hold, d.low, d.high) for d in drafts]
    # The featured pose of a slow class a minute longer than the rest, else just longer; a
    # short one whose shapes' ranges cannot allow either, as its ranges allow.
    for featured_by in (FEATURED_BY, 5, None if choices.minutes < SHORT_SLOW_MINUTES else 5):
        for draft, (hold, low, high) in zip(drafts, planned, strict=True):
            draft.hold, draft.low, draft.high = hold, low, high
        held = fit(drafts, target - aside, caps=caps, style=choices.style, featured_by=featured_by)
        if held + aside > target:
            aside = max(0, target - held)  # what the holds leave, no more
        total = held + aside
        if abs(total - target) <= TOLERANCE * target:
            break
    else:
        return None
    # A flow's second round holds a little longer: its progression, after the fit.
    total += progress(drafts)
    if abs(total - target) > TOLERANCE * target:
        return None
    for draft in drafts:
        if draft.describe is not None:
            draft.cue = draft.describe(draft)
    reasons.in_order(drafts)
    yin = choices.style == Style.YIN
    reasons.settle(drafts, choices, rebounds=rebounds(drafts) if yin else [])
    taken: set[str] = set()
    for draft in drafts:
        draft.cue = _short(draft.cue)
        if not draft.flow:
            if draft.cue in taken:
                draft.cue = reasons.distinct(draft.cue, draft.card, taken)
            taken.add(draft.cue)
    steps = [
        Step(
            pose=d.card,
            duration_seconds=d.hold,
            side=d.side,
            phase=d.phase,
            cue=d.cue,
            flow=d.flow,
            position=position,
        )
        for position, d in enumerate(drafts, start=1)
    ]
    most_changes = 1 if choices.minutes <= SHORT_MINUTES else 2
    if len(level_changes(steps)) > most_changes:
        return None
    # A flowing class that could fill its time only by cooling down longer than it moved is
    # not one (a relaxed attempt may come to that with a long avoid list).
    if time_shares(steps, style=choices.style, minutes=choices.minutes):
        return None
    findings = tuple(
        check_sequence(
            steps,
            difficulty=choices.level,
            style=choices.style,
            target_seconds=target - aside,
            avoid=choices.avoid,
        )
    )
    if any(finding.severity != HINT for finding in findings):
        return None
    return GeneratedPractice(
        choices=choices,
        seed=seed,
        steps=tuple(steps),
        findings=findings,
        transition_seconds=aside,
    )


def _room_to_set_up(planner: Planner, choices: Choices, target: int) -> None:
    """A yin or restorative class with more shapes than its time holds once the props and
    rebounds have their time (fit.allowance) leaves out optional shapes, as long as the rest
    still fills the time and works every focus area."""
    for _ in range(10):
        drafts = ordered(planner.blocks)
        aside = allowance(drafts, target, style=choices.style, pregnant=choices.pregnant)
        if target - sum(d.low * d.weight for d in drafts) >= aside:
            return
        candidates = [
            b
            for b in planner.blocks
            if b.optional
            and b.phase in ("warm_up", "build", "cool_down")
            and planner.keeps_the_focus(b)
            and planner.capacity(without=b)[1] >= 0.95 * (target - aside)
        ]
        if not candidates:
            return
        planner.blocks.remove(max(candidates, key=lambda b: (b.drafts[0].low, b.order)))


def _short(cue: str, most: int = CUE_LENGTH) -> str:
    """The cue within what a saved sequence keeps, cut at a clause rather than a word."""
    if len(cue) <= most:
        return cue
    cut = max(cue.rfind("; ", 0, most), cue.rfind(". ", 0, most), cue.rfind(", ", 0, most - 1))
    return (cue[:cut] if cut > 0 else cue[: most - 1].rsplit(" ", 1)[0]) + "."


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
