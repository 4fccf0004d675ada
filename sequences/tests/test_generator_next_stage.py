"""A pose that follows one of its own shape is taught as its next stage (blind teacher review
r16 F2: Twisted Crescent Lunge then Revolved Side Angle, both "elbow outside the knee")."""

from dataclasses import replace

from sequences.generator.next_stage import flow_next
from sequences.generator.quality import faults
from sequences.generator.quality import next_stage as figures
from sequences.tests.generation import BY_SLUG, assert_figures_break_and_hold, requests, reviewed

# Review r16 #5: 60 min advanced power, strength and core.
REPORTED = requests(1605)
# The cue review r16 read at pos 66.
AS_READ = "Revolved Side Angle, 9 breaths: elbow outside the knee, turn from the belly: the deepest twist of the flow."  # noqa: E501


def _revolved(practice):
    return next(s for s in practice.steps if s.pose.slug == "revolved-side-angle")


def next_stage_breakings() -> dict:
    """A hand-made fault of the figure: pos 66's cue put back as the review read it."""
    practice = reviewed(1605)
    first = _revolved(practice)
    steps = tuple(replace(s, cue=AS_READ) if s is first else s for s in practice.steps)
    return {"next_stage_said": replace(practice, steps=steps)}


def test_the_next_stage_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, next_stage_breakings(), REPORTED)


def test_review_16_f2_revolved_side_angle_is_the_next_stage_of_the_twisted_lunge():
    practice = reviewed(1605)
    step = _revolved(practice)
    before = practice.steps[step.position - 2]
    assert before.pose.slug == "twisted-crescent-lunge"
    # The pose kept; its hold 8 breaths since a power class's standing flows move with the
    # breath (review r16 F7: 3-8 breaths, not 9).
    assert step.duration_seconds == 40
    assert step.cue == (
        "Revolved Side Angle, 8 breaths: from the twisted lunge, lower the bottom hand to a "
        "block outside the front foot, the top arm over the ear, back heel lifted: the deepest "
        "twist of the flow."
    )
    assert "elbow outside the knee" not in step.cue
    assert faults(practice) == {}


def test_with_wrist_care_the_next_stage_keeps_the_hand_off_the_floor():
    card, before = BY_SLUG["revolved-side-angle"], BY_SLUG["twisted-crescent-lunge"]
    cue = flow_next(card, before, "right", "9 breaths", wrists=True)
    assert "block" not in cue and "elbow outside the knee" not in cue
    assert "turn a little more on each exhale" in cue
    # After another pose, the pose's own flow words.
    assert "elbow outside the knee" in flow_next(
        card, BY_SLUG["high-lunge"], "right", "9 breaths", wrists=False
    )
