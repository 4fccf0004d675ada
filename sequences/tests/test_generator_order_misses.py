"""The order misses left at one each over `bench/practices.py --measure 1000` (issue "Today's
practice a teacher would teach"), each as the right value: a standing visit that the fit
would shorten, a base pose's variant kept off its neighbour in the cool-down, Plank before
Side Plank whatever two flows do, and Plank and Side Plank not both left out of a whole-body
class for a visit that was a block of work."""

from sequences.generator import clean_choices, generate
from sequences.generator.grouping import VISIT_SECONDS, level_of
from sequences.generator.quality import faults
from sequences.generator.quality.common import held
from sequences.tests.generation import LIBRARY


def _slugs(practice, phase):
    return [s.pose.slug for s in practice.steps if s.phase == phase and held(s)]


def test_a_short_gentle_class_does_not_stand_for_forty_seconds():
    choices = clean_choices(minutes=11, level="beginner", style="gentle", focus=["strength"],
                            avoid=["knee_friendly"],
                            avoid_slugs=["half-splits", "half-lord-of-the-fishes",
                                         "shoelace-yin", "easy-seated-twist", "ujjayi-breath"],
                            liked=["extended-side-angle", "seated-forward-fold",
                                   "three-part-breath", "side-crow", "cow-face"])  # fmt: skip
    practice = generate(LIBRARY, choices, seed=357626864)

    assert faults(practice) == {}
    standing = [s for s in practice.steps if level_of(s.pose) == "standing" and held(s)]
    assert not standing or sum(s.seconds for s in standing) >= VISIT_SECONDS


def test_head_to_knee_and_seated_forward_fold_are_not_side_by_side():
    practice = generate(LIBRARY, clean_choices(minutes=81, level="beginner", style="hatha",
                        focus=["back"], avoid=["no_inversions"]), seed=804176902)  # fmt: skip

    assert faults(practice) == {}
    cool = _slugs(practice, "cool_down")
    if "head-to-knee" in cool and "seated-forward-fold" in cool:
        assert abs(cool.index("head-to-knee") - cool.index("seated-forward-fold")) > 1
        assert cool.index("head-to-knee") < cool.index("seated-forward-fold")


def test_plank_comes_before_side_plank_after_two_crossing_flows():
    # Seed 1647225893 found the miss; since shoulder-stand rounds rest lying back (issue 11,
    # peak rounds on their level) its draw peaks on Wild Thing with no plank in the build, so
    # a draw of the same choices with both planks holds the rule.
    practice = generate(LIBRARY, clean_choices(minutes=64, level="intermediate", style="power",
                        focus=["full_body"], avoid=["knee_friendly"]), seed=577090037)  # fmt: skip

    assert faults(practice) == {}
    # A plank of the build (Plank or Forearm Plank, held alone or linked, issue 11; or taught
    # before the standing work, `Step.work`, r16 F5) comes before Side Plank.
    build = [s.pose.slug for s in practice.steps if (s.phase == "build" or s.work) and held(s)]
    planks = [n for n, slug in enumerate(build) if slug in ("plank", "forearm-plank")]
    assert planks
    assert "side-plank" not in build or min(planks) < build.index("side-plank")


def test_a_whole_body_class_keeps_its_core_work_with_its_standing_flows():
    practice = generate(LIBRARY, clean_choices(minutes=43, level="advanced", style="vinyasa",
                        focus=["full_body"]), seed=328497183)  # fmt: skip

    assert faults(practice) == {}
    assert {"plank", "side-plank"} & set(_slugs(practice, "build"))
