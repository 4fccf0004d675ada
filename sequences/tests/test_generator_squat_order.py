"""A squat next to the floor work it leads to (blind teacher review r17 F1: #3, 45 minutes of
hatha for the hips and balance, opened the build with Garland between Mountain and Wide-Legged
Forward Fold, the squat 15 minutes from Frog; the fix: Garland, 50 s, just before Child's Pose
and Frog, its cue adding "then lower the knees wide and walk the hands forward into Child's
Pose."; F4: #5, 60 minutes of advanced power, ran Garland, Wide-Legged Forward Fold, Crow,
Half Boat ×3, Firefly; the fix: Wide-Legged Forward Fold, Half Boat ×3 with Knees-to-Chest
rests, Garland "Roll forward from Half Boat onto the feet.", Crow, Firefly)."""

from sequences.generator.quality import faults, squat_order
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)

REPORTED = requests(1703, 1705, 1714, 1709, 1618)


def _slugs(steps) -> list[str]:
    return [s.pose.slug for s in steps]


def squat_order_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test."""
    f1 = reviewed(1703)
    steps = list(f1.steps)
    garland = next(n for n, s in enumerate(steps) if s.pose.slug == "garland")
    squat = steps.pop(garland)
    fold = next(n for n, s in enumerate(steps) if s.pose.slug == "wide-legged-forward-fold")
    steps.insert(fold, squat)  # F1 as printed: Mountain, Garland, Wide-Legged Forward Fold
    f4 = reviewed(1705)
    steps4 = list(f4.steps)
    crow = next(n for n, s in enumerate(steps4) if s.pose.slug == "crow")
    bird = steps4.pop(crow)
    boat = next(n for n, s in enumerate(steps4) if s.pose.slug == "half-boat")
    steps4.insert(boat, bird)  # F4 as printed: Crow, Half Boat ×3, Firefly
    return {
        "squat_between_standing": renumbered(f1, steps),
        "lead_in_one_way": renumbered(f4, steps4),
    }


def test_the_figures_find_their_faults_and_pass_the_reported_practices():
    assert_figures_break_and_hold(squat_order.RULES, squat_order_breakings(), REPORTED)


def test_review_17_f1_garland_just_before_childs_pose_and_frog():
    practice = reviewed(1703)
    steps = practice.steps
    build = [s for s in steps if s.phase == "build"]
    assert build[0].pose.slug == "wide-legged-forward-fold"
    garland = next(s for s in steps if s.pose.slug == "garland")
    after = steps[garland.position]
    before = steps[garland.position - 2]
    assert (before.pose.slug, after.pose.slug) == ("standing-hand-to-big-toe", "childs-pose")
    assert steps[after.position].pose.slug == "frog"
    assert garland.duration_seconds == 50
    assert garland.cue.endswith(
        ", then lower the knees wide and walk the hands forward into Child's Pose."
    )
    assert practice.planned_seconds == 45 * 60
    assert not faults(practice)


def test_review_17_f4_half_boat_then_garland_then_crow_before_firefly():
    practice = reviewed(1705)
    steps = practice.steps
    peak = practice.peak.position - 1
    lead = _slugs(steps[peak - 8 : peak + 1])
    assert lead == [
        "wide-legged-forward-fold",
        "half-boat",
        "knees-to-chest",
        "half-boat",
        "knees-to-chest",
        "half-boat",
        "garland",
        "crow",
        "firefly",
    ]
    garland, crow = steps[peak - 2], steps[peak - 1]
    assert garland.cue.startswith("Roll forward from Half Boat onto the feet.")
    # The teacher kept the 55 s it had; the holds' seconds moved since (flow_breaths capped
    # the standing flows; with room for 150 poses the class does more work), and Garland
    # holds 45–60 s, within its range (10–60 s): 45 s now.
    assert 45 <= garland.duration_seconds <= 60
    assert crow.cue.startswith("Last before Firefly Pose.")
    assert practice.planned_seconds == 60 * 60
    assert not faults(practice)
