"""No sustained arm and core load before the Sun Salutations have warmed the body (blind review
r18 F4: in a power class about seven minutes of Three-Legged Dog, Plank 1:00 twice, Side Plank
45 s a side and Dolphin 1:00 came after only joint circles and Cat-Cow, before a single Sun
Salutation: the shoulders and wrists loaded cold).

In a vinyasa or power class the salutations are the warm-up's heat. A plank-family hold (a
core hold on the hands or forearms and the feet: Plank, Forearm Plank, Side Plank,
Chaturanga) or Dolphin held on its own, outside a flow, for more than SUSTAINED seconds in all
comes after them: the teacher's fix teaches the salutations first and the plank block from
their last Down Dog (`generator.warm_first`). A pose on the way (a minute of Forearm Plank
among the joint-by-joint moves) wakes the core as the Down Dog before the salutations does."""

from poses.models import Category, Position
from sequences.generator.vocabulary import FLOWING_STYLES
from sequences.generator.warm_block import PLANK_BLOCK
from sequences.models import Side

SALUTATION = "Sun Salutation"
# Held on the arms by the shoulders and the core whatever its category.
ARM_LOADS = frozenset({"dolphin"})
# Seconds of arm and core load held before the salutations that are still a pose or two on
# the way, not a block of work: a minute of Forearm Plank among the joint-by-joint moves
# (`warm_block.PLANK_BLOCK`).
SUSTAINED = PLANK_BLOCK


def loads_the_arms(card) -> bool:
    """A sustained arm and core load: a core hold on the hands or forearms and the feet (the
    plank family), or Dolphin."""
    return card.slug in ARM_LOADS or (
        card.category == Category.CORE and card.position == Position.HANDS_AND_FEET
    )


def held_cold(steps, style: str) -> list:
    """The steps (or drafts) of `steps` holding an arm and core load before the first Sun
    Salutation step of a flowing class, where they hold more than SUSTAINED seconds in all."""
    if style not in FLOWING_STYLES:
        return []
    first = next((n for n, s in enumerate(steps) if s.flow.startswith(SALUTATION)), None)
    if first is None:
        return []
    cold = [s for s in steps[:first] if not s.flow and loads_the_arms(_card(s))]
    return cold if sum(_seconds(s) for s in cold) > SUSTAINED else []


def _card(step):
    return step.card if hasattr(step, "card") else step.pose


def _seconds(step) -> int:
    """Seconds held, both sides of a bilateral pose counted."""
    if hasattr(step, "weight"):
        return step.hold * step.weight
    both = step.side == Side.BOTH and step.pose.is_bilateral
    return step.duration_seconds * (2 if both else 1)


def _arm_load_cold(practice) -> list[str]:
    """In a flowing class that salutes, no sustained arm and core load before its first Sun
    Salutation step (`held_cold`)."""
    return [
        f"{step.pose.slug} at {step.position}, held before the Sun Salutations"
        for step in held_cold(practice.steps, practice.choices.style)
    ]


RULES = {"arm_load_cold": _arm_load_cold}
