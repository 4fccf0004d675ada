"""A pose kept for an avoid choice is taught in its version, and a long yin shape offers its
support (sequences/generator/versions.py; review r5 #6, #7, #11, #13, #17)."""

import itertools
import re
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError

from poses.library import POSES_FILE, read_rows
from poses.models import AVOIDANCE_CAUTIONS, categories_avoided
from sequences.generator import LEVELS, STYLES, PoseCard, clean_choices, reasons
from sequences.generator.plan import Draft
from sequences.generator.quality import styles
from sequences.generator.versions import (
    AVOID_CUES,
    VERSIONS,
    YIN_SUPPORT,
    YIN_SUPPORT_FROM,
    said_on,
    taught_for,
    versions_for,
)
from sequences.tests.generation import BY_SLUG, printed, reviewed

ROWS = read_rows(POSES_FILE, kind="poses")

# Where a pose's contraindications or modifications speak to each avoid choice.
FAMILY = {
    "pregnancy_safe": r"\bpregnan",
    "osteoporosis_safe": r"\bosteopor",
    "knee_friendly": r"\bknee (?:pain|injury|injuries|problems|strain|discomfort)"
    r"|\bsensitive knees?|\bknees? (?:complains|aches|are uncomfortable)",
    "wrist_friendly": r"\bwrist (?:pain|injury)|\bcarpal\b|\bsore wrists\b",
    "back_care": r"\b(?:low-|lower )?back (?:pain|injury|discomfort)|\bdisc\b|\bsacroiliac\b"
    r"|\bneck (?:problems|injury|pain|strain|discomfort)|\bsensitive (?:lower )?back"
    r"|\bspondylo|\blower back (?:pinches|is uncomfortable)",
    "no_inversions": r"\bblood pressure\b|\bglaucoma\b|\bretina\b",
}
# Words that ask for a version: a prop, a wall or chair, a wider or smaller shape.
VERSION_WORDS = (
    r"\bwall\b|\bchair\b|\bblocks?\b|\bbolsters?\b|\bblanket|\bcushion|\bstrap\b|\bwider?\b"
    r"|\bside\b|\bsit tall|\bupright\b|\bforearms?\b|\bfingertips\b|\bon the thighs\b"
    r"|\blower the (?:back |bottom )?knee|\bless\b|\bonly a little\b|\bmicro-bend\b"
    r"|\bsoft bend\b|\blow\b|\bpillows?\b"
    # How the breath and the feet go (Crow with glaucoma: the breath flowing, one foot at a
    # time; review r9).
    r"|\bbreath flowing\b|\bone foot at a time\b"
)
# A clause that leaves the pose out, or speaks of outside the choice, asks for no version.
NOT_A_VERSION_CLAUSE = r"\b(?:leave|skip)\b.*\bout\b|\bavoid\b|\bnot with\b|\boutside pregnancy\b"
# Clauses that name a version the generator's step does not need said, and why.
SAID_OTHERWISE = {
    # The centring breath is taught seated already.
    ("pregnancy_safe", "three-part-breath"): "seated",
    # "Rise slowly" is the transition's work, not a version of the shape.
    ("no_inversions", "high-lunge"): "rise slowly",
    ("no_inversions", "revolved-triangle"): "come up slowly",
}


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r";|\.(?:\s+|$)", text) if c.strip()]


def _asked_for() -> dict[tuple[str, str], list[str]]:
    """{(choice, slug): clauses}: each pose kept for a choice whose own text asks for a
    version under it."""
    asked: dict[tuple[str, str], list[str]] = {}
    for row in ROWS:
        for choice, tags in AVOIDANCE_CAUTIONS.items():
            if set(row["cautions"]) & tags or row["category"] in categories_avoided([choice]):
                continue  # not kept for this choice
            text = f"{row.get('contraindications', '')}. {row.get('modifications', '')}"
            for clause in _clauses(text):
                if (
                    re.search(FAMILY[choice], clause, re.I)
                    and re.search(VERSION_WORDS, clause, re.I)
                    and not re.search(NOT_A_VERSION_CLAUSE, clause, re.I)
                ):
                    asked.setdefault((choice, row["slug"]), []).append(clause)
    return asked


def _said_by_settle(choice: str, card: PoseCard) -> bool:
    """Pregnancy's inclined bolster and wide legs, said by reasons.settle for every such shape
    (quality figure `pregnancy`)."""
    return choice == "pregnancy_safe" and (
        reasons.lies_flat(card) or reasons.folds_legs_together(card)
    )


def test_every_version_a_kept_pose_asks_for_in_the_library_is_said():
    """The whole kind of review r5's cautions: for every avoid choice, every pose kept for it
    whose own text says "use a wall", "with a block", "knees wide"... is taught that way."""
    asked = _asked_for()
    assert len(asked) > 60  # the scan reads the library
    assert set(SAID_OTHERWISE) <= set(asked)  # each exception is still in the library
    missing = {
        key: clauses
        for key, clauses in asked.items()
        if key not in SAID_OTHERWISE
        and not versions_for(BY_SLUG[key[1]], [key[0]])
        and not _said_by_settle(key[0], BY_SLUG[key[1]])
    }
    assert not missing, missing


def test_every_version_is_for_a_pose_kept_for_its_choice():
    """A version for a pose the choice leaves out would never be said: a slip in the data."""
    for choice, poses in VERSIONS.items():
        for slug in poses:
            card = BY_SLUG[slug]
            assert not card.cautions & AVOIDANCE_CAUTIONS[choice], (choice, slug)
    for slug in YIN_SUPPORT:  # each can be held long enough for its support to be said
        assert (BY_SLUG[slug].long_hold_max or 0) >= YIN_SUPPORT_FROM, slug


def _choices(avoid=(), style="hatha"):
    return clean_choices(minutes=30, level="beginner", style=style, avoid=list(avoid))


def test_tree_in_pregnancy_is_taught_beside_a_wall():
    draft = Draft(card=BY_SLUG["tree"], phase="build", hold=30, cue="Steadies the ankles.")
    taught_for(draft, _choices(["pregnancy_safe"]), set())

    assert draft.cue.startswith("Beside a wall or a chair, a hand on it")
    assert draft.cue.endswith("Steadies the ankles.")


def test_two_choices_that_ask_the_same_say_it_once():
    """Warrior III for sore knees and back care: each choice's own version, once; neither puts
    the hands on a chair back, which would make the balance easier than the unsupported ones
    before it (review r15 F18)."""
    draft = Draft(card=BY_SLUG["warrior-iii"], phase="build", hold=30, cue="Balances.")
    taught_for(draft, _choices(["knee_friendly", "back_care"]), set())

    assert "chair" not in draft.cue.lower(), draft.cue
    assert draft.cue.count("soft bend") == 1 and draft.cue.count("leg low") == 1


def test_a_version_in_a_flow_is_said_once():
    told: set[tuple[str, str]] = set()
    first = Draft(card=BY_SLUG["cobra"], phase="warm_up", hold=5, cue="Inhale.", flow="Sun A")
    again = Draft(card=BY_SLUG["cobra"], phase="warm_up", hold=5, cue="Inhale.", flow="Sun A")
    for draft in (first, again):
        taught_for(draft, _choices(["back_care"]), told)

    assert first.cue == "Keep the lift low. Inhale."
    assert again.cue == "Inhale."


def test_the_version_follows_a_rebound():
    """The rebound is done after the shape before; then this shape is set up."""
    draft = Draft(
        card=BY_SLUG["childs-pose"],
        phase="counter",
        hold=240,
        cue="After Supported Seated Forward Bend, a rebound: sit tall or lie on the side for a "
        "few breaths. Rests the back.",
    )
    taught_for(draft, _choices(["pregnancy_safe"], style="yin"), set())

    assert draft.cue.startswith("After Supported Seated Forward Bend, a rebound")
    assert "for a few breaths. Knees wide, big toes together" in draft.cue


def test_the_peak_is_named_first_then_how_to_take_it():
    """Review r5 #6: the safety line came before "Peak:"; the label names the step first. A
    cue that would pass MAX_CUE_LENGTH characters drops the credit, never the safety line."""
    cue = "Peak: the quiet centre of the practice. Rest about 4 minutes, over a bolster."
    assert said_on(cue, "Knees wide. ", peak=True) == (
        "Peak: the quiet centre of the practice. Knees wide. Rest about 4 minutes, over a bolster."
    )
    long = "Peak: the deepest fold of the practice; " + "x" * 250 + " prepared the hips."
    assert said_on(long, "Sit high on a blanket. ", peak=True) == (
        "Peak: the deepest fold of the practice. Sit high on a blanket."
    )
    # What reasons.settle said before the label (pregnancy's "Legs wide") moves after it.
    assert said_on("Legs wide. Peak: the deepest fold. Stay.", "", peak=True) == (
        "Peak: the deepest fold. Legs wide. Stay."
    )
    # The round of a peak in rounds stays its first words.
    assert said_on("Round 1 of 3, 15 s. Peak: the deepest backbend.", "Lift low. ", peak=True) == (
        "Round 1 of 3, 15 s. Peak: the deepest backbend. Lift low."
    )


def test_review_r5_6_childs_pose_peak_in_pregnancy_says_knees_wide_after_the_label():
    practice = reviewed(406)

    assert practice.peak.pose.slug == "childs-pose"
    # Review r6: the peak says how to take it first, and its how-to has the knees wide.
    assert practice.peak.cue.startswith("Peak: big toes together, knees wide")


def test_review_r5_7_a_long_yin_reclined_hero_offers_a_bolster_or_half_saddle():
    practice = reviewed(407)
    peak = practice.peak

    assert peak.pose.slug == "reclined-hero" and peak.duration_seconds >= 180  # a long yin hold
    assert peak.cue.startswith("Peak: ")
    assert "onto a bolster" in peak.cue and "Half Saddle" in peak.cue
    dragon = next(s for s in practice.steps if s.pose.slug == "dragon-yin")
    assert "back knee on a thick blanket" in dragon.cue


def test_review_r5_13_childs_pose_has_the_knees_wide_wherever_it_comes():
    practice = reviewed(413)
    children = [s for s in practice.steps if s.pose.slug == "childs-pose"]

    assert children
    for child in children:
        # After a rebound's words when it is one, else first.
        assert re.match(r"(After .*, a rebound: .*\. )?Knees wide, big toes together", child.cue)


def test_the_figures_count_a_version_left_unsaid():
    practice = reviewed(406)
    peak = practice.peak
    bare = "A bolster lengthwise under the chest. Peak: the quiet centre of the practice."
    unsaid = replace(peak, cue="Peak: the quiet centre of the practice.")
    steps = [unsaid if s is peak else s for s in practice.steps]
    assert styles._avoid_versions(replace(practice, steps=tuple(steps)))
    steps = [replace(peak, cue=bare) if s is peak else s for s in practice.steps]
    assert styles._peak_named_first(replace(practice, steps=tuple(steps)))

    yin = reviewed(407)
    steps = [replace(s, cue="Peak: x.") if s is yin.peak else s for s in yin.steps]
    assert styles._yin_support(replace(yin, steps=tuple(steps)))


@pytest.mark.parametrize("avoided", sorted(VERSIONS))
def test_every_class_teaches_the_versions_of_its_poses(avoided):
    """Over many classes for each choice, the three figures hold at 0."""
    for minutes, level, style, seed in itertools.product((20, 60), LEVELS, sorted(STYLES), (1,)):
        try:
            practice = printed(minutes, level, style, [], [avoided], seed)
        except ValidationError:
            continue
        for figure in (styles._avoid_versions, styles._yin_support, styles._peak_named_first):
            assert not figure(practice), (minutes, level, style, figure(practice))


def test_the_kinds_come_first():
    """The kinds of KIND_CUES (Child's Pose kneeling, the seated hip openers, Chair and
    Goddess) stay the first entries, as before the versions."""
    assert [said for _, _, _, said in AVOID_CUES[:3]] == [
        "bolster lengthwise",
        "without folding",
        "only as far as",
    ]
