"""The last ways a practice fills its time once its poses, steps and every usual lengthening
are spent (`Planner.lengthen`): a teacher holds the cool-down longer, each pose within its own
range, rather than ending the class minutes early (review r10 #9: a 90-minute vinyasa class
planned to 82:50, no allowance stated).

The quality figure `time_filled` (quality/time_filled.py) holds the rule where the planner
has the poses to meet it (vinyasa, power and hatha classes with no avoid list): the planned
holds last the time asked for within FILLED_SHARE of it, or FILLED_SECONDS in a short class.
"""

from sequences.generator.plan import cool_down_held_up_to

# The longest a cool-down pose is held a side at last, within its range: a cool-down, not a
# yin class, in a class that flows (vinyasa, power); a little longer in one that holds (hatha,
# gentle), a supported shape or a rest up to five minutes.
LONGEST_COOL_DOWN = {
    "flowing": {"bilateral": 120, "one": 180},
    "holding": {"bilateral": 180, "one": 300},
}
# A practice this long or longer may close with a seated meditation to fill its time.
MEDITATION_FROM_MINUTES = 30
# How near the time asked for a practice lasts: 3 %, or a minute in a short class.
FILLED_SHARE = 0.03
FILLED_SECONDS = 60


def filled_within(target: int) -> float:
    """Seconds a practice of `target` seconds may be off its time and still fill it."""
    return max(FILLED_SECONDS, FILLED_SHARE * target)


def longest_cool_down(planner) -> bool:
    """The cool-down poses of `planner`'s practice may be held up to their ranges' ceilings
    and LONGEST_COOL_DOWN; True if one may be held longer."""
    if planner.slow:
        return False
    most = LONGEST_COOL_DOWN["flowing" if planner.flowing else "holding"]

    def ceiling(card) -> int:
        top = most["bilateral" if card.is_bilateral else "one"]
        for applies, seconds in planner.caps:
            if applies(card):
                top = min(top, seconds)
        return top

    return cool_down_held_up_to(planner.blocks, planner.style, ceiling)


def closing_kept(planner) -> int:
    """Steps a practice keeps free for the seated closing it may fill its time with at last
    (`Planner.closing_meditation`): one in a practice of MEDITATION_FROM_MINUTES or more
    that has none yet, so that a class whose flows used every step (MOST_STEPS) can still
    close seated rather than end minutes early (review r10 #9: 98 steps, 82:50 of 90:00)."""
    if planner.choices.minutes < MEDITATION_FROM_MINUTES or planner.layout == "rise":
        return 0
    return 0 if any(b.phase == "closing" for b in planner.blocks) else 1


def past_the_time(planner, drafts: list, target: int) -> list:
    """Where the shapes at their shortest already last past the time by more than
    `filled_within` and none is optional (a 22-minute yin class of eight shapes at
    24:05), the cool-down's shapes past its first that keep the focus: one of them goes, as a
    teacher leaves a shape out rather than run over (`generate`'s room to set up)."""
    if sum(d.low * d.weight for d in drafts) - target <= filled_within(target):
        return []
    cool = sorted((b for b in planner.blocks if b.phase == "cool_down"), key=lambda b: b.rank)
    return [b for b in cool[1:] if planner.keeps_the_focus(b)]
