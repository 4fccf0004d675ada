"""The counter-pose of a peak that bears weight on the arms (issue 11, blind teacher review
r11b, plan 2: Three-Legged Dog answered by Reclined Bound Angle, "opens the front of the body
after Three-Legged Dog's fold")."""

from dataclasses import replace

from sequences.generator import reasons
from sequences.generator.quality import arm_counters as figures
from sequences.generator.quality import faults
from sequences.tests.generation import BY_SLUG, assert_figures_break_and_hold, requests, reviewed

# Review r11b plan 2: 30 min hatha, flexibility, beginner → Three-Legged Dog.
REPORTED = requests(1101)


def arm_counters_breakings() -> dict:
    """A hand-made fault of the figure, for the quality bar's own test: the reported
    practice's counter-pose swapped for Puppy, an active chest opener on the hands, under the
    arms' words."""
    practice = reviewed(1101)
    puppy = BY_SLUG["puppy"]
    steps = tuple(replace(s, pose=puppy) if s.phase == "counter" else s for s in practice.steps)
    return {"arms_rest": replace(practice, steps=steps)}


def test_the_arms_rest_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, arm_counters_breakings(), REPORTED)


def test_review_11b_plan_2_childs_pose_answers_three_legged_dog():
    practice = reviewed(1101)
    assert practice.peak.pose.slug == "three-legged-dog"
    counters = [s for s in practice.steps if s.phase == "counter"]
    assert [s.pose.slug for s in counters] == ["childs-pose"]
    assert counters[0].cue == (
        "Counter-pose: the wrists and shoulders rest after bearing weight in Three-Legged Dog."
    )
    assert "fold" not in counters[0].cue
    assert faults(practice) == {}


def test_an_active_chest_opener_does_not_rest_the_arms():
    from sequences.generator.arm_counters import rests_the_arms

    for slug in ("puppy", "bridge", "cobra", "plank"):
        assert not rests_the_arms(BY_SLUG[slug]), slug
    # A supported rest lets the arms rest too; the planner reaches for it last.
    assert rests_the_arms(BY_SLUG["supported-fish"])
    for slug in ("childs-pose", "standing-forward-fold", "knees-to-chest"):
        assert rests_the_arms(BY_SLUG[slug]), slug


def test_after_dolphin_the_forearms_rest_not_the_wrists():
    cue = reasons.counter(BY_SLUG["childs-pose"], BY_SLUG["dolphin"])
    assert cue.startswith("Counter-pose: the forearms and shoulders rest after bearing weight")
    cue = reasons.counter(BY_SLUG["childs-pose"], BY_SLUG["crow"])
    assert cue.startswith("Counter-pose: the wrists and shoulders rest after bearing weight")
