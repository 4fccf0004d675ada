"""No weight in the hand for wrist care (blind review r18 F6 and F11: in a wrist_friendly class
High Lunge said "hands on the hips or on blocks" and Extended Side Angle "forearm to the thigh
or hand to a block"): the teacher's words at the reported seeds, the words that put weight in a
hand found wherever they come from, and the figure of quality/hand_weight.py."""

import pytest

from accounts.models import Avoidance
from sequences.generator.hand_places import HAND_PLACES
from sequences.generator.hand_weight import freed, spared, weighted
from sequences.generator.quality import hand_weight as figures
from sequences.generator.version_rules import as_taught
from sequences.generator.versions import VERSIONS, WORDS
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    recued,
    requests,
    reviewed,
)

REPORTED = requests(1808, 1816)
# The teacher's words (r18 F6, F11).
HIGH_LUNGE = "Hands on the hips or the front thigh."
SIDE_ANGLE = "forearm resting on the front thigh, no weight in the hand; top arm over the ear"


def _steps(practice, slug):
    return [step for step in practice.steps if step.pose.slug == slug]


def hand_weight_breakings() -> dict:
    """A hand-made fault of the figure: review r18's High Lunge with its block put back."""
    return {
        "wrist_weight": recued(
            reviewed(1808),
            "high-lunge",
            "Right side: High (Crescent) Lunge (7 breaths) → Warrior I; opens the way to "
            "Goddess Pose through the quadriceps. Hands on the hips or on blocks, not the floor.",
        ),
    }


def test_the_hand_weight_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, hand_weight_breakings(), REPORTED)


@pytest.mark.parametrize("seed", [1808, 1816])
def test_r18_f6_f11_high_lunge_and_side_angle_say_the_teachers_words(seed):
    """F6's and F11's right values: the first High Lunge of each side says the hands on the
    hips or the front thigh, Extended Side Angle the forearm resting on the front thigh with
    no weight in the hand; no step of the practice puts weight in a hand."""
    practice = reviewed(seed)
    lunges = [s for s in _steps(practice, "high-lunge") if s.phase == "build" and s.flow]
    assert lunges and all(HIGH_LUNGE in s.cue for s in lunges[:2])
    side_angle = _steps(practice, "extended-side-angle")
    assert side_angle and SIDE_ANGLE in side_angle[0].cue
    assert [s.cue for s in practice.steps if weighted(s.cue)] == []


@pytest.mark.parametrize(
    "cue",
    [
        "Hands on the hips or on blocks, not the floor.",
        "forearm to the thigh or hand to a block, top arm over the ear",
        "Back knee down on a blanket, hands on the front thigh, or fingertips on tall blocks.",
        "Bottom hand on the shin or a block, not the floor.",
        "Knees bent, hands on blocks or the thighs.",
        "Triangle, then a block under the hand, lift the back leg to hip height",
        "To come out, lean forward onto the hands and untuck the toes.",
        "Before this shape, a rebound: on hands and knees, sway the hips, a few breaths.",
        "Round 2 of 2, 20 s: hands to the heels only if the lower back stayed easy.",
    ],
)
def test_words_that_put_weight_in_a_hand_are_found_and_freed(cue):
    assert weighted(cue)
    assert weighted(freed(cue)) == []


def test_a_pose_pressing_the_palms_is_found():
    """Pressing the palms is the weight wrist care leaves the pose out for (Caution.WRIST_LOAD):
    found, with nothing to free it to."""
    assert weighted("Inhale, press firmly through both palms and lift the chest.")


@pytest.mark.parametrize(
    "cue",
    [
        "Forearms on a bolster or blocks, not the hands on the floor.",
        "Hands at the chest, not on the floor.",
        "Fingertips light on a tall block.",
        "Rest 15 s on the belly, forehead on the stacked hands, then round 2.",
        "On the belly, palms down beside you, lift the breastbone a little.",
        "Lift the leg: ready for Extended Hand-to-Big-Toe Pose, the foot on the floor.",
        "Hands resting on the thighs, no weight in them.",
    ],
)
def test_hands_that_rest_without_weight_are_not_found(cue):
    assert weighted(cue) == []


def test_every_hand_place_and_wrist_version_rests_the_hand_without_weight():
    """The whole kind at its sources: the hands' places and the versions wrist care says put
    no weight in a hand as written; every other version, said in a class that also cares for
    the wrists, none once freed (a block under the hand for weakened bones)."""
    assert {slug: words for slug, words in HAND_PLACES.items() if weighted(words)} == {}
    wrist = VERSIONS[Avoidance.WRIST_FRIENDLY]
    assert {slug: words for slug, (words, _) in wrist.items() if weighted(words)} == {}
    assert [words for words in WORDS if weighted(freed(words))] == []


def test_the_peaks_how_to_is_taught_without_weight_in_the_hands():
    from sequences.generator import clean_choices

    choices = clean_choices(
        minutes=40, level="beginner", style="vinyasa", focus=[], avoid=["wrist_friendly"]
    )
    how = "from Warrior II, forearm to the thigh or hand to a block, front knee over the ankle"
    assert weighted(as_taught(how, "extended-side-angle", choices, 30)) == []


def test_only_wrist_care_frees_the_hands():
    cue = "Hands on the hips or on blocks, not the floor."
    assert spared(cue, [Avoidance.KNEE_FRIENDLY]) == cue
    assert spared(cue, [Avoidance.WRIST_FRIENDLY]) == HIGH_LUNGE


def test_a_hand_light_on_the_thigh_is_said_once_and_the_versions_keep_their_words():
    """A class avoiding everything (the sweep's 671431340): Triangle's how-to, its versions for
    weakened bones and pregnancy all freed to the same place say it once, each version's own
    words kept (no rounding, the back body to a wall), so the cue keeps room for the head
    kept above the heart."""
    cue = freed(
        "Peak: front leg straight, knee unlocked, hinge at the hip, hand to a block. Hand on a "
        "block or the leg, spine long: no rounding. Bottom hand to a block, the back body to a "
        "wall. Top hand on the hip, the stance shorter, the head no lower than the heart."
    )
    assert cue == (
        "Peak: front leg straight, knee unlocked, hinge at the hip, hand light on the thigh. "
        "Spine long: no rounding. The back body to a wall. Top hand on the hip, the stance "
        "shorter, the head no lower than the heart."
    )
