"""The last ways a practice fills its time once its poses, steps and every usual lengthening
are spent (`Planner.lengthen`): a teacher holds the cool-down longer, each pose within its own
range, rather than ending the class minutes early (review r10 #9: a 90-minute vinyasa class
planned to 82:50, no allowance stated).

The quality figure `time_filled` (quality/time.py) holds the rule: the planned holds and the
time set aside between them (`fit.allowance`, yin and restorative only) last the time asked
for within FILLED_SHARE of it, or FILLED_SECONDS in a short class.
"""

# The cool-down of a class that moves holds each pose at most this long a side at last (a
# cool-down, not a yin class); a calm one (gentle, hatha) as long as each pose's range allows.
LONGEST_COOL_DOWN = {"bilateral": 120, "one": 180}
# How near the time asked for a practice lasts: 3 %, or a minute in a short class.
FILLED_SHARE = 0.03
FILLED_SECONDS = 60


def filled_within(target: int) -> float:
    """Seconds a practice of `target` seconds may be off its time and still fill it."""
    return max(FILLED_SECONDS, FILLED_SHARE * target)


def longest_cool_down(planner) -> bool:
    """The cool-down poses of `planner`'s practice may be held up to their ranges' ceilings
    (LONGEST_COOL_DOWN in a flowing class); True if one may be held longer."""
    if planner.slow:
        return False
    grew = False
    for block in planner.blocks:
        if block.phase != "cool_down":
            continue
        for draft in block.drafts:
            if draft.fixed or draft.card.is_breathing:
                continue
            top = draft.card.hold_range(planner.style)[1]
            if planner.flowing:
                top = min(top, LONGEST_COOL_DOWN["bilateral" if draft.card.is_bilateral else "one"])
            for applies, seconds in planner.caps:
                if applies(draft.card):
                    top = min(top, seconds)
            if top > draft.high:
                draft.high, grew = top, True
    return grew
