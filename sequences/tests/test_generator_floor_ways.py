"""Every way down to the floor, between floor levels and up from lying is said where the usual
way rounds a loaded spine (blind review r19 F5: a gentle osteoporosis_safe class left Goddess →
Sphinx, Bound Angle → Reclined Figure Four and Corpse → "Come up to sit" uncued): the teacher's
words at the reported seed, the ways by level, and the `rises_flat_back` figure finding a way
left unsaid."""

import pytest

from accounts.models import Avoidance
from poses.models import Position
from sequences.generator.floor_ways import opened, unsaid, way
from sequences.generator.quality import rise_flat as figures
from sequences.tests.generation import generated, recued, reviewed

OSTEOPOROSIS = [Avoidance.OSTEOPOROSIS_SAFE]
# The teacher's words (r19 F5), each opening the cue of the step the class arrives at.
ONTO_THE_BELLY = "Come down hand by hand to the knees, then lower onto the belly."
ONTO_THE_BACK = "Lower onto one forearm, then roll onto the back."
UP_TO_SIT = (
    "Roll onto the right side, press up with the hands, the head coming up last, and come to sit"
)


def _after(practice, slug):
    return next(s for s in practice.steps if s.pose.slug == slug)


def test_r19_f5_each_level_change_says_the_way_the_teacher_cued_it():
    practice = reviewed(1911)
    sphinx = _after(practice, "sphinx")
    assert practice.steps[sphinx.position - 2].pose.slug == "goddess"
    assert sphinx.cue.startswith(ONTO_THE_BELLY)
    figure_four = _after(practice, "reclined-figure-four")
    assert practice.steps[figure_four.position - 2].pose.slug == "bound-angle"
    assert figure_four.cue.startswith(ONTO_THE_BACK)
    closing = practice.steps[-1]
    assert practice.steps[-2].pose.slug == "corpse"
    assert closing.cue.startswith(UP_TO_SIT) and "Come up to sit" not in closing.cue
    assert figures.RULES["rises_flat_back"](practice) == []


@pytest.mark.parametrize(
    "slug, cue",
    [
        ("sphinx", "Last before Locust Pose. Arches the upper back and lower back."),
        ("reclined-figure-four", "Bottom foot on the floor or a wall. The outer hip opens."),
        ("seated-meditation", "Come up to sit: a few minutes of stillness before you go."),
    ],
)
def test_the_figure_finds_each_way_left_unsaid(slug, cue):
    """The reported practice with one way taken back out, as r19 read it."""
    broken = recued(reviewed(1911), slug, cue)
    assert any("unsaid" in found for found in figures.RULES["rises_flat_back"](broken))


@pytest.mark.parametrize(
    "before, after, avoid, said",
    [
        (Position.STANDING, Position.PRONE, OSTEOPOROSIS, ONTO_THE_BELLY),
        (Position.SEATED, Position.SUPINE, OSTEOPOROSIS, ONTO_THE_BACK),
        (Position.SUPINE, Position.SEATED, OSTEOPOROSIS, f"{UP_TO_SIT}."),
        (Position.SUPINE, Position.SEATED, [Avoidance.PREGNANCY_SAFE], f"{UP_TO_SIT}."),
        (Position.SUPINE, Position.SEATED, [Avoidance.BACK_CARE], f"{UP_TO_SIT}."),
        (Position.SIDE_LYING, Position.SEATED, [Avoidance.PREGNANCY_SAFE],
         "Press up with the hands, the head coming up last, and come to sit."),
    ],
)  # fmt: skip
def test_the_way_between_levels_for_each_care(before, after, avoid, said):
    assert way(before, after, avoid)[0] == said


@pytest.mark.parametrize(
    "before, after, avoid",
    [
        (Position.STANDING, Position.PRONE, [Avoidance.PREGNANCY_SAFE]),  # the ways down: bones'
        (Position.SEATED, Position.SUPINE, [Avoidance.BACK_CARE]),
        (Position.SUPINE, Position.SEATED, []),  # no care asked
        (Position.PRONE, Position.KNEELING, OSTEOPOROSIS),  # up through the hands and knees
        (Position.SUPINE, Position.PRONE, OSTEOPOROSIS),  # a roll-over, no sit-up
        (Position.SEATED, Position.SEATED, OSTEOPOROSIS),
    ],
)
def test_no_way_is_said_where_no_care_asks_it(before, after, avoid):
    assert way(before, after, avoid) is None


def test_a_way_already_said_is_not_said_again():
    assert unsaid("", ONTO_THE_BACK, Position.SEATED, Position.SUPINE, OSTEOPOROSIS) == ""
    cue = opened("Come up to sit: stillness.", f"{UP_TO_SIT}.")
    assert cue == f"{UP_TO_SIT}: stillness."
    assert unsaid("", cue, Position.SUPINE, Position.SEATED, OSTEOPOROSIS) == ""


def test_a_flows_label_stays_first_with_the_way_after_it():
    """The property's draw (power, 29 min, osteoporosis and pregnancy care, seed 2147483646):
    the way down to Hero opened its kneeling flow's first cue before the flow's label."""
    label = "Kneeling flow, 5 breaths each: Hero, then Lizard on each side."
    cue = opened(f"{label} Sit between or on the heels.", "Come down hand by hand to the knees.")
    assert cue == f"{label} Come down hand by hand to the knees. Sit between or on the heels."
    practice = generated(
        seed=2147483646,
        minutes=29,
        level="intermediate",
        style="power",
        focus=["balance", "full_body"],
        avoid=["osteoporosis_safe", "pregnancy_safe"],
        liked=["balancing-table", "five-pointed-star", "warrior-ii", "ujjayi-breath"],
    )
    hero = _after(practice, "hero-pose")
    assert hero.cue.startswith("Kneeling flow") and "hand by hand" in hero.cue


def test_a_long_cue_opened_stays_within_its_length():
    """The way said in short where the whole has no room, the cue cut at a clause if still."""
    cue = opened("A long clause, " * 30, ONTO_THE_BELLY)
    assert cue.startswith("Hand by hand to the knees, then the belly.") and len(cue) <= 300


def test_other_classes_come_up_as_they_did():
    """A class with no care for the spine keeps "Come up to sit"."""
    plain = generated(seed=1911, minutes=50, level="beginner", style="gentle", focus=["back"])
    assert all("press up with the hands" not in s.cue for s in plain.steps)
