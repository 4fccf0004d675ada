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
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from django.core.exceptions import ValidationError

from sequences.checks import HINT, check_sequence, level_changes
from sequences.generator import (
    after_words,
    cool_top_up,
    counter_length,
    flow_labels,
    flow_words,
    knee_load,
    plank_counters,
    pose_words,
    prep_load,
    prone_run,
    reasons,
    rest_between,
    rest_top_up,
    side_links,
    slow_focus,
    stance_links,
    versions,
    warm_first,
)
from sequences.generator.arc import Planner
from sequences.generator.cool_down_descent import families_apart, rest_given_away
from sequences.generator.cool_share import cool_down_in_proportion
from sequences.generator.entries import entries_said
from sequences.generator.fit import (
    FEATURED_BY,
    QUIET_PHASES,
    allowance,
    fit,
    rebounds,
    settle,
    time_shares,
)
from sequences.generator.floor_blocks import up_to_stand
from sequences.generator.floor_ways import said_ways
from sequences.generator.flow_rests import rest_caps
from sequences.generator.flow_rounds import progress
from sequences.generator.hand_weight import spare_the_wrists
from sequences.generator.knee_rotations import spare_the_knees
from sequences.generator.lone_levels import level_alone
from sequences.generator.lower_back import keep_the_lower_back_long
from sequences.generator.neighbours import results_apart
from sequences.generator.peaks import peak_how
from sequences.generator.plan import Draft, narrowed, ordered, wide_pool
from sequences.generator.practice import (
    Choices,
    GeneratedPractice,
    GeneratedStep,
    PhaseGroup,
    PoseCard,
    clean_choices,
    daily_seed,
)
from sequences.generator.quiet_fill import unfilled
from sequences.generator.rise_flat import rise_with_a_flat_back
from sequences.generator.round_time import held_longer
from sequences.generator.said_breaths import said_from_the_hold
from sequences.generator.spine_long import keep_the_spine_long
from sequences.generator.squat_order import squat_to_the_floor, squat_words
from sequences.generator.stance_order import one_stance_at_a_time, stance_words
from sequences.generator.time_fill import past_the_time
from sequences.generator.version_rules import level_versions
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
from sequences.models import MAX_CUE_LENGTH, Style
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
# A practice aims to last the time asked for within two minutes or 3 % of it, whichever is
# more (a teacher counts more than that as a fault); TOLERANCE only when nothing else fits.
CLOSE_SECONDS = 120
CLOSE_SHARE = 0.03
# While the holds leave it more than this short, a practice lengthens what a teacher would.
AIM_SECONDS = 60
# Attempts more, after one that lasts only within TOLERANCE, to find one that is close.
MORE_FOR_TIME = 2
# A slow practice this long or longer leaves out shapes to make room for its transitions; a
# shorter one sets aside what its shortest holds leave.
ROOM_FROM_MINUTES = 15
# Under this a slow practice of two or three shapes may be fitted without a featured peak.
SHORT_SLOW_MINUTES = 15
# A saved sequence keeps cues of up to MAX_CUE_LENGTH characters (SequencePose.cue).
CUE_LENGTH = MAX_CUE_LENGTH


# Draws the quality bar sent back, by style, since the process started (read by
# bench/practices.py --measure: what the planner got wrong before the guard).
REDRAWN: Counter = Counter()


def generate(library: Iterable[PoseCard], choices: Choices, *, seed: int) -> GeneratedPractice:
    """The practice for these choices and seed, or ValidationError keyed `avoid` if the poses
    left after the avoid list, level and style cannot make a well-formed practice."""
    # One pass over the library (the wide pool); the practice's own pool is drawn from it.
    wide = wide_pool(library, choices)
    pool = narrowed(wide, choices)
    if len(wide) < MIN_POOL:
        raise _too_few(choices, len(wide))
    # A focus area no yin or restorative shape left works: taught for the others, said so.
    left_out = slow_focus.left_out(wide, choices)
    if left_out:
        if len(left_out) == len(choices.focus):
            raise slow_focus.refusal(choices, left_out)
        practice = generate(library, slow_focus.served(choices, left_out), seed=seed)
        return replace(practice, focus_left_out=left_out)
    target = choices.minutes * 60
    # A flowing class that cannot fill its time moving may, at last, cool down longer; a
    # restorative one without enough restorative poses may use supported yin shapes.
    tries = [(pool, attempt >= ATTEMPTS) for attempt in range(ATTEMPTS + 2)]
    if len(wide) > len(pool):
        tries = [(pool, False)] * 2 + [
            (wide, attempt >= ATTEMPTS) for attempt in range(ATTEMPTS + 2)
        ]
    failed: set[str] = set()
    practice = _tried(tries, choices, seed=seed, target=target, failed=failed)
    if practice is None and failed:
        # Every try failed: once more, refusing the peaks that failed (a short yin class
        # cannot hold Reclined Hero and the two shapes it needs; another hip opener fits).
        practice = _tried(tries, choices, seed=seed, target=target, refused=frozenset(failed))
    if practice is not None:
        return practice
    raise _too_few(choices, len(wide))


def _tried(
    tries, choices, *, seed: int, target: int, refused=frozenset(), failed=None
) -> GeneratedPractice | None:
    """The first fault-free try that lasts the time closely, else the closest fault-free one
    within TOLERANCE after a few more tries (MORE_FOR_TIME), else the first try the quality bar
    faulted, else None; each try seeded from `seed` as before."""
    # Not for secrets: a seeded generator is what makes a practice repeatable.
    rng = random.Random(seed)  # noqa: S311
    kept, faulted, more = None, None, MORE_FOR_TIME
    # What each pool's attempts work out alike (`Planner.kept`), for this call only.
    worked_out: dict[int, dict] = {}
    for number, (candidates, relaxed) in enumerate(tries):
        if len(candidates) < MIN_POOL:
            continue
        if number and candidates is not tries[number - 1][0]:
            rng = random.Random(seed)  # noqa: S311 - the wide pool starts from the seed again
        practice = _attempt(
            candidates,
            choices,
            rng,
            seed=seed,
            target=target,
            relaxed=relaxed,
            refused=refused,
            failed=failed,
            kept=worked_out.setdefault(id(candidates), {}),
        )
        if practice is None:
            continue
        if _faulted(practice):
            # The last guard: a draw the quality bar finds a fault in (a rare interplay of the
            # planner's passes: a lone pose between work on another level, neighbours saying
            # the same) is drawn again, and given only where no other draw is fault-free (a
            # library with poses the bar's tables do not know, added by staff, faults them
            # all: a practice still, never a refusal for it).
            faulted = faulted or practice
            if _untaught_peak(practice):
                # A peak the bar's how-to table has no line for faults every draw that
                # peaks in it alike: drawing again only costs time (at 900 poses each draw
                # ran the whole bar up to ten times to give this first draw all the same).
                break
            continue
        off = abs(practice.planned_seconds - target)
        close = off <= _close(target)
        if close:
            return practice
        if kept is None or off < abs(kept.planned_seconds - target):
            kept = practice
        more -= 1
        if more < 0:
            break
    return kept or faulted


def _close(target: int) -> float:
    """Seconds a practice of `target` seconds may be off and still count as lasting it: two
    minutes or 3 %, whichever is more (under twenty minutes TOLERANCE is the closer)."""
    return min(max(CLOSE_SECONDS, CLOSE_SHARE * target), TOLERANCE * target)


def _attempt(
    pool,
    choices,
    rng,
    *,
    seed: int,
    target: int,
    relaxed: bool = False,
    refused: frozenset[str] = frozenset(),
    failed: set[str] | None = None,
    kept: dict | None = None,
) -> GeneratedPractice | None:
    """One try at a practice, or None: not peaking in a `refused` pose (slugs) while another
    may peak; the peak of a try that fails is added to `failed`. `kept`: what the tries on
    this pool work out alike (`Planner.kept`)."""
    planner = Planner(pool, choices, rng, relaxed=relaxed, refused=refused, kept=kept)
    practice = _practice(planner, choices, seed=seed, target=target)
    if practice is None and failed is not None and planner.peak is not None:
        failed.add(planner.peak.slug)
    return practice


def _practice(planner, choices, *, seed: int, target: int) -> GeneratedPractice | None:
    blocks = planner.plan()
    if not blocks:
        return None
    planner.finish_cool_down()
    knee_load.knee_free_cool_down(planner)  # knee-free work for a knee-friendly build (r17 F14)
    if choices.style in SLOW_STYLES and choices.minutes >= ROOM_FROM_MINUTES:
        _room_to_set_up(planner, choices, target)
        blocks = planner.blocks
    fitted = _fitted(planner, choices, target)
    if fitted is None:
        return None
    drafts, aside = fitted
    warm_first.after_the_salutations(drafts, choices.style)  # salutations first (r18 F4)
    prone_run.stay_on_the_belly(drafts)  # a belly run stays down and rises (r17 F2)
    rest_given_away(drafts, choices)  # no rest that answers nothing (cool_down_descent.py)
    families_apart(drafts)
    # a squat next to the floor work it leads to (r17 F1, F4)
    squat_to_the_floor(drafts, choices.style)
    spare_the_knees(drafts, planner.pool, choices.style)  # no third turn-out (r17 F7)
    side_links.link_the_flows(planner, drafts)  # a vinyasa from one flow to the next (r16 F14)
    side_links.links_timed(drafts, target - aside)  # their seconds from the quiet end at last
    rest_top_up.rest_longer(drafts, target=target, aside=aside, choices=choices)
    # Still short with every lengthening spent: a quiet pose longer within its range (r17).
    cool_top_up.past_the_fit(drafts, target=target, aside=aside, style=choices.style)
    counter_length.answer_the_peak(drafts, choices.style)  # a counter as long as it answers (F14)
    cool_down_in_proportion(drafts, choices)  # no shorter than the centring after a deep peak
    # one stance, one level at a time before the peak, the holds settled (r18 F1, F3)
    one_stance_at_a_time(drafts, planner.mini_flows, choices.style)
    level_alone(drafts, planner.pool, choices.style)  # no lone pose on another level (r19 F7)
    if abs(sum(d.seconds for d in drafts) + aside - target) > TOLERANCE * target:
        # A pose left out after the fit (a rest that answers nothing, a third turn-out) whose
        # seconds nothing could take, in a class already at its holds' ranges: past the
        # bounds the fit kept, no practice, as the fit itself would answer (`_progressed`).
        return None
    planner.practice_order = drafts
    for draft in drafts:
        draft.cue = said_from_the_hold(draft)
    reasons.in_order(drafts)
    # A preparation of the peak's kind held longer than the peak moves with the breath.
    prep_load.moving_preps(drafts)
    # No way of framing a reason twice down the page (flow_words.FRAMES).
    flow_words.frames_once(drafts, style=choices.style)
    yin = choices.style == Style.YIN
    reasons.settle(drafts, choices, rebounds=rebounds(drafts) if yin else [])
    results_apart(drafts, choices.avoid)
    entries_said(drafts)
    squat_words(drafts)  # the way into a squat and down from it (r17 F1, F4)
    stance_words(drafts)  # the way from a one-leg balance to the feet together (r18 F1)
    up_to_stand(drafts, choices.avoid)  # a floor block before the standing work (floor_blocks.py)
    # Each mini-flow labelled from the poses it links, as printed (flow_labels.first_pass).
    pose_words.said(drafts, choices)
    flow_labels.label_mini_flows(drafts, planner.mini_flows)
    stance_links.ways_said(
        drafts, choices.style, choices.avoid
    )  # the way from one stance to the next (r19 F1)
    keep_the_spine_long(drafts, choices.avoid)
    keep_the_lower_back_long(drafts, choices.avoid, planner.peak)
    spare_the_wrists(drafts, choices.avoid)  # no weight in the hands (r18 F6, F11)
    rise_with_a_flat_back(drafts, choices.avoid)  # never rolling up (r18 F10)
    said_ways(drafts, choices.avoid)  # every way down and up said for the spine (r19 F5)
    after_words.true_afters(drafts, planner.peak)  # "after X" only straight after X
    taken: set[str] = set()
    for draft in drafts:
        # a gentle class's rest between sides said whatever is cut, each version kept
        said = versions.versions_for(draft.card, choices.avoid)
        said += level_versions(draft.card, choices.level)
        draft.cue = rest_between.kept(draft.cue, CUE_LENGTH, _short, [m for _, _, m in said])
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
            work=getattr(d, "work", False),
        )
        for position, d in enumerate(drafts, start=1)
    ]
    most_changes = plank_counters.most_level_changes(steps, choices.minutes <= SHORT_MINUTES)
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
    practice = GeneratedPractice(
        choices=choices,
        seed=seed,
        steps=tuple(steps),
        findings=findings,
        transition_seconds=aside,
        focus_spared=planner.declared_spared(),
        time_unfilled=unfilled(sum(s.seconds for s in steps) + aside, target),
    )
    return practice


def _faulted(practice: GeneratedPractice) -> bool:
    """Whether the quality bar (`quality.faults`) finds a fault in the practice; each draw
    found so is counted in REDRAWN. A draw peaking in a pose with no how-to line is one
    (`peak_teaches` faults it, `_untaught_peak`) without running the bar: a draw of a
    library staff grew runs none of it."""
    from sequences.generator.quality import faults  # the figures read the generator

    if _untaught_peak(practice) or faults(practice):
        REDRAWN[practice.choices.style] += 1
        return True
    return False


def _untaught_peak(practice: GeneratedPractice) -> bool:
    """Whether the practice peaks in a pose with no how-to line (peaks.PEAK_HOW), so the
    quality bar's `peak_teaches` faults it whatever else a redraw changes (a pose staff
    added)."""
    peak = practice.peak
    return peak is not None and peak_how(peak.pose.slug) is None


def _fitted(planner: Planner, choices: Choices, target: int) -> tuple[list[Draft], int] | None:
    """The planned steps in practice order with their holds fitted to `target` seconds, and
    the seconds set aside between them (fit.allowance): within CLOSE_SECONDS or CLOSE_SHARE of
    the target where the poses' ranges allow it, lengthening what a teacher lengthens while
    the practice falls short (`Planner.lengthen`); within TOLERANCE only as a last resort;
    None past it."""
    close = _close(target)
    caps = [(cap.applies, cap.seconds) for cap in choices.hold_caps]
    caps += rest_caps(choices.style)  # a flowing class rests briefly (flow_rests)
    # The featured pose of a slow class a minute longer than the rest, else just longer; a
    # short one whose shapes' ranges cannot allow either, as its ranges allow.
    featuring = (FEATURED_BY, 5, None if choices.minutes < SHORT_SLOW_MINUTES else 5)
    if choices.style not in SLOW_STYLES:
        featuring = (None,)  # only yin and restorative feature their peak
    while True:
        drafts = ordered(planner.blocks)
        planned = [(d.hold, d.low, d.high) for d in drafts]
        aside = allowance(drafts, target, style=choices.style, pregnant=choices.pregnant)
        # No more set aside than the holds, each at its shortest, leave room for.
        aside = max(0, min(aside, target - sum(d.low * d.weight for d in drafts)))

        def fitting(featured_by, drafts=drafts, planned=planned, aside=aside):
            for draft, (hold, low, high) in zip(drafts, planned, strict=True):
                draft.hold, draft.low, draft.high = hold, low, high
            held = fit(
                drafts, target - aside, caps=caps, style=choices.style, featured_by=featured_by
            )
            aside = min(aside, max(0, target - held))  # what the holds leave, no more
            return held + aside, aside

        totals, refit = [], False
        for featured_by in featuring:
            total, aside_kept = fitting(featured_by)
            if abs(total - target) <= min(AIM_SECONDS, close):
                done = _progressed(drafts, aside_kept, target)
                # Seconds short that neither the relaxation nor a quiet cool-down pose can
                # take within its range: filled another way, as a teacher would (r14 F18).
                if done is None or not cool_top_up.left_short(*done, target, choices):
                    return done
                for draft, (hold, low, high) in zip(drafts, planned, strict=True):
                    draft.hold, draft.low, draft.high = hold, low, high
                refit = planner.lengthen()
                if not refit:  # nothing left to lengthen: the fit as it was
                    total, aside_kept = fitting(featured_by)
                    return _progressed(drafts, aside_kept, target)
                break
            totals.append((total, featured_by))
        if refit:
            continue
        # Short of the time: back to the plan, lengthen what a teacher would, and fit again.
        for draft, (hold, low, high) in zip(drafts, planned, strict=True):
            draft.hold, draft.low, draft.high = hold, low, high
        nearest = min(totals, key=lambda found: abs(found[0] - target))
        if nearest[0] < target and planner.lengthen():
            continue
        break
    # The first way of featuring the peak that is close, else the nearest as a last resort.
    chosen = next((found for found in totals if abs(found[0] - target) <= close), nearest)
    if abs(chosen[0] - target) > TOLERANCE * target:
        return None
    _, aside_kept = fitting(chosen[1])
    return _progressed(drafts, aside_kept, target)


def _progressed(drafts: list[Draft], aside: int, target: int) -> tuple[list[Draft], int] | None:
    """The drafts with a flow's second round a little longer (`flow_rounds.progress`, after the
    fit), the quiet end giving back what that adds past the time, or taking what earlier
    rounds gave way, and the held poses the rest (`round_time`); None if then off by more
    than TOLERANCE."""
    progress(drafts)
    settle(drafts, target - aside, phases=QUIET_PHASES)
    total = held_longer(drafts, target - aside) + aside  # what the quiet end could not take
    if abs(total - target) > TOLERANCE * target:
        return None
    return drafts, aside


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
            candidates = past_the_time(planner, drafts, target)
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
