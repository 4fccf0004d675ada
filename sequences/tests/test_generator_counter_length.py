"""The counter-pose is held long enough to answer the peak (eighteenth blind teacher review,
F14: Child's Pose 25 s after two minutes of Monkey Pose; the teacher held it 50 s and paid for
it from the cool-down's Bridge, 55 s to 30 s)."""

from dataclasses import replace

from sequences.generator.quality.counter_length import RULES
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)


def counter_length_breakings() -> dict:
    """The reported hold put back by hand (r18 F14, seed 1818): Child's Pose 25 s."""
    practice = reviewed(1818)
    steps = [replace(s, duration_seconds=25) if s.phase == "counter" else s for s in practice.steps]
    return {"counter_too_short": renumbered(practice, steps)}


def test_the_figure_misses_the_reported_hold_and_passes_the_reported_practices():
    assert_figures_break_and_hold(
        RULES, counter_length_breakings(), requests(1818, 1805, 1803, 1804, 1809, 1814)
    )


def test_child_s_pose_answers_two_minutes_of_splits_for_fifty_seconds():
    # r18 F14 (seed 1818): "Child's 50 s (Bridge 55 → 30 s pays for it)."
    practice = reviewed(1818)
    steps = list(practice.steps)
    peak = next(s for s in steps if s.phase == "peak")
    counter = next(s for s in steps if s.phase == "counter")
    after = steps[steps.index(counter) + 1]
    assert (peak.pose.slug, peak.duration_seconds) == ("full-splits", 60)
    assert (counter.pose.slug, counter.duration_seconds) == ("childs-pose", 50)
    assert (after.pose.slug, after.duration_seconds) == ("bridge", 30)
    assert practice.total_seconds == 20 * 60
