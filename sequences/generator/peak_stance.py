"""A square-hip peak is prepared in the square stance (teacher review r11 F8: Monkey Pose after
a Warrior II → Reverse Warrior → Extended Side Angle flow, "wide stance, hips open to the
side", counted as its preparation).

Monkey Pose (the front splits), Half Splits and Pyramid hold the hips square to the front,
the front leg's hamstrings long and the back leg's hip flexor open. A standing flow before
them is taught in the lunge stance, hips square (High Lunge → Pyramid → Standing Split), not
in the open stance, whose hips turn out to the side and do not open what the peak needs.

Source for the yoga facts: M. Stephens, *Sequencing Yoga Classes* (North Atlantic, 2012),
the Hanumanasana chapter: square-hip lunges, Pyramid and Half Splits prepare the splits;
L. Kaminoff and A. Matthews, *Yoga Anatomy*, 2nd ed. (Human Kinetics, 2012): Warrior II's
front hip flexes in external rotation and abduction.
"""

from sequences.generator.vocabulary import STANCES

# Peaks held with the hips square to the front.
SQUARE_HIP_PEAKS = frozenset({"full-splits", "half-splits", "pyramid"})
# The standing stance whose hips open to the side (Warrior II, Triangle): no preparation for
# a square-hip peak.
OPEN_STANCE = frozenset(STANCES["open"])
LUNGE_STANCE = frozenset(STANCES["lunge"])
# Shapes of the open stance that make a flow an open-stance flow (Warrior II → Reverse
# Warrior); a Triangle alone in a linked flow of hamstring stretches (Wide-Legged Fold →
# Triangle) lengthens what the splits need (vocabulary.HAMSTRINGS).
OPEN_FLOW_POSES = 2


def square_hip_peak(peak) -> bool:
    """The peak (a PoseCard, or None) holds the hips square to the front."""
    return peak is not None and peak.slug in SQUARE_HIP_PEAKS


def standing_stances(peak, taken=frozenset()) -> list[str]:
    """The stances (vocabulary.STANCES keys) a standing flow may take before `peak`: before a
    square-hip peak the lunge stance first, until a flow has taken it (`taken`: the stances
    of the flows planned so far; a long class fills its time with an open flow as well),
    otherwise the open and the lunge stance."""
    if square_hip_peak(peak) and "lunge" not in taken:
        return ["lunge"]
    return ["open", "lunge"]


def opens_to_the_side(slugs) -> bool:
    """A flow of these pose slugs is taught in the open stance, the hips turned out to the
    side (OPEN_FLOW_POSES of its shapes or more)."""
    return len(set(slugs) & OPEN_STANCE) >= OPEN_FLOW_POSES


class SquareStanceNearest:
    """The build nearest a square-hip peak stands square (mixed into `grouping.Grouping`, run
    from `settle_the_order`): a long class that planned an open-stance flow after the lunge
    flow (`standing_stances`) teaches the open flow first, where its rank by intensity
    (Extended Side Angle above High Lunge) would have put it last before the peak."""

    def square_stance_nearest(self) -> None:
        """Moves each open-stance flow of the build (and its rounds once more) just before the
        first standing flow in the lunge stance; nothing where the peak is not square-hip or
        the build has no lunge-stance flow."""
        if not square_hip_peak(self.peak):
            return
        flows: dict[str, list] = {}
        for block in self._in_order():
            if block.phase != "build" or block.kind not in ("flow", "again"):
                continue
            name = block.drafts[0].flow
            if name and not name.startswith("Sun Salutation"):
                flows.setdefault(name, []).append(block)

        def slugs(blocks) -> set[str]:
            return {d.card.slug for b in blocks for d in b.drafts}

        standing = [bs for bs in flows.values() if slugs(bs) & (OPEN_STANCE | LUNGE_STANCE)]
        square = [bs for bs in standing if not opens_to_the_side(slugs(bs))]
        if not standing or not opens_to_the_side(slugs(standing[-1])) or not square:
            return
        first = square[0][0]
        opened = [b for bs in standing if opens_to_the_side(slugs(bs)) for b in bs]
        for n, block in enumerate(opened):
            block.segment = first.segment
            block.rank = first.rank - 0.01 * (len(opened) - n) / (len(opened) + 1)
