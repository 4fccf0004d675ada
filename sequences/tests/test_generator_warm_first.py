"""The Sun Salutations warm the body before sustained arm and core load (eighteenth blind
teacher review, F4: Three-Legged Dog, Plank 1:00 twice, Side Plank 45 s a side and Dolphin
1:00 before a single Sun Salutation, after only joint circles and Cat-Cow): the salutations A
and B first, the plank block from the last Down Dog, then the way up to standing."""

import pytest

from sequences.generator.quality.warm_first import RULES, SALUTATION
from sequences.generator.warm_first import BACK_TO_DOWN_DOG
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)

BLOCK = ["three-legged-dog", "plank", "childs-pose", "plank", "side-plank", "dolphin"]


def warm_first_breakings() -> dict:
    """The reported order put back by hand (r18 F4, seed 1805): the plank block before the
    first Sun Salutation step."""
    practice = reviewed(1805)
    steps = list(practice.steps)
    block = [s for s in steps if s.work and s.phase == "warm_up" and not s.flow]
    rest = [s for s in steps if not any(s is b for b in block)]
    first = next(n for n, s in enumerate(rest) if s.flow.startswith(SALUTATION))
    return {"arm_load_cold": renumbered(practice, [*rest[:first], *block, *rest[first:]])}


def test_the_figure_misses_the_reported_order_and_passes_the_reported_practices():
    assert_figures_break_and_hold(
        RULES, warm_first_breakings(), requests(1805, 1804, 1808, 1809, 1816, 1818)
    )


@pytest.mark.xfail(
    strict=True,
    reason=(
        "Since the 150-pose limit a third standing flow fills 1805's build, so warm_block keeps"
        " a second Side Plank round (its strong share 0.43 < 0.45): the teacher's block (one "
        "Side Plank round) is not generated yet"
    ),
)
def test_the_power_class_salutes_first_then_holds_its_planks_from_the_last_down_dog():
    # r18 F4 (seed 1805): "Sun Salutations A and B first, then from their last Down Dog the
    # plank block, then the way up to standing (Halfway Lift, Fold, Chair, Mountain)."
    steps = list(reviewed(1805).steps)
    salutes = [n for n, s in enumerate(steps) if s.flow.startswith(SALUTATION)]
    held = [n for n, s in enumerate(steps) if s.phase == "warm_up" and s.work]
    assert [steps[n].pose.slug for n in held] == BLOCK
    assert held[0] > salutes[0]
    assert steps[held[0] - 1].pose.slug == "downward-facing-dog"
    assert steps[held[0] - 1].flow.startswith("Sun Salutation B")
    assert [s.pose.slug for s in steps[held[-1] + 1 : held[-1] + 5]] == [
        "halfway-lift",
        "standing-forward-fold",
        "chair",
        "mountain",
    ]
    assert steps[held[-1] + 5].phase == "build"
    assert steps[held[-1]].cue.endswith(BACK_TO_DOWN_DOG)
    assert not any(s.work for s in steps[: salutes[0]])
