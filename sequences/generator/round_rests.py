"""A pose a class rests in between rounds is not taken again as a cool-down shape (review r11b
and the measure: Knees-to-Chest as the rest between two rounds of Bridge, or of Boat in the
build, then held again on its own in the cool-down). A teacher gives the rounds their pause
in one shape and cools down in others: the cool-down picks another quiet supine or seated
pose (`cooled_in_other_shapes`, `quiet_fill`), or the rounds rest
in another shape (`quiet_fill._rest`, `FocusShare.focus_round`).

Narrow by design: only a pose used as a round's rest is kept out of the cool-down, not every
pose the class has held (that wider rule cost many redraws and bare reasons)."""

from sequences.generator.reasons import stretches_hamstrings


def round_rests(steps) -> set[str]:
    """The slugs of the poses held as a rest between two rounds of another pose in `steps`
    (drafts or a practice's steps, in order): Bridge, Knees-to-Chest, Bridge."""
    return {_card(steps[n]).slug for n in _rest_places(steps)}


def _rest_places(steps) -> set[int]:
    """Where in `steps` a round's rest is: each run of two poses taken in turn in one phase,
    none in a flow, ends on a round (Locust, Crocodile, Locust, Crocodile, Locust; the
    Knees-to-Chest counter-pose before Bridge, Knees-to-Chest, Bridge is no round), so the
    rests are every second step counted back from its end."""
    places: set[int] = set()
    n = 0
    while n < len(steps):
        end = n + 1
        while end < len(steps) and _in_turn(steps, n, end):
            end += 1
        if end - n >= 3:
            places.update(range(end - 2, n, -2))
        n = max(end - 1, n + 1)
    return places


def _in_turn(steps, start: int, n: int) -> bool:
    """The nth step goes on the run of two poses in turn from `start`."""
    step, first = steps[n], steps[start]
    if step.phase != first.phase or step.flow or first.flow:
        return False
    if n - start == 1:
        return _card(step).slug != _card(first).slug
    return _card(step).slug == _card(steps[n - 2]).slug


def rests_of_rounds(blocks) -> set[str]:
    """`round_rests` of each planned block's drafts (a peak's rounds, the quiet fill's Bridge)."""
    return {slug for block in blocks for slug in round_rests(block.drafts)}


def held_again(steps) -> list:
    """The cool-down steps (not a round's rest, not in a flow) of a pose the class rested in
    between rounds."""
    places = _rest_places(steps)
    rests = {_card(steps[n]).slug for n in places}
    return [
        step
        for n, step in enumerate(steps)
        if step.phase == "cool_down"
        and not step.flow
        and _card(step).slug in rests
        and n not in places
    ]


def _card(step):
    return step.card if hasattr(step, "card") else step.pose


def cooled_in_other_shapes(planner) -> None:
    """Once the cool-down is planned (`Phases.finish_cool_down`): each of its poses that a
    round rested in (Knees-to-Chest after Boat's rounds) given up for another quiet pose that
    fits it (`Phases.cool_down_fits`), one at its height first (supine for supine, seated for
    seated), where the time allows; the pose's shape stays taken (the rounds hold it)."""
    rests = rests_of_rounds(planner.blocks)
    taken = [
        b
        for b in planner.blocks
        if b.phase == "cool_down" and len(b.drafts) == 1 and b.cards[0].slug in rests
    ]
    for block in taken:
        card = block.cards[0]
        planner.blocks.remove(block)
        other = planner.pick(
            lambda c, rests=rests: (
                c.slug not in rests
                and not stretches_hamstrings(c)  # (counted: `finish_cool_down`)
                and planner.cool_down_fits(c)
                and planner.room_to_twist(c)
            ),
            prefer=lambda c, card=card: 1.0 * (c.position == card.position),
        )
        if other is not None and planner.fits_one_more(other):
            planner.cool_down_hold(other, optional=block.optional)
