"""Fitting a planned practice to the time asked for: holds move within each pose's range,
breaths in a flow stay one breath, and the final relaxation and the centring take the rest.

Yin and restorative practice set time aside for what happens between the holds — setting up
the props and coming out of each shape, and in yin a short rebound between long shapes — so
their holds add up to less than the time asked for, by `allowance` seconds, and the practice
says so (`GeneratedPractice.transition_seconds`). Caps on holds under a style or an avoid
choice (`practice.HOLD_CAPS`) apply before the fit.
"""

from poses.models import Category
from sequences.generator.plan import Draft
from sequences.generator.reasons import needs_rebound
from sequences.generator.shapes import settles_as_peak
from sequences.models import Style

# Who takes the last seconds first: the rest and the breath can run longer or shorter.
FLEXIBLE_FIRST = ("relaxation", "centring", "closing", "cool_down", "peak", "build", "warm_up")
# The quiet phases: what gives back or takes the seconds a flow's second round adds.
QUIET_PHASES = FLEXIBLE_FIRST[:4]
# Seconds set aside for each supported shape: fetching and arranging the props, then coming
# out slowly (restorative), or settling in and out of a long shape (yin).
SET_UP_SECONDS = {Style.RESTORATIVE: 60, Style.YIN: 30}
# Seconds of the neutral rebound (lying flat, knees hugged in) between two long yin shapes.
REBOUND_SECONDS = 45
# Transitions take longer in pregnancy (getting up and down, onto the side).
PREGNANCY_FACTOR = 1.5
# Never more than a quarter of the practice between the holds.
MOST_ALLOWANCE = 0.25
# Shapes held at least this long are "long" in yin (a rebound follows them).
LONG_SHAPE = 120
# The featured pose of a slow class is held this much longer than any other shape.
FEATURED_BY = 60
SHAPE_PHASES = ("warm_up", "build", "peak", "counter", "cool_down")
# The stretches a settled peak is held at least as long as, in an active class, and by how
# much longer it is held where the ranges allow (three breaths).
STRETCHES = frozenset({Category.HIP_OPENER, Category.FORWARD_FOLD, Category.TWIST})
SETTLED_PEAK_BY = 15
# The phases whose shapes are set up (props, settling in and out): the arc and the final rest.
SET_UP_PHASES = (*SHAPE_PHASES, "relaxation")


def shapes(drafts: list[Draft]) -> list[Draft]:
    """The held shapes that need setting up: not breathing, not the centring or closing."""
    return [d for d in drafts if not d.card.is_breathing and d.phase in SET_UP_PHASES]


def rebounds(drafts: list[Draft]) -> list[int]:
    """Indices of the yin shapes that come straight after another shape of the arc that asks
    for a rebound (`reasons.needs_rebound`: the deep shapes and the peak): a rebound goes
    between them, and only there (none after a twist or a passive fold)."""
    found = []
    for index in range(1, len(drafts)):
        before, draft = drafts[index - 1], drafts[index]
        if (
            draft.phase in SHAPE_PHASES
            and before.phase in SHAPE_PHASES
            and not draft.card.is_breathing
            and not before.card.is_breathing
            and needs_rebound(before.card, before.phase)
        ):
            found.append(index)
    return found


def allowance(drafts: list[Draft], target: int, *, style: str, pregnant: bool = False) -> int:
    """Seconds set aside for transitions in yin and restorative practice (0 in other styles):
    SET_UP_SECONDS a shape, REBOUND_SECONDS a yin rebound, more in pregnancy, to the nearest
    five seconds and at most MOST_ALLOWANCE of the target."""
    if style not in SET_UP_SECONDS:
        return 0
    seconds = SET_UP_SECONDS[style] * len(shapes(drafts))
    if style == Style.YIN:
        seconds += REBOUND_SECONDS * len(rebounds(drafts))
    if pregnant:
        seconds *= PREGNANCY_FACTOR
    return round5(min(seconds, MOST_ALLOWANCE * target))


def fit(
    drafts: list[Draft],
    target: int,
    *,
    caps=(),
    style: str = "",
    featured_by: int | None = FEATURED_BY,
) -> int:
    """Scale the holds so the practice lasts `target` seconds as nearly as the ranges allow;
    returns the total. `caps`: (applies(card) -> bool, seconds) pairs, each the longest hold
    of the poses it applies to. In yin and restorative practice the peak, the featured pose,
    ends up `featured_by` seconds longer than any other shape where the ranges allow it
    (None: not featured)."""
    for applies, seconds in caps:
        for draft in drafts:
            if not draft.fixed and applies(draft.card):
                draft.high = max(min(draft.low, seconds), min(draft.high, seconds))
                draft.low = min(draft.low, draft.high)
                draft.hold = _clamp(draft.hold, draft.low, draft.high)
    _scale(drafts, target)
    if style in SET_UP_SECONDS and featured_by is not None:
        _feature_the_peak(drafts, featured_by)
    elif style not in SET_UP_SECONDS:
        _settled_peak_longest(drafts)
    return settle(drafts, target)


def _scale(drafts: list[Draft], target: int) -> None:
    movable = [d for d in drafts if not d.fixed]
    fixed = sum(d.seconds for d in drafts if d.fixed)
    nominal = [d.hold for d in movable]
    rows = [(d.weight, n / 5, d.low, d.high) for d, n in zip(movable, nominal, strict=True)]

    def total(factor: float) -> int:
        spent = fixed
        for weight, fifths, low, high in rows:
            hold = 5 * round(fifths * factor)
            spent += weight * (low if hold < low else high if hold > high else hold)
        return spent

    low, high = 0.2, 8.0
    for _ in range(24):
        middle = (low + high) / 2
        if total(middle) < target:
            low = middle
        else:
            high = middle
    factor = high if abs(total(high) - target) <= abs(total(low) - target) else low
    for draft, value in zip(movable, nominal, strict=True):
        draft.hold = _clamp(round5(value * factor), draft.low, draft.high)


def _feature_the_peak(drafts: list[Draft], by: int) -> None:
    """The peak held `by` seconds longer than any other shape of the arc: the peak longer
    where its range allows, the others shorter (within theirs) where it does not."""
    peak = next((d for d in drafts if d.phase == "peak"), None)
    others = [
        d for d in drafts if d is not peak and d.phase in SHAPE_PHASES and not d.card.is_breathing
    ]
    if peak is None or not others:
        return
    # The others down to the peak's hold less `by` where their ranges allow, then the peak up
    # above the longest of them where its range allows.
    lowered = {id(d): max(d.low, min(d.hold, peak.hold - by)) for d in others}
    peak.hold = max(peak.hold, min(peak.high, max(lowered.values()) + by))
    peak.low = peak.hold  # the settling that follows takes its seconds elsewhere
    for draft in others:
        ceiling = max(draft.low, peak.hold - by)
        draft.high = min(draft.high, ceiling)
        draft.hold = min(draft.hold, draft.high)


def _settled_peak_longest(drafts: list[Draft]) -> None:
    """In an active class a peak the body settles into (Frog, Pigeon, a seated fold) is held
    longer a side than any other stretch (STRETCHES), by SETTLED_PEAK_BY where the ranges
    allow: the peak up above the longest of them, the others down below it (review r5 #9:
    Frog 1:00, cool-down stretches 1:20 a side). A peak taught in rounds is left as it is."""
    peaks = [d for d in drafts if d.phase == "peak" and not d.card.is_breathing]
    if len(peaks) != 1 or peaks[0].fixed or not settles_as_peak(peaks[0].card):
        return
    peak = peaks[0]
    others = [
        d
        for d in drafts
        if d is not peak
        and d.phase in SHAPE_PHASES
        and not d.fixed
        and d.card.category in STRETCHES
        and not d.card.is_breathing
    ]
    if not others:
        return
    peak.hold = max(peak.hold, min(peak.high, max(d.hold for d in others) + SETTLED_PEAK_BY))
    peak.low = peak.hold  # the settling that follows takes its seconds elsewhere
    for draft in others:
        draft.high = min(draft.high, max(draft.low, peak.hold - SETTLED_PEAK_BY))
        draft.hold = min(draft.hold, draft.high)


def fitted_highs(drafts: list[Draft], *, style: str) -> list[int]:
    """The longest each draft can be held once the fit has had its say, for the planner to
    count on (`Planner.capacity`): its range, and in an active class with a settled peak
    (`_settled_peak_longest`) no stretch longer than SETTLED_PEAK_BY under the peak's
    longest hold (review r10 #9: the stretches of a 90-minute Monkey class stopped at 45 s
    and the class at 82:50, the planner having counted on them longer)."""
    highs = [d.high for d in drafts]
    if style in SET_UP_SECONDS:
        return highs
    peaks = [d for d in drafts if d.phase == "peak" and not d.card.is_breathing]
    if len(peaks) != 1 or peaks[0].fixed or not settles_as_peak(peaks[0].card):
        return highs
    peak, top = peaks[0], peaks[0].high - SETTLED_PEAK_BY
    return [
        max(d.low, min(d.high, top))
        if d is not peak
        and d.phase in SHAPE_PHASES
        and not d.fixed
        and d.card.category in STRETCHES
        and not d.card.is_breathing
        else d.high
        for d in drafts
    ]


def settle(drafts: list[Draft], target: int, *, phases: tuple[str, ...] | None = None) -> int:
    """The last seconds to `target`, five at a time, to the most flexible holds (of these
    phases only, if given), each within its range; returns the total seconds."""
    spent = sum(d.seconds for d in drafts)
    order = sorted(
        (d for d in drafts if not d.fixed and (phases is None or d.phase in phases)),
        key=lambda d: FLEXIBLE_FIRST.index(d.phase) if d.phase in FLEXIBLE_FIRST else 99,
    )
    for draft in order:
        while spent < target - 2 and draft.hold + 5 <= draft.high:
            draft.hold += 5
            spent += 5 * draft.weight
        while spent > target + 2 and draft.hold - 5 >= draft.low:
            draft.hold -= 5
            spent -= 5 * draft.weight
        if abs(spent - target) <= 2:
            break
    return spent


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def round5(value: float) -> int:
    return int(5 * round(value / 5))


# The quiet end of a flowing class: a third or less as a rule (the generator aims there); up
# to half in the rare long beginner class with an avoid list that cannot fill its time moving.
QUIET_AT_MOST = 0.5
# The classes whose time is shared so: the flowing ones, and hatha, which builds to its peak
# holding (review r7 #10: a 30-minute core class with 3 minutes of build and 12 of cool-down).
SHARED_STYLES = ("vinyasa", "power", "hatha")


def time_shares(steps, *, style: str, minutes: int) -> list[str]:
    """What an active class (vinyasa, power or hatha, 20 minutes or more) gets wrong in how its
    time is shared: it must move longer than it cools down, and its quiet end (cool-down, final
    relaxation, closing) takes at most QUIET_AT_MOST of the held seconds. `steps`: anything
    with `phase` and `seconds`; returns one sentence per fault, empty when it is right. (Asking
    the build and peak alone to outlast the cool-down refused 30-minute beginner hatha core
    classes, whose short core holds cannot fill a long build: the focus rules give the build
    its core shapes instead.)"""
    if style not in SHARED_STYLES or minutes < 20:
        return []
    seconds: dict[str, int] = {}
    for step in steps:
        seconds[step.phase] = seconds.get(step.phase, 0) + step.seconds
    total = sum(seconds.values())
    moving = sum(seconds.get(phase, 0) for phase in ("warm_up", "build", "peak"))
    problems = []
    if seconds.get("cool_down", 0) > moving:
        problems.append(
            f"cool-down {seconds.get('cool_down', 0)} s, build {seconds.get('build', 0)} s"
        )
    quiet = sum(seconds.get(phase, 0) for phase in ("cool_down", "relaxation", "closing"))
    if quiet > QUIET_AT_MOST * total:
        problems.append(f"{quiet} s quiet of {total} s")
    return problems
