"""One roll-over at most after the peak (blind review r17 F11: Thread the Needle, Seated
Forward Fold, Sphinx, Supported Fish: onto the belly from sitting, then over onto the back;
the teacher lowers from all fours onto the belly, sits up for the fold, and lies back;
`generator.cool_down_descent.roll_overs`):

- `cool_down_rolls`: in an active class, from the counter-pose to the final relaxation the
  class rolls onto the belly for a backbend from sitting or lying, or from it onto the back,
  once at most.
"""

from sequences.generator.cool_down_descent import roll_overs
from sequences.generator.vocabulary import SLOW_STYLES


def _cool_down_rolls(practice) -> list[str]:
    if practice.choices.style in SLOW_STYLES:
        return []  # a yin or restorative class orders its long shapes its own way
    steps = [
        s
        for s in practice.steps
        if s.phase in ("counter", "cool_down", "relaxation") and not s.pose.is_breathing
    ]
    rolls = roll_overs(steps)
    if len(rolls) < 2:
        return []
    return [f"rolls at {', '.join(str(steps[n].position) for n in rolls)}"]


RULES = {"cool_down_rolls": _cool_down_rolls}
