"""What a fitted class is still short of its time once the final relaxation is at the top of
its range goes to a quiet cool-down pose, held longer within its own range (blind review r14
F18: 70 minutes planned to 69:10, Corpse already at its ten-minute most; the teacher fills the
class's time and never holds a pose past its range).

The pose taken is the longest-held quiet one of the cool-down (passive, held once, on its own,
not fixed by the plan), whose range (`PoseCard.hold_range`, the fit's own bounds) has the room;
a pose held on each side takes half the seconds each side. Only the small shortfall the final
relaxation would have taken (`rest_top_up.TOP_UP_MOST`) is given, so a class far short still
says so (`quiet_fill.unfilled`)."""

from collections import Counter

from poses.models import Effort

STEP = 5  # seconds a hold is said in
# The styles that hold their poses, whose quiet poses take the last seconds (`past_the_fit`).
HOLDING = ("hatha", "gentle")


def quiet_poses(drafts) -> list:
    """The cool-down's quiet poses that may hold longer: passive, held on their own (no flow),
    not fixed, and held once in the practice; the longest-held first."""
    times = Counter(d.card.slug for d in drafts)
    quiet = [
        d
        for d in drafts
        if d.phase == "cool_down"
        and not d.flow
        and not d.fixed
        and d.card.effort == Effort.PASSIVE
        and times[d.card.slug] == 1
    ]
    return sorted(quiet, key=lambda d: -d.hold)


def cool_longer(drafts, short: int, *, style: str) -> int:
    """Give up to `short` seconds to the first quiet pose (`quiet_poses`) with room in its
    range, in whole STEPs (per side where it is held on each side); drafts changed in place.
    The seconds given."""
    for draft in quiet_poses(drafts):
        most = min(draft.high, draft.card.hold_range(style)[1])
        room = min(most - draft.hold, short // draft.weight)
        room -= room % STEP
        if room >= STEP:
            draft.hold += room
            return room * draft.weight
    return 0


def left_short(drafts, aside: int, target: int, choices) -> int:
    """Seconds of `target` the fitted `drafts` (and `aside`) stay short once the final
    relaxation and a quiet cool-down pose have taken what their ranges allow
    (`rest_top_up.rest_longer`), 0 under a hold's STEP; the drafts are left as they were."""
    from sequences.generator.rest_top_up import rest_longer  # it calls cool_longer

    holds = [d.hold for d in drafts]
    rest_longer(drafts, target=target, aside=aside, choices=choices)
    short = target - aside - sum(d.hold * d.weight for d in drafts)
    for draft, hold in zip(drafts, holds, strict=True):
        draft.hold = hold
    return short if short >= STEP else 0


def past_the_fit(drafts, *, target: int, aside: int, style: str) -> int:
    """The last resort once every lengthening is spent (`Planner.lengthen`) and the final
    relaxation and the quiet poses are at the fit's bounds (`rest_top_up.rest_longer`): up to
    TOP_UP_MOST seconds still short go to the longest-held quiet pose of the cool-down up to
    its own range, past the fit's bound (review r17 against r14 F18: a 70-minute knee-care
    hatha class whose bent-knee holds stopped at 45 s and whose warm-up rounds were cut,
    55 s short with Corpse at ten minutes; the teacher's fix holds a quiet cool-down pose
    longer, never a pose past its range). Drafts changed in place; the seconds given."""
    from sequences.generator.fit import STRETCHES
    from sequences.generator.rest_top_up import TOP_UP_MOST

    if style not in HOLDING:
        return 0  # a flowing class fills its time moving, a slow one features its peak
    short = target - aside - sum(d.hold * d.weight for d in drafts)
    rests = [d for d in drafts if d.phase == "relaxation" and not d.card.is_breathing]
    if not STEP <= short <= TOP_UP_MOST or len(rests) != 1:
        return 0
    if rests[0].hold < rests[0].card.hold_range(style)[1]:
        return 0  # the final relaxation takes it first (`rest_top_up`)
    for draft in quiet_poses(drafts):
        if draft.card.category in STRETCHES:
            continue  # held no longer than a settled peak (`fit._settled_peak_longest`)
        room = min(draft.card.hold_range(style)[1] - draft.hold, short // draft.weight)
        room -= room % STEP
        if room >= STEP:
            draft.hold += room
            return room * draft.weight
    return 0
