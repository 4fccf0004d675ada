"""More flow where the steps allow (review r16 F7: "only one Sun A and one Sun B in 90 minutes
... put the time into flow: Sun Salutation A rounds 2–3 after the first, same cues"). A flowing
class whose standing flows move with the breath (`flow_breaths`) and whose time still needs
filling once its holds are spent does Sun Salutation A again, up to ROUNDS_AGAIN more rounds
after its first.

A saved sequence holds at most MAX_POSES_PER_SEQUENCE steps (the generator `plan.MOST_STEPS`),
and a long class may have spent them on its poses by then: a round again is one step, its cue
naming the movements the class already learnt in round one (as a compact vinyasa does,
`flows.vinyasa`), held as long as round one took and a few breaths' rest more (REST_MORE),
within the pose's range. Its pose is the one it
rests in: Down Dog after a round that ended standing, then Mountain, where the next round
starts and ends (never the same pose twice in a row, `checks`). It is the last way but the
quiet fill (`arc.LENGTHENINGS`), and only in a class of FROM_MINUTES or more.
"""

import re

from sequences.generator.plan import UP
from sequences.generator.vocabulary import BREATH_SECONDS

# Two rounds more at most (the teacher's "rounds 2–3").
ROUNDS_AGAIN = 2
# A round again rests a few breaths more than round one took (in Down Dog, or standing in
# Mountain at its end), within the pose's range.
REST_MORE = 3 * BREATH_SECONDS
FROM_MINUTES = 60
A_ROUND = "Sun Salutation A"
# Each round again, in turn: the pose its step shows, and its words (the movements of round
# one, on the breath). The first rests in Down Dog after a round that ended in Mountain, the
# second starts and ends in Mountain after it.
ROUNDS = (
    (
        "downward-facing-dog",
        "{flow}, the same on your own breath: inhale up, exhale fold, inhale halfway, exhale "
        "step back and lower, inhale Up Dog, exhale Down Dog and stay a few breaths longer "
        "than in round 1; then step forward and rise.",
    ),
    (
        "mountain",
        "{flow}, from Mountain: the same movements once more, each on its own breath, then "
        "a few breaths standing still in Mountain, hands to the heart.",
    ),
)


# A round again's cue: the round's name, then its movements (ROUNDS), not round one's
# "Sun Salutation A, round 1: inhale, ..." that opens a round taught beat by beat.
_MOVED_THROUGH = re.compile(rf"^{A_ROUND}, round \d+, ")


def moved_through(cue: str) -> bool:
    """The cue is a round again's (ROUNDS): its own movements are the way into it, and a
    round ends standing (`stance_links`)."""
    return bool(_MOVED_THROUGH.match(cue))


def _first_rounds(planner) -> list:
    """The blocks of Sun Salutation A taught beat by beat (on the hands), in order."""
    return [
        b
        for b in planner.blocks
        if b.kind == "sun"
        and b.drafts[-1].flow.startswith(A_ROUND)
        and any(d.card.position == "hands_and_feet" for d in b.drafts)
        and len(b.drafts) > 1
    ]


def salutation_round(planner) -> bool:
    """One more round of Sun Salutation A (module docstring) for `planner`'s practice; True if
    one was added."""
    if not planner.flowing or planner.choices.minutes < FROM_MINUTES:
        return False
    taught = _first_rounds(planner)
    again = [b for b in planner.blocks if b.kind == "sun_again"]
    if not taught or len(again) >= ROUNDS_AGAIN or not planner.room_for(1):
        return False
    first = taught[0]
    # Round one's time from its first movement (not the Mountain it starts from).
    start = next(n for n, d in enumerate(first.drafts) if d.cue.startswith(A_ROUND))
    seconds = sum(d.hold * d.weight for d in first.drafts[start:]) + REST_MORE
    number = len(taught) + len(again) + 1
    slug, words = ROUNDS[len(again)]
    card = planner.card(slug)
    if card is None:
        return False
    flow = f"{A_ROUND}, round {number}"
    draft = planner.draft(card, "warm_up", breaths=max(1, seconds // BREATH_SECONDS), flow=flow)
    words = words.format(flow=flow)
    draft.cue = words
    draft.describe = lambda _draft: words
    rank = max(b.rank for b in taught) + 0.001 * (len(again) + 1)
    block = planner.add("warm_up", UP, rank, [draft], kind="sun_again")
    block.optional = False
    return True
