"""The last ways a long class for a restricted group fills its time (review: "generate
breathing and meditation into centring and closing where the style and time allow").

A long class (LONG_FROM_MINUTES or more) whose avoid list leaves few poses has, once every
other lengthening is spent (`Planner.lengthen`), its active poses at the longest their
ranges allow. A teacher then does not hold a warrior longer: the group breathes longer at
the centring — the calm class's breathing practice (`arc.CALM_CENTRING`, eight minutes, at
most a tenth of the class) in any style — and rests longer in the cool-down's supported
floor shapes, those whose own range runs to ten minutes or more (Reclined Bound Angle, Legs
Up the Wall), up to QUIET_SHAPE_MOST seconds. Both stay within each pose's range and any
cap the style or the avoid list puts on it; no new pose, no active hold longer.
"""

from sequences.generator.plan import cool_down_held_up_to, round5

# A class this long (minutes) or longer may fill its time so.
LONG_FROM_MINUTES = 60
# The longest breathing practice at the centring, in seconds (arc.CALM_CENTRING).
BREATHING_MOST = 480
# The longest hold of a quiet floor shape in the cool-down, seconds: ten minutes, as a
# restorative class rests in it.
QUIET_SHAPE_MOST = 600
# A shape is quiet enough to rest in so long when its own range runs this far (seconds).
QUIET_RANGE_FROM = 600


def fills(planner) -> bool:
    """Whether `planner`'s practice is one this module fills: a long class with an avoid
    list (cautions or poses)."""
    choices = planner.choices
    restricted = bool(choices.avoid) or bool(getattr(choices, "avoid_slugs", ()))
    return choices.minutes >= LONG_FROM_MINUTES and restricted


def longer_breathing(planner) -> bool:
    """The centring's breathing practice up to BREATHING_MOST seconds and a tenth of the
    class, within its range; True if it may be held longer."""
    if not fills(planner):
        return False
    most = round5(min(BREATHING_MOST, planner.target / 10))
    grew = False
    for block in planner.blocks:
        if block.phase != "centring":
            continue
        for draft in block.drafts:
            if not draft.card.is_breathing:
                continue
            high = max(draft.high, min(draft.card.hold_range(planner.style)[1], most))
            grew |= high > draft.high
            draft.high = high
    return grew


def longer_quiet_shapes(planner) -> bool:
    """The cool-down's supported floor shapes (range to QUIET_RANGE_FROM seconds or more,
    taken on one side) up to QUIET_SHAPE_MOST seconds, within the caps; True if one may be
    held longer."""
    if not fills(planner):
        return False

    def ceiling(card) -> int:
        if card.is_bilateral or card.hold_range(planner.style)[1] < QUIET_RANGE_FROM:
            return 0
        top = QUIET_SHAPE_MOST
        for applies, seconds in planner.caps:
            if applies(card):
                top = min(top, seconds)
        return top

    return cool_down_held_up_to(planner.blocks, planner.style, ceiling)
