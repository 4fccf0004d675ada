"""One roll-over at most after the peak (blind teacher review r17 F11: #14, 35 minutes of
advanced hatha for balance, no inversions, cooled down Thread the Needle, Seated Forward Fold,
Sphinx, Supported Fish: onto the belly from sitting, then over onto the back; the fix: Sphinx
before Seated Forward Fold, same holds and cues: all fours, belly, seated, reclined)."""

from sequences.generator.quality import faults, roll_overs
from sequences.generator.stance_links import without_way
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)

REPORTED = requests(1714, 1703, 1705, 1709, 1604)


def roll_overs_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test."""
    f11 = reviewed(1714)
    steps = list(f11.steps)
    sphinx = next(n for n, s in enumerate(steps) if s.pose.slug == "sphinx")
    # F11 as printed: Seated Forward Fold, then Sphinx, then Supported Fish
    steps[sphinx], steps[sphinx + 1] = steps[sphinx + 1], steps[sphinx]
    return {"cool_down_rolls": renumbered(f11, steps)}


def test_the_figures_find_their_faults_and_pass_the_reported_practices():
    assert_figures_break_and_hold(roll_overs.RULES, roll_overs_breakings(), REPORTED)


def test_review_17_f11_thread_the_needle_sphinx_seated_fold_supported_fish():
    practice = reviewed(1714)
    cool = [s for s in practice.steps if s.phase == "cool_down"]
    assert [s.pose.slug for s in cool[-4:]] == [
        "thread-the-needle",
        "sphinx",
        "seated-forward-fold",
        "supported-fish",
    ]
    sphinx, fold = cool[-3], cool[-2]
    assert (sphinx.duration_seconds, fold.duration_seconds) == (65, 65)
    # its own words first, after the way down to the belly every style says
    assert without_way(sphinx.cue).startswith("Elbows below the collarbones, forearms parallel")
    assert without_way(fold.cue).startswith(
        "Head level with the heart: fold less, or rest it on a block."
    )
    assert practice.planned_seconds == 35 * 60
    assert not faults(practice)
