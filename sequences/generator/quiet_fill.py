"""The last way a class fills its time once every usual lengthening is spent (`arc.LENGTHENINGS`,
`Planner.lengthen`): a few more quiet floor poses in the cool-down, never a pose held past its
range (blind review r12 F13: a 50-minute gentle class for the back, avoiding what weakened
bones must not do, planned to 48:05 with no reason; the teacher's fix: after Reclined Figure
Four, Bridge Pose 45 s, rest 25 s, then 45 s).

In turn, while the class is short of its time and has added fewer than MOST_QUIET_POSES steps:
  1. an active floor pose again after a rest (AGAIN_POSES: Bridge), the rest on the back
     (AGAIN_RESTS) and each round held AGAIN_SECONDS, the rest REST_SECONDS, within the
     poses' ranges: once more where the cool-down holds it, else twice as a pose it does not
     hold yet (the teacher's fix);
  2. a distinct quiet floor pose the practice does not hold yet (QUIET_POSES, those that
     serve the back first), as the cool-down takes it (`Phases.cool_down_hold`).

A class that still cannot fill its time says so: `unfilled` gives the seconds it stays short
(`GeneratedPractice.time_unfilled`, said in the practice's description), which the quality
figure `time_filled` reads.
"""

from accounts.models import Avoidance
from poses.models import Category, Effort, Position
from sequences.generator.plan import Block, Draft
from sequences.generator.quiet_neighbours import next_to_its_family
from sequences.generator.reasons import stretches_hamstrings
from sequences.generator.round_rests import rests_of_rounds
from sequences.generator.settling import after_a_lying_rest, lying_rest
from sequences.generator.shapes import family, loads_bent_knees, on_the_floor, quietens
from sequences.generator.time_fill import filled_within, longest_cool_down
from sequences.models import Focus, Side

# The most steps the quiet fill adds to a practice (a round, its rest and the pose once more
# count three).
MOST_QUIET_POSES = 3
# Active floor poses done once more after a rest to fill the time (review r12 F13: Bridge,
# "an osteoporosis-safe back and glute strengthener"), each round AGAIN_SECONDS, the rest
# REST_SECONDS, within the poses' ranges.
AGAIN_POSES = ("bridge",)
AGAIN_SECONDS = 45
REST_SECONDS = 25
# Where a class rests on its back between two rounds, first choice first: the knees hugged in,
# else (an avoid list that spares the spine rounding) the soles on the floor, knees together.
AGAIN_RESTS = ("knees-to-chest", "constructive-rest")
# The quiet floor poses a class short of its time may add, one of each, those that serve the
# back first (knees in, a supine twist, the hips and hamstrings lying down).
QUIET_POSES = (
    "knees-to-chest",
    "reclined-twist",
    "reclined-figure-four",
    "supine-hand-to-big-toe",
    "happy-baby",
    "reclined-bound-angle",
    "supported-bridge",
    "banana-yin",
)
# How each round is said (the teacher's words: the lift and the lowering the spine can take).
ROUND_WORDS = {
    "bridge": "feet hip-width, lift the hips only to a straight line from shoulders to knees, "
    "the weight on the shoulders, not the neck; lower with the spine long"
}
# The cue of the first and second round, and of the rest between them.
FIRST_ROUND = "Round 1 of 2: {how}."
AGAIN_ROUND = "Round 2: {pose} once more, {how}, then rest."
REST_WORDS = "Rest {seconds} s lying down, then {pose} once more."


def quiet_fill(planner) -> bool:
    """One more of the quiet fill's steps (module docstring) for `planner`'s practice while its
    poses, each at its longest, leave it short of its time; True if one was added."""
    if planner.layout == "rise" or planner.peak is None:
        return False
    added = getattr(planner, "quiet_added", 0)
    if added >= MOST_QUIET_POSES:
        return False
    cool = [b for b in planner.blocks if b.phase == "cool_down"]
    if not cool:
        return False
    held = {c.slug for b in planner.blocks for c in b.cards}
    steps = _again(planner, cool, held, MOST_QUIET_POSES - added)
    if not steps:
        steps = _distinct(planner, held)
    planner.quiet_added = added + steps
    return steps > 0


def _rest(planner, held: set[str]):
    """The rest between rounds the practice may take on its back (AGAIN_RESTS), or None."""
    rests = [planner.card(slug) for slug in AGAIN_RESTS]
    rests = [card for card in rests if card is not None and _may_do(planner, card)]
    # Never one the cool-down holds as a shape of its own (`round_rests`); one the practice
    # holds nowhere else first.
    cool = {c.slug for b in planner.blocks if b.phase == "cool_down" for c in b.cards}
    rests = [card for card in rests if card.slug not in cool]
    return next((c for c in rests if c.slug not in held), rests[0] if rests else None)


def _fixed(card, phase: str, seconds: int, style: str, cue: str) -> Draft:
    low, high = card.hold_range(style)
    hold = max(low, min(high, seconds))
    return Draft(card, phase, Side.BOTH, hold, hold, hold, True, cue)


def _again(planner, cool: list[Block], held: set[str], room: int) -> int:
    """An active floor pose (AGAIN_POSES) once more after a rest where the cool-down holds it
    once, else twice with a rest where the practice holds it nowhere: the steps added."""
    for slug in AGAIN_POSES:
        card = planner.card(slug)
        if card is None or card.effort != Effort.ACTIVE or not _may_do(planner, card):
            continue
        rest = _rest(planner, held)
        if rest is None:
            continue
        how = ROUND_WORDS.get(slug, "the breath steady")
        pause = _fixed(
            rest,
            "cool_down",
            REST_SECONDS,
            planner.style,
            REST_WORDS.format(seconds="{seconds}", pose=card.name),
        )
        pause.cue = pause.cue.format(seconds=pause.hold)
        second = _fixed(
            card,
            "cool_down",
            AGAIN_SECONDS,
            planner.style,
            AGAIN_ROUND.format(pose=card.name, how=how),
        )
        own = [b for b in cool if any(c.slug == slug for c in b.cards)]
        if own:
            block = own[0]
            if len(block.drafts) != 1 or room < 2 or not planner.room_for(2):
                continue
            block.drafts += [pause, second]
            return 2
        if slug in held or family(card) in planner.families or room < 3:
            continue  # (no second Bridge where Supported Bridge is held)
        if not planner.room_for(3) or not _quiet_fits(planner, card):
            continue
        counters = [c for b in planner.blocks if b.phase == "counter" for c in b.cards]
        if not after_a_lying_rest(card, counters):
            continue  # no work again after a rest lying down (`settling`)
        if next_to_its_family(planner, card, _rank(planner, card)):
            continue  # not straight after Sphinx (quiet_neighbours.py)
        first = _fixed(card, "cool_down", AGAIN_SECONDS, planner.style, FIRST_ROUND.format(how=how))
        planner.add("cool_down", cool[0].segment, _rank(planner, card), [first, pause, second])
        return 3
    return 0


def _distinct(planner, held: set[str]) -> int:
    """A quiet floor pose (QUIET_POSES) the practice does not hold yet: 1 if one was added."""
    if not planner.room_for(1):
        return 0
    for slug in QUIET_POSES:
        card = planner.card(slug)
        if card is None or slug in held or family(card) in planner.families:
            continue
        if slug in rests_of_rounds(planner.blocks):
            continue  # a round's rest is not the cool-down's shape too (`round_rests`)
        if stretches_hamstrings(card):
            continue  # the cool-down's hamstring stretches are counted (`finish_cool_down`)
        if not _quiet_fits(planner, card):
            continue
        if not planner.cool_down_fits(card):
            continue
        planner.cool_down_hold(card)
        # Added once the cool-down may hold as long as it ever does: held as long, too.
        longest_cool_down(planner)
        return 1
    return 0


def _quiet_fits(planner, card) -> bool:
    """A pose lying on the floor the practice may do, as low as the cool-down already is."""
    return (
        on_the_floor(card)
        and card.position in (Position.SUPINE, Position.PRONE)
        and card.category != Category.INVERSION
        and _may_do(planner, card)
    )


def _may_do(planner, card) -> bool:
    """The pose is in the practice's pool (the avoid list, level and style leave it) and fits
    the choices beyond the tags (`Planner.fits_the_choices` less what a peak asks): no
    quietening inversion in an energy class, no bent knees under load for sore knees."""
    if card is None or planner.card(card.slug) is None:
        return False
    if Focus.ENERGY in planner.focus and quietens(card):
        return False
    return not (Avoidance.KNEE_FRIENDLY in planner.choices.avoid and loads_bent_knees(card))


def _rank(planner, card) -> float:
    """Where the rounds go in the cool-down: after its last pose lying down that is no rest
    (`settling.lying_rest`) nor the closing twist, before any rest lying down."""
    cool = [b for b in planner.blocks if b.phase == "cool_down"]
    rests = [b.rank for b in cool if lying_rest(b.cards[0])]
    lying = [
        b.rank
        for b in cool
        if b.cards[0].position == card.position
        and b.cards[0].category != Category.TWIST
        and not lying_rest(b.cards[0])
    ]
    rank = max(lying) + 0.0001 if lying else max(b.rank for b in cool) - 0.0001
    if rests and rank > min(rests):
        rank = min(rests) - 0.0001  # before the rest lying down, not back to work after it
    return rank


def unfilled(planned: int, target: int) -> int:
    """Seconds a practice planned to `planned` seconds stays short of `target` past what
    counts as filling it (`time_fill.filled_within`); 0 when it fills its time."""
    short = target - planned
    return short if short > filled_within(target) else 0


def unfilled_words(seconds: int) -> str:
    """How a practice says it stays `seconds` short of its time ("2 min shorter than asked:
    ...")."""
    minutes = max(1, round(seconds / 60))
    return (
        f"{minutes} min shorter than asked: every pose it may do is held as long as its "
        "range allows"
    )
