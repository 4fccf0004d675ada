"""The focus served by its main work, and classes whose shape matches their focus (teacher
review "Today's practice a teacher would teach"): a core class builds in core-strength poses, a
back class extends and strengthens the back in its build (not only twists), an energy class
stands, and the rests between rounds of a core pose keep the class's tempo."""

from poses.models import Category, Kind, Position
from sequences.generator.focus import (
    BACK_EXTENSION,
    BACK_EXTENSION_PART,
    CORE_SHAPES,
    CORE_SHAPES_AREA,
    CORE_SHAPES_FROM_MINUTES,
    ENERGY_STANDS_FROM_MINUTES,
    back_extension,
    core_strength,
)
from sequences.generator.quality.common import held
from sequences.generator.shapes import family
from sequences.generator.vocabulary import (
    FOCUS_SHARE,
    FOCUS_SHARE_FROM_MINUTES,
    FOCUS_SHARE_SPARED_BY,
    QUIET_SLUGS,
    SLOW_STYLES,
)
from sequences.models import Focus


def _build_and_peak(practice):
    return [s for s in practice.steps if s.phase in ("build", "peak") or s.work]


def _asks_a_share(practice) -> bool:
    choices = practice.choices
    return (
        choices.style not in SLOW_STYLES
        and choices.minutes >= FOCUS_SHARE_FROM_MINUTES
        and not FOCUS_SHARE_SPARED_BY & set(choices.avoid)
    )


def _areas(practice) -> list[str]:
    return [f for f in practice.choices.focus if f not in (Focus.RELAXATION, Focus.FULL_BODY)]


def _focus_main_work(practice) -> list[str]:
    """Each focus area's share is the area's main work: a core class's share of the build and
    peak is in core-strength poses (not a standing pose that steadies the core), a back class
    gives half its share to poses that extend or strengthen the back (not only twists), unless
    the poses the choices allow offer none (`focus_spared`: "core", "back:extension")."""
    if not _asks_a_share(practice):
        return []
    areas = _areas(practice)
    steps = _build_and_peak(practice)
    whole = sum(s.seconds for s in steps) or 1
    spared = set(practice.focus_spared)
    least = FOCUS_SHARE.get(len(areas), 0.0)
    problems = []
    if Focus.CORE in areas and Focus.CORE not in spared:
        worked = sum(s.seconds for s in steps if held(s) and core_strength(s.pose))
        if worked / whole < least:
            problems.append(f"core: {worked / whole:.0%} in core-strength poses, under {least:.0%}")
    if Focus.BACK in areas and BACK_EXTENSION not in spared and "back" not in spared:
        worked = sum(s.seconds for s in steps if held(s) and back_extension(s.pose))
        if worked / whole < least * BACK_EXTENSION_PART:
            problems.append(
                f"back: {worked / whole:.0%} extending or strengthening the back, under "
                f"{least * BACK_EXTENSION_PART:.0%}"
            )
    return problems


def _focus_shapes(practice) -> list[str]:
    """A core class of CORE_SHAPES_FROM_MINUTES or more builds in CORE_SHAPES core-strength
    shapes (a teacher's build: Bird Dog, Forearm Plank, Side Plank, Boat, then Plank), unless
    the choices leave fewer ("core:shapes" in `focus_spared`); Bird Dog held in the warm-up
    counts (its shape is taken there)."""
    if not _asks_a_share(practice) or practice.choices.minutes < CORE_SHAPES_FROM_MINUTES:
        return []
    if Focus.CORE not in _areas(practice) or {"core", CORE_SHAPES_AREA} & set(
        practice.focus_spared
    ):
        return []
    shapes = {
        family(s.pose)
        for s in practice.steps
        if s.phase in ("warm_up", "build", "peak")
        and held(s)
        and not s.flow.startswith("Sun Salutation")
        and core_strength(s.pose)
    }
    if len(shapes) < CORE_SHAPES:
        return [f"core: {len(shapes)} core-strength shapes ({', '.join(sorted(shapes))})"]
    return []


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
    "focus_main_work": _focus_main_work,
    "focus_shapes": _focus_shapes,
    "energy_stands": _energy_stands,
    "round_rest": _round_rest,
}
