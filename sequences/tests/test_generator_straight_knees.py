"""Under knee care a pose whose straight legs bear the body's weight says how the knees are
spared, in its own text's words (blind teacher review r16 F10: Upward Plank with no knee cue
in the 30-minute knee-friendly core class)."""

import json
from dataclasses import replace
from pathlib import Path

from poses.library import POSES_FILE, read_rows
from poses.models import Caution, Position
from sequences.generator.quality import faults
from sequences.generator.quality import straight_knees as figures
from sequences.generator.stance_links import without_way
from sequences.generator.straight_knees import AGAIN, CHOICE, STRAIGHT_LEGS
from sequences.generator.versions import versions_for
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    recued,
    requests,
    reviewed,
)

ROOT = Path(__file__).resolve().parents[2]

# Review r16 #10: 30 min intermediate hatha, core, knee_friendly; r17's knee-and-back class;
# r17 #10 and #17 (knee care).
REPORTED = requests(1610, 1617, 1710, 1717)

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
    # its own words last, before the way on to all fours every style says
    assert without_way(plank.cue).endswith("lift the pelvis: the shoulders and chest open.")
    assert faults(practice) == {}


def test_each_straight_leg_version_is_the_poses_own_text():
    """The words come from the pose's modifications or contraindications: the knees bent,
    soft or unlocked, never a new instruction."""
    for slug in STRAIGHT_LEGS:
        row = next(r for r in read_rows(POSES_FILE, kind="poses") if r["slug"] == slug)
        text = f"{row['contraindications']} {row['modifications']}".lower()
        assert "knee" in text, slug
        assert any(w in text for w in ("bend", "bent", "lock", "hyperextend")), slug


# --- every straight leg under load, on every side and pass (blind teacher review r17 F8) -----


def test_review_17_f8_revolved_triangle_says_the_front_knee_on_both_sides():
    """Review r17 #10: Revolved Triangle in the lunge flow had no knee cue on either side."""
    practice = reviewed(1710)
    right, left = [s for s in practice.steps if s.pose.slug == "revolved-triangle"]
    assert (right.position, left.position) == (12, 15)
    assert right.duration_seconds == left.duration_seconds == 45  # unchanged
    assert right.cue.startswith(
        "Front knee soft, never locked; a shorter stance; turn from the ribs, not the knee. "
    )
    assert "hand to a block" in right.cue
    assert right.cue.endswith("a twist on a long leg.")
    assert "Front knee soft, not locked." in left.cue
    assert faults(practice) == {}


def test_a_flow_s_second_side_without_its_knee_words_is_found():
    """What the review read at pos 15: the second side said nothing of the knee."""
    practice = reviewed(1710)
    left = [s for s in practice.steps if s.pose.slug == "revolved-triangle"][1]
    broken = recued(practice, left, "Revolved Triangle, left side, about 45 s.")
    assert figures.RULES["straight_knees_said"](broken)


def _straight_under_load(figure: dict) -> bool:
    """A straight knee (under 20 degrees) whose foot bears weight, and no knee of a foot on
    the floor bent past 45 degrees (a lunge's or warrior's back leg is said with its front
    knee)."""
    angles, contacts = figure["angles"], figure.get("contacts", [])

    def grounded(side):
        return any(f"{part}_{side}" in contacts for part in ("ankle", "toe", "heel"))

    legs = [(abs(angles.get(f"knee_{side}", 0)), grounded(side)) for side in "rl"]
    return any(k < 20 and down for k, down in legs) and not any(
        k >= 45 and down for k, down in legs
    )


def test_every_pose_kept_under_knee_care_on_a_straight_weight_bearing_leg_says_the_knees():
    """From the poses' figures: each standing or hands-and-feet pose a knee-friendly class may
    hold with a straight leg bearing the weight has knee words the first time and again."""
    figures_of = json.loads((ROOT / "poses" / "content" / "figures.json").read_text())
    kept = [
        BY_SLUG[slug]
        for slug, figure in figures_of.items()
        if slug in BY_SLUG
        and BY_SLUG[slug].position in (Position.STANDING, Position.HANDS_AND_FEET)
        and Caution.KNEE_LOAD not in BY_SLUG[slug].cautions
        and _straight_under_load(figure)
    ]
    assert len(kept) > 20
    for card in kept:
        words = [w for _, w, _ in versions_for(card, (CHOICE,))]
        assert words and "knee" in words[0].lower(), card.slug
        assert "knee" in AGAIN[card.slug].lower(), card.slug
