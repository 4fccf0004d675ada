"""Flows repeated for a reason (blind teacher review r14 F15: a third Warrior II → Extended
Side Angle round copying the second while its cue said "a breath longer"). F11 (standing
holds in a long vinyasa class) is reported as the practice prints it, for the next change."""

from dataclasses import replace

from sequences.generator.quality import faults, flow_rounds
from sequences.tests.generation import assert_figures_break_and_hold, renumbered, requests, reviewed

REPORTED = requests(1409, 1411)  # r14's #9 (F11) and #11 (F15)


def flow_rounds_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test."""
    f15 = reviewed(1411)
    # A round again that says "a breath longer" and holds as long as the round before.
    again = [n for n, s in enumerate(f15.steps) if s.flow and "breath longer" in s.cue]
    first = next(
        s
        for s in f15.steps
        if (s.pose.slug, s.side, s.flow)
        == (f15.steps[again[0]].pose.slug, f15.steps[again[0]].side, f15.steps[again[0]].flow)
    )
    copied = renumbered(f15, [
        replace(s, duration_seconds=first.duration_seconds) if n == again[0] else s
        for n, s in enumerate(f15.steps)])  # fmt: skip
    return {"longer_said": copied}


def test_the_figures_find_their_faults_and_pass_the_reported_practices():
    assert_figures_break_and_hold(flow_rounds.RULES, flow_rounds_breakings(), REPORTED)


def test_review_14_f15_no_third_copied_round_and_longer_is_true():
    practice = reviewed(1411)
    warrior = [s for s in practice.steps if s.pose.slug == "warrior-ii" and s.side == "right"]
    assert len(warrior) <= 2  # no third round where it cannot be longer than the second
    assert not [f for f in practice.findings if f.code == "identical_round"]
    for n, step in enumerate(practice.steps):
        if "a breath longer" in step.cue:
            before = [
                s
                for s in practice.steps[:n]
                if (s.pose.slug, s.side, s.flow) == (step.pose.slug, step.side, step.flow)
            ]
            assert step.duration_seconds >= before[-1].duration_seconds + 5, step.position
    assert not faults(practice)
