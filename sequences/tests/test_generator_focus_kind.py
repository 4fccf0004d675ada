"""Classes whose shape matches their focus (teacher review "Today's practice a teacher would
teach"): an energy class stands, the rests between rounds of a core pose keep the class's
tempo (never the quiet seat it centred in), a core class builds in core-strength poses and a
back class extends and strengthens the back in its build, not only twists."""

from dataclasses import replace

from poses.models import Position
from sequences.generator import clean_choices, generate
from sequences.generator.focus import core_strength
from sequences.generator.quality import faults
from sequences.generator.quality.focus import RULES
from sequences.tests.generation import BY_SLUG, LIBRARY

# The teacher's core class: 60 s of core work in 30 minutes, Tree and Chair as its build.
CORE_610 = {
    "minutes": 30,
    "level": "intermediate",
    "style": "hatha",
    "focus": ["core"],
    "avoid": ["knee_friendly"],
}
# An energy class that never stood: Cow Face, Fire Log, then Lotus, all on the floor.
ENERGY_SEATED = {
    "minutes": 15,
    "level": "advanced",
    "style": "hatha",
    "focus": ["energy", "balance"],
    "avoid": ["back_care"],
}


def _generate(seed, **choices):
    return generate(LIBRARY, clean_choices(**choices), seed=seed)


def _standing(step) -> bool:
    return step.pose.position == Position.STANDING and step.pose.intensity >= 2


def test_an_energy_class_built_on_the_floor_stands_up_at_least_once():
    practice = _generate(1839404429, **ENERGY_SEATED)

    assert practice.peak.pose.slug == "lotus"
    assert any(_standing(s) for s in practice.steps if s.phase in ("warm_up", "build"))
    assert "energy_stands" not in faults(practice)


def test_boat_rests_lying_back_between_rounds_never_in_easy_pose():
    rests = []
    for seed in range(12):
        for style in ("hatha", "power"):
            practice = _generate(seed, minutes=45, level="beginner", style=style, focus=["core"])
            steps = practice.steps
            rests += [
                rest.pose.slug
                for before, rest, after in zip(steps, steps[1:], steps[2:], strict=False)
                if before.pose.slug == after.pose.slug in ("boat", "half-boat")
            ]
            assert "round_rest" not in faults(practice), seed

    assert rests and "easy-pose" not in rests
    assert set(rests) <= {"knees-to-chest", "staff-pose"}


def test_a_half_boat_peak_rests_lying_back_between_rounds():
    practice = _generate(3, minutes=45, level="beginner", style="power", focus=["core"])
    rounds = [s for s in practice.steps if s.phase == "peak"]

    assert [s.pose.slug for s in rounds][:3] == ["half-boat", "knees-to-chest", "half-boat"]
    assert "lying back" in rounds[1].cue


def test_the_teachers_core_class_builds_in_three_core_strength_shapes():
    practice = _generate(610, **CORE_610)
    main = [s for s in practice.steps if s.phase in ("build", "peak") or s.work]
    held = [s for s in main if core_strength(s.pose)]
    whole = sum(s.seconds for s in main)

    # Three core-strength shapes (was Plank alone, 3 x 20 s): which ones the seed picks
    # changed with the merges (Plank, Boat, then Side Plank as the peak).
    assert len({s.pose.slug for s in held}) >= 3, [s.pose.slug for s in held]
    assert sum(s.seconds for s in held) >= 0.2 * whole
    assert practice.focus_spared == ()
    assert not {"focus_main_work", "focus_shapes", "focus_share"} & set(faults(practice))


def _core_without_core_work():
    practice = _generate(610, **CORE_610)
    chair = BY_SLUG["chair"]
    steps = [
        replace(s, pose=chair) if s.phase in ("build", "peak") and core_strength(s.pose) else s
        for s in practice.steps
    ]
    return replace(practice, steps=tuple(steps), focus_spared=())


def _seated_energy():
    practice = _generate(1839404429, **ENERGY_SEATED)
    return replace(practice, steps=tuple(s for s in practice.steps if not _standing(s)))


def _easy_rests():
    practice = _generate(3, minutes=45, level="beginner", style="power", focus=["core"])
    easy = BY_SLUG["easy-pose"]
    steps = [
        replace(s, pose=easy) if s.pose.slug == "knees-to-chest" else s for s in practice.steps
    ]
    return replace(practice, steps=tuple(steps))


def focus_kind_breakings() -> dict:
    """A hand-made fault of each figure of quality.focus, for the quality bar's own test."""
    return {
        "focus_main_work": _core_without_core_work(),
        "focus_shapes": _core_without_core_work(),
        "energy_stands": _seated_energy(),
        "round_rest": _easy_rests(),
    }


def test_each_figure_of_the_module_fails_when_broken():
    breakings = focus_kind_breakings()

    assert sorted(breakings) == sorted(RULES)
    for figure, practice in breakings.items():
        assert RULES[figure](practice), figure
