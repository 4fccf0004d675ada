"""A flowing class rests briefly (review r13: a 2:30 Crocodile in an energy vinyasa's
cool-down, a rest held like a yin shape in an energising class): the right value at a seed
that gave it, and the figure of quality/rests.py."""

from dataclasses import replace

from sequences.generator.flow_rests import REST_MOST, is_rest
from sequences.generator.quality import rests as figures
from sequences.tests.generation import BY_SLUG, assert_figures_break_and_hold, printed

# 60 minutes of intermediate vinyasa for energy: Crocodile was held 2:30 in the cool-down.
R13 = (60, "intermediate", "vinyasa", ["energy"], [], 1300)
KEYS = ("minutes", "level", "style", "focus", "avoid", "seed")
REPORTED = (dict(zip(KEYS, R13, strict=True)),)


def rests_breakings() -> dict:
    """R13 with a rest held 2:30 again (the review's Crocodile)."""
    practice = printed(*R13)
    rest = next(n for n, s in enumerate(practice.steps) if is_rest(s.pose))
    steps = list(practice.steps)
    steps[rest] = replace(steps[rest], pose=BY_SLUG["crocodile"], duration_seconds=150)
    steps = tuple(steps)
    return {"rest_brief": replace(practice, steps=steps)}


def test_the_rest_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, rests_breakings(), REPORTED)


def test_r13_the_energy_vinyasa_rests_a_minute_and_a_half_at_most():
    practice = printed(*R13)
    rests = [s for s in practice.steps if is_rest(s.pose)]
    assert rests and all(s.duration_seconds <= REST_MOST == 90 for s in rests)
    assert abs(practice.planned_seconds - practice.target_seconds) <= 60


def test_the_rests_are_crocodile_and_childs_pose_not_the_final_relaxation():
    rests = {slug for slug, card in BY_SLUG.items() if is_rest(card)}
    assert rests == {"crocodile", "childs-pose"}
