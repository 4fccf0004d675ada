"""A floor block is not taught between two standing sections (sixteenth blind teacher review,
F5, F13; fifteenth, F6): the Forearm Plank block moves, unchanged, to the end of the floor
warm-up, before Mountain, and says how to come to stand."""

from dataclasses import replace

from sequences.generator.floor_blocks import UP_TO_STAND
from sequences.generator.quality.floor_blocks import RULES
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)

CORE_BLOCK = {
    "forearm-plank",
    "side-plank",
    "dolphin",
    "three-legged-dog",
    "childs-pose",
    "crocodile",
}


def floor_blocks_breakings() -> dict:
    """The reported order put back by hand: r16 F5, the Forearm Plank rounds with Child's
    rests between the standing Sun Salutations and the standing build."""
    practice = reviewed(1608)
    steps = list(practice.steps)
    block = [s for s in steps if s.pose.slug in ("forearm-plank", "childs-pose") and s.work]
    rest = [s for s in steps if not any(s is b for b in block)]
    build = next(n for n, s in enumerate(rest) if s.phase == "build")
    moved = [replace(s, phase="build", work=False) for s in block]
    put_back = renumbered(practice, [*rest[:build], *moved, *rest[build:]])
    return {"floor_block_between_standing": put_back}


def test_the_figure_misses_the_reported_order_and_passes_the_reported_practices():
    assert_figures_break_and_hold(RULES, floor_blocks_breakings(), requests(1608, 1617))


def _before_mountain(practice) -> list:
    first = next(n for n, s in enumerate(practice.steps) if s.flow.startswith("Sun Salutation"))
    return list(practice.steps[:first])


def test_the_beginner_vinyasa_holds_its_forearm_plank_rounds_before_mountain():
    # r16 F5 (seed 1608): pos 39-43 (3 x Forearm Plank 30 s, Child's 30 s between) move
    # unchanged after Reclined Figure Four, before Mountain; "lower the knees, then come to
    # stand at the top of the mat"; the total unchanged.
    practice = reviewed(1608)
    before = _before_mountain(practice)
    slugs = [s.pose.slug for s in before]
    at = slugs.index("forearm-plank")
    assert slugs[at - 1] == "reclined-figure-four"
    assert slugs[at:] == ["forearm-plank", "childs-pose"] * 2 + ["forearm-plank"]
    assert [s.duration_seconds for s in before[at:]] == [30] * 5
    assert UP_TO_STAND in before[-1].cue
    assert not any(s.pose.slug == "forearm-plank" for s in practice.steps if s.phase == "build")
    assert practice.planned_seconds == 40 * 60


def test_the_back_care_hatha_holds_its_core_block_before_mountain():
    # r16 F13 (seed 1617): pos 33-42 (Forearm Plank rounds, Side Plank rounds, Crocodile
    # rests, Dolphin, Three-Legged Dog) move after Down Dog, before Mountain; the last of them
    # says how to come up to stand; times unchanged.
    practice = reviewed(1617)
    before = _before_mountain(practice)
    slugs = [s.pose.slug for s in before]
    at = slugs.index("downward-facing-dog")
    block = before[at + 1 :]
    # (r17 F12: two rounds of a plank in a warm-up, the third given to Locust, chest only)
    assert {s.pose.slug for s in block} == CORE_BLOCK - {"childs-pose"} | {"locust"}
    assert [s.duration_seconds for s in block if s.pose.slug == "forearm-plank"] == [60] * 2
    assert [s.duration_seconds for s in block if s.pose.slug == "side-plank"] == [45] * 2
    assert UP_TO_STAND in block[-1].cue
    assert not any(s.pose.slug in CORE_BLOCK for s in practice.steps if s.phase == "build")
    assert practice.planned_seconds == 70 * 60
