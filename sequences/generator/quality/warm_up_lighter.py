"""The warm-up is lighter and shorter than the build (blind review r17 F12: a floor block moved
before the standing work put three 60 s Plank rounds and three rounds of Side Plank with
Crocodile rests into the warm-up, about ten minutes at i3, as hard as the peak, before the
spine and legs were warm, in a back-care class with no back-extensor work).

Rounds are the same pose held again with only rests between (Plank, Crocodile, Plank). In the
warm-up, outside a flow (a Sun Salutation's breaths are not holds):
- no pose at the peak's intensity (i3 at least), held 45 s or more a round, is held in more
  than two rounds (MOST_ROUNDS), and at most two such poses in rounds (MOST_REPEATED);
- of a warm-up held five minutes or more, at most half the seconds at i3 or more (Down Dog,
  a passage, apart);
- under back care, planks held more than 90 s in the warm-up (core holds facing down) are
  balanced by back-extensor work held in the warm-up (`focus.back_extension`: Locust,
  Sphinx, Bird Dog; held, not a flow's breath).
`generator.warm_block` keeps it."""

from accounts.models import Avoidance
from sequences.generator.focus import back_extension
from sequences.generator.visits import PASSING_SLUGS
from sequences.generator.warm_block import (
    LONG_ROUND,
    MOST_REPEATED,
    MOST_ROUNDS,
    PLANK_BLOCK,
    PLANKS,
    STRONG,
)

RESTING = 1
MOST_STRONG_SHARE = 0.5
HELD_FROM = 300  # a warm-up held five minutes or more (a short one is a pose or two)


def warm_up_rounds(steps, strong: int = STRONG) -> list[tuple[str, int]]:
    """(slug, rounds) for each run of one pose held again with only rests between, in the
    warm-up and outside a flow, at `strong` or more and LONG_ROUND seconds or more a round
    (steps: `.pose`, `.duration_seconds`)."""
    runs: list[list] = []
    last = None
    for step in steps:
        card = step.pose
        if step.phase != "warm_up" or step.flow:
            last = None
            continue
        if card.intensity <= RESTING:
            continue  # a rest between rounds (Crocodile, Child's Pose)
        if card.intensity < strong or step.duration_seconds < LONG_ROUND:
            last = None
            continue
        if last is not None and last[0] == card.slug and step.side == last[2]:
            last[1] += 1
        else:
            last = [card.slug, 1, step.side]
            runs.append(last)
    return [(slug, n) for slug, n, _ in runs if n > 1]


def peak_strength(practice) -> int:
    """The intensity of the peak's work, STRONG at least."""
    peak = [s.pose.intensity for s in practice.steps if s.phase == "peak"]
    return max([STRONG, *peak])


def _rounds(practice) -> list[str]:
    found = warm_up_rounds(practice.steps, peak_strength(practice))
    problems = [
        f"{slug}: {n} rounds at the peak's intensity in the warm-up"
        for slug, n in found
        if n > MOST_ROUNDS
    ]
    if len(found) > MOST_REPEATED:
        problems.append(
            f"more than {MOST_REPEATED} poses held in rounds in the warm-up: "
            + ", ".join(slug for slug, _ in found)
        )
    return problems


def _strong_share(practice) -> list[str]:
    """At most MOST_STRONG_SHARE of the seconds held in a warm-up of HELD_FROM seconds or more
    (outside a flow) at STRONG or more, the passages through it (Down Dog) apart."""
    warm = [s for s in practice.steps if s.phase == "warm_up" and not s.flow]
    total = sum(s.seconds for s in warm)
    strong = sum(
        s.seconds for s in warm if s.pose.intensity >= STRONG and s.pose.slug not in PASSING_SLUGS
    )
    if total >= HELD_FROM and strong > MOST_STRONG_SHARE * total:
        return [f"{strong} s of the warm-up's {total} s held at i3+"]
    return []


def _plank_balanced(practice) -> list[str]:
    if Avoidance.BACK_CARE not in practice.choices.avoid:
        return []
    held = [s for s in practice.steps if s.phase == "warm_up" and not s.flow]
    planks = [s for s in held if s.pose.slug in PLANKS]
    if sum(s.seconds for s in planks) <= PLANK_BLOCK:
        return []  # (a short plank on the way, not a block of them)
    if not any(back_extension(s.pose) for s in held):
        return [f"{planks[0].pose.slug} held in a back-care warm-up with no back-extensor work"]
    return []


RULES = {
    "warm_up_rounds": _rounds,
    "warm_up_strong_share": _strong_share,
    "warm_up_plank_balanced": _plank_balanced,
}
