"""The focus served by its main work, and classes whose shape matches their focus (teacher
review "Today's practice a teacher would teach"): a core class builds in core-strength poses, a
back class extends and strengthens the back in its build (not only twists), an energy class
stands, and the rests between rounds of a core pose keep the class's tempo."""

from poses.models import Category, Kind, Position
from sequences.generator.focus import ENERGY_STANDS_FROM_MINUTES
from sequences.generator.vocabulary import (
    QUIET_SLUGS,
    SLOW_STYLES,
)
from sequences.models import Focus


def _energy_stands(practice) -> list[str]:
    """An energy class (not yin or restorative) stands: a standing pose of some effort in the
    warm-up, build or peak, Sun Salutations included (about 8 in 600 never stood)."""
    choices = practice.choices
    if Focus.ENERGY not in choices.focus or choices.style in SLOW_STYLES:
        return []
    if choices.minutes < ENERGY_STANDS_FROM_MINUTES:
        return []
    if any(
        s.phase in ("warm_up", "build", "peak")
        and s.pose.position == Position.STANDING
        and s.pose.kind == Kind.ASANA
        and s.pose.intensity >= 2
        for s in practice.steps
    ):
        return []
    return ["an energy class that never stands"]


def centring_shape(card) -> bool:
    """A shape a class centres or rests quietly in (Easy Pose, Constructive Rest, a breath)."""
    return card.slug in QUIET_SLUGS or card.is_breathing or card.kind != Kind.ASANA


def _round_rest(practice) -> list[str]:
    """The rest between two rounds of a core pose keeps the class's tempo (lying back, the
    knees hugged in; on the belly; Child's Pose), never a centring shape (Half Boat resting
    in Easy Pose)."""
    steps = practice.steps
    problems = []
    for before, rest, after in zip(steps, steps[1:], steps[2:], strict=False):
        if rest.phase not in ("build", "peak") or rest.flow:
            continue
        if before.pose.slug != after.pose.slug or before.pose.category != Category.CORE:
            continue
        if centring_shape(rest.pose):
            problems.append(f"{before.pose.slug}: rests in {rest.pose.slug} between rounds")
    return problems


RULES = {
    "energy_stands": _energy_stands,
    "round_rest": _round_rest,
}
