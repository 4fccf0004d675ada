"""Under knee care a pose whose straight legs bear the body's weight says how the knees are
spared, in its own text's words (blind teacher review r16 F10: Upward Plank with no knee cue
in the 30-minute knee-friendly core class)."""

from dataclasses import replace

from poses.library import POSES_FILE, read_rows
from sequences.generator.quality import faults
from sequences.generator.quality import straight_knees as figures
from sequences.generator.straight_knees import STRAIGHT_LEGS
from sequences.tests.generation import assert_figures_break_and_hold, requests, reviewed

# Review r16 #10: 30 min intermediate hatha, core, knee_friendly; r17's knee-and-back class.
REPORTED = requests(1610, 1617)

# The cue review r16 read at pos 21, with no word for the knees.
UNSAID = "Hands behind, fingers toward the heels, lift the pelvis: the shoulders and chest open."


def straight_knees_breakings() -> dict:
    """A hand-made fault of the figure: Upward Plank's cue put back as the review read it."""
    practice = reviewed(1610)
    steps = tuple(
        replace(s, cue=UNSAID) if s.pose.slug == "upward-plank" else s for s in practice.steps
    )
    return {"straight_knees_said": replace(practice, steps=steps)}


def test_the_straight_knees_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, straight_knees_breakings(), REPORTED)


def test_review_16_f10_upward_plank_is_taught_knees_bent_for_sore_knees():
    practice = reviewed(1610)
    plank = next(s for s in practice.steps if s.pose.slug == "upward-plank")
    assert plank.duration_seconds == 45  # the hold kept
    assert plank.cue.startswith(
        "Knees bent, feet flat under the knees (Reverse Tabletop); straighten the legs only if "
        "the knees neither lock nor ache."
    )
    assert plank.cue.endswith("lift the pelvis: the shoulders and chest open.")
    assert faults(practice) == {}


def test_each_straight_leg_version_is_the_poses_own_text():
    """The words come from the pose's modifications or contraindications: the knees bent,
    soft or unlocked, never a new instruction."""
    for slug in STRAIGHT_LEGS:
        row = next(r for r in read_rows(POSES_FILE, kind="poses") if r["slug"] == slug)
        text = f"{row['contraindications']} {row['modifications']}".lower()
        assert "knee" in text, slug
        assert any(w in text for w in ("bend", "bent", "lock", "hyperextend")), slug
