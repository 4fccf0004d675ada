"""A peak taught in rounds cued true to its kind and rested on its level (issue 11, blind
review r10 F2: Side Crow cued "deeper than the round before", resting in Mountain between
squatting arm balances). The rules live in `sequences.generator.peak_rounds`."""

import re

from sequences.generator.peak_rounds import DEEPER, has_depth, rest_level_matches, round_level

# A step cued as a round of a pose taught in rounds ("Round 2 of 3, 30 s: ...").
ROUND = re.compile(r"^Round \d+\b")


def _peak_rounds(practice):
    """The peak's steps where it is taught in rounds (pose, rest, pose ...), else []."""
    steps = [s for s in practice.steps if s.phase == "peak"]
    if len(steps) < 3 or steps[0].pose.slug != steps[2].pose.slug:
        return []
    return steps


def _round_cue_true(practice) -> list[str]:
    """A round is cued "deeper" only on a shape with a depth to go into (a fold, a lunge, a
    hip opener, a twist, a backbend at its safe edge), never on an arm balance, a balance on
    one leg, a plank or core hold, or an inversion (review r10 F2: "deeper" in Side Crow is
    tipping further forward, onto the face)."""
    return [
        f"{s.pose.slug}: round cued deeper ({s.cue[:60]})"
        for s in practice.steps
        if ROUND.match(s.cue) and DEEPER.search(s.cue) and not has_depth(s.pose)
    ]


def _round_rest_level(practice) -> list[str]:
    """The rest between a peak's rounds is taken on the level of the rounds: standing after a
    standing peak, never standing between arm balances from a squat or floor rounds (review
    r10 F2: up to Mountain for 15 s between rounds of Side Crow)."""
    steps = _peak_rounds(practice)
    if not steps:
        return []
    peak = steps[0].pose
    return [
        f"{peak.slug} ({round_level(peak)}): rests in {s.pose.slug} ({round_level(s.pose)})"
        for s in steps[1::2]
        if not rest_level_matches(s.pose, peak)
    ]


RULES = {
    "round_cue_true": _round_cue_true,
    "round_rest_level": _round_rest_level,
}
