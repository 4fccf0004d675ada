"""A core class works the trunk from several directions (teacher review r11 F4: a 30-minute
core class whose only core work was Plank and Half Boat, the front of the trunk alone, while
the build spent four minutes on a High Lunge → Warrior I flow).

The directions a teacher gives a core class: the front (Plank, Forearm Plank, Boat), the sides
(Side Plank, the bottom knee down where the knees are spared) and the back (Locust, Bird Dog,
Bridge held actively). Each is worked by a held pose of the warm-up, build or peak, where the
poses the choices allow (below the peak, in a place the build has) offer one; a direction they
offer none for is declared spared as "core:<direction>" (`focus_spared`).

Source for the yoga facts: L. Kaminoff and A. Matthews, *Yoga Anatomy*, 2nd ed. (Human
Kinetics, 2012): Side Plank works the obliques and quadratus lumborum of the lower side,
Locust the back extensors, the planks and Boat the abdominal wall in front.
"""

from poses.models import Effort, Kind
from sequences.steps import PoseCard

# A core class of this many minutes works each direction (a shorter one has no room for
# three shapes; focus.CORE_SHAPES_FROM_MINUTES, where the `focus_shapes` figure starts).
CORE_DIRECTIONS_FROM_MINUTES = 30
# The directions, in the order a teacher names them.
DIRECTIONS = ("front", "sides", "back")
# The side of the trunk held up against gravity (the obliques): Side Plank and its versions.
SIDE_CORE = frozenset({"side-plank"})
# How a direction is named as a focus area the planner serves and the practice may spare.
AREA_PREFIX = "core:"


def area_of(direction: str) -> str:
    """The focus area a direction is served as: "core:front", "core:sides", "core:back"."""
    return f"{AREA_PREFIX}{direction}"


def direction_areas() -> tuple[str, ...]:
    return DIRECTION_AREAS


# The directions' areas, named once (the focus passes ask of every area whether it is one).
DIRECTION_AREAS = tuple(area_of(d) for d in DIRECTIONS)


def directions_of(card: PoseCard) -> frozenset[str]:
    """The directions the pose works the core from, held actively: "sides" for Side Plank,
    "back" for a pose that extends or strengthens the back (Locust, Bird Dog, Bridge),
    "front" for another core-strength pose (Plank, Forearm Plank, Boat). Empty for a pose
    that is not core work (Chair, Warrior I) or is held passively (Sphinx)."""
    # focus.py serves these directions and imports this module.
    from sequences.generator.focus import back_extension, core_strength  # noqa: PLC0415

    if card.kind != Kind.ASANA or card.effort != Effort.ACTIVE:
        return frozenset()
    if card.slug in SIDE_CORE:
        return frozenset({"sides"})
    if back_extension(card):
        return frozenset({"back"})
    if core_strength(card):
        return frozenset({"front"})
    return frozenset()


def works_direction(card: PoseCard, area: str) -> bool:
    """The pose works the core from the direction of `area` ("core:sides")."""
    return area.removeprefix(AREA_PREFIX) in directions_of(card)


def is_direction_area(area: str) -> bool:
    return area in DIRECTION_AREAS


def asks_directions(focus, minutes: int, slow: bool) -> bool:
    """A core class of CORE_DIRECTIONS_FROM_MINUTES (not yin or restorative) asks for every
    direction."""
    return "core" in focus and not slow and minutes >= CORE_DIRECTIONS_FROM_MINUTES


def directions_worked(poses: list[PoseCard]) -> set[str]:
    """The directions the held poses work between them."""
    return {d for card in poses for d in directions_of(card)}


class CoreDirections:
    """A core class peaks where the build below it can still work every direction the pool
    offers (mixed into `arc.Planner`): Side Plank, harder than a beginner's Plank or Half Boat
    of its intensity, may not come before them, so a peak that leaves the sides unworked is
    chosen only when no other candidate keeps them."""

    def keeping_the_core_directions(self, candidates: list[PoseCard]) -> list[PoseCard]:
        """Of the candidate peaks of a class for the core first, those below which the build may
        work every direction of the core the pool offers; all of them if none does or the
        class asks no directions."""
        if len(candidates) < 2 or not self.asks_directions() or self.focus[0] != "core":
            return candidates  # a class for strength first peaks for its strength
        offered = directions_worked([c for c in self.pool if c.intensity >= 2])
        keep = [c for c in candidates if offered <= self._directions_below(c)]
        return keep or candidates

    def _directions_below(self, peak: PoseCard) -> set[str]:
        """The directions the peak, the build poses it leaves possible and the warm-up's active
        floor shapes (Bird Dog, Bridge: `floor_warm_up_fits`) work."""
        saved = (self.peak, self.cap, self.layout)
        self.peak, self.cap, self.layout = peak, peak.intensity, self.layout_for(peak)
        try:
            # On the way down to a peak on the hands (Plank), the build may reach the floor.
            floors = [*self.build_floors(), *([True] if self.down_to_the_hands() else [])]
            below = [
                c
                for c in self.pool
                if c is not peak
                and directions_of(c)
                and 2 <= c.intensity <= self.build_cap
                and not self.outranks(c, peak)
                and (
                    any(self.build_fits(c, floor=f, relevant=False) for f in floors)
                    # Bird Dog or Bridge of the warm-up, on the floor below a standing peak
                    or self.floor_warm_up_fits(c)
                )
            ]
            return directions_worked([peak, *below])
        finally:
            self.peak, self.cap, self.layout = saved
