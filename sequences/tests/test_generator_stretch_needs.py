"""A gentle stretch on the floor is prepared by a pose that opens what it lengthens, however
short the class (review r14 F1: Half Splits straight after Neck Release and Cat-Cow)."""

import dataclasses

import pytest

from sequences.generator.quality.arc import RULES as ARC_RULES
from sequences.generator.shapes import peak_needs
from sequences.generator.stretch_needs import OPENERS, stretch_need
from sequences.tests.generation import BY_SLUG
from sequences.tests.generation import generated as _generate

# The reviewed class (r14 #1, seed 1401) and the same choices again (seed 1501).
HALF_SPLITS = {
    "minutes": 15,
    "level": "beginner",
    "style": "gentle",
    "focus": ["relaxation"],
}
TEACHERS_CUE = (
    "Low Lunge, back knee down on a blanket, hands on blocks, hips ease forward: the front of "
    "the back hip softens, the lunge Half Splits starts from."
)


@pytest.mark.parametrize("seed", [1401, 1501])
def test_half_splits_follows_the_low_lunge_it_starts_from(seed):
    """The teacher's fix: after Cat-Cow, Low Lunge on the back knee, straight before the peak,
    said as the lunge Half Splits starts from; the class still fills its time."""
    practice = _generate(seed=seed, **HALF_SPLITS)
    assert practice.peak.pose.slug == "half-splits"
    before = [s for s in practice.steps if s.position < practice.peak.position]
    assert before[-1].pose.slug == "low-lunge"
    assert TEACHERS_CUE in before[-1].cue
    slugs = [s.pose.slug for s in before]
    assert slugs.index("cat-cow") < slugs.index("low-lunge")
    assert abs(practice.total_seconds - 15 * 60) <= 90


def test_the_peak_prepared_figure_finds_half_splits_folded_cold():
    """The reviewed order, Neck Release and Cat-Cow straight into Half Splits, is a fault."""
    practice = _generate(seed=1401, **HALF_SPLITS)
    steps = [s for s in practice.steps if s.pose.slug != "low-lunge"]
    cold = dataclasses.replace(practice, steps=steps)
    problems = ARC_RULES["peak_prepared"](cold)
    assert any("half-splits" in p for p in problems)
    assert not ARC_RULES["peak_prepared"](practice)


def test_a_gentle_stretch_on_the_floor_needs_an_opener_of_its_area():
    """Every gentle hip opener or forward fold seated, kneeling or prone whose first area is the
    hips or the hamstrings needs one of that area's milder openers, never itself; a supine one
    is its own way in (a 30-minute gentle class in pregnancy peaks in Reclining
    Hand-to-Big-Toe after a Wide-Legged Forward Fold, not on the hands); a standing or strong
    one is left to PEAK_NEEDS and `needs`."""
    for slug in ("seated-forward-fold", "bound-angle"):
        card = BY_SLUG[slug]
        need = stretch_need(card)
        assert need and slug not in need
        assert set(need) <= set(OPENERS[card.target_areas[0]])
        assert need in peak_needs(card)
    for slug in ("supine-hand-to-big-toe", "happy-baby", "standing-forward-fold", "lizard", "frog"):
        assert stretch_need(BY_SLUG[slug]) == ()
    assert peak_needs(BY_SLUG["half-splits"]) == (("low-lunge", "lizard", "dragon-yin"),)
