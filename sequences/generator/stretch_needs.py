"""What a stretch on the floor needs opened first, where PEAK_NEEDS names nothing for it
(review r14 F1: Half Splits straight after Neck Release and Cat-Cow, the beginners folding
cold; review r11b: Lizard after Puppy or a strength block, nothing that opens the hips).

A gentle hip opener or forward fold (intensity GENTLE_STRETCH_MOST or less) done seated,
kneeling or prone, worked actively, whose first target area is the hips or the hamstrings, asks
for at least one pose before it that opens that area, held, however short or gentle the class:
the teacher's warm-up of the tissue the peak lengthens.
The poses are read from the library's target areas (the area named first or second) and
ordered gentlest first; `shapes.peak_needs` adds the need, so the planner leads into the peak
with one of them (`phases.Phases.prepare_the_peak`) and the `peak_prepared` figure asks for it.

Source: M. Stephens, *Sequencing Yoga Classes* (North Atlantic, 2012), peak-pose chapters:
a forward-bend peak is prepared by milder hamstring stretches, a hip-opening peak by milder
hip openers, each held before the deeper shape.
"""

from poses.models import Category, Effort, Position

# The milder openers of each area, gentlest and most common first (the target areas of the
# library name the area first or second for each).
OPENERS = {
    "hamstrings": (
        "supine-hand-to-big-toe",
        "head-to-knee",
        "seated-forward-fold",
        "half-splits",
        "standing-forward-fold",
        "wide-legged-forward-fold",
        "triangle",
        "pyramid",
    ),
    "hips": (
        "low-lunge",
        "bound-angle",
        "reclined-figure-four",
        "happy-baby",
        "chair-figure-four",
        "garland",
        "fire-log",
        "pigeon-prep",
        "lizard",
        "skandasana",
    ),
}
# The most intense stretch the rule reads: the gentle peaks of a short or gentle class (a
# stronger one, Lizard or Monkey, is prepared by PEAK_NEEDS and `needs`).
GENTLE_STRETCH_MOST = 2
# The positions of a stretch done on the floor that asks for an opener first: a supine one
# (Reclining Hand-to-Big-Toe with a strap, Happy Baby) is itself the gentlest way into its
# area, the warm-up a teacher would give before the seated or kneeling shape.
FLOOR_STRETCH_POSITIONS = (Position.SEATED, Position.KNEELING, Position.PRONE)


def stretch_need(peak) -> tuple[str, ...]:
    """The poses one of which opens what this stretch on the floor lengthens (OPENERS of its
    first target area), without the peak itself; () for any other peak."""
    if peak.category not in (Category.HIP_OPENER, Category.FORWARD_FOLD):
        return ()
    if peak.intensity > GENTLE_STRETCH_MOST or peak.effort != Effort.ACTIVE:
        return ()
    if peak.position not in FLOOR_STRETCH_POSITIONS:
        return ()
    area = peak.target_areas[:1]
    if not area or area[0] not in OPENERS:
        return ()
    return tuple(slug for slug in OPENERS[area[0]] if slug != peak.slug)
