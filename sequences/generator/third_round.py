"""A standing flow is taught twice a side at most (r19 F3, F6: three rounds of High Lunge →
Twisted Crescent → Revolved Triangle, of Warrior II → Extended Side Angle → Extended Triangle:
the third adds load but no new range, and the poses that would prepare the peak stay short).

Where the time would be filled by a third round, it goes where a teacher gives it
(`instead_of_a_third_round`), in turn: Sun Salutation A's rounds 2-3 in the warm-up of a long
flowing class (`salutation_rounds`: a round of the warm-up's salutation is not a build flow's
round, and 2-3 rounds of Sun A are what a teacher of a long vinyasa class gives, r16 F7), a
standing balance where the class has none and the
choices allow one (Tree, Extended Hand-to-Big-Toe: r19 F6), the peak's direct preparation
held longer (Low Lunge, Half Splits before Monkey: r19 F3), a new pose that prepares the
peak (Lizard), a new build pose. What none of
them takes goes to the later ways of filling the time (`arc.LENGTHENINGS`).
"""

from sequences.generator import reasons
from sequences.generator.flow_rounds import another_pose, most_hold
from sequences.generator.lead_in import standing_balance
from sequences.generator.salutation_rounds import salutation_round
from sequences.generator.shapes import on_the_floor
from sequences.generator.vocabulary import LINKING_SLUGS

# The most a side the peak's direct preparation is held where a third round's time goes to it
# (r19 F3: Low Lunge 2:00 a side before Monkey Pose).
PREP_MOST = 120
# How much longer at a time, in seconds.
PREP_STEP = 30
# The rounds a side a flow of the build is taught at most.
MOST_ROUNDS = 2


def instead_of_a_third_round(planner) -> bool:
    """One thing a teacher adds where a flow would be done a third time (module docstring);
    True if one was."""
    return (
        salutation_round(planner)
        or a_standing_balance(planner)
        or longer_preparation(planner)
        or another_preparation(planner)
        or another_pose(planner)
    )


def peak_served(block, peak) -> float:
    """The share of a flow's poses that prepare the peak (`grouping.serves_the_peak`): the flow
    a teacher teaches a second round of is the one that serves the peak most (r20 F1: Humble
    Warrior → Twisted Crescent → Revolved Triangle again before Camel, two twists of three,
    where Warrior II → Reverse Warrior → Extended Side Angle opens what Camel needs)."""
    from sequences.generator.grouping import serves_the_peak  # (grouping reads the flows)

    if peak is None:
        return 0.0
    cards = {d.card.slug: d.card for d in block.drafts if d.card.slug not in LINKING_SLUGS}
    if not cards:
        return 0.0
    return sum(serves_the_peak(c, peak) for c in cards.values()) / len(cards)


def a_standing_balance(planner) -> bool:
    """A standing balance held in the build of a class that has none (r19 F6: Tree Pose,
    Extended Hand-to-Big-Toe with a strap), where the pool the choices leave has one."""
    if planner.slow or planner.layout == "floor" or planner.peak is None:
        return False
    if any(standing_balance(d.card) for b in planner.blocks for d in b.drafts):
        return False
    if not planner.room_for(1, keep=3):
        return False
    card = planner.pick(
        lambda c: not planner.crowded(c, planner.build_neighbours),
        lambda c: 1.5 * planner.common(c) - 0.5 * c.intensity,
        among=planner.among(
            "build-standing-balance",
            lambda c: standing_balance(c) and planner.build_fits(c, floor=False, relevant=False),
            within=planner.build_pool(False),
        ),
    )
    if card is None:
        return False
    planner.build_hold(card, floor=False)
    return True


def longer_preparation(planner) -> bool:
    """The build poses that lead into the peak may each be held PREP_STEP longer, up to
    PREP_MOST a side within their range and the choices' caps; True if one may."""
    if planner.slow:
        return False
    grew = False
    for block in planner.blocks:
        if block.phase != "build" or not block.leads_in:
            continue
        for draft in block.drafts:
            if draft.fixed:
                continue
            top = min(PREP_MOST, most_hold(draft.card, planner.style, planner.caps))
            high = max(draft.high, min(top, max(draft.high, draft.hold) + PREP_STEP))
            grew |= high > draft.high
            draft.high = high
    return grew


def another_preparation(planner) -> bool:
    """A new build pose on the peak's side of the room that prepares it (`reasons.credits`:
    Lizard before Monkey Pose, r19 F3); True if one was added."""
    peak = planner.peak
    if planner.slow or peak is None or not planner.room_for(1, keep=3):
        return False
    floor = on_the_floor(peak)
    # The peak's side of the room, where the plan builds there (`flow_rounds.another_pose`).
    if (planner.layout == "floor") != floor and not (floor and planner.layout == "arc"):
        return False
    card = planner.pick(
        lambda c: (
            bool(reasons.credits(c, peak)) and not planner.crowded(c, planner.build_neighbours)
        ),
        lambda c: 1.5 * planner.common(c),
        among=planner.among(
            f"build-{floor}",
            lambda c: planner.build_fits(c, floor=floor),
            within=planner.build_pool(floor),
        ),
    )
    if card is None:
        return False
    planner.build_hold(card, floor=floor)
    return True
