"""A cool-down that goes one way, from work to rest (issue 11, blind teacher review r11b,
plan 2: the counter-pose a restorative Reclined Bound Angle held two minutes, then the active
Bridge, so the cool-down went rest → work → rest).

Once a class has lain down in a supported rest (`lying_rest`: a restorative shape on the back,
the belly or the side, the props or the floor holding the body) after its peak, what follows
before the final relaxation rests too: no active pose brings the body back to work. The
cool-down already ranks its passive shapes on the back after its active ones
(`Phases.more_cool_down`); a class that moves prefers a counter-pose that is no lying rest, and
when the counter-pose is one the cool-down holds passive shapes only (`after_a_lying_rest`,
read by `Phases.cool_down_fits`, which every cool-down pick asks).
Crocodile, a rest on the belly, keeps its height: the class comes down from it to sit and lie
on the back (`quality.arc` "back up")."""

from collections.abc import Iterable

from poses.models import Category, Caution, Effort, Position
from sequences.steps import PoseCard

LYING = frozenset({Position.SUPINE, Position.SIDE_LYING})
# The phases after the peak that go one way, down to rest.
SETTLING = ("counter", "cool_down")


def lying_rest(card: PoseCard) -> bool:
    """A supported rest lying on the back or side: passive, restorative (Supported Fish,
    Reclined Bound Angle); not Knees-to-Chest, a release of the lower back that rounds it."""
    return (
        card.effort == Effort.PASSIVE
        and card.category == Category.RESTORATIVE
        and card.position in LYING
        and Caution.SPINAL_ROUNDING not in card.cautions
    )


def after_a_lying_rest(card: PoseCard, counters: Iterable[PoseCard]) -> bool:
    """The pose may follow these counter-poses (read only for an active pose): a passive shape
    or breathing always, an active pose unless one of them is a lying rest."""
    if card.is_breathing or card.effort == Effort.PASSIVE:
        return True
    return not any(lying_rest(c) for c in counters)


def back_to_work(steps) -> list[str]:
    """The active poses held after a lying rest in the counter-pose and cool-down (steps with
    `.phase` and `.pose`), as "rest → pose". A rest between two rounds of one pose (Bridge,
    rest, Bridge: `quiet_fill`) is the round's pause, not the settling: what follows the
    second round rests again."""
    rest, found, before = None, [], None
    steps = [s for s in steps if s.phase in SETTLING]
    for number, step in enumerate(steps):
        after = steps[number + 1] if number + 1 < len(steps) else None
        between = before is not None and after is not None and before.pose == after.pose
        if rest is not None and step.pose.effort == Effort.ACTIVE:
            found.append(f"{rest} → {step.pose.slug}")
        if lying_rest(step.pose) and not between:
            rest = step.pose.slug
        before = step
    return found
