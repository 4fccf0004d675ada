"""Vinyasa and power flow (review r14 F11: a 90-minute advanced vinyasa class holding almost
every standing pose a minute, 12 breaths, "a hatha standing series with vinyasa links"): an
active standing pose held in a flowing class, in a flow or on its own, is counted in breaths
and short, FLOW_HOLD_BREATHS at most by level (the peak aside). A long class finds its time in
more salutation rounds and flows, never in longer holds: the cap rides with the choices' own
caps (`Planner.caps`), so no lengthening and no fit goes past it.
"""

from poses.models import Difficulty, Effort, Position
from sequences.generator.vocabulary import BREATH_SECONDS, FLOWING_STYLES
from sequences.steps import PoseCard

# The most breaths an active standing pose is held in a flowing class, by level.
FLOW_HOLD_BREATHS = {
    Difficulty.BEGINNER: 6,
    Difficulty.INTERMEDIATE: 7,
    Difficulty.ADVANCED: 8,
}


def breath_counted(card: PoseCard) -> bool:
    """An active standing pose: held in a flowing class by the breath."""
    return (
        not card.is_breathing
        and card.position == Position.STANDING
        and card.effort == Effort.ACTIVE
    )


def most_flow_seconds(choices) -> int | None:
    """The longest such a pose is held in a class of these choices (None: no cap)."""
    if choices.style not in FLOWING_STYLES:
        return None
    return FLOW_HOLD_BREATHS[choices.level] * BREATH_SECONDS


def flow_caps(planner) -> list:
    """The cap as (applies(card), seconds), as `Planner.caps` holds the choices' caps: every
    active standing pose but the peak."""
    seconds = most_flow_seconds(planner.choices)
    if seconds is None:
        return []

    def applies(card: PoseCard) -> bool:
        return breath_counted(card) and card is not planner.peak

    return [(applies, seconds)]


def within(caps, card: PoseCard, low: int, high: int) -> tuple[int, int]:
    """The span (low, high) of the pose's hold under `caps`."""
    for applies, seconds in caps:
        if applies(card):
            high = max(min(low, seconds), min(high, seconds))
            low = min(low, high)
    return low, high
