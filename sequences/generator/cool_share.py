"""After a deep peak a long active class cools down at least as long as it centred (blind
review r20 F4: 90 minutes of advanced vinyasa to Monkey Pose, counter-pose and cool-down 4:45
against a 6:00 Ujjayi centring; the teacher shortened the centring and held Bridge and
Knees-to-Chest longer).

Once the holds are fitted and the counter-pose has its seconds (`counter_length`), where the
counter-pose and cool-down are shorter than the centring, the centring gives STEP seconds at a
time (never under CENTRING_LEAST nor its range's lower bound) to the cool-down's held poses,
the shortest first, each within its range, the class's caps and a cool-down's longest hold
(`time_fill.LONGEST_COOL_DOWN`), so the class keeps its length. The figure is
`quality.cool_share` (cool_down_short)."""

from sequences.generator.flow_rests import rest_caps
from sequences.generator.quality.cool_share import (
    CENTRING,
    COOLING,
    deep_peaked,
    phase_seconds,
)
from sequences.generator.time_fill import LONGEST_COOL_DOWN
from sequences.generator.vocabulary import FLOWING_STYLES

STEP = 5  # seconds a hold is said in
# The centring stays a minute at least (`quality.arc` centring_time).
CENTRING_LEAST = 60


def _top(draft, choices) -> int:
    """The longest the cool-down draft may be held: its range, the choices' caps, a flowing
    class's rests, and a cool-down's longest hold."""
    flowing = choices.style in FLOWING_STYLES
    most = LONGEST_COOL_DOWN["flowing" if flowing else "holding"]
    top = min(
        draft.card.hold_range(choices.style)[1],
        most["bilateral" if draft.card.is_bilateral else "one"],
    )
    caps = [(c.applies, c.seconds) for c in choices.hold_caps] + rest_caps(choices.style)
    for applies, seconds in caps:
        if applies(draft.card):
            top = min(top, seconds)
    return top


def cool_down_in_proportion(drafts: list, choices) -> int:
    """The cool-down of `drafts` (fitted, in practice order) lengthened from the centring as
    the module says; the seconds moved."""
    peak = next((d.card for d in drafts if d.phase == "peak"), None)
    if not deep_peaked(choices, peak):
        return 0
    centring = [d for d in drafts if d.phase == CENTRING and not d.fixed]
    cooling = [
        d
        for d in drafts
        if d.phase == "cool_down" and not d.flow and not d.fixed and not d.card.is_breathing
    ]
    moved = 0
    while phase_seconds(drafts, COOLING) < phase_seconds(drafts, (CENTRING,)):
        room = [d for d in cooling if d.hold + STEP <= _top(d, choices)]
        if not room:
            break
        taker = min(room, key=lambda d: d.hold)
        given = STEP * taker.weight
        donor = next(
            (
                d
                for d in centring
                if d.hold - given >= max(CENTRING_LEAST, d.card.hold_range(choices.style)[0])
            ),
            None,
        )
        if donor is None:
            break
        donor.hold -= given
        donor.low = min(donor.low, donor.hold)
        taker.hold += STEP
        taker.high = max(taker.high, taker.hold)
        moved += given
    return moved
