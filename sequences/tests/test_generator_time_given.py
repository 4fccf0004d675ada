"""The last seconds of a class's time are given, not left (blind review r14 F18: a 70-minute
intermediate hatha class for the whole body, back care and knee care, planned to 69:10 with
Corpse at its ten-minute most). The teacher's rule: the class fills its time; with the final
relaxation at the top of its range the seconds go to a cool-down pose, or the class is filled
another way, never a pose past its range."""

from sequences.generator.cool_top_up import cool_longer, quiet_poses
from sequences.generator.plan import Draft
from sequences.tests.generation import BY_SLUG, reviewed

F18 = (70, "intermediate", "hatha", ["full_body"], ["back_care", "knee_friendly"], 1417)


def test_r14_f18_the_seventy_minute_class_lasts_seventy_minutes_within_every_range():
    """F18's right value: 70:00 planned, Corpse within its ten minutes, every pose within its
    range."""
    practice = reviewed(1417)
    assert practice.planned_seconds == practice.target_seconds == 4200
    for step in practice.steps:
        low, high = step.pose.hold_range("hatha")
        assert step.duration_seconds <= high, step.pose.slug
    corpse = next(s for s in practice.steps if s.phase == "relaxation")
    assert corpse.duration_seconds <= 600


def test_the_seconds_the_relaxation_cannot_take_go_to_the_quietest_cool_down_pose():
    fish = Draft(card=BY_SLUG["supported-fish"], phase="cool_down", hold=240, high=600)
    twist = Draft(card=BY_SLUG["reclined-twist"], phase="cool_down", hold=60, high=120)
    bridge = Draft(card=BY_SLUG["bridge"], phase="cool_down", hold=45, high=60)
    drafts = [bridge, twist, fish]
    assert quiet_poses(drafts) == [fish, twist]  # passive ones, the longest held first
    assert cool_longer(drafts, 40, style="hatha") == 40 and fish.hold == 280
    fish.high = fish.hold  # at its most: the twist takes it, per side
    assert cool_longer(drafts, 40, style="hatha") == 40 and twist.hold == 80
    assert bridge.hold == 45
