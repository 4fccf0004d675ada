"""A core class works the trunk from the front, the sides and the back (teacher review r11 F4:
a 30-minute core class with Plank and Half Boat alone, the front of the trunk, while the build
spent four minutes on a lunge flow), as a teacher counts it on the printed practice."""

from sequences.generator.core_directions import (
    DIRECTIONS,
    area_of,
    asks_directions,
    directions_worked,
)
from sequences.generator.quality.common import held
from sequences.generator.vocabulary import FOCUS_SHARE_SPARED_BY, SLOW_STYLES


def _core_directions(practice) -> list[str]:
    """A core class of CORE_DIRECTIONS_FROM_MINUTES (not yin or restorative, not pregnancy
    safe) holds a pose for each direction of the core in its warm-up, build or peak (Sun
    Salutations aside): the front (Plank, Boat), the sides (Side Plank), the back (Locust,
    Bird Dog), unless the poses the choices allow below the peak offer none for it
    ("core:<direction>" in `focus_spared`). The counter-pose does not count: Bridge after
    Half Boat answers the peak, it does not build the back."""
    choices = practice.choices
    slow = choices.style in SLOW_STYLES
    if not asks_directions(choices.focus, choices.minutes, slow):
        return []
    if FOCUS_SHARE_SPARED_BY & set(choices.avoid) or "core" in practice.focus_spared:
        return []
    worked = directions_worked(
        [
            s.pose
            for s in practice.steps
            if s.phase in ("warm_up", "build", "peak")
            and held(s)
            and not s.flow.startswith("Sun Salutation")
        ]
    )
    spared = set(practice.focus_spared)
    missing = [d for d in DIRECTIONS if d not in worked and area_of(d) not in spared]
    if missing:
        return [f"core: never worked from the {', '.join(missing)}"]
    return []


RULES = {"core_directions": _core_directions}
