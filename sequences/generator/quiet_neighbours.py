"""Where the quiet fill puts a pose in the cool-down, it does not lie next to one of its own
family (`grouping.COOL_DOWN_FAMILIES`; the figure `cool_down_families`): Bridge's rounds are
not added straight after Sphinx, a backbend on the belly (the measure's redraws after the
cool-down's way down, `cool_down_descent`: "sphinx then bridge"). A resting shape between them
does not keep them apart in an active class: once the counter-pose rested, it is given away
after the fit (`cool_down_descent.rest_given_away`)."""

from sequences.generator.grouping import COOL_DOWN_FAMILIES
from sequences.generator.rests_given import without_given_rests


def next_to_its_family(planner, card, rank: float) -> bool:
    """`card`, ranked `rank` in `planner`'s cool-down, would follow a pose of its own family
    (another pose of it), a rest the fit gives away aside."""
    if card.category not in COOL_DOWN_FAMILIES:
        return False
    after = sorted(
        (b for b in planner.blocks if b.phase in ("counter", "cool_down")),
        key=lambda b: (b.phase != "counter", b.rank, b.order),
    )
    before = [b for b in after if b.phase == "counter" or b.rank < rank]
    before = without_given_rests(before, planner.style)
    if not before or before[-1].phase != "cool_down":
        return False
    first = before[-1].cards[0]
    return first.category == card.category and first != card
