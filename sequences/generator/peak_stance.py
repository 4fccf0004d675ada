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
