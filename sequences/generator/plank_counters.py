"""The counter-pose and close of a short class that peaks in a plank (blind teacher review r16
F11, r15 F12; seen in r13 too).

A plank held on the hands or the forearms, facing the floor (Plank, Forearm Plank), braces the
belly in a neutral spine. What answers it is a gentle lengthening of the front of the body on
the floor: "lower onto the belly, elbows under the shoulders… the front of the body lengthens
after the plank's hold" (Sphinx, then Cobra). A fold compresses the belly the plank just
braced, and a standing one makes students stand up from a floor peak. So a short class that
rises to such a peak (`arc.Planner.layout_for` "rise") counters it on the belly and closes
seated, "press up to sit" (Easy Pose 45 s), not in Mountain: up, down, and not up again."""

from collections.abc import Sequence

from poses.models import Category, Caution, Position
from sequences.checks import level_changes
from sequences.generator.shapes import on_the_floor
from sequences.generator.truths import opens_the_front
from sequences.steps import PoseCard, Step

# What a teacher reaches for after the plank, best first: the front body lengthened on the
# belly, then Child's Pose, a rest the review also allows (r15 F12: "a gentle extension or
# rest").
FRONT_FIRST = ("sphinx", "cobra", "childs-pose")
# The seated close of such a class, and its words (review r16 F11).
SEATED_CLOSE = "easy-pose"
SEATED_CLOSE_SECONDS = 45
SEATED_CLOSE_CUE = "Press up to sit, tall spine, eyes closed: feel what the practice did."


def faces_the_floor_on_the_arms(peak: PoseCard) -> bool:
    """A plank: core work on the hands or forearms and the feet, the belly facing the floor
    (not Side Plank, balanced on one hand and turned to the side)."""
    return (
        peak.category == Category.CORE
        and peak.position == Position.HANDS_AND_FEET
        and Caution.UNSUPPORTED_BALANCE not in peak.cautions
    )


def lengthens_the_front_lying(card: PoseCard) -> bool:
    """A gentle backbend on the belly (Sphinx, Cobra): the front body long, the belly soft."""
    return (
        card.position == Position.PRONE
        and opens_the_front(card)
        and Caution.DEEP_BACKBEND not in card.cautions
    )


def answers_on_the_floor(card: PoseCard) -> bool:
    """What counters a plank in a short class that stays down after it: a front-body
    lengthener on the belly, or Child's Pose."""
    return on_the_floor(card) and (lengthens_the_front_lying(card) or card.slug in FRONT_FIRST)


def most_level_changes(steps: Sequence[Step], short: bool) -> int:
    """How often the class may go down or come up: a short class once (it rises and stays
    up), or twice where its second change lays it down for its plank's counter-pose and it
    stays down to the close (up once, down once)."""
    if not short:
        return 2
    changes = level_changes(steps)
    last = changes[-1] if changes else None
    down = (
        last is not None
        and last.phase == "counter"
        and on_the_floor(last.pose)
        and all(on_the_floor(s.pose) for s in steps[steps.index(last) :])
        and any(faces_the_floor_on_the_arms(s.pose) for s in steps if s.phase == "peak")
    )
    return 2 if down else 1
