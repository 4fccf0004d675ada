"""The floor's own order (teacher review r15, F2, F4): within a floor section the class visits
each floor position (kneeling or on all fours, on the belly, on the back, seated) once, not
up and down and round and round; and within the backbends at one position, gentle before
strong."""

from poses.models import Category
from sequences.generator.floor_order import floor_sections
from sequences.generator.quality.common import held_shapes
from sequences.generator.vocabulary import SLOW_STYLES


def _floor_revisits(practice) -> list[str]:
    """A floor section (`floor_order.floor_sections`: the floor shapes between standing work,
    the way to the peak apart from what follows it) goes back to no floor position it has
    left (review r15 F2: Happy Baby on the back between seated circles and Cat-Cow, Bridge on
    the back between Thread the Needle and Sphinx; F4: Locust on the belly, Upward Plank,
    Bridge, then Sphinx on the belly again). Yin and restorative practice group their shapes
    by position already (`grouping._grouped_positions`); the cool-down goes on down from the
    counter-pose (`arc._cool_down`)."""
    if practice.choices.style in SLOW_STYLES:
        return []
    problems = []
    for section in floor_sections(held_shapes(practice), practice.peak, after=False):
        seen: list[str] = []
        for level, step in section:
            if seen and seen[-1] == level:
                continue
            if level in seen:
                problems.append(f"back to {level} for {step.pose.slug} at {step.position}")
            seen.append(level)
    return problems


def _gentle_first(practice) -> list[str]:
    """On the way to the peak, the backbends held at one floor position in one section go
    gentle to strong: none of lower intensity after a stronger one (review r15 F4: Sphinx,
    the gentlest, after Locust)."""
    if practice.choices.style in SLOW_STYLES:
        return []
    problems = []
    for section in floor_sections(held_shapes(practice), practice.peak, after=False):
        strongest: dict[str, object] = {}
        for level, step in section:
            card = step.pose
            if card.category != Category.BACKBEND:
                continue
            before = strongest.get(level)
            if before is not None and card.intensity < before.pose.intensity:
                problems.append(
                    f"{card.slug} (i{card.intensity}) after {before.pose.slug} "
                    f"(i{before.pose.intensity})"
                )
            elif before is None or card.intensity > before.pose.intensity:
                strongest[level] = step
    return problems


RULES = {
    "floor_revisits": _floor_revisits,
    "gentle_first": _gentle_first,
}
