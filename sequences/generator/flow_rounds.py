"""A flow done again (review r14 F15, r12 F6, r13: a third Warrior II → Extended Side Angle
round copying the second, its cue saying "a breath longer"): a round is repeated only when it
can be longer than the round before within each pose's caps, and it is then made so after the
fit (`progress`). What is not repeated leaves its time to other poses. The copy is judged
by the rule the checks use (`checks.rounds.copied_rounds`).
"""

from dataclasses import replace

from sequences.checks.rounds import copied_rounds
from sequences.generator.plan import Block, Draft
from sequences.generator.shapes import on_the_floor
from sequences.models import Side

# A round again holds each of its poses at least a breath longer than the round before.
LONGER_BY = 5


def draft_keys(drafts: list[Draft]) -> list[tuple[str, str, int]]:
    """The drafts as the checks read the steps: pose, side, seconds held."""
    return [(d.card.slug, d.side, d.hold) for d in drafts]


def copies(drafts: list[Draft]) -> list[tuple[int, int]]:
    """The copied rounds among the drafts in practice order (`copied_rounds`)."""
    return copied_rounds(draft_keys(drafts))


def chain(draft: Draft) -> list[Draft]:
    """The same step in every round so far, the first round first."""
    found = [draft]
    while found[0].after is not None:
        found.insert(0, found[0].after)
    return found


def _ends(drafts: list[Draft]) -> list[Draft]:
    """The last round's step of each chain of rounds (one held a side at a time)."""
    before = {id(d.after) for d in drafts if d.after is not None}
    return [
        d for d in drafts if d.after is not None and id(d) not in before and d.side != Side.BOTH
    ]


def climbing(chained: list[Draft], holds: list[int] | None = None) -> list[int] | None:
    """Holds for the rounds of one step, each LONGER_BY longer than the round before, each
    within its own span (`_least` to the longer of high and its hold) and as near the fitted
    holds as that allows; None where the spans leave no such climb."""
    holds = list(holds or [d.hold for d in chained])
    tops = [max(d.high, d.hold) for d in chained]
    for n in range(1, len(holds)):
        holds[n] = max(holds[n], holds[n - 1] + LONGER_BY)
    holds[-1] = min(holds[-1], tops[-1])
    for n in range(len(holds) - 2, -1, -1):
        holds[n] = min(holds[n], tops[n], holds[n + 1] - LONGER_BY)
    ok = all(h >= least for h, least in zip(holds, _least(chained), strict=True))
    return holds if ok else None


def _least(chained: list[Draft]) -> list[int]:
    """The shortest each round may be held: its own least, or a breath a round later below
    its hold (a round held by the breath gives way to the rounds after it)."""
    last = len(chained) - 1
    return [
        max(LONGER_BY, min(d.low, d.hold - LONGER_BY * (last - n))) for n, d in enumerate(chained)
    ]


def can_climb(chained: list[Draft]) -> bool:
    """Whether the rounds of one step can each be a breath longer than the one before (from
    each round's shortest hold up)."""
    return climbing(chained, _least(chained)) is not None


def progress(drafts: list[Draft]) -> int:
    """Once the holds are fitted: each pose of a flow done again holds LONGER_BY longer than
    the same pose the round before (earlier rounds giving way where a later one is at its
    most), so no round copies the one before; the change in seconds."""
    change = 0
    for end in _ends(drafts):
        chained = chain(end)
        holds = climbing(chained)
        if holds is None:
            continue
        for draft, hold in zip(chained, holds, strict=True):
            change += (hold - draft.hold) * draft.weight
            draft.hold = hold
    return change


def round_may_follow(before: list[Draft], again: list[Draft]) -> bool:
    """A round may follow `before` only if each of its poses held a side at a time can be a
    breath longer than in every round before it, within its caps (`can_climb`)."""
    for draft, last in zip(again, before, strict=True):
        if draft.side == Side.BOTH or draft.card.slug != last.card.slug:
            continue  # a link, or a deeper variant this round (a pose that changes)
        if not can_climb([*chain(last), draft]):
            return False
    return True


def latest_round(blocks: list[Block], first: Block) -> Block:
    """The last round so far of the flow whose first round is `first`."""
    name = first.drafts[0].flow
    rounds = [b for b in blocks if b.kind == "again" and b.drafts[0].flow == name]
    return max(rounds, key=lambda b: b.order) if rounds else first


def most_hold(card, style: str, caps) -> int:
    """The longest a side the pose may be held in this style, under the choices' caps."""
    top = card.hold_range(style)[1]
    for applies, seconds in caps:
        if applies(card):
            top = min(top, seconds)
    return top


def again_draft(planner, first: Block, index: int) -> Draft:
    """The step `index` of the flow whose first round is `first`, once more: after the same
    pose in the latest round (a deeper variant there: after the first round's), with room to
    hold a breath longer than it within the pose's caps."""
    draft = first.drafts[index]
    last = latest_round(planner.blocks, first).drafts[index]
    before = last if last.card.slug == draft.card.slug else draft
    again = replace(before, after=before, describe=draft.describe, cue=draft.cue)
    if before.side != Side.BOTH:
        top = most_hold(before.card, planner.style, planner.caps)
        again.high = max(before.hold, min(top, max(before.hold, before.high) + LONGER_BY))
        if before.fixed:
            again.low = again.hold = before.hold
    return again


def may_repeat(planner, first: Block) -> bool:
    """The flow may be done once more: each pose can be held longer than the round before
    within its caps (`round_may_follow`), and no round of it has gone deeper yet (that round
    moves after the plain ones, and a later round would follow it out of order)."""
    name = first.drafts[0].flow
    for block in planner.blocks:
        if (
            block.kind == "again"
            and block.drafts[0].flow == name
            and any(
                d.card.slug != f.card.slug for d, f in zip(block.drafts, first.drafts, strict=True)
            )
        ):
            return False  # a round gone deeper is taught after its base (plan.bases_first)
    latest = latest_round(planner.blocks, first)
    again = [again_draft(planner, first, n) for n in range(len(first.drafts))]
    return round_may_follow(latest.drafts, again)


def another_pose(planner) -> bool:
    """Where no flow may be done once more (no round could be longer than the one before,
    or the flow has its share), the time a copy would have taken goes to one more build pose
    the plan can use (review r14 F15: Tree at a wall, Warrior I, not a third copied round);
    True if one was added."""
    if planner.slow or planner.peak is None or not planner.room_for(1, keep=3):
        return False
    floor = planner.layout == "floor" or (planner.layout == "arc" and on_the_floor(planner.peak))
    added = (planner.layout != "floor" and planner.more_build(floor=False)) or (
        floor and planner.more_build(floor=True)
    )
    if added:
        planner.lead_in_again()  # (the order was settled before the time was filled)
    return added
