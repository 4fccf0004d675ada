"""A class for weakened bones rises with a flat back and never rolls up (blind review r18 F10:
in a gentle osteoporosis_safe class Down Dog "takes you up to standing" with no word on how):
the teacher's words at the reported seed, the ways up said wherever they come from, and the
figure of quality/rise_flat.py."""

import pytest

from accounts.models import Avoidance
from poses.models import cautions_avoided
from sequences.generator.entries import TAKES_UP
from sequences.generator.quality import rise_flat as figures
from sequences.generator.rise_flat import FLAT, risen_flat, rolled
from sequences.generator.ways_out import WAYS_OUT
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    recued,
    requests,
    reviewed,
)

REPORTED = requests(1811)
OSTEOPOROSIS = Avoidance.OSTEOPOROSIS_SAFE
# The teacher's words for the way up from Down Dog (r18 F10), after "takes you up to standing".
FROM_DOWN_DOG = (
    "walk the hands back onto blocks, knees deeply bent, hands to the thighs, and rise with a "
    "flat back. Never roll up."
)


def rise_flat_breakings() -> dict:
    """A hand-made fault of the figure: review r18's Down Dog with no word on the way up."""
    return {
        "rises_flat_back": recued(
            reviewed(1811),
            "downward-facing-dog",
            "Lengthens the back and takes you up to standing. Knees bent, heels lifted, a few "
            "breaths only.",
        ),
    }


def test_the_rise_flat_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, rise_flat_breakings(), REPORTED)


def test_r18_f10_down_dog_says_how_to_rise_with_a_flat_back():
    """F10's right value: Down Dog takes the class up to standing the teacher's way, and no
    step of the practice rolls the spine."""
    practice = reviewed(1811)
    dog = next(s for s in practice.steps if s.pose.slug == "downward-facing-dog")
    after = practice.steps[dog.position]
    assert f"{TAKES_UP}: {FROM_DOWN_DOG}" in dog.cue
    assert after.pose.position == "standing"
    assert [s.cue for s in practice.steps if rolled(s.cue)] == []


@pytest.mark.parametrize(
    "cue, slug",
    [
        ("Lengthens the calves and takes you up to standing.", "downward-facing-dog"),
        ("Lengthens the back and takes you up to standing.", "dolphin"),
        ("To come out, walk the hands back and roll up slowly, the head coming up at the end.",
         "supported-seated-forward-bend"),
        ("To come out, roll up slowly with the help of the hands.", "half-butterfly-yin"),
        ("Sun Salutation A, round 2, the same on your own breath: inhale up, exhale fold, inhale "
         "halfway, exhale step back and lower, inhale Up Dog, exhale Down Dog; then step forward "
         "and rise.", "downward-facing-dog"),
        ("Inhale, rise all the way up", "upward-salute"),
        ("Inhale, bend the knees and reach up", "chair"),
    ],
)  # fmt: skip
def test_every_way_up_rises_with_a_flat_back(cue, slug):
    said = risen_flat(cue, slug)
    assert FLAT.search(said) and rolled(said) == []
    assert risen_flat(said, slug) == said  # said once


def test_no_way_out_rolls_up_once_said_for_weakened_bones():
    """The whole kind at one source: every way out a long hold says of a pose an
    osteoporosis_safe class keeps, as the class says it, rolls nothing."""
    kept = {
        slug: words
        for slug, words in WAYS_OUT.items()
        if slug in BY_SLUG and not BY_SLUG[slug].cautions & cautions_avoided([OSTEOPOROSIS])
    }
    assert kept  # the scan reads the ways out
    assert {s: w for s, w in kept.items() if rolled(risen_flat(w, s))} == {}


@pytest.mark.parametrize(
    "cue", ["A strap around the foot, the head resting: no curling up.", "Never roll up."]
)
def test_a_roll_said_not_to_be_taken_is_no_roll(cue):
    assert rolled(cue) == []


def test_only_weakened_bones_rise_this_way():
    """Another class's Down Dog keeps its words (the way up is the class's own)."""
    plain = reviewed(1808)  # wrist_friendly: no weakened bones
    assert all(FROM_DOWN_DOG not in s.cue for s in plain.steps)
