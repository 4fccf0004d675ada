"""Dose: how much of one kind of load a practice gives (sequences.generator.dose)."""

from sequences.generator import dose
from sequences.generator.plan import Draft
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
