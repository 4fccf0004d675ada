"""What follows the peak does not reopen it (eighteenth blind teacher review, F2, seed 1803:
after Frog and Crocodile, Happy Baby "opens the hips Frog Pose worked", the same wide-knee
groin stretch again; nothing drew the knees together until Knees-to-Chest three poses later.
The teacher gave Happy Baby's place to a supine pose that brings the knees together)."""

from dataclasses import replace

from sequences.generator.after_peak import KNEES_TOGETHER, WIDE_KNEES, family, reopened
from sequences.generator.quality.after_peak import RULES
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)


def after_peak_breakings() -> dict:
    """The reported cool-down put back by hand (r18 F2, seed 1803): Happy Baby straight after
    the counter-pose, before anything brings the knees together."""
    practice = reviewed(1803)
    steps = list(practice.steps)
    first = next(n for n, s in enumerate(steps) if s.phase == "cool_down")
    steps[first] = replace(steps[first], pose=BY_SLUG["happy-baby"], cue="Opens the hips.")
    return {"peak_reopened": renumbered(practice, steps)}


def test_the_figure_finds_happy_baby_after_frog_and_passes_the_reported_practices():
    assert_figures_break_and_hold(
        RULES, after_peak_breakings(), requests(1803, 1703, 1818, 1804, 1805, 1809, 1814, 1807)
    )


def test_after_frog_the_knees_come_together_before_any_wide_knee_shape():
    # r18 F2 (seed 1803): the teacher's cool-down after Frog brings the knees together
    # (Windshield-Wiper Knees is not in the library: Knees-to-Chest, a reclined twist or
    # Bridge, knees hip-width), and holds no Happy Baby or other wide-knee shape before it.
    practice = reviewed(1803)
    steps = practice.steps
    peak = next(s for s in steps if s.phase == "peak")
    after = [s for s in steps if s.phase in ("counter", "cool_down")]
    assert peak.pose.slug == "frog"
    assert family(peak.pose) == "knees"
    assert "happy-baby" not in [s.pose.slug for s in after]
    assert not [s for s in after if s.pose.slug in WIDE_KNEES]
    assert any(s.pose.slug in KNEES_TOGETHER for s in after)
    # The teacher's value: Happy Baby's place (50 s, straight after Crocodile) goes to a pose
    # that does not open the knees again, and the knees are drawn together for 50 s
    # (Knees-to-Chest, the library's nearest to Windshield-Wiper Knees).
    assert [s.pose.slug for s in after[:1]] == ["crocodile"]
    assert after[1].duration_seconds == 50 and after[1].pose.slug not in WIDE_KNEES
    hug = next(s for s in after if s.pose.slug == "knees-to-chest")
    assert hug.duration_seconds == 50
    assert reopened(peak.pose, [s.pose for s in after]) == []


def test_the_families_of_the_peak():
    assert family(BY_SLUG["frog"]) == "knees"
    assert family(BY_SLUG["bound-angle"]) == "knees"
    assert family(BY_SLUG["camel"]) == "backbend"
    assert family(BY_SLUG["knees-to-chest"]) == ""
    frog, croc = BY_SLUG["frog"], BY_SLUG["crocodile"]
    baby, hug = BY_SLUG["happy-baby"], BY_SLUG["knees-to-chest"]
    # A rest on the belly rests, but does not bring the knees together.
    assert reopened(frog, [croc, baby, hug]) == [1]
    assert reopened(frog, [croc, hug, baby]) == []
    camel, bridge, child = BY_SLUG["camel"], BY_SLUG["bridge"], BY_SLUG["childs-pose"]
    assert reopened(camel, [bridge, child]) == [0]
    assert reopened(camel, [child, bridge]) == []
