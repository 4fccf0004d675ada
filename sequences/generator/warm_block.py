"""A floor block moved into the warm-up is lighter and shorter than the build (blind review r17
F12: `floor_blocks` moved a core block of three 60 s Plank rounds and three rounds of Side
Plank with Crocodile rests before the standing work: about ten minutes at i3, as hard as the
peak, before the spine and legs were warm, in a back-care class with no back-extensor work).

A teacher keeps the warm-up's core work short. Rounds at i3 and up held LONG_ROUND seconds or
more: a pose in two rounds at most (MOST_ROUNDS), two poses in rounds at most (MOST_REPEATED,
any other in one), and while the warm-up's held seconds at i3 and up come to more than
SHARE_AIM of them, the last pose still in rounds keeps one (the review: Plank twice, Side Plank
once); each dropped round goes with the rest before it. Under back care planks held longer
than PLANK_BLOCK are balanced by the back extensors they do not reach: Locust, chest only,
in the place of the plank's dropped round, after the Crocodile before it ("two lifts with a
breath down between, gaze down: the back muscles the plank doesn't reach"), else next to the
planks. The fit gives the time dropped to the other holds; a whole-body class whose core work
was those rounds declares the region then over its most (`lighter_spared`). The review's
Bird Dog and Thread the Needle in Side Plank's rounds 2-3 kneel (`knee_load`), which a
knee-friendly class leaves out. `quality.warm_up_lighter` is the figure; `floor_blocks.
FloorBlocks` calls `lighter` on the blocks it moves."""

from accounts.models import Avoidance
from sequences.generator.focus import back_extension
from sequences.generator.plan import Block, Draft
from sequences.generator.visits import PASSING_SLUGS

MOST_ROUNDS = 2  # rounds of one pose in the warm-up
# The most of the warm-up's held seconds at STRONG and up, each as long as the fit may hold
# it, short of the quality bar's half of the seconds held (the fit decides the holds later).
SHARE_AIM = 0.45
STRONG = 3  # the intensity of the build's and the peak's work
# A round held this long is the build's work; three 30 s rounds of Forearm Plank before a
# beginner's Goddess are a warm-up's (r16 F5 moved them unchanged).
LONG_ROUND = 45
MOST_REPEATED = 2  # poses held in more than one round there
# A core hold facing down (the plank family), balanced by back-extensor work
# (`focus.back_extension`: Locust, Sphinx, Cobra, Bird Dog).
PLANKS = frozenset({"plank", "forearm-plank", "side-plank"})
# Plank held longer than this in the warm-up is a block of core work, not a pose or two on
# the way (a minute of Forearm Plank among the joint-by-joint moves).
PLANK_BLOCK = 90

# The back-extensor work a back-care warm-up's plank is balanced by, mildest to strongest
# held alone (Locust, chest only, is what the teacher asked for; Sphinx where it is not kept).
EXTENSORS = ("locust", "sphinx")


def lighter(planner, moved: list[Block]) -> None:
    """The rounds of `moved` (blocks just moved into the warm-up) cut to MOST_ROUNDS for the
    first MOST_REPEATED poses held in rounds and to one for any other, and further while the
    warm-up's strong share is over SHARE_AIM (`_within_the_share`); under back care a plank's
    dropped round gives its place to back-extensor work (`_extensor`), else it is held next
    to the planks (`_after_the_plank`)."""
    repeated = 0
    back = _needs_back_work(planner, moved)
    unbalanced = set(planner.regions_to_serve()) if planner.regions_asked() else set()
    rests: dict[int, Draft] = {}  # the rest before each block's first dropped round
    for block in moved:
        # (at i3 and up whatever the peak: the quality bar asks it at the peak's intensity, and
        # bounds the warm-up's share at i3; the rounds before a Handstand were that share)
        if block.kind != "rounds" or block.drafts[0].card.intensity < STRONG:
            continue
        if block.drafts[0].high < LONG_ROUND:
            continue  # (short rounds are a warm-up's: r16 F5's three 30 s Forearm Planks)
        rounds = (len(block.drafts) + 1) // 2
        keep = MOST_ROUNDS if repeated < MOST_REPEATED else 1
        repeated += min(rounds, keep) > 1
        if rounds > keep:
            _cut(block, keep, rests)
    _within_the_share(planner, moved, rests)
    if back:
        back = not _in_a_rounds_place(planner, moved, rests)
    if back:
        _after_the_plank(planner, moved)
    if planner.regions_asked():
        # A whole-body class whose core work was the warm-up's rounds: the region left over
        # the most is declared (`focus_balance.balance_spared`), not served by the rounds.
        found = [a for a in planner.regions_to_serve() if a.startswith("balance:")]
        planner.lighter_spared = [a for a in found if a not in unbalanced]


def _cut(block: Block, keep: int, rests: dict[int, Draft]) -> None:
    """The block's first `keep` rounds kept, the rest before the first dropped one noted."""
    rests.setdefault(id(block), block.drafts[2 * keep - 1])
    block.drafts = block.drafts[: 2 * keep - 1]
    block.kind = "rounds" if keep > 1 else "hold"


def _in_a_rounds_place(planner, moved: list[Block], rests: dict[int, Draft]) -> bool:
    """Back-extensor work in the place of a plank's dropped round, after its rest, where more
    floor work follows (the last step before the class stands comes up from the hands,
    `floor_blocks.up_to_stand`); True if placed."""
    block = next(
        (b for b in moved if id(b) in rests and b.cards[0].slug in PLANKS and b is not moved[-1]),
        None,
    )
    card = _extensor(planner)
    if block is None or card is None:
        return False
    rest = rests[id(block)]
    rest.cue = f"A short rest in {rest.card.name} ({rest.hold} s), then {card.name}."
    block.drafts += [rest, _extensor_draft(planner, card)]
    block.kind = "rounds"
    return True


def _within_the_share(planner, moved: list[Block], rests: dict[int, Draft]) -> None:
    """While the warm-up's held seconds at STRONG and up, as planned, come to more than
    SHARE_AIM of them, the last pose still in rounds keeps one round (the review's Side
    Plank, one round after Plank's two)."""
    while _strong_share(planner) > SHARE_AIM:
        rounds = [b for b in moved if b.kind == "rounds" and b.drafts[0].card.intensity >= STRONG]
        if not rounds:
            return
        _cut(rounds[-1], 1, rests)


def _strong_share(planner) -> float:
    """The share of the warm-up's held seconds (outside the salutations) at STRONG and up,
    each hold as long as the fit may make it, Down Dog apart (`quality.warm_up_lighter`)."""
    drafts = [
        d
        for b in planner.blocks
        if b.phase == "warm_up" and b.kind != "sun"
        for d in b.drafts
        if not d.flow
    ]
    whole = sum(d.high * d.weight for d in drafts)
    strong = sum(
        d.high * d.weight
        for d in drafts
        if d.card.intensity >= STRONG and d.card.slug not in PASSING_SLUGS
    )
    return strong / whole if whole else 0.0


def _after_the_plank(planner, moved: list[Block]) -> None:
    """Back-extensor work held on its own after the last plank of `moved` (a plank held once,
    or in rounds none of which is dropped), or before the first where the plank ends the
    floor work (the class stands from the hands, `floor_blocks.up_to_stand`)."""
    card = _extensor(planner)
    planks = [b for b in moved if b.cards[0].slug in PLANKS]
    if card is None or not planks or not planner.room_for(1):
        return
    last, first = planks[-1], planks[0]
    if last is not moved[-1]:
        at = moved.index(last) + 1
        rank = (last.rank + moved[at].rank) / 2
    else:
        at = moved.index(first)
        before = [
            b.rank for b in planner.blocks if b.segment == first.segment and b.rank < first.rank
        ]
        rank = (first.rank + max(before)) / 2 if before else first.rank - 0.0005
    block = Block("warm_up", first.segment, rank, [_extensor_draft(planner, card)])
    block.work = True
    planner.blocks.append(block)
    moved.insert(at, block)


def _needs_back_work(planner, moved: list[Block]) -> bool:
    """Under back care, a plank in the moved blocks and no back extensor held in the warm-up
    or among them."""
    if Avoidance.BACK_CARE not in planner.choices.avoid:
        return False
    cards = [c for b in moved for c in b.cards]
    held = sum(d.hold * d.weight for b in moved for d in b.drafts if d.card.slug in PLANKS)
    if held <= PLANK_BLOCK:
        return False
    held = [c for b in planner.blocks if b.phase == "warm_up" and b.kind != "sun" for c in b.cards]
    return not any(back_extension(c) for c in held + cards)


def _extensor(planner):
    """The first of EXTENSORS the pool keeps and the practice holds nowhere else."""
    used = {c.slug for b in planner.blocks for c in b.cards}
    return next(
        (card for s in EXTENSORS if s not in used and (card := planner.card(s)) is not None),
        None,
    )


def _extensor_draft(planner, card) -> Draft:
    """The back-extensor hold in the teacher's words (r17 F12: "Chest only, legs down, two
    lifts ... gaze down: the back muscles Plank doesn't reach"); no seconds quoted, which the
    fit settles."""
    draft = planner.draft(card, "warm_up")

    def describe(d: Draft) -> str:
        if d.card.slug != "locust":
            return (
                "Elbows under the shoulders, the legs long and heavy: "
                "the back muscles the plank doesn't reach."
            )
        if d.hold < 30:
            return "Chest only, legs down, gaze down: the back muscles the plank doesn't reach."
        return (
            "Chest only, legs down, two lifts with a breath down between, "
            "gaze down: the back muscles the plank doesn't reach."
        )

    draft.describe = describe
    return draft
