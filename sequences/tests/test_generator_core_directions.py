"""A core class works the trunk from the front, the sides and the back (teacher review r11 F4:
a 30-minute knee-friendly hatha class for the core with Plank and Half Boat alone)."""

from dataclasses import replace

from sequences.generator import clean_choices, generate
from sequences.generator.core_directions import directions_of
from sequences.generator.quality import faults
from sequences.generator.quality.common import held
from sequences.generator.quality.core_directions import RULES
from sequences.tests.generation import BY_SLUG, LIBRARY

# Review r11 #10: 2:30 of core in 30 minutes, the front of the trunk only.
CORE_1010 = {
    "minutes": 30,
    "level": "intermediate",
    "style": "hatha",
    "focus": ["core"],
    "avoid": ["knee_friendly"],
}


def _generate(seed, **choices):
    return generate(LIBRARY, clean_choices(**choices), seed=seed)


def test_directions_of_the_core_are_read_from_the_pose():
    assert directions_of(BY_SLUG["plank"]) == {"front"}
    assert directions_of(BY_SLUG["half-boat"]) == {"front"}
    assert directions_of(BY_SLUG["side-plank"]) == {"sides"}
    assert directions_of(BY_SLUG["locust"]) == {"back"}
    assert directions_of(BY_SLUG["balancing-table"]) == {"back"}
    assert directions_of(BY_SLUG["chair"]) == frozenset()
    assert directions_of(BY_SLUG["warrior-i"]) == frozenset()


def test_the_r11_core_class_works_the_core_from_the_front_the_sides_and_the_back():
    """The right value of F4, by its rule: the trunk worked from several directions, not Plank
    and Half Boat alone. Side Plank is harder than a beginner's Plank or Half Boat of its
    intensity and may not come before them, so the class peaks in Side Plank (the bottom
    knee down on a blanket to ease it, for the knees); the build holds Forearm Plank with the
    knees down to rest (the front) and a pose that strengthens the back of the body (the
    back), as the teacher's Forearm Plank, Side Plank knee down and Locust did."""
    practice = _generate(1010, **CORE_1010)
    build = [s for s in practice.steps if s.phase == "build" and held(s)]
    peak = practice.peak

    assert peak.pose.slug == "side-plank"
    assert "Bottom knee down on a folded blanket" in peak.cue
    forearm = next(s for s in build if s.pose.slug == "forearm-plank")
    assert "Knees down on a folded blanket" in forearm.cue
    assert {d for s in build for d in directions_of(s.pose)} >= {"front", "back"}
    assert practice.focus_spared == ()
    assert "core_directions" not in faults(practice)


def test_a_core_class_peaks_where_every_direction_stays_open_to_its_build():
    """Of the core peaks, the one below which the build may still work every direction:
    Side Plank, not the beginner's Plank or Half Boat that Side Plank may not come before."""
    for seed in (610, 1010, 7):
        practice = _generate(seed, **CORE_1010)
        worked = {
            d
            for s in practice.steps
            if s.phase in ("warm_up", "build", "peak") and held(s)
            for d in directions_of(s.pose)
        }
        assert worked == {"front", "sides", "back"}, (seed, practice.peak.pose.slug)


def _front_only():
    """Review r11 #10 as it was: the back work of the build given to Chair."""
    practice = _generate(1010, **CORE_1010)
    chair = BY_SLUG["chair"]
    steps = [
        replace(s, pose=chair) if s.phase == "build" and "back" in directions_of(s.pose) else s
        for s in practice.steps
    ]
    return replace(practice, steps=tuple(steps))


def core_directions_breakings() -> dict:
    """A hand-made fault of each figure of quality.core_directions, for the quality bar's test."""
    return {"core_directions": _front_only()}


def test_each_figure_of_the_module_fails_when_broken():
    breakings = core_directions_breakings()

    assert sorted(breakings) == sorted(RULES)
    for figure, practice in breakings.items():
        assert RULES[figure](practice) == ["core: never worked from the back"], figure


def test_a_standing_core_peak_stays_possible_when_the_warm_up_works_the_back():
    """A 45-minute intermediate hatha class for the core may still peak in Crow: the front and
    the sides below it in the build (Plank, Side Plank), the back in the warm-up on the floor
    (Bird Dog, Bridge), so the three directions do not make every such class peak in Side
    Plank."""
    practice = generate(
        LIBRARY,
        clean_choices(minutes=45, level="intermediate", style="hatha", focus=["core"]),
        seed=5,
    )

    assert practice.peak.pose.slug == "crow"
    assert not faults(practice)
