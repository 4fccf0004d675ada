"""Bent knees under the body's weight, held briefly under knee care (blind teacher review r17
F14: a 70-minute knee-friendly hatha class held Warrior II, Extended Side Angle, High Lunge and
Warrior I 60 s a side back to back, then Chair and Goddess a minute each, "over 10 minutes of
loaded knee flexion in the build"; the teacher's fix: 45 s each, the time given to knee-free
work).

A standing pose whose weight rests on a bent knee (`bends_knees_under_load`: a lunge's or
warrior's front knee, a chair's or squat's two) is held at most MOST_SECONDS a side when a
practitioner spares the knees, through `practice.HOLD_CAPS` (applied when each step is drafted
and in the fit, so the seconds go to the other poses). The quality figure `knee_load_held`
(quality.knee_load) holds it; sequences/tests/test_generator_knee_load.py reads the poses'
figures (poses/content/figures.json) and fails when a standing pose on a bent, weight-bearing
knee is missing from BENT_KNEES."""

from accounts.models import Avoidance
from poses.models import Position
from sequences.steps import PoseCard

CHOICE = Avoidance.KNEE_FRIENDLY
MOST_SECONDS = 45
WHY = (
    "under knee care a bent knee under the body's weight (a lunge, a warrior, Chair, Goddess) "
    "is held about 45 s: longer loads the knee more than the pose needs"
)
# Standing poses whose weight rests on a bent knee (their figures: a knee bent past 45
# degrees, its foot on the floor).
BENT_KNEES = frozenset(
    {
        "chair",
        "goddess",
        "garland",
        "warrior-i",
        "warrior-ii",
        "extended-side-angle",
        "reverse-warrior",
        "humble-warrior",
        "high-lunge",
        "revolved-chair",
        "revolved-side-angle",
        "twisted-crescent-lunge",
        "skandasana",
    }
)


def bends_knees_under_load(card: PoseCard) -> bool:
    """A standing pose whose weight rests on a bent knee."""
    return card.position == Position.STANDING and card.slug in BENT_KNEES


def loaded_seconds(steps) -> int:
    """The seconds (every side counted) the steps hold bent knees under load."""
    return sum(s.seconds for s in steps if bends_knees_under_load(s.pose))


# The knee-free stretch the cool-down gives a knee-friendly class whose build bent the knees
# under load (r17 F14: "Reclining Hand-to-Big-Toe Pose, 1:00 each side, after Reclined Figure
# Four"), with the teacher's words.
KNEE_FREE = "supine-hand-to-big-toe"
KNEE_FREE_WORDS = (
    "A strap around the foot, the head resting, the lifted knee soft, the other knee bent, "
    "that foot flat: {what}, the knees unloaded."
)
# Bent-knee holds (every side counted) in the build and peak that bring the knee-free stretch in.
FROM_HOLDS = 4


def loaded_holds(blocks) -> int:
    """The holds (every side counted) the build and peak of a plan hold on bent knees under
    load."""
    return sum(
        d.weight
        for b in blocks
        if b.phase in ("build", "peak")
        for d in b.drafts
        if bends_knees_under_load(d.card)
    )


def knee_free_cool_down(planner) -> bool:
    """Under knee care, a plan whose build holds bent knees under load FROM_HOLDS times or more
    gives its cool-down the knee-free stretch (KNEE_FREE) where the pool has it and the plan
    does not hold it: the time the capped holds leave goes to it. True if it was added."""
    from sequences.generator.reasons import stretches_hamstrings
    from sequences.generator.shapes import family

    if CHOICE not in planner.choices.avoid or planner.layout == "rise" or planner.peak is None:
        return False
    if loaded_holds(planner.blocks) < FROM_HOLDS:
        return False
    card = planner.card(KNEE_FREE)
    held = {c.slug for b in planner.blocks for c in b.cards}
    if card is None or card.slug in held:
        return False
    # The peak's own shape lying down is the point (Extended Hand-to-Big-Toe's hamstring
    # stretch with no load on the knees); another family's once only.
    if family(card) in planner.families and family(card) != family(planner.peak):
        return False
    if not planner.room_for(1) or not planner.cool_down_fits(card):
        return False
    # Never beside another fold in the cool-down (`grouping.COOL_DOWN_FAMILIES`).
    if any(
        c.category == card.category
        for b in planner.blocks
        if b.phase == "cool_down"
        for c in b.cards
    ):
        return False
    # No fourth hamstring stretch but one to close (`Phases.finish_cool_down`).
    stretched = {
        c.slug
        for b in planner.blocks
        if b.kind != "sun"
        for c in b.cards
        if stretches_hamstrings(c)
    }
    closing = any(
        stretches_hamstrings(c) for b in planner.blocks if b.phase == "cool_down" for c in b.cards
    )
    if len(stretched) >= 3 and closing:
        return False
    what = (
        "the peak's hamstring stretch"
        if stretches_hamstrings(planner.peak)
        else "the hamstrings lengthen"
    )
    planner.cool_down_hold(card)
    block = next(b for b in planner.blocks if b.cards[0] is card)
    for draft in block.drafts:
        draft.describe = None
        draft.cue = KNEE_FREE_WORDS.format(what=what)
    return True


def knee_free_again(practice, step) -> bool:
    """The knee-free stretch a knee-friendly cool-down gives (KNEE_FREE) where it is the peak's
    own shape lying down: the one time a practice holds a shape twice on purpose."""
    from sequences.generator.shapes import family

    peak = practice.peak
    return (
        CHOICE in practice.choices.avoid
        and step.phase == "cool_down"
        and step.pose.slug == KNEE_FREE
        and peak is not None
        and family(peak.pose) == family(step.pose)
    )
