"""The cool-down's resting shapes the fit gives away (`cool_down_descent.rest_given_away`:
in an active class, a rest after the counter-pose rested answers nothing), seen as gone while
the cool-down is planned: Crocodile between Cobra and Bridge does not keep the two backbends
apart, since it is left out after the fit (the measure's redraws: "cobra then bridge").
Nor is such a rest planned as the cool-down's only pose, where the fit could not give it
away (a 17-minute power class: Child's Pose, then Crocodile alone)."""

from sequences.generator.flow_rests import is_rest
from sequences.generator.vocabulary import SLOW_STYLES

# Under this a cool-down may hold a single pose (`Phases.cool_down`: from twenty minutes it
# holds two at least, and the fit gives a rest that answers nothing away).
ALONE_MINUTES = 20


def without_given_rests(blocks, style: str) -> list:
    """`blocks` (the counter-pose's and cool-down's, in practice order) less the cool-down's
    resting shapes held after a rest already, in an active class."""
    if style in SLOW_STYLES:
        return list(blocks)
    kept, rested = [], False
    for block in blocks:
        card = block.cards[0]
        if block.phase == "cool_down" and rested and is_rest(card) and len(block.drafts) == 1:
            continue
        rested = rested or is_rest(card)
        kept.append(block)
    return kept


def only_a_rest_left(blocks, style: str, minutes: int) -> bool:
    """In an active class shorter than ALONE_MINUTES whose counter-pose rests, the cool-down
    holds no pose but rests yet: a resting shape picked now may stay its only pose, answering
    nothing, and could not be given away."""
    if style in SLOW_STYLES or minutes >= ALONE_MINUTES:
        return False
    if not any(b.phase == "counter" and is_rest(b.cards[0]) for b in blocks):
        return False
    return not any(b.phase == "cool_down" and not is_rest(b.cards[0]) for b in blocks)
