"""A real peak prepared by poses that rehearse what it needs (reviews r15 F15, F17, F18; r16
F12; r11b): each test pins the teacher's value for the reviewed practice."""

import dataclasses

from sequences.generator.quality.arc import RULES as ARC_RULES
from sequences.generator.shapes import peak_needs
from sequences.tests.generation import BY_SLUG, reviewed


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
