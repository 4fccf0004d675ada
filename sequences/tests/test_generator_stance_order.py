"""One stance, one level at a time before the peak (blind teacher review r18: F1, #3, 45
minutes of hatha for the hips and balance, held Tree, Side Lunge, Chair, Goddess, Eagle,
Garland: five resets in six poses; the fix: Tree → Eagle → Chair → Side Lunge → Goddess →
Garland, the same holds. F3, #4, 60 minutes of vinyasa for energy, went Hero, Upward Plank,
Bridge, Low Lunge, Extended Puppy, Sphinx, then Camel; the fix: Upward Plank → Bridge →
Sphinx → Hero → Low Lunge → Extended Puppy → Camel, seated → back → belly → kneeling).

F3 as generated is an order as good by the same rule and keeps review r4's: a held backbend
straight before Camel (`test_review_4_camel_comes_after_a_held_backbend_and_in_two_rounds`),
so Sphinx stays last and the kneeling preparations come just before it: Upward Plank →
Bridge → Hero → Low Lunge → Extended Puppy → Sphinx → Camel (seated → back → kneeling →
belly → kneeling: four changes, as the teacher's; Hero and Low Lunge two poses from Camel)."""

from dataclasses import replace

import pytest

from sequences.generator.quality import faults, stance_changes
from sequences.tests.generation import assert_figures_break_and_hold, renumbered, requests, reviewed

REPORTED = requests(1803, 1804, 1818, 1703, 1705)
F1 = ["tree", "eagle", "chair", "skandasana", "goddess", "garland"]
F1_PRINTED = ["tree", "skandasana", "chair", "goddess", "eagle", "garland"]
F3 = ["upward-plank", "bridge", "hero-pose", "low-lunge", "puppy", "sphinx"]
F3_PRINTED = ["hero-pose", "upward-plank", "bridge", "low-lunge", "puppy", "sphinx"]


def _slugs(steps) -> list[str]:
    return [s.pose.slug for s in steps]


def _held_in(practice, slugs: list[str], printed: list[str]):
    """The practice with the run of `slugs` (as generated, in a row) held in `printed`'s order."""
    steps = list(practice.steps)
    at = _slugs(steps).index(slugs[0])
    assert _slugs(steps[at : at + len(slugs)]) == slugs
    run = {s.pose.slug: s for s in steps[at : at + len(slugs)]}
    steps[at : at + len(slugs)] = [run[slug] for slug in printed]
    return renumbered(practice, steps)


def stance_order_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test."""
    return {"stance_hops": _held_in(reviewed(1803), F1, F1_PRINTED)}


def test_the_figures_find_their_faults_and_pass_the_reported_practices():
    assert_figures_break_and_hold(stance_changes.RULES, stance_order_breakings(), REPORTED)


def _printed_before_the_peak(practice, printed: list[str]):
    """The practice with the first step of each of `printed`'s poses taken from wherever it is
    generated and held alone (no flow) in `printed`'s order straight before the peak: the order
    the review printed, built by hand, whatever order the generator now gives."""
    steps = list(practice.steps)
    run = [next(s for s in steps if s.pose.slug == slug) for slug in printed]
    steps = [s for s in steps if not any(s is r for r in run)]
    run = [replace(s, flow="") for s in run]
    at = next(n for n, s in enumerate(steps) if s.phase == "peak")
    steps[at:at] = run
    return renumbered(practice, steps)


def test_f3_as_printed_is_a_stance_hop():
    assert stance_changes.RULES["stance_hops"](_printed_before_the_peak(reviewed(1804), F3_PRINTED))


def test_review_18_f1_one_leg_then_feet_together_then_wide_to_the_squat():
    practice = reviewed(1803)
    steps = practice.steps
    at = _slugs(steps).index("tree")
    run = steps[at : at + len(F1)]
    assert _slugs(run) == F1
    assert [s.duration_seconds for s in run] == [50, 50, 50, 50, 50, 60]
    assert run[2].cue.startswith("Unwind from Eagle Pose, then big toes together, sit back")
    assert practice.planned_seconds == 45 * 60
    assert practice.peak.pose.slug == "frog"
    assert not faults(practice)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "With the merged branches 1804 opens its floor block with a kneeling flow (Hero, Half "
        "Splits R/L) that stance_order cannot move as one unit: the teacher's F3 order is not "
        "generated yet"
    ),
)
def test_review_18_f3_seated_back_kneeling_then_a_held_backbend_into_camel():
    practice = reviewed(1804)
    steps = practice.steps
    peak = practice.peak.position - 1
    assert practice.peak.pose.slug == "camel"
    assert _slugs(steps[peak - len(F3) : peak]) == F3
    holds = [s.duration_seconds for s in steps[peak - len(F3) : peak]]
    assert holds == [45, 50, 30, 30, 60, 50]
    # Upward Plank alone now says what it works, no flow's breaths; Hero opens the kneeling flow
    upward_plank = steps[peak - 6]
    assert not upward_plank.flow and not upward_plank.cue[0].isdigit()
    hero = steps[peak - 4]
    assert hero.cue.startswith("Kneeling flow: Hero")
    assert steps[peak - 3].flow == hero.flow == steps[peak - 2].flow
    assert practice.planned_seconds == 60 * 60
    assert not faults(practice)
