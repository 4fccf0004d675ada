"""A floor block moved into the warm-up is lighter and shorter than the build (seventeenth
blind teacher review, F12: three 60 s Plank rounds and three rounds of Side Plank with
Crocodile rests, about ten minutes at i3, in the warm-up of a back-care class with no
back-extensor work): a pose in two rounds at most, and a plank balanced by Locust."""

from dataclasses import replace

from sequences.generator.quality import faults
from sequences.generator.quality.warm_up_lighter import RULES, warm_up_rounds
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)


def _warm_up_held(practice) -> list:
    return [s for s in practice.steps if s.phase == "warm_up" and not s.flow]


def warm_up_lighter_breakings() -> dict:
    """The reported warm-up put back by hand (r17 F12, seed 1717): Plank's third round in
    Locust's place; the joint-by-joint warm-up gone, so the core block is most of it; Locust
    gone, so nothing works the back."""
    practice = reviewed(1717)
    steps = list(practice.steps)
    locust = next(s for s in steps if s.pose.slug == "locust" and s.phase == "warm_up")
    plank = next(s for s in steps if s.pose.slug == "plank" and s.phase == "warm_up")
    third = [replace(plank) if s is locust else s for s in steps]
    heavy = [s for s in steps if not (s.phase == "warm_up" and s.pose.intensity == 2)]
    unbalanced = [s for s in steps if s is not locust]
    return {
        "warm_up_rounds": renumbered(practice, third),
        "warm_up_strong_share": renumbered(practice, heavy),
        "warm_up_plank_balanced": renumbered(practice, unbalanced),
    }


def test_the_figures_miss_the_reported_warm_up_and_pass_the_reported_practices():
    assert_figures_break_and_hold(
        RULES, warm_up_lighter_breakings(), requests(1617, 1704, 1717, 1608)
    )


def test_the_back_care_whole_body_warm_up_gives_plank_round_three_to_locust():
    # r17 F12 (seed 1717): "Replace pos 13 (Plank round 3, 1:00) with Locust Pose: 'Chest
    # only, legs down, two lifts of about 25 s with a breath down between, gaze down: the back
    # muscles Plank doesn't reach.' Pos 12 cue: '…then Locust Pose.'" Locust is held 45 s,
    # the most its hatha range allows, and the cue quotes no seconds (the fit settles them).
    practice = reviewed(1717)
    held = _warm_up_held(practice)
    slugs = [s.pose.slug for s in held]
    at = slugs.index("plank")
    assert slugs[at : at + 5] == ["plank", "crocodile", "plank", "crocodile", "locust"]
    locust = held[at + 4]
    assert locust.duration_seconds == BY_SLUG["locust"].hold_range("hatha")[1] == 45
    assert locust.cue.startswith("Chest only, legs down, two lifts with a breath down between")
    assert "gaze down: the back muscles the plank doesn't reach" in locust.cue
    assert held[at + 3].cue.endswith("then Locust Pose.")
    assert [s.duration_seconds for s in held if s.pose.slug == "plank"] == [60, 60]
    # Side Plank keeps one round, Dolphin next (the review's Bird Dog and Thread the Needle
    # in rounds 2-3's place kneel: a knee-friendly class leaves both out, the fit gives their
    # time to the other holds); no round past two in the warm-up.
    assert slugs[at + 5 : at + 7] == ["side-plank", "dolphin"]
    assert slugs.count("side-plank") == 1
    assert all(n <= 2 for _, n in warm_up_rounds(practice.steps))
    assert faults(practice) == {}
    assert practice.planned_seconds == 70 * 60
