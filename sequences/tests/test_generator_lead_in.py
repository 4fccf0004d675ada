"""The order a teacher teaches around the peak and the sides (teacher review r12): what comes
last before the peak opens what it needs (F4, F15), a one-sided pose's two sides come together
(F5), and a full-body class extends the spine (F12)."""

from dataclasses import replace

from sequences.generator.extension import held_extensions
from sequences.generator.quality import faults
from sequences.generator.quality.extension import RULES as EXTENSION_RULES
from sequences.generator.quality.lead_in import RULES as LEAD_IN_RULES
from sequences.generator.quality.sides import RULES as SIDES_RULES
from sequences.generator.sides import split_around, split_sides
from sequences.models import Side
from sequences.tests.generation import BY_SLUG, generated, renumbered, reviewed

RULES = {**LEAD_IN_RULES, **SIDES_RULES, **EXTENSION_RULES}


def _before_peak(practice) -> list[str]:
    return [s.pose.slug for s in practice.steps[: practice.peak.position - 1]]


def test_the_r12_side_lunge_class_balances_first_and_leads_in_from_the_wide_stance():
    """F4, the right value word for word: Tree, Extended Hand-to-Big-Toe, Eagle, Chair, Goddess,
    Side Lunge — the balances while the legs are fresh, Goddess (the same wide stance) last."""
    practice = reviewed(1203)

    assert practice.peak.pose.slug == "skandasana"
    assert _before_peak(practice)[-5:] == [
        "tree",
        "standing-hand-to-big-toe",
        "eagle",
        "chair",
        "goddess",
    ]
    assert not faults(practice)


def test_a_balance_added_to_fill_the_time_takes_its_place_before_the_other_standing_holds():
    """The property's long gentle class (89 min, flexibility, balance and relaxation): one more
    build pose added to fill the time once the order was settled (Extended Hand-to-Big-Toe)
    came last before Standing Split, after Chair and Goddess."""
    practice = generated(
        seed=2147483647,
        minutes=89,
        level="intermediate",
        style="gentle",
        focus=["flexibility", "balance", "relaxation"],
    )

    assert practice.peak.pose.slug == "standing-split"
    assert _before_peak(practice)[-5:] == [
        "eagle",
        "standing-hand-to-big-toe",
        "chair",
        "skandasana",
        "goddess",
    ]
    assert not faults(practice)


def test_the_r12_energy_class_holds_standing_crescent_moon_on_both_sides_together():
    """F5: Standing Crescent Moon 30 s each side in one step, then Five-Pointed Star,
    Wide-Legged Forward Fold and Garland; no left side left for after them."""
    practice = reviewed(1204)
    moon = [s for s in practice.steps if s.pose.slug == "standing-side-bend"]
    after = [s.pose.slug for s in practice.steps[moon[0].position : moon[0].position + 3]]

    assert [s.side for s in moon] == [Side.BOTH]
    assert 25 <= moon[0].duration_seconds <= 30  # 25 s since the class does more work (r18)
    assert after == ["five-pointed-star", "wide-legged-forward-fold", "garland"]
    assert not split_sides(practice.steps)
    assert not faults(practice)


def test_a_linked_flow_with_a_pose_with_no_sides_after_a_one_sided_one_is_done_once_through():
    moon, star = BY_SLUG["standing-side-bend"], BY_SLUG["five-pointed-star"]
    dolphin, three_legged = BY_SLUG["dolphin"], BY_SLUG["three-legged-dog"]

    assert split_around([moon, star])
    assert not split_around([dolphin, three_legged])  # no sides first, then the sided pose


def test_the_r12_full_body_class_extends_the_spine_before_knees_to_chest_answers_it():
    """F12: a 40-minute full-body class holds a spinal extension in the cool-down (Sphinx
    since the beginner's core holds were capped; Bridge before), Knees-to-Chest after it."""
    practice = reviewed(1208)
    cool = [s.pose.slug for s in practice.steps if s.phase == "cool_down"]

    assert [s.pose.slug for s in held_extensions(practice.steps)] == ["sphinx"]
    assert cool.index("sphinx") < cool.index("knees-to-chest")
    assert not faults(practice)


def test_the_r12_side_crow_class_works_the_core_at_the_start_of_the_build():
    """F15: Boat, Knees-to-Chest and Boat follow Side Plank, one floor core block at the start
    of the build; the build ends Revolved Chair (the twisted squat Side Crow sits on, review r16
    F12) → Garland → Crow → Side Crow."""
    practice = reviewed(1214)
    build = [s.pose.slug for s in practice.steps if s.phase == "build"]

    assert practice.peak.pose.slug == "side-crow"
    assert build[:5] == ["plank", "side-plank", "boat", "knees-to-chest", "boat"]
    assert _before_peak(practice)[-3:] == ["revolved-chair", "garland", "crow"]
    assert not faults(practice)


# --- the figures, each broken by hand ----------------------------------------------------


def _eagle_last():
    """Review r12 #3 as it was: Goddess, then Extended Hand-to-Big-Toe and Eagle last."""
    practice = reviewed(1203)
    steps = list(practice.steps)
    at = practice.peak.position - 1
    steps[at - 5 : at] = [steps[at - 5], steps[at - 2], steps[at - 1], *steps[at - 4 : at - 2]]
    return renumbered(practice, steps)


def _core_between_crow_and_side_crow():
    """Review r12 #14 as it was: Boat, Knees-to-Chest, Boat between Crow and Side Crow."""
    practice = reviewed(1214)
    steps = list(practice.steps)
    core = [s for s in steps if s.phase == "build" and s.pose.slug in ("boat", "knees-to-chest")]
    steps = [s for s in steps if s not in core]
    at = next(n for n, s in enumerate(steps) if s.phase == "peak")
    steps[at:at] = core
    return renumbered(practice, steps)


def _moon_split():
    """Review r12 #4 as it was: Crescent Moon right, Star, Fold, Garland, then its left."""
    practice = reviewed(1204)
    steps = list(practice.steps)
    at = next(n for n, s in enumerate(steps) if s.pose.slug == "standing-side-bend")
    moon = steps[at]
    steps[at] = replace(moon, side=Side.RIGHT)
    steps.insert(at + 4, replace(moon, side=Side.LEFT))
    return renumbered(practice, steps)


def _no_backbend():
    """Review r12 #8 as it was: no backbend held in a 40-minute full-body class."""
    practice = reviewed(1208)
    held = {s.pose.slug for s in held_extensions(practice.steps)}
    return renumbered(practice, [s for s in practice.steps if s.pose.slug not in held])


def lead_in_breakings() -> dict:
    """A hand-made fault of each figure of quality.lead_in, quality.sides and
    quality.extension, for the quality bar's test."""
    return {
        "balance_last": _eagle_last(),
        "floor_in_the_lead_in": _core_between_crow_and_side_crow(),
        "sides_split": _moon_split(),
        "full_body_extension": _no_backbend(),
    }


def test_each_figure_of_the_modules_fails_when_broken():
    breakings = lead_in_breakings()

    assert sorted(breakings) == sorted(RULES)
    for figure, practice in breakings.items():
        assert RULES[figure](practice), figure
