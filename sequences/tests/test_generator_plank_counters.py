"""A plank's counter-pose lengthens the front of the body on the floor, and a short class that
rises to the plank stays down after it (blind teacher review r16 F11, r15 F12: Wide-Legged
Forward Fold then Mountain after Forearm Plank in a 10-minute class)."""

from dataclasses import replace

from sequences.generator.plank_counters import faces_the_floor_on_the_arms, most_level_changes
from sequences.generator.quality import faults
from sequences.generator.quality import plank_counters as figures
from sequences.tests.generation import BY_SLUG, assert_figures_break_and_hold, requests, reviewed

# The 10-minute beginner hatha class for energy, as reviews r15 and r16 read it (#12).
REPORTED = requests(1512, 1612)


def plank_counters_breakings() -> dict:
    """A hand-made fault of the figure: the reported practice countered and closed as the
    review found it, Wide-Legged Forward Fold then Mountain."""
    practice = reviewed(1612)
    swap = {"counter": BY_SLUG["wide-legged-forward-fold"], "closing": BY_SLUG["mountain"]}
    steps = tuple(replace(s, pose=swap.get(s.phase, s.pose)) for s in practice.steps)
    return {"plank_countered_lying": replace(practice, steps=steps)}


def test_the_plank_counter_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, plank_counters_breakings(), REPORTED)


def test_review_16_f11_sphinx_answers_forearm_plank_and_the_class_closes_seated():
    practice = reviewed(1612)
    assert practice.peak.pose.slug == "forearm-plank"
    counters = [s for s in practice.steps if s.phase == "counter"]
    closing = [s for s in practice.steps if s.phase == "closing"]
    # Pos 14: Sphinx, the front of the body lengthens; pos 15: Easy Pose, not Mountain.
    assert [s.pose.slug for s in counters] == ["sphinx"]
    assert "lengthens the front of the body" in counters[0].cue
    assert "belly soften" not in counters[0].cue
    assert [s.pose.slug for s in closing] == ["easy-pose"]
    assert closing[0].cue.startswith("Press up to sit, tall spine, eyes closed")
    assert 40 <= closing[0].duration_seconds <= 60
    assert not any(s.pose.slug == "mountain" for s in practice.steps)
    assert faults(practice) == {}


def test_review_15_f12_plank_rounds_stay_the_peak_and_end_on_the_belly():
    """The plank rounds keep the peak (an earlier try at the counter lost them)."""
    practice = reviewed(1512)
    peaks = [s.pose.slug for s in practice.steps if s.phase == "peak"]
    assert peaks == ["plank", "childs-pose", "plank"]
    assert [s.pose.slug for s in practice.steps[-2:]] == ["sphinx", "easy-pose"]


def test_a_plank_faces_the_floor_side_plank_and_down_dog_do_not():
    assert faces_the_floor_on_the_arms(BY_SLUG["plank"])
    assert faces_the_floor_on_the_arms(BY_SLUG["forearm-plank"])
    for slug in ("side-plank", "downward-facing-dog", "upward-plank", "boat"):
        assert not faces_the_floor_on_the_arms(BY_SLUG[slug]), slug


def test_a_short_class_lies_down_only_for_its_plank_counter():
    steps = reviewed(1612).steps
    assert most_level_changes(steps, short=True) == 2
    assert most_level_changes(steps, short=False) == 2
    # Standing again to close: once up, and no more.
    mountain = tuple(
        replace(s, pose=BY_SLUG["mountain"]) if s.phase == "closing" else s for s in steps
    )
    assert most_level_changes(mountain, short=True) == 1
