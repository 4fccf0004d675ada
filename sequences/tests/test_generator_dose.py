"""Dose: how much of one kind of load a practice gives (sequences.generator.dose)."""

from sequences.generator import dose
from sequences.generator.plan import Draft
from sequences.generator.quality import faults
from sequences.models import Side
from sequences.tests.generation import BY_SLUG
from sequences.tests.test_generator import _generate


def test_the_bent_knee_standing_poses_are_the_ones_that_load_the_knees():
    loaded = {slug for slug, card in BY_SLUG.items() if dose.bends_a_loaded_knee(card)}
    assert {"chair", "goddess", "warrior-i", "warrior-ii", "high-lunge"} <= loaded
    assert {"extended-side-angle", "humble-warrior"} <= loaded
    assert not loaded & {"mountain", "five-pointed-star", "triangle", "tree", "half-moon"}


def test_a_one_sided_step_loads_its_own_knee_and_a_two_footed_pose_both():
    chair, warrior = BY_SLUG["chair"], BY_SLUG["warrior-ii"]
    steps = [
        Draft(warrior, "build", Side.RIGHT, 40),
        Draft(chair, "build", Side.BOTH, 30),
        Draft(warrior, "build", Side.BOTH, 20),  # each side in turn: each knee once
    ]
    assert dose.knee_seconds(steps) == {Side.RIGHT: 90, Side.LEFT: 50}


def test_sparing_the_knees_keeps_each_knee_within_its_dose():
    warrior = BY_SLUG["warrior-ii"]
    drafts = [Draft(warrior, "build", side, 55, 30, 60) for side in (Side.RIGHT, Side.LEFT) * 6]
    for before, again in zip(drafts[:6], drafts[6:], strict=True):
        again.after = before
    dose.spare_the_knees(drafts, style="hatha")
    assert all(d.high <= dose.KNEE_HOLD_MOST for d in drafts)
    by_side = dose.knee_seconds([Draft(d.card, "build", d.side, d.high) for d in drafts])
    assert max(by_side.values()) <= dose.KNEE_MOST


def test_the_reviewed_knee_friendly_hatha_class_holds_its_knees_four_minutes_at_most():
    # Review: 70-min hatha, back care and knee-friendly, seed 617: both standing flows
    # repeated at 55-60 s plus Chair and Goddess, 7½ minutes on each front knee.
    practice = _generate(
        minutes=70,
        level="intermediate",
        style="hatha",
        focus=["full_body"],
        avoid=["back_care", "knee_friendly"],
        seed=617,
    )
    load = dose.knee_seconds(practice.steps)
    assert max(load.values()) <= dose.KNEE_MOST == 240
    bent = [s for s in practice.steps if dose.bends_a_loaded_knee(s.pose)]
    assert bent and all(s.duration_seconds <= 40 for s in bent)
    assert dose.knee_faults(practice.steps, avoid=practice.choices.avoid) == []


def test_a_family_past_its_dose_is_named_unless_the_focus_asks_for_it():
    twists = [BY_SLUG[s] for s in BY_SLUG if BY_SLUG[s].category == "twist"][:5]
    assert len(twists) == 5
    assert dose.family_faults(twists, focus=("strength", "core"), style="power")
    assert not dose.family_faults(twists, focus=("back",), style="power")


def test_a_restorative_shape_has_a_four_minute_floor_within_its_range():
    for card in BY_SLUG.values():
        if card.is_breathing or card.long_hold_range is None:
            continue
        low, high = card.hold_range("restorative")
        assert dose.shape_floor(card, "restorative") == max(low, min(high, 240))
        assert dose.shape_ceiling(card, "yin") == max(low, min(high, 360))


def test_sparing_the_knees_counts_a_flows_fixed_breaths_and_lowers_every_hold_to_one_level():
    # A sun salutation's High Lunge at two breaths cannot be shortened: the held poses give
    # up the rest, one level for all, so neither knee passes its dose (seed 1119272496 came
    # to 270 s on the left knee with a proportion).
    lunge, warrior = BY_SLUG["high-lunge"], BY_SLUG["warrior-ii"]
    sides = (Side.RIGHT, Side.LEFT)
    fixed = [Draft(lunge, "warm_up", side, 10, 10, 10, True) for side in sides * 3]
    held = [Draft(warrior, "build", side, 40, 30, 60) for side in sides * 7]
    drafts = fixed + held
    dose.spare_the_knees(drafts, style="vinyasa")
    assert {d.high for d in held} == {30}
    by_side = dose.knee_seconds([Draft(d.card, "build", d.side, d.high) for d in drafts])
    assert max(by_side.values()) <= dose.KNEE_MOST


def test_the_planner_counts_the_time_the_knee_dose_takes_off():
    # What the dose takes off the bent-knee holds' longest is time other poses must fill.
    warrior, triangle = BY_SLUG["warrior-ii"], BY_SLUG["triangle"]
    held = [Draft(warrior, "build", side, 40, 30, 40) for side in (Side.RIGHT, Side.LEFT) * 7]
    other = [Draft(triangle, "build", Side.RIGHT, 40, 30, 60)]
    assert dose.knee_spared_seconds(held + other) == 14 * 10
    assert dose.knee_room(held, least=True) == dose.KNEE_MOST - 7 * dose.KNEE_HOLD_LEAST


def test_a_long_knee_friendly_vinyasa_class_is_made_within_the_knee_dose():
    # 37-min beginner vinyasa, back care, knee-friendly and pregnancy: refused once the knee
    # dose came in, its sun salutations' lunges past the left knee's four minutes.
    practice = _generate(
        minutes=37,
        level="beginner",
        style="vinyasa",
        focus=["flexibility", "relaxation", "back"],
        avoid=["back_care", "knee_friendly", "pregnancy_safe"],
        seed=1119272496,
    )
    assert max(dose.knee_seconds(practice.steps).values()) <= dose.KNEE_MOST


def test_strength_in_a_knee_friendly_power_class_gets_its_share_at_the_dosed_holds():
    # 37-min beginner power for strength and hips, knee-friendly: strength came to 9 % of the
    # build once the Warriors were cut to three breaths; the planner now counts them so.
    practice = _generate(
        minutes=37,
        level="beginner",
        style="power",
        focus=["strength", "hips", "full_body"],
        avoid=["back_care", "knee_friendly"],
        seed=63801600,
    )
    assert "focus_share" not in faults(practice)
    assert max(dose.knee_seconds(practice.steps).values()) <= dose.KNEE_MOST
