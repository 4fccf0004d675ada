"""Rounds only for active shapes and the way down from Plank named (issue 11, blind teacher
review r11: F5 of #11, F7 of #17)."""

from dataclasses import replace

from sequences.generator.lowering import LOWER_PADDED
from sequences.generator.quality import faults, level_holds, lowering
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)

REPORTED = requests(1011, 1017)
RULES = {**level_holds.RULES, **lowering.RULES}


def levels_rounds_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test: each practice as
    review r11 printed it."""
    # F5: Sphinx, 2:00, Crocodile 15 s, Sphinx 2:00 again.
    p11 = reviewed(1011)
    at = next(n for n, s in enumerate(p11.steps) if s.pose.slug == "sphinx")
    sphinx = p11.steps[at]
    rest = replace(sphinx, pose=BY_SLUG["crocodile"], duration_seconds=15, cue="Rest.")
    rounds = renumbered(p11, [*p11.steps[: at + 1], rest, sphinx, *p11.steps[at + 1 :]])
    # F7: the way down to the belly said with nothing of where it comes from.
    p17 = reviewed(1017)
    unnamed = renumbered(
        p17, [replace(s, cue=s.cue.replace("From Plank Pose: ", "")) for s in p17.steps]
    )
    return {
        "rounds_active": rounds,
        "lowering_named": unnamed,
    }


def test_the_figures_find_their_faults_and_pass_the_reported_practices():
    assert_figures_break_and_hold(RULES, levels_rounds_breakings(), REPORTED)


def test_review_11_1011_sphinx_a_passive_shape_is_held_once():
    practice = reviewed(1011)
    sphinx = [s for s in practice.steps if s.pose.slug == "sphinx"]
    assert len(sphinx) == 1
    peak = [s.pose.slug for s in practice.steps if s.phase == "peak"]
    assert peak == ["locust", "crocodile", "locust", "crocodile", "locust"]  # active: rounds
    assert not faults(practice)


def test_review_11_1017_a_pose_lowered_to_from_plank_names_the_plank():
    practice = reviewed(1017)
    steps = practice.steps
    lowered = [s for s in steps if not s.flow and LOWER_PADDED.strip() in s.cue]
    assert {s.pose.slug for s in lowered} >= {"crocodile", "sphinx"}
    for step in lowered:
        before = steps[step.position - 2]
        assert before.pose.slug == "plank", step.label
        assert step.cue.startswith(
            "From Plank Pose: Knees down on a folded blanket, lower all the way to the belly."
        )
    assert not faults(practice)
