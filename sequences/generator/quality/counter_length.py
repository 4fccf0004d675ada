"""The counter-pose is held long enough to answer the peak (blind review r18 F14: Child's Pose
25 s after two minutes of Monkey Pose, a minute a side: too short to neutralise the splits; the
teacher held it 50 s).

In an active class the first counter-pose is held at least the longer of its range's lower
bound and SHARE of the peak's held seconds (both sides, every round, less the rests between
rounds), as far as it may be held. Yin and restorative classes hold every shape for minutes
and are not measured here. `generator.counter_length` lengthens it."""

from sequences.generator.flow_rests import REST_MOST, is_rest
from sequences.generator.vocabulary import FLOWING_STYLES, SLOW_STYLES
from sequences.models import Side

# Of the peak's held seconds, what the counter-pose holds at least (r18 F14: 50 s after
# 120 s of splits; F5: Child's Pose 1:30 after 3 x 20 s a side of Side Crow).
SHARE = 0.4


def held(step) -> int:
    """The step's seconds, both sides of a bilateral pose counted."""
    both = step.side == Side.BOTH and step.pose.is_bilateral
    return step.duration_seconds * (2 if both else 1)


def peak_seconds(steps) -> int:
    """The seconds the peak pose is held in the peak phase, less the rests taken between its
    rounds (they answer part of it already)."""
    peaks = [s for s in steps if s.phase == "peak"]
    if not peaks:
        return 0
    slug = peaks[0].pose.slug
    held_ = sum(held(s) for s in peaks if s.pose.slug == slug)
    rests = sum(held(s) for s in peaks if s.pose.slug != slug)
    return max(0, held_ - rests)


def least_counter(step, peak: int, style: str, *, up: bool = False) -> int:
    """The least seconds (a side) the counter-pose `step` answers `peak` held seconds in:
    SHARE of them in fives (down, what the bar allows; `up`, what the generator aims at), at
    least its range's lower bound, at most what it may be held (its range's upper bound; a rest
    in a flowing class, `flow_rests.REST_MOST`)."""
    low, high = step.pose.hold_range(style)
    if style in FLOWING_STYLES and is_rest(step.pose):
        high = min(high, REST_MOST)
    both = step.side == Side.BOTH and step.pose.is_bilateral
    share = SHARE * peak / (2 if both else 1)
    fives = -(-share // 5) if up else share // 5
    return min(max(low, int(fives * 5)), max(low, high))


def _counter_short(practice) -> list[str]:
    """The first counter-pose of an active class holds at least `least_counter`."""
    style = practice.choices.style
    if style in SLOW_STYLES:
        return []
    steps = practice.steps
    counter = next((s for s in steps if s.phase == "counter"), None)
    peak = peak_seconds(steps)
    if counter is None or not peak:
        return []
    least = least_counter(counter, peak, style)
    if counter.duration_seconds >= least:
        return []
    return [
        f"{counter.pose.slug} at {counter.position}, {counter.duration_seconds} s after "
        f"{peak} s of the peak (at least {least} s)"
    ]


RULES = {"counter_too_short": _counter_short}
