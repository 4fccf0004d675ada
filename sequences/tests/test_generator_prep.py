"""The peak prepared close to it, with what it needs (review r6: #5, #9, #14)."""

import dataclasses

from poses.models import Position
from sequences.generator.quality import faults
from sequences.generator.quality.arc import RULES as ARC_RULES
from sequences.generator.quality.common import held
from sequences.generator.quality.visits import RULES as VISIT_RULES
from sequences.generator.vocabulary import (
    CORE_COMPRESSION,
    HIP_FLEXORS,
    PEAK_NEED_RECENT,
    PEAK_NEEDS,
    TWISTED_SQUATS,
    TWISTS,
)
from sequences.tests.generation import BY_SLUG
from sequences.tests.generation import generated as _generate
from sequences.tests.test_generator_needs import needs_breakings
from sequences.tests.test_generator_peak2 import peak2_breakings
from sequences.tests.test_generator_peakprep import peakprep_breakings

MONKEY = {"minutes": 90, "level": "advanced", "style": "vinyasa", "focus": ["flexibility", "back"]}
SIDE_CROW = {
    "minutes": 35,
    "level": "advanced",
    "style": "hatha",
    "focus": ["balance"],
    "avoid": ["no_inversions"],
}


def _shapes_before_peak(practice) -> list[str]:
    """The held shapes before the peak, a pose taught in rounds once and the rests between
    its rounds not at all (`quality.arc._recent`)."""
    held_slugs = _held_before_peak(practice)
    shapes = []
    for n, slug in enumerate(held_slugs):
        if 0 < n < len(held_slugs) - 1 and held_slugs[n - 1] == held_slugs[n + 1]:
            continue  # the rest between two rounds
        if slug in shapes:
            shapes.remove(slug)
        shapes.append(slug)
    return shapes


def _monkey():
    """The first practice from seed 509 that peaks in Monkey Pose (the review's seed; the
    closing rules of review r9 moved 509 to a Frog peak)."""
    for seed in range(509, 560):
        practice = _generate(seed=seed, **MONKEY)
        if practice.peak.pose.slug == "full-splits":
            return practice
    raise AssertionError("no Monkey peak from seed 509")


def _held_before_peak(practice) -> list[str]:
    peak = practice.peak
    return [
        s.pose.slug
        for s in practice.steps[: peak.position - 1]
        if held(s) and s.pose.slug != peak.pose.slug
    ]


def test_splits_need_the_hip_flexors_and_twisted_peaks_a_twist():
    """Monkey opens the back leg's hip flexors as well as the hamstrings; Side Crow and the
    revolved standing peaks turn the spine first; Side Crow also draws the core in."""
    assert HIP_FLEXORS in PEAK_NEEDS["full-splits"]
    assert {"low-lunge", "lizard"} <= set(HIP_FLEXORS)
    assert "half-splits" in PEAK_NEEDS["full-splits"][1]
    # Side Crow's twist is the twisted squat it sits on (review r16 F12)
    assert PEAK_NEEDS["side-crow"] == (TWISTED_SQUATS, CORE_COMPRESSION)
    assert set(TWISTED_SQUATS) <= set(TWISTS)
    for peak in ("revolved-chair", "revolved-side-angle", "revolved-triangle"):
        assert TWISTS in PEAK_NEEDS[peak]
    assert "crow" not in TWISTS
    for need in (HIP_FLEXORS, TWISTS):
        assert set(need) <= set(BY_SLUG), set(need) - set(BY_SLUG)
        assert all(BY_SLUG[slug].category == "twist" for slug in TWISTS)


def test_monkey_has_a_lunge_and_half_splits_straight_before_it():
    """Review r6 #9: Lizard 15 minutes and a block of seated hip openers before Monkey."""
    practice = _monkey()
    assert practice.peak.pose.slug == "full-splits"
    recent = _held_before_peak(practice)[-PEAK_NEED_RECENT:]
    assert recent[-1] == "half-splits"
    assert set(recent) & set(HIP_FLEXORS), recent
    assert "peak_prepared_recently" not in faults(practice)


def test_side_crow_has_a_twist_in_its_build():
    """Review r6 #14: Crow straight before Side Crow, no twist since the warm-up."""
    practice = _generate(seed=514, **SIDE_CROW)
    assert practice.peak.pose.slug == "side-crow"
    recent = _shapes_before_peak(practice)[-PEAK_NEED_RECENT:]
    assert set(recent) & set(TWISTS), recent
    assert set(recent) & set(CORE_COMPRESSION), recent
    assert not faults(practice)


def test_crow_is_rehearsed_after_the_standing_work_not_between_it():
    """Seeds 514 and 814 (linked build holds): Warrior III → Crow → Twisted Crescent Lunge →
    Garland, down to the floor for the rehearsal and up again; Crow comes after the last
    standing pose, from the squat, with the floor work before the peak."""
    for seed in (514, 814):
        practice = _generate(seed=seed, **SIDE_CROW)
        assert practice.peak.pose.slug == "side-crow"
        crow = next(s for s in practice.steps if s.pose.slug == "crow")
        later = practice.steps[crow.position : practice.peak.position - 1]
        assert all(s.pose.position != Position.STANDING for s in later), seed
        assert VISIT_RULES["lone_floor_visit"](practice) == [], seed


def test_firefly_is_prepared_by_lifting_the_legs_not_by_another_arm_balance():
    """Review r6 #5: Crow and Wide-Legged Forward Fold before Firefly, no compression that
    lifts the legs (Garland, Boat)."""
    assert PEAK_NEEDS["firefly"][0] == ("garland", "boat", "half-boat")
    practice = _generate(
        seed=505, minutes=60, level="advanced", style="power", focus=["strength", "core"]
    )
    assert practice.peak.pose.slug == "firefly"
    recent = _held_before_peak(practice)[-PEAK_NEED_RECENT:]
    assert {"garland", "boat", "half-boat"} & set(recent), recent
    assert not faults(practice)


def _late_need(practice):
    """The practice with the hip flexor lunge moved back behind the five held poses before
    it (positions kept in order)."""
    steps = list(practice.steps)
    peak = practice.peak.position - 1
    lunge = next(n for n in range(peak - 1, 0, -1) if steps[n].pose.slug in HIP_FLEXORS)
    early = lunge
    for _ in range(PEAK_NEED_RECENT + 1):
        early -= 1
        while not held(steps[early]) or steps[early].flow:
            early -= 1
    moved = steps[:early] + [steps[lunge]] + steps[early:lunge] + steps[lunge + 1 :]
    moved = [dataclasses.replace(s, position=n) for n, s in enumerate(moved, start=1)]
    return dataclasses.replace(practice, steps=tuple(moved))


def test_a_need_met_long_before_the_peak_is_a_fault():
    """The figure: the hip flexors opened only a block of poses before Monkey is a miss."""
    practice = _monkey()
    rule = ARC_RULES["peak_prepared_recently"]
    assert rule(practice) == []
    assert rule(_late_need(practice))


# --- an energy class (review r6 #12) -------------------------------------------------------

ENERGY = {"minutes": 10, "level": "beginner", "style": "hatha", "focus": ["energy"]}


def test_a_short_energy_class_centres_on_a_fuller_breath():
    """Review r6 #12: ten minutes on the floor, opening with "let the day go"."""
    practice = _generate(seed=512, **ENERGY)
    centring = practice.steps[0]
    assert centring.phase == "centring"
    assert centring.pose.is_breathing
    assert "let the day go" not in centring.cue
    assert "wake" in centring.cue
    assert not faults(practice)


def test_an_energy_class_on_the_floor_with_a_settling_centre_is_a_fault():
    """The figure: a ten-minute class all on the floor that opens with "let the day go"
    (generated for relaxation), read as an energy class, misses."""
    quiet = _generate(seed=512, **{**ENERGY, "focus": ["relaxation"]})
    assert "let the day go" in quiet.steps[0].cue
    assert all(s.pose.position != "standing" for s in quiet.steps)
    read = _floor_energy(quiet)
    problems = ARC_RULES["energy_class"](read)
    assert any(p.startswith("centring settles") for p in problems), problems
    assert ARC_RULES["energy_class"](quiet) == []


def _floor_energy(quiet):
    return dataclasses.replace(quiet, choices=dataclasses.replace(quiet.choices, focus=("energy",)))


def prep_breakings() -> dict:
    """A hand-made fault of each figure of this module, for the quality bar's own test."""
    return {
        "peak_prepared_recently": _late_need(_monkey()),
        "energy_class": _floor_energy(_generate(seed=512, **{**ENERGY, "focus": ["relaxation"]})),
        **peakprep_breakings(),
        **peak2_breakings(),
        **needs_breakings(),
    }
