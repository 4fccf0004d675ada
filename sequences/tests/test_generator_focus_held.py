"""A focus worked where it counts (issue "Today's practice a teacher would teach"): a focus area
worked in the build and peak only by a flow's pose is held there, not passed through, and a
back class extends the back in its build below a kneeling peak (Locust before Frog). Over
the curated library as plain data (no database)."""

from sequences.checks import PASSING_SECONDS
from sequences.generator import clean_choices, generate
from sequences.generator.focus import back_extension
from sequences.generator.quality import faults
from sequences.generator.quality.common import held
from sequences.generator.shapes import floor_height, works
from sequences.tests.generation import LIBRARY


def _worked_by_held(practice, focus):
    return [
        s
        for s in practice.steps
        if (s.phase in ("build", "peak") or s.work) and held(s) and works(s.pose, focus)
    ]


def test_a_five_minute_class_holds_the_flow_pose_that_works_the_back():
    # The stored property-test example: the back's only work was Extended Side Angle in the
    # Warrior II flow, fitted to a passing 20 s.
    practice = generate(LIBRARY, clean_choices(minutes=5, level="beginner", style="gentle",
                        focus=["strength", "balance", "back"]), seed=642002126)  # fmt: skip

    assert faults(practice) == {}
    for focus in ("strength", "balance", "back"):
        assert _worked_by_held(practice, focus), focus
    back = _worked_by_held(practice, "back")
    assert all(s.duration_seconds > PASSING_SECONDS for s in back)


def test_short_active_classes_work_every_focus_in_a_held_pose():
    for seed in range(12):
        for style in ("gentle", "hatha", "power"):
            choices = clean_choices(minutes=5 + seed % 6, level="beginner", style=style,
                                    focus=["strength", "balance", "back"])  # fmt: skip
            practice = generate(LIBRARY, choices, seed=seed)
            assert "focus" not in faults(practice), (style, seed)


def test_a_back_and_flexibility_class_extends_the_back_before_frog():
    practice = generate(LIBRARY, clean_choices(minutes=90, level="advanced", style="vinyasa",
                        focus=["flexibility", "back"]), seed=609)  # fmt: skip

    assert faults(practice) == {}
    assert practice.peak.pose.slug == "frog"
    extension = [
        s for s in practice.steps if s.phase == "build" and held(s) and back_extension(s.pose)
    ]
    assert extension
    # below the kneeling peak, on the belly: the backbend block before Frog
    assert any(floor_height(s.pose) < floor_height(practice.peak.pose) for s in extension)


def test_a_five_minute_power_class_keeps_its_flow():
    # (the fit to five minutes left out its only flow, High Lunge → Warrior I, for Goddess)
    choices = clean_choices(minutes=5, level="beginner", style="power",
                            focus=["strength", "energy", "back"],
                            avoid_slugs=["alternate-nostril-breathing"])  # fmt: skip
    practice = generate(LIBRARY, choices, seed=465)

    assert faults(practice) == {}
    assert any(s.flow and not s.flow.startswith("Sun Salutation") for s in practice.steps)
