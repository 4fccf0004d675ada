"""A class planned to its time (teacher review r10 #9: a 90-minute vinyasa class planned to
82:50, 7 minutes 10 unaccounted for): the holds last the time asked for within
`time_fill.filled_within` of it (3 %, or a minute in a short class).

The figure `time` holds every practice to the looser TOLERANCE. This one holds the classes
that fill their time with moving and held work (vinyasa, power, hatha: `fit.SHARED_STYLES`)
from the whole library of their level, no avoid list: their planner has the last ways a
teacher fills a class (`time_fill`) and poses enough to use them. Yin and restorative set time
aside between their shapes (`GeneratedPractice.transition_seconds`), and a gentle class or one
with an avoid list may run out of poses before its time; those stay within TOLERANCE (`time`)
until the planner can fill them too."""

from sequences.generator.fit import SHARED_STYLES
from sequences.generator.time_fill import filled_within


def _time_filled(practice) -> list[str]:
    """The class's holds within `filled_within` of its time."""
    choices = practice.choices
    if choices.style not in SHARED_STYLES or choices.avoid or choices.avoid_slugs:
        return []
    target, planned = practice.target_seconds, practice.planned_seconds
    if abs(planned - target) <= filled_within(target):
        return []
    return [f"{planned // 60}:{planned % 60:02d} planned for {target // 60}:{target % 60:02d}"]


RULES = {"time_filled": _time_filled}
