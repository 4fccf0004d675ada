"""No stack of knee-loading turn-outs before a peak that does not ask for them (blind teacher
review r17 F7: #9, 90 minutes of advanced vinyasa for flexibility and the back, ran Half Lotus,
Bound Angle, Cow Face, Revolved Head-to-Knee and Fire Log before Monkey Pose; the fix: Lizard
for Fire Log, 45 s each, "Back knee down on a blanket, both hands inside the front foot on
blocks, the front knee over the ankle, hips low: the back hip flexor and the front groin open
toward Monkey Pose.", leading into Low Lunge and Half Splits)."""

from dataclasses import replace

from sequences.generator.quality import faults, knee_rotations
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)

REPORTED = requests(1709, 1703, 1705, 1714, 1618)
LIZARD = (
    "Back knee down on a blanket, both hands inside the front foot on blocks, the front knee "
    "over the ankle, hips low: the back hip flexor and the front groin open toward Monkey Pose"
)


def knee_rotations_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test."""
    f7 = reviewed(1709)
    # F7 as printed: Fire Log held where Lizard is, after Half Lotus and Cow Face
    steps = [
        replace(s, pose=BY_SLUG["fire-log"]) if s.pose.slug == "lizard" else s for s in f7.steps
    ]
    return {"knee_turn_outs_stacked": renumbered(f7, steps)}


def test_the_figures_find_their_faults_and_pass_the_reported_practices():
    assert_figures_break_and_hold(knee_rotations.RULES, knee_rotations_breakings(), REPORTED)


def test_review_17_f7_lizard_for_fire_log_before_low_lunge_and_half_splits():
    practice = reviewed(1709)
    steps = practice.steps
    slugs = [s.pose.slug for s in steps]
    assert "fire-log" not in slugs
    lizard = next(s for s in steps if s.pose.slug == "lizard")
    assert lizard.duration_seconds == 45 and lizard.seconds == 90
    assert lizard.cue.startswith(LIZARD)
    after = [s.pose.slug for s in steps[lizard.position : lizard.position + 3]]
    assert after == ["low-lunge", "half-splits", "full-splits"]
    assert practice.planned_seconds == 90 * 60
    assert not faults(practice)
