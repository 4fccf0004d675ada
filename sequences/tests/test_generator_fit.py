"""sequences.generator.fit: the time a yin practice sets aside between its shapes."""

from sequences.generator.fit import REBOUND_SECONDS, SET_UP_SECONDS, allowance, rebounds
from sequences.generator.plan import Draft
from sequences.models import Style
from sequences.tests.generation import BY_SLUG


def _yin_class() -> list[Draft]:
    # Butterfly, Dragon (the peak), Child's Pose, Reclined Twist, Caterpillar, Corpse.
    return [
        Draft(BY_SLUG["butterfly-yin"], "warm_up"),
        Draft(BY_SLUG["dragon-yin"], "peak"),
        Draft(BY_SLUG["childs-pose"], "counter"),
        Draft(BY_SLUG["reclined-twist"], "cool_down"),
        Draft(BY_SLUG["caterpillar-yin"], "cool_down"),
        Draft(BY_SLUG["corpse"], "relaxation"),
    ]


def test_a_rebound_is_set_aside_only_after_a_shape_that_asks_for_one():
    # After the Dragon peak (reasons.needs_rebound), not after Butterfly, Child's Pose or the
    # twist: the time the practice sets aside is the time its cues teach.
    assert rebounds(_yin_class()) == [2]


def test_yin_sets_aside_the_set_up_of_each_shape_and_one_rebound():
    seconds = allowance(_yin_class(), 75 * 60, style=Style.YIN)
    # Six shapes (the final rest too) at 30 s, one rebound of 45 s: 225 s, not the 360 s of a
    # rebound between every pair of shapes.
    assert seconds == 6 * SET_UP_SECONDS[Style.YIN] + REBOUND_SECONDS == 225


def test_restorative_practice_sets_aside_no_rebounds():
    assert allowance(_yin_class(), 75 * 60, style=Style.RESTORATIVE) == 6 * 60
