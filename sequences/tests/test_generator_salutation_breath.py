"""A salutation breathed in and out in turn, whatever is left out of it (review r17 F13: with
Standing Forward Fold taken out for back care, #17 said "Exhale, hinge forward" then "Exhale,
step back to Plank", and "Inhale, lengthen" then "Inhale, rise all the way up")."""

from dataclasses import replace
from itertools import combinations

from django.core.exceptions import ValidationError

from accounts.models import Avoidance
from sequences.generator.quality.salutation_breath import RULES, salutation
from sequences.generator.salutation_breath import breaths_said
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    generated,
    renumbered,
    requests,
    reviewed,
)

EVERY_AVOID = [a.value for a in Avoidance]
# One level and style a combination, in turn: each salutation the pool makes (A, B with its
# Warrior I, the standing one) met over the combinations.
LEVELS = (("beginner", "hatha"), ("intermediate", "vinyasa"), ("advanced", "power"))


def salutation_breath_breakings() -> dict:
    """Review r17 #17 (seed 1717) with its Plank said on the exhale after the hinge, as
    printed before the fix."""
    practice = reviewed(1717)
    steps = list(practice.steps)
    plank = next(n for n, s in enumerate(steps) if salutation(s) and s.pose.slug == "plank")
    steps[plank] = replace(steps[plank], cue="Exhale, step back to Plank")
    return {"salutation_breathes": renumbered(practice, steps)}


def test_the_figure_misses_a_breath_said_twice_and_passes_the_reported_practices():
    assert_figures_break_and_hold(
        RULES, salutation_breath_breakings(), requests(1717, 1702, 1708, 1704, 1705, 1716)
    )


def _cue(practice, position):
    return practice.steps[position - 1].cue


def test_the_back_care_salutation_of_review_17_is_re_counted_as_the_teacher_counts_it():
    practice = reviewed(1717)
    for plank, cobra, dog, lift, salute in ((23, 24, 25, 26, 27), (31, 32, 33, 34, 35)):
        assert practice.steps[plank - 1].pose.slug == "plank"
        assert _cue(practice, plank).endswith("Inhale, plant the hands and step back to Plank")
        assert practice.steps[cobra - 1].pose.slug == "cobra"
        # Knee care too: the knees come down onto padding on the lowering's exhale.
        assert (
            "Exhale, knees down on a folded blanket, lower all the way to the belly; "
            "inhale, lift the chest"
        ) in _cue(practice, cobra)
        assert _cue(practice, dog) == "Exhale, Down Dog; stay five breaths"
        assert _cue(practice, lift) == (
            "Step to the front; exhale, hinge with the knees well bent, hands on the thighs"
        )
        assert _cue(practice, salute) == "Inhale, rise all the way up"
        assert RULES["salutation_breathes"](practice) == []


def test_every_avoid_combination_breathes_its_salutations_in_turn():
    made = 0
    for size in range(len(EVERY_AVOID) + 1):
        for number, avoid in enumerate(combinations(EVERY_AVOID, size)):
            level, style = LEVELS[(size + number) % len(LEVELS)]
            try:
                practice = generated(
                    minutes=60,
                    level=level,
                    style=style,
                    focus=["full_body"],
                    avoid=list(avoid),
                    seed=17 + number,
                )
            except ValidationError:  # too few poses left for these choices
                continue
            made += 1
            assert RULES["salutation_breathes"](practice) == [], (avoid, level)
            for step in practice.steps:
                if salutation(step):
                    assert len(breaths_said(step.cue)) <= 2, step.cue
    assert made >= 40
