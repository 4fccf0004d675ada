"""A real peak prepared by poses that open what it needs, each need given time in proportion to
the class (issue 11, blind teacher review: Wild Thing #804, Firefly #805, Monkey #809, Frog
#818)."""

import dataclasses

from sequences.generator.needs import counts_step, gives, least_seconds, needs_of
from sequences.generator.quality import faults
from sequences.generator.quality.common import before_peak
from sequences.generator.quality.needs import RULES
from sequences.tests.generation import BY_SLUG, assert_figures_break_and_hold, generated

WILD_THING = {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["energy"],
              "seed": 804}  # fmt: skip
FIREFLY = {"minutes": 60, "level": "advanced", "style": "power", "focus": ["strength", "core"],
           "seed": 805}  # fmt: skip
MONKEY = {"minutes": 90, "level": "advanced", "style": "vinyasa",
          "focus": ["flexibility", "back"], "seed": 809}  # fmt: skip
FROG = {"minutes": 20, "level": "advanced", "style": "vinyasa", "focus": ["hips"], "seed": 818}
REPORTED = (WILD_THING, FIREFLY, MONKEY, FROG)


def _words(slug):
    return [need.words for need in needs_of(BY_SLUG[slug])]


def _build(practice):
    """The build's held steps before the peak that count toward a need."""
    return [s for s in before_peak(practice) if counts_step(s)]


def _seconds(practice, slugs):
    return sum(s.seconds for s in _build(practice) if s.pose.slug in slugs)


def _need_seconds(practice, words):
    peak = practice.peak.pose
    need = next(n for n in needs_of(peak) if n.words == words)
    return sum(s.seconds for s in _build(practice) if gives(need, s.pose, peak))


# --- the needs, read from the pose data --------------------------------------------------------


def test_each_peak_needs_what_it_opens_and_strengthens():
    assert _words("wild-thing") == [
        "the spine extended",
        "the hip flexors",
        "the front of the shoulders",
    ]
    assert _words("firefly") == ["the hamstrings", "the core drawing the legs up"]
    assert _words("full-splits") == ["the hip flexors", "the hamstrings"]
    assert _words("frog") == ["the inner thighs"]


def test_what_gives_a_need_serves_it_and_nothing_else_does():
    frog, firefly, splits = BY_SLUG["frog"], BY_SLUG["firefly"], BY_SLUG["full-splits"]
    (inner,) = needs_of(frog)
    assert all(gives(inner, BY_SLUG[s], frog) for s in ("goddess", "skandasana", "garland"))
    # Extended Hand-to-Big-Toe and Eagle do not open the inner thighs; a rest is no work
    assert not any(
        gives(inner, BY_SLUG[s], frog) for s in ("standing-hand-to-big-toe", "eagle", "childs-pose")
    )
    compression = needs_of(firefly)[1]
    assert gives(compression, BY_SLUG["boat"], firefly)
    assert not gives(compression, BY_SLUG["plank"], firefly)  # a plank holds, it does not draw up
    flexors = needs_of(splits)[0]
    assert all(gives(flexors, BY_SLUG[s], splits) for s in ("low-lunge", "lizard"))
    # seated external rotation does not serve the splits
    assert not any(gives(flexors, BY_SLUG[s], splits) for s in ("fire-log", "half-lotus"))


def test_each_need_asks_time_in_proportion_to_the_class():
    wild_thing, frog = BY_SLUG["wild-thing"], BY_SLUG["frog"]
    assert least_seconds(60, wild_thing) == 120  # a minute a side
    assert least_seconds(20, wild_thing) == 40
    assert least_seconds(90, wild_thing) == 120  # two minutes at most
    assert least_seconds(20, frog) == 90  # a deep stretch opens over minutes


# --- the four reported practices, each with its right value ------------------------------------


def test_wild_thing_builds_through_backbends_the_hip_flexors_and_the_front_shoulders():
    practice = generated(**WILD_THING)
    assert practice.peak.pose.slug == "wild-thing"
    # a backbend held on the floor, not only Cobra and Up Dogs
    assert _seconds(practice, {"locust", "bridge", "camel", "bow"}) >= 45
    assert _need_seconds(practice, "the spine extended") >= 120
    assert _need_seconds(practice, "the hip flexors") >= 120
    assert _need_seconds(practice, "the front of the shoulders") >= 120
    assert not faults(practice)


def test_firefly_trains_compression_in_rounds_and_follows_crow():
    practice = generated(**FIREFLY)
    assert practice.peak.pose.slug == "firefly"
    assert _seconds(practice, {"boat", "half-boat"}) >= 120
    build = [s.pose.slug for s in _build(practice)]
    assert build.count("half-boat") + build.count("boat") >= 2  # rounds of the boat
    assert "crow" in build  # a smaller arm balance first
    assert not faults(practice)


def _first_monkey():
    """Review r9 #9's request on the first seed from 809 that still peaks in Monkey Pose (the
    merged closing and linking rules moved 809 itself to Frog)."""
    choices = {k: v for k, v in MONKEY.items() if k != "seed"}
    for seed in range(MONKEY["seed"], MONKEY["seed"] + 60):
        practice = generated(seed=seed, **choices)
        if practice.peak.pose.slug == "full-splits":
            return practice
    raise AssertionError("no seed from 809 peaks in Monkey")


def test_monkey_opens_the_back_legs_hip_flexors_a_minute_a_side():
    practice = _first_monkey()
    lunge = [s for s in _build(practice) if s.pose.slug in {"low-lunge", "lizard"}]
    assert lunge and all(s.duration_seconds >= 60 for s in lunge)
    assert _need_seconds(practice, "the hip flexors") >= 120


def test_the_first_monkey_class_has_no_fault():
    """The planner's own draw repeats "Lengthens the hamstrings: Monkey Pose asks for them."
    down a linked flow (linking.py words beats from reasons said before `reasons.vary`); the
    last guard draws again, and the class given has no fault."""
    assert faults(_first_monkey()) == {}


def test_frog_opens_the_inner_thighs_in_place_of_shapes_that_do_not_prepare_it():
    practice = generated(**FROG)
    assert practice.peak.pose.slug == "frog"
    assert _need_seconds(practice, "the inner thighs") >= 90
    build = {s.pose.slug for s in _build(practice)}
    assert not build & {"standing-hand-to-big-toe", "eagle"}
    assert not faults(practice)


def test_a_pose_linked_into_a_mini_flow_keeps_the_time_given_for_the_peaks_need():
    # The merged planner linked Bridge and Locust, each lengthened for Wild Thing's backbend,
    # into a flow on the back of six breaths each: 60 s of the 90 asked.
    practice = generated(minutes=45, level="intermediate", style="vinyasa", seed=636537042)
    peak = practice.peak.pose
    least = least_seconds(45, peak)
    for need in needs_of(peak):
        assert _need_seconds(practice, need.words) >= least, need.words
    locust = next(s for s in _build(practice) if s.pose.slug == "locust")
    linked = [s for s in _build(practice) if s.flow == locust.flow
              and any(gives(n, s.pose, peak) for n in needs_of(peak))]  # fmt: skip
    # flowed or held, the need's time counts: the flow's poses that give it held alike
    # longer, not one of them held on alone
    assert locust.flow and len(linked) >= 2
    assert len({s.duration_seconds for s in linked}) == 1
    assert RULES["every_need_prepared"](practice) == []


def test_a_floor_pose_given_time_for_a_need_stays_in_the_build():
    # The merged planner moved a lone Cobra held for Wild Thing to the floor warm-up, where
    # it prepares no need: 0 s of the 40 asked.
    practice = generated(minutes=20, level="intermediate", style="vinyasa", seed=456123964)
    assert RULES["every_need_prepared"](practice) == []
    assert not faults(practice)


# --- the figure ---------------------------------------------------------------------------------


def needs_breakings() -> dict:
    """A hand-made fault of the figure: Firefly with its Half Boat rounds and Crow left out."""
    practice = generated(**FIREFLY)
    steps = [
        s for s in practice.steps
        if s.pose.slug not in {"half-boat", "boat", "crow"}
        and not (s.phase == "build" and s.pose.slug == "knees-to-chest")
    ]  # fmt: skip
    steps = tuple(dataclasses.replace(s, position=n) for n, s in enumerate(steps, start=1))
    return {"every_need_prepared": dataclasses.replace(practice, steps=steps)}


def test_the_figure_misses_its_hand_made_fault_and_passes_the_reported_practices():
    broken = needs_breakings()["every_need_prepared"]
    problems = RULES["every_need_prepared"](broken)
    assert "the core drawing the legs up: 0 s before firefly, 120 s asked" in problems
    assert "no crow before firefly" in problems
    assert_figures_break_and_hold(RULES, needs_breakings(), REPORTED)
