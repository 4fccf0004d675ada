"""The Sun Salutations warm the body before sustained arm and core load (blind review r18 F4:
a power class held Three-Legged Dog, Plank 1:00 twice, Side Plank 45 s a side and Dolphin 1:00,
about seven minutes, after only joint circles and Cat-Cow, before a single Sun Salutation).

`floor_blocks` moves a floor block of the build to the end of the floor warm-up, before the
class stands; in a vinyasa or power class that is before the salutations, and a plank block
there loads the shoulders and wrists cold. The teacher's order: the Sun Salutations first,
then from the last salutation's last Down Dog the block (the class is on its hands already),
then the salutation's way up to standing (Halfway Lift, Fold, Chair, Mountain) into the
standing flows. So in a flowing class, once the holds are fitted, the build work taught in the
warm-up (`Draft.work`) before the first Sun Salutation step moves, in its order, to just after
the last Down Dog of the last salutation taught beat by beat, where standing steps of it
follow; so do the warm-up's own arm and core holds there, where they hold more than a wake-up
(`quality.warm_first.held_cold`). Its last step says how it goes on (`back_to`: back to Down Dog,
`floor_blocks.up_to_stand`). Where the salutations never come down to the hands (standing
salutations, for the wrists) there is no such place: the arm and core holds before them are
held shorter instead, a wake-up (`_shorter`). `quality.warm_first` is the figure."""

from poses.models import Position
from sequences.generator.flow_rests import is_rest
from sequences.generator.quality.warm_first import SALUTATION, SUSTAINED, held_cold
from sequences.generator.vocabulary import FLOWING_STYLES

DOWN_DOG = "downward-facing-dog"
STEP = 5  # seconds a hold is said in
# What the block's last step ends with, before the salutation's way up ("Step to the front"):
# back to the Down Dog it started from, or to the hands where the salutation has none.
BACK_TO_DOWN_DOG = "Then press back to Down Dog."
BACK_TO_THE_HANDS = "Then come back onto the hands, ready to step forward."


def after_the_salutations(drafts: list, style: str) -> bool:
    """`drafts` (in practice order) with the warm-up's build work and arm and core holds moved
    from before the Sun Salutations to after their last Down Dog, where they hold an arm and
    core load longer than a wake-up (`held_cold`); True if moved."""
    if style not in FLOWING_STYLES:
        return False
    first = next((n for n, d in enumerate(drafts) if d.flow.startswith(SALUTATION)), None)
    if first is None:
        return False
    cold = held_cold(drafts, style)
    if not cold:
        return False
    moved = [
        d
        for d in drafts[:first]
        if not d.flow
        and d.phase == "warm_up"
        and (getattr(d, "work", False) or any(d is c for c in cold))
    ]
    at = _last_down_dog(drafts)
    if at is None:
        return _shorter(drafts[:first], cold, style)
    target = drafts[at]
    for draft in moved:
        drafts.remove(draft)
    at = drafts.index(target) + 1
    drafts[at:at] = moved
    moved[-1].back_to = BACK_TO_DOWN_DOG if target.card.slug == DOWN_DOG else BACK_TO_THE_HANDS
    return True


def _last_down_dog(drafts: list) -> int | None:
    """Where the last salutation's last Down Dog is (else, where it has none, as without
    inversions, its last step on the hands: Up Dog), with standing steps of the same
    salutation after it (its way up to standing), or None."""
    last = max(n for n, d in enumerate(drafts) if d.flow.startswith(SALUTATION))
    start = last
    while start > 0 and drafts[start - 1].flow.startswith(SALUTATION):
        start -= 1
    down = [n for n in range(start, last) if drafts[n].card.position == Position.HANDS_AND_FEET]
    dogs = [n for n in down if drafts[n].card.slug == DOWN_DOG] or down
    if not dogs:
        return None
    at = dogs[-1]
    way_up = drafts[at + 1 : last + 1]
    if not way_up or not all(d.card.position == Position.STANDING for d in way_up):
        return None
    return at


def _shorter(before: list, cold: list, style: str) -> bool:
    """Where the salutations never come down to the hands (standing salutations, for the
    wrists), the arm and core holds before them (`cold`) shortened, five seconds at a time,
    the longest first, to SUSTAINED seconds in all, within their ranges; the seconds go to
    the other holds before the salutations (the joint-by-joint moves; not a rest, whose cue
    may quote its seconds, nor the build's work), within their ranges
    (past the fit's cap: the class keeps its length). True if
    the load is brought down to a wake-up."""
    others = [
        d
        for d in before
        if d.phase == "warm_up"
        and not (d.flow or d.fixed or is_rest(d.card) or getattr(d, "work", False))
        and not any(d is c for c in cold)
    ]
    while sum(d.seconds for d in cold) > SUSTAINED:
        longer = [d for d in cold if d.hold - STEP >= d.card.hold_range(style)[0]]
        if not longer:
            return False
        draft = max(longer, key=lambda d: d.hold)
        given = STEP * draft.weight
        taker = next(
            (
                d
                for d in others
                if given % d.weight == 0
                and d.hold + given // d.weight <= d.card.hold_range(style)[1]
            ),
            None,
        )
        if taker is None:
            return False
        draft.hold -= STEP
        taker.hold += given // taker.weight
        others.append(others.pop(others.index(taker)))  # (spread over them in turn)
    return True
