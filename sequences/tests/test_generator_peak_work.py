"""A real peak prepared by poses that rehearse what it needs (reviews r15 F15, F17, F18; r16
F12; r11b): each test pins the teacher's value for the reviewed practice."""

import dataclasses

from sequences.generator.peak_rehearsal import asks_one_leg_last, one_leg
from sequences.generator.quality import faults
from sequences.generator.quality.arc import RULES as ARC_RULES
from sequences.generator.quality.peak_rehearsal import RULES
from sequences.generator.shapes import peak_needs
from sequences.tests.generation import BY_SLUG, renumbered, reviewed


def _before_peak(practice) -> list:
    return [s for s in practice.steps if s.position < practice.peak.position]


def test_side_crow_is_prepared_by_revolved_chair_the_twisted_squat_it_sits_on():
    """r16 F12 (reviewed 1614): Revolved Chair, knees together and the elbow hooked outside the
    thigh, before Side Crow, then Garland and Crow; not Revolved Triangle's straight-leg twist."""
    practice = reviewed(1614)
    assert practice.peak.pose.slug == "side-crow"
    slugs = [s.pose.slug for s in _before_peak(practice)]
    assert "revolved-chair" in slugs
    assert "revolved-triangle" not in slugs
    chair = slugs.index("revolved-chair")
    assert chair < slugs.index("garland") < slugs.index("crow")
    assert ("revolved-chair",) in peak_needs(BY_SLUG["side-crow"])


def test_the_peak_prepared_figure_finds_side_crow_without_its_twisted_squat():
    """The reviewed order, Revolved Triangle and no Revolved Chair before Side Crow, is a fault."""
    practice = reviewed(1614)
    steps = [s for s in practice.steps if s.pose.slug != "revolved-chair"]
    unprepared = dataclasses.replace(practice, steps=steps)
    assert any("side-crow" in p for p in ARC_RULES["peak_prepared"](unprepared))
    assert not ARC_RULES["peak_prepared"](practice)


def _goddess_last_before_warrior_iii():
    """r15 F18 as reviewed: Tree, Chair, then Goddess last before Warrior III."""
    practice = reviewed(1517)
    steps = list(practice.steps)
    chair = next(n for n, s in enumerate(steps) if s.pose.slug == "chair")
    tree = next(n for n, s in enumerate(steps) if s.pose.slug == "tree")
    steps.insert(chair, steps.pop(tree))
    return renumbered(practice, steps)


def peak_rehearsal_breakings() -> dict:
    """A hand-made fault of each figure of quality.peak_rehearsal, for the quality bar's test."""
    return {"balance_peak_rehearsed": _goddess_last_before_warrior_iii()}


def test_each_figure_of_the_module_fails_when_broken():
    breakings = peak_rehearsal_breakings()
    assert sorted(breakings) == sorted(RULES)
    for figure, practice in breakings.items():
        assert RULES[figure](practice), figure
    goddess = breakings["balance_peak_rehearsed"]
    assert "balance_peak_rehearsed" in faults(goddess)


def test_warrior_iii_is_led_into_on_one_leg():
    """r15 F18 (reviewed 1517): not Goddess, a wide squat on two feet, last before Warrior III;
    Tree, the standing foot and the gaze found once more, straight before it."""
    practice = reviewed(1517)
    assert practice.peak.pose.slug == "warrior-iii"
    before = _before_peak(practice)
    assert before[-1].pose.slug == "tree"
    slugs = [s.pose.slug for s in before]
    assert slugs.index("goddess") < slugs.index("tree")
    assert not RULES["balance_peak_rehearsed"](practice)


def test_which_peaks_are_led_into_on_one_leg():
    """Every one-leg balance above Tree, the gentlest, with no needs of its own; not Tree, not
    Extended Hand-to-Big-Toe (its hamstrings lead into it), not an arm balance."""
    assert all(one_leg(BY_SLUG[s]) for s in ("tree", "eagle", "warrior-iii", "half-moon"))
    assert asks_one_leg_last(BY_SLUG["warrior-iii"])
    assert asks_one_leg_last(BY_SLUG["eagle"])
    assert not asks_one_leg_last(BY_SLUG["tree"])
    assert not asks_one_leg_last(BY_SLUG["standing-hand-to-big-toe"])
    assert not asks_one_leg_last(BY_SLUG["crow"])


def test_a_knee_friendly_core_class_may_peak_in_side_plank_the_knee_padded_if_lowered():
    """r11b asked whether a knee-friendly 30-minute core class should peak in Side Plank. It
    may: the full pose stacks the feet and bends no knee (its own contraindications name the
    wrists, elbows and shoulders, not the knees), and its easier version, the bottom knee
    down, is offered on a folded blanket (reviewed 1610, as in 1110 and 1510)."""
    practice = reviewed(1610)
    assert practice.peak.pose.slug == "side-plank"
    assert not any("knee" in caution for caution in BY_SLUG["side-plank"].cautions)
    assert "Bottom knee down on a folded blanket" in practice.peak.cue
