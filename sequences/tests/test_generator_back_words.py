"""What a class for back care, knee care or weakened bones says of the spine and the legs
(blind review r14 F3: Sphinx "arches the upper back and lower back" under back care; r12 F13's
"vertebra by vertebra" for weakened bones, now with its figure; Goddess's hands overhead and
Tree's foot placed twice): the right values at the reported seeds, and the two figures of
quality/back_words.py."""

import re

import pytest

from sequences.generator import clean_choices
from sequences.generator.lower_back import LONG, arched, kept_long
from sequences.generator.plan import Draft
from sequences.generator.quality import back_words as figures
from sequences.generator.reasons import FLOW_CUES, HOW
from sequences.generator.stance_links import without_way
from sequences.generator.version_rules import REPLACING
from sequences.generator.versions import taught_for, versions_for
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    recued,
    requests,
    reviewed,
)

REPORTED = requests(1402, 1211)
# The teacher's words for Sphinx last before Locust (r14 F3).
SPHINX_BEFORE_LOCUST = (
    "Forearms press down, the chest draws forward, the belly lightly in: the upper back "
    "arches, the lower back stays long, the shape Locust Pose lifts into."
)


def _step(practice, slug):
    return next(s for s in practice.steps if s.pose.slug == slug)


def back_words_breakings() -> dict:
    """A hand-made fault of each figure: the reviewed practices with the faulted words put
    back."""
    return {
        "lower_back_long": recued(
            reviewed(1402),
            "sphinx",
            "Elbows further forward for less bend. Last before Locust Pose. Arches the upper "
            "back and lower back, which Locust Pose needs.",
        ),
        "spine_kept_long": recued(
            reviewed(1211),
            "bridge",
            "A gentle lift: raise the hips a little on an inhale, lower slowly on an exhale, "
            "vertebra by vertebra.",
        ),
    }


def test_the_back_words_figures_find_their_faults_and_pass_the_reported():
    assert_figures_break_and_hold(figures.RULES, back_words_breakings(), REPORTED)


def test_r14_f3_sphinx_before_locust_keeps_the_lower_back_long():
    """F3's right value: under back care Sphinx, last before Locust, says its back-care
    version, then the upper back arching and the lower back long (the teacher's words)."""
    sphinx = _step(reviewed(1402), "sphinx")
    # Its own words first, after the way down to the belly every style says (r20 F7).
    assert without_way(sphinx.cue).startswith("Elbows further forward for less bend.")
    assert sphinx.cue.endswith(SPHINX_BEFORE_LOCUST)
    assert not arched(sphinx.cue)


@pytest.mark.parametrize(
    "cue, said",
    [
        (
            "Elbows below the collarbones, forearms parallel: a mild arch of the lower back.",
            "Elbows below the collarbones, forearms parallel: " + LONG + ".",
        ),
        (
            "Elbows further forward for less bend. A mild arch of the lower back as the breath "
            "slows.",
            "Elbows further forward for less bend. Forearms press down, the chest draws forward, "
            "the belly lightly in: " + LONG + ", as the breath slows.",
        ),
        (
            "Arches the lower back and upper back, for today's focus on the back.",
            "Forearms press down, the chest draws forward, the belly lightly in: "
            + LONG
            + ", for today's focus on the back.",
        ),
        (
            "Arches the upper back and lower back: Locust Pose asks for them.",
            "Forearms press down, the chest draws forward, the belly lightly in: "
            + LONG
            + ", the shape Locust Pose lifts into.",
        ),
    ],
)
def test_every_way_of_arching_the_lower_back_is_said_long_for_back_care(cue, said):
    assert arched(cue)
    assert kept_long(cue, "sphinx", ["back_care"]) == said
    assert kept_long(cue, "sphinx", ["knee_friendly"]) == cue  # only back care asks it


def test_every_backbend_cue_of_the_library_is_said_long_for_back_care():
    """Every backbend's own words (HOW, FLOW_CUES) come out of back care unarched."""
    for slug, card in BY_SLUG.items():
        if card.category != "backbend":
            continue
        for words in (HOW.get(slug), FLOW_CUES.get(slug)):
            if words:
                assert not arched(kept_long(words, slug, ["back_care"])), slug


def _taught(slug, avoid, cue):
    draft = Draft(card=BY_SLUG[slug], phase="build", hold=30, cue=cue)
    choices = clean_choices(minutes=30, level="beginner", style="hatha", avoid=list(avoid))
    taught_for(draft, choices, set())
    return draft.cue


OVERHEAD = re.compile(r"\b(?:hands|arms) (?:overhead|up)\b|\bsweep overhead\b")


def test_every_standing_pose_with_the_arms_overhead_has_a_back_care_version():
    """r13's kind: a standing pose whose own cue takes the arms up is taught for back care
    (Goddess's hands come to the thighs, the tailbone long; the rest reach up, not back)."""
    for slug, card in BY_SLUG.items():
        words = HOW.get(slug, "") + " " + FLOW_CUES.get(slug, "")
        if card.position == "standing" and OVERHEAD.search(words):
            assert versions_for(card, ["back_care"]), slug
    goddess = _taught("goddess", ["back_care"], HOW["goddess"][0].upper() + HOW["goddess"][1:])
    assert "overhead" not in goddess and "hands on the thighs" in goddess
    assert "tailbone long" in goddess


def test_tree_under_knee_care_says_where_the_foot_goes_once():
    """The knee-care version places the foot; the pose's own placement goes (left from r14)."""
    tree = _taught("tree", ["knee_friendly"], HOW["tree"][0].upper() + HOW["tree"][1:] + ".")
    assert tree.count("calf") == 1 and "never on the knee" in tree
    assert tree.endswith("Hands at the heart: the standing ankle steadies.")


def test_every_replacement_says_words_of_its_own():
    """The quality bar tells a version's words from the reason by them (REPLACING): none is
    empty or bare punctuation, which every cue would contain."""
    assert all(len(words.strip(" ;,.")) > 3 for words in REPLACING)
