"""A side's cue says its own side (blind teacher review r19 F4: #9, the left Eagle said "cross
the right thigh over the left", the right side's crossing; the teacher: the left side "cross
the left thigh over the right, left elbow under the right", the right side "right thigh over
the left, right elbow under the left")."""

from sequences.generator.balance_shapes import mirrored
from sequences.generator.quality import side_words
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    recued,
    requests,
    reviewed,
)

REPORTED = requests(1909, 1904, 1905, 1918)


def side_words_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test."""
    f4 = reviewed(1909)
    left = next(s for s in f4.steps if s.pose.slug == "eagle" and s.side == "left")
    # F4 as printed: the left side said the right side's crossing.
    wrong = left.cue.replace(
        "cross the left thigh over the right", "cross the right thigh over the left"
    )
    return {"other_side_words": recued(f4, left, wrong)}


def test_the_figure_finds_its_fault_and_passes_the_reported_practices():
    assert_figures_break_and_hold(side_words.RULES, side_words_breakings(), REPORTED)


def test_review_19_f4_each_eagle_side_crosses_its_own_thigh():
    practice = reviewed(1909)
    right = next(s for s in practice.steps if s.pose.slug == "eagle" and s.side == "right")
    left = next(s for s in practice.steps if s.pose.slug == "eagle" and s.side == "left")
    assert "right thigh over the left, right elbow under the left" in right.cue.lower()
    assert "cross the left thigh over the right, left elbow under the right" in left.cue
    assert "right thigh over the left" not in left.cue


def test_mirrored_swaps_each_side_once():
    assert mirrored("the right thigh over the left") == "the left thigh over the right"
