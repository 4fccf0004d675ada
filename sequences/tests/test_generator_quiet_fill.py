"""A class short of its time once every usual lengthening is spent fills it with a few quiet
floor poses, or says it cannot (blind review r12 F13, docs/reviews/
generated-practices-2026-12-01-r12.md: #11, a 50-minute gentle class for the back avoiding
what weakened bones must not do, 48:05 planned with no reason; the teacher's fix: after
Reclined Figure Four, Bridge Pose 45 s, rest 25 s, then 45 s, "lower with the spine long").
Other helpers change holds and order in parallel: totals are held to `filled_within`, not to
exact seconds."""

import dataclasses

import pytest

from sequences.generator import STYLES
from sequences.generator.quality import faults
from sequences.generator.quality.time_filled import RULES
from sequences.generator.quiet_fill import (
    AGAIN_SECONDS,
    unfilled,
    unfilled_words,
)
from sequences.generator.settling import back_to_work
from sequences.generator.spine_long import spine_kept_long
from sequences.generator.time_fill import filled_within
from sequences.tests.generation import BY_SLUG, generated, reviewed

F13 = (50, "beginner", "gentle", ["back"], ["osteoporosis_safe"], 1211)
ADVANCED_VINYASA = {
    "minutes": 90,
    "level": "advanced",
    "style": "vinyasa",
    "focus": ["flexibility", "back"],
}


def test_r12_f13_the_gentle_back_class_fills_its_fifty_minutes_with_bridge_in_two_rounds():
    """F13's right value: Bridge Pose twice in the cool-down, 45 s each, a rest lying down
    between (Constructive Rest at its shortest where Knees-to-Chest rounds the spine), the
    second round lowering with the spine long; the class lasts its 50 minutes."""
    practice = reviewed(1211)
    assert abs(practice.planned_seconds - 3000) <= filled_within(3000)
    assert practice.time_unfilled == 0
    cool = [s for s in practice.steps if s.phase == "cool_down"]
    slugs = [s.pose.slug for s in cool]
    first = slugs.index("bridge")
    assert slugs[first : first + 3] == ["bridge", "constructive-rest", "bridge"]
    bridges = cool[first], cool[first + 2]
    assert [b.duration_seconds for b in bridges] == [AGAIN_SECONDS, AGAIN_SECONDS] == [45, 45]
    assert "lower with the spine long" in bridges[1].cue
    assert cool[first + 1].cue.startswith(f"Rest {cool[first + 1].duration_seconds} s")
    assert "reclined-figure-four" in slugs[:first]
    assert faults(practice) == {}


@pytest.mark.parametrize("seed", [1209, 1309, 1409])
def test_the_ninety_minute_advanced_vinyasa_lasts_its_time(seed):
    """The 90-minute advanced vinyasa for flexibility and the back (about 2:25 short at one
    seed): within 3 % of 90 minutes (2:42), the holds within their ranges, nothing unsaid."""
    practice = generated(**ADVANCED_VINYASA, seed=seed)
    assert abs(practice.planned_seconds - 5400) <= filled_within(5400) == 162
    assert practice.time_unfilled == 0
    for step in practice.steps:
        low, high = step.pose.hold_range("vinyasa")
        assert step.duration_seconds <= max(high, low), step.pose.slug
    assert faults(practice) == {}


def test_a_bridge_the_cool_down_holds_is_done_again_after_a_rest():
    """Seed 1309 held Bridge once in the cool-down and ended 2:10 short: once more after a
    short rest, the rest a pose the cool-down holds nowhere else where it may. (With room
    for 150 poses 1309 fills its time with flow and holds Bridge once; 1809 still needs the
    quiet fill.)"""
    assert generated(**ADVANCED_VINYASA, seed=1309).planned_seconds == 90 * 60
    practice = generated(**ADVANCED_VINYASA, seed=1809)
    cool = [s.pose.slug for s in practice.steps if s.phase == "cool_down"]
    first = cool.index("bridge")
    assert cool[first + 2] == "bridge"
    assert cool[first + 1] in ("knees-to-chest", "constructive-rest")


@pytest.mark.parametrize("style", sorted(STYLES))
def test_an_osteoporosis_safe_class_never_rolls_the_spine_vertebra_by_vertebra(style):
    """Every style: no cue of a class for weakened bones rolls the spine segment by segment;
    Bridge lowers with the spine long."""
    for seed in (1211, 7, 42):
        for focus in (["back"], ["relaxation"], []):
            practice = generated(
                minutes=45, level="beginner", style=style, focus=focus,
                avoid=["osteoporosis_safe"], seed=seed,
            )  # fmt: skip
            for step in practice.steps:
                assert "vertebra" not in step.cue.lower(), (style, step.pose.slug, step.cue)


def test_the_roll_is_said_with_the_spine_long_only_for_weakened_bones():
    rolled = "A gentle lift: raise the hips, lower slowly on an exhale, vertebra by vertebra."
    assert spine_kept_long(rolled, ["osteoporosis_safe"]) == (
        "A gentle lift: raise the hips, lower slowly on an exhale, the spine long."
    )
    assert spine_kept_long(rolled, ["back_care"]) == rolled
    assert spine_kept_long(rolled, []) == rolled


def test_a_class_that_cannot_fill_its_time_says_so_and_the_figure_reads_it():
    """Short past `filled_within` with nothing said: the figure `time_filled` finds it; the same
    shortfall said (`time_unfilled`, in the description): none; said of a filled class: one."""
    practice = reviewed(1211)
    relaxation = next(s for s in practice.steps if s.phase == "relaxation")
    steps = tuple(
        dataclasses.replace(s, duration_seconds=s.duration_seconds - 240) if s is relaxation else s
        for s in practice.steps
    )
    short = dataclasses.replace(practice, steps=steps)
    assert RULES["time_filled"](short)
    shortfall = 3000 - short.planned_seconds
    assert unfilled(short.planned_seconds, 3000) == shortfall
    said = dataclasses.replace(short, time_unfilled=shortfall)
    assert RULES["time_filled"](said) == []
    assert "4 min shorter than asked" in said.description
    assert RULES["time_filled"](dataclasses.replace(practice, time_unfilled=60))
    assert unfilled(2990, 3000) == 0
    assert unfilled_words(115).startswith("2 min shorter than asked: ")


def test_a_rest_between_two_rounds_is_no_settling_before_work():
    """Bridge, a rest lying down, Bridge: the round's pause (no fault); an active pose after a
    rest lying down that no round follows still is one."""

    @dataclasses.dataclass
    class S:
        pose: object
        phase: str = "cool_down"

    bridge, rest = BY_SLUG["bridge"], BY_SLUG["constructive-rest"]
    figure = BY_SLUG["reclined-figure-four"]
    assert back_to_work([S(bridge), S(rest), S(bridge)]) == []
    assert back_to_work([S(bridge), S(rest), S(figure)]) == [
        "constructive-rest → reclined-figure-four"
    ]
