"""A run of backbends on the belly stays on the belly and rises toward the peak (seventeenth
blind teacher review, F2, the sixteenth's F9; #4, seed 1704: Extended Puppy → Locust →
Upward Plank, seated and face up → Sphinx → Bow, a roll-over and back, and Sphinx, the
milder, after Locust, so its "the arch … begun gently" was untrue). The teacher: Extended
Puppy → Sphinx ("Lower onto the belly: the arch begun gently.") → Locust → a one-sided Bow
prep → Bow; Half Bow is not in the library, so Upward Plank keeps its place in the build
before the class lowers onto the belly."""

from sequences.generator.prone_run import face_up, prone_backbend
from sequences.generator.quality.prone_run import RULES
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)


def _into_the_peak(practice) -> list:
    """The build's steps from Extended Puppy to the peak's first step."""
    steps = list(practice.steps)
    peak = next(n for n, s in enumerate(steps) if s.phase == "peak")
    puppy = max(n for n, s in enumerate(steps[:peak]) if s.pose.slug == "puppy")
    return steps[puppy : peak + 1]


def prone_run_breakings() -> dict:
    """The reported run put back by hand (r17 F2, seed 1704): Upward Plank between Sphinx and
    Locust (a roll-over), and Locust before Sphinx (the milder after the stronger)."""
    practice = reviewed(1704)
    steps = list(practice.steps)
    by = {s.pose.slug: s for s in _into_the_peak(practice)}
    sphinx, locust = by["sphinx"], by["locust"]
    plank = next(s for s in steps if s.pose.slug == "upward-plank" and s.phase == "build")
    rolled = [s for s in steps if s is not plank]
    rolled.insert(rolled.index(locust), plank)
    swapped = [locust if s is sphinx else sphinx if s is locust else s for s in steps]
    return {
        "prone_run_stays_prone": renumbered(practice, rolled),
        "prone_run_rises": renumbered(practice, swapped),
    }


def test_the_figures_miss_the_reported_run_and_pass_the_reported_practices():
    assert_figures_break_and_hold(
        RULES, prone_run_breakings(), requests(1704, 1609, 1709, 1603, 1605)
    )


def test_the_run_into_bow_stays_on_the_belly_and_rises_sphinx_first():
    # r17 F2 (seed 1704): "80 Extended Puppy 1:00; 81 Sphinx Pose 50 s: 'Lower onto the
    # belly: the arch begun gently.'; 82 Locust Pose 45 s; 83 Half Bow replaces Upward Plank
    # … Last before Bow Pose." Half Bow is only Bow's modification here: Extended Puppy, then
    # Sphinx, then Locust, on the belly only, straight into Bow.
    run = _into_the_peak(reviewed(1704))
    assert [s.pose.slug for s in run] == ["puppy", "sphinx", "locust", "bow"]
    assert run[0].duration_seconds == 60
    belly = run[1:]
    assert all(prone_backbend(s.pose) for s in belly)
    assert not any(face_up(s.pose) for s in belly)
    intensities = [s.pose.intensity for s in belly]
    assert intensities == sorted(intensities)
    sphinx = run[1]
    assert sphinx.flow == run[0].flow == run[2].flow  # one flow lowers onto the belly
    assert "lower onto the belly for Sphinx" in run[0].cue
    assert "begun gently" in sphinx.cue
    assert run[2].duration_seconds == 45  # Locust as the teacher held it


def test_upward_plank_keeps_its_place_in_the_build_before_the_class_lies_down():
    # The back-extension share: Upward Plank is not dropped (an earlier try fell short), it
    # comes before Extended Puppy, the class still up off the belly.
    steps = list(reviewed(1704).steps)
    slugs = [s.pose.slug for s in steps]
    plank = slugs.index("upward-plank")
    assert steps[plank].phase == "build"
    assert slugs[plank + 1] == "puppy"
