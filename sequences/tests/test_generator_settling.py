"""A cool-down that goes one way, from work to rest (issue 11, blind teacher review r11b,
plan 2: Reclined Bound Angle, a restorative rest held two minutes as the counter-pose, then
the active Bridge: rest → work → rest)."""

from dataclasses import replace

from sequences.generator.quality import faults
from sequences.generator.quality import settling as figures
from sequences.generator.settling import after_a_lying_rest, lying_rest
from sequences.tests.generation import BY_SLUG, assert_figures_break_and_hold, reviewed
from sequences.tests.test_generator_arm_counters import REPORTED


def settling_breakings() -> dict:
    """A hand-made fault of the figure, for the quality bar's own test: the reported
    practice's counter-pose put back as Reclined Bound Angle, with Bridge after it."""
    practice = reviewed(1101)
    steps = list(practice.steps)
    counter = next(n for n, s in enumerate(steps) if s.phase == "counter")
    steps[counter] = replace(steps[counter], pose=BY_SLUG["reclined-bound-angle"])
    bridge = replace(steps[counter], pose=BY_SLUG["bridge"], phase="cool_down")
    steps.insert(counter + 1, bridge)
    return {"cool_down_one_way": replace(practice, steps=tuple(steps))}


def test_the_one_way_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, settling_breakings(), REPORTED)


def test_review_11b_plan_2_the_cool_down_goes_down_to_rest():
    """The right value: after Child's Pose, the cool-down's active poses (Bridge among them)
    come before its passive ones, and no active pose follows a lying rest."""
    practice = reviewed(1101)
    after = [s for s in practice.steps if s.phase in ("counter", "cool_down")]
    efforts = [s.pose.effort for s in after if s.phase == "cool_down"]
    assert efforts == sorted(efforts, key=lambda e: e == "passive")
    assert not any(lying_rest(s.pose) for s in after[:-1] if s.pose.effort == "active")
    assert faults(practice) == {}


def test_only_rest_follows_a_lying_rest():
    bound, fish, childs = (
        BY_SLUG[s] for s in ("reclined-bound-angle", "supported-fish", "childs-pose")
    )
    assert lying_rest(bound) and lying_rest(fish) and not lying_rest(childs)
    assert not lying_rest(BY_SLUG["knees-to-chest"])  # a release, the knees hugged in
    assert not lying_rest(BY_SLUG["crocodile"])  # on the belly: it keeps its height
    assert not after_a_lying_rest(BY_SLUG["bridge"], [bound])
    assert after_a_lying_rest(BY_SLUG["knees-to-chest"], [bound])
    assert after_a_lying_rest(BY_SLUG["bridge"], [childs])
