"""A round's rest is not the cool-down's shape too (review r11b; the measure found
Knees-to-Chest as the rest between two rounds, then again on its own in the cool-down, in
about one practice in fourteen): the rounds pause in one shape, the cool-down uses others."""

from dataclasses import replace

from sequences.generator.quality.round_rests import RULES
from sequences.generator.round_rests import held_again, round_rests
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    generated,
    renumbered,
    requests,
    reviewed,
)

# Drawn by the measure (`bench/practices.py --measure`), each with Knees-to-Chest a round's
# rest and a cool-down pose before the fix.
HELD_AGAIN = [
    ({"minutes": 75, "level": "advanced", "style": "power", "focus": ["full_body"]}, 1758408852),
    ({"minutes": 55, "level": "advanced", "style": "power", "focus": ["balance"]}, 1096384204),
    ({"minutes": 42, "level": "intermediate", "style": "power",
      "focus": ["core", "balance", "hips"]}, 1475002260),
    ({"minutes": 58, "level": "advanced", "style": "power", "focus": []}, 1604565258),
]  # fmt: skip


def round_rests_breakings() -> dict:
    """Review r11 #11's class (seed 1311) with its Bridge rounds resting in Knees-to-Chest
    and Knees-to-Chest held again on its own before them, as the measure found it."""
    practice = reviewed(1311)
    steps = list(practice.steps)
    rest = next(n for n, s in enumerate(steps) if s.pose.slug == "constructive-rest")
    steps[rest] = replace(steps[rest], pose=BY_SLUG["knees-to-chest"])
    first = next(n for n, s in enumerate(steps) if s.pose.slug == "bridge")
    again = replace(steps[first], pose=BY_SLUG["knees-to-chest"], cue="Releases the lower back.")
    return {"round_rest_again": renumbered(practice, [*steps[:first], again, *steps[first:]])}


def test_the_figure_misses_a_round_rest_held_again_and_passes_the_reported_practices():
    assert_figures_break_and_hold(RULES, round_rests_breakings(), requests(1311, 1604, 1605))


def test_the_gentle_back_class_rests_its_bridge_rounds_in_a_shape_it_cools_down_in_no_other():
    # request(1311): Bridge, Constructive Rest 1:00, Bridge; the cool-down's own shapes are
    # Seated Side Bend, Bound Angle, Reclined Figure Four, Reclining Hand-to-Big-Toe
    practice = reviewed(1311)
    cool = [s for s in practice.steps if s.phase == "cool_down"]
    assert [s.pose.slug for s in cool[-3:]] == ["bridge", "constructive-rest", "bridge"]
    assert round_rests(practice.steps) >= {"constructive-rest"}
    own = [s.pose.slug for s in cool[:-3]]
    assert "constructive-rest" not in own
    assert "knees-to-chest" not in own
    assert held_again(practice.steps) == []


def test_the_cool_down_takes_another_quiet_shape_where_the_rounds_rested_in_knees_to_chest():
    for choices, seed in HELD_AGAIN:
        practice = generated(seed=seed, **choices)
        assert held_again(practice.steps) == [], seed
        cool = {s.pose.slug for s in practice.steps if s.phase == "cool_down"}
        assert not cool & round_rests(practice.steps) - {"constructive-rest"}, seed
