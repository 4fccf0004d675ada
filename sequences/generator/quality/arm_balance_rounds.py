"""The hardest arm balances are tried in short rounds with rests that let the arms recover
(blind review r18 F5: Side Crow, intensity 5, three rounds of 30 s a side with 15 s of Garland
between: too long for good form, the rests too short; the teacher's 20 s a side, Garland 30 s).

An arm balance of intensity MOST_INTENSE taught in rounds holds each round at most
LONGEST_ROUND seconds a side (three or four breaths), and the rest between two rounds is at
least as long as a round's seconds a side. `generator.arm_balance_rounds` sets them."""

from poses.models import Position

MOST_INTENSE = 5
LONGEST_ROUND = 20  # seconds a side


def hardest_arm_balance(card) -> bool:
    return card.position == Position.ARM_BALANCE and card.intensity >= MOST_INTENSE


def _rounds_too_long(practice) -> list[str]:
    """Each round of an intensity-5 arm balance at the peak, LONGEST_ROUND s a side at most;
    each rest between its rounds at least a round's seconds a side."""
    steps = [s for s in practice.steps if s.phase == "peak"]
    if not steps or not hardest_arm_balance(steps[0].pose):
        return []
    slug = steps[0].pose.slug
    rounds = [s for s in steps if s.pose.slug == slug]
    if len(rounds) < 2:
        return []
    problems = [
        f"{s.pose.slug} at {s.position}, a round of {s.duration_seconds} s a side "
        f"(at most {LONGEST_ROUND})"
        for s in rounds
        if s.duration_seconds > LONGEST_ROUND
    ]
    longest = max(s.duration_seconds for s in rounds)
    problems += [
        f"{s.pose.slug} at {s.position}, a rest of {s.duration_seconds} s between rounds of "
        f"{longest} s a side"
        for s in steps
        if s.pose.slug != slug and s.duration_seconds < longest
    ]
    return problems


RULES = {"arm_balance_rounds": _rounds_too_long}
