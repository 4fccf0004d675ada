"""The counter-pose after a fold lying on the back, and what its reason claims (issue 11,
blind teacher review r11, F1 of #1)."""

from dataclasses import replace

from sequences.generator import reasons
from sequences.generator.quality import counter_words as figures
from sequences.tests.generation import BY_SLUG, assert_figures_break_and_hold, requests, reviewed

# Review r11 #1: 15 min gentle, relaxation, beginner → Reclining Hand-to-Big-Toe Pose.
REPORTED = requests(1001)


def counter_words_breakings() -> dict:
    """A hand-made fault of the figure, for the quality bar's own test: the reported
    practice's counter-pose swapped back for Supported Fish under its hamstring words."""
    practice = reviewed(1001)
    fish = BY_SLUG["supported-fish"]
    steps = tuple(replace(s, pose=fish) if s.phase == "counter" else s for s in practice.steps)
    return {"counter_rests_truly": replace(practice, steps=steps)}


def test_the_counter_words_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, counter_words_breakings(), REPORTED)


def test_review_11_1001_knees_to_chest_answers_the_strap_hamstring_stretch():
    practice = reviewed(1001)
    assert practice.peak.pose.slug == "supine-hand-to-big-toe"
    counters = [s for s in practice.steps if s.phase == "counter"]
    assert [s.pose.slug for s in counters] == ["knees-to-chest"]
    assert counters[0].cue.startswith(
        "Counter-pose: knees bent and hugged in, the hamstrings slack after "
        "Reclining Hand-to-Big-Toe Pose"
    )
    assert practice.planned_seconds == 15 * 60


def test_a_chest_opener_after_a_fold_on_the_back_is_not_said_to_rest_the_hamstrings():
    peak, fish = BY_SLUG["supine-hand-to-big-toe"], BY_SLUG["supported-fish"]
    cue = reasons.counter(fish, peak)
    assert "hamstrings" not in cue
    assert cue.startswith("Counter-pose: opens the chest after ")


def test_reclined_bound_angle_after_a_fold_on_the_back_says_the_knees_fall_wide():
    peak = BY_SLUG["supine-hand-to-big-toe"]
    cue = reasons.counter(BY_SLUG["reclined-bound-angle"], peak)
    assert cue.startswith("Counter-pose: knees bent and falling wide, the hamstrings slack after ")
